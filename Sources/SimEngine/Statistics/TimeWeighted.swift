//===----------------------------------------------------------------------===//
// Time-weighted statistics of a piecewise-constant quantity.
//===----------------------------------------------------------------------===//

/// The time integral, maximum and current value of a quantity that changes at events
/// (queue length, busy servers, staff on duty).
public struct TimeWeighted: Sendable, Equatable {
  /// The current value.
  public var value: Double { _value }
  @usableFromInline var _value: Double
  /// The largest value held so far.
  public var maximum: Double { _maximum }
  @usableFromInline var _maximum: Double
  /// ∫ value dt from the start up to `lastChange`.
  public var area: Double { _area }
  @usableFromInline var _area: Double = 0
  /// When the value last changed (or the integral was last brought up to date).
  public var lastChange: SimTime { _lastChange }
  @usableFromInline var _lastChange: SimTime

  /// Starts at `value` at time `start`.
  public init(_ value: Double = 0, at start: SimTime = .zero) {
    _value = value
    _maximum = value
    _lastChange = start
  }

  /// Sets the value to `newValue` from time `now` on.
  @inlinable
  public mutating func set(_ newValue: Double, at now: SimTime) {
    _area += _value * (now.minutes - _lastChange.minutes)
    _lastChange = now
    _value = newValue
    if newValue > _maximum { _maximum = newValue }
  }

  /// Adds `delta` to the value from time `now` on.
  @inlinable
  public mutating func add(_ delta: Double, at now: SimTime) {
    set(value + delta, at: now)
  }

  /// ∫ value dt from the start up to `now`.
  public func integral(upTo now: SimTime) -> Double {
    area + value * (now.minutes - lastChange.minutes)
  }
}
