//===----------------------------------------------------------------------===//
// Simulated time: minutes since the start of the horizon.
//===----------------------------------------------------------------------===//

/// A point in simulated time, in minutes since the start of the simulated horizon.
///
/// onestop counts time in minutes from 00:00 on the first day of the horizon; day `d`
/// begins at `d × 1440`. There are no time zones and no daylight-saving shifts.
public struct SimTime: Comparable, Hashable, Sendable, CustomStringConvertible {
  /// Minutes since the start of the horizon.
  public var minutes: Double

  /// The instant `minutes` minutes after the start of the horizon.
  @inlinable public init(minutes: Double) { self.minutes = minutes }

  /// The start of the horizon (a computed constant: no lazy global's accessor).
  @inlinable public static var zero: SimTime { SimTime(minutes: 0) }

  /// Minutes in a day (a computed constant: no lazy global's accessor).
  @inlinable public static var minutesPerDay: Double { 1440 }

  @inlinable public static func < (a: SimTime, b: SimTime) -> Bool { a.minutes < b.minutes }

  @inlinable public static func + (t: SimTime, d: SimDuration) -> SimTime {
    SimTime(minutes: t.minutes + d.minutes)
  }

  @inlinable public static func - (a: SimTime, b: SimTime) -> SimDuration {
    SimDuration(minutes: a.minutes - b.minutes)
  }

  public var description: String { "t=\(minutes)min" }
}

/// A length of simulated time, in minutes.
public struct SimDuration: Comparable, Hashable, Sendable, CustomStringConvertible {
  /// Length in minutes.
  public var minutes: Double

  /// A duration of `minutes` minutes.
  @inlinable public init(minutes: Double) { self.minutes = minutes }

  /// A duration of `hours` hours.
  @inlinable public static func hours(_ hours: Double) -> SimDuration { SimDuration(minutes: hours * 60) }

  /// No time at all (a computed constant: no lazy global's accessor).
  @inlinable public static var zero: SimDuration { SimDuration(minutes: 0) }

  @inlinable public static func < (a: SimDuration, b: SimDuration) -> Bool { a.minutes < b.minutes }
  @inlinable public static func + (a: SimDuration, b: SimDuration) -> SimDuration {
    SimDuration(minutes: a.minutes + b.minutes)
  }

  public var description: String { "\(minutes)min" }
}
