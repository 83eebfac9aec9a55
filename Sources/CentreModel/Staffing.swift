//===----------------------------------------------------------------------===//
// Who is on duty, when, and how fast.
//===----------------------------------------------------------------------===//

import SimRandom

/// A group of interchangeable staff with the same schedule: the permanent staff of a
/// pool, a shift, a campaign's reinforcement, youth volunteers, transferred officials.
///
/// A member of a crew is on duty when the pool works, the date is within
/// [`from`, `to`], the weekday is one of `weekdays`, the time is within `hours` (when
/// given), and the member is not absent that day (each member is absent on a day with
/// probability `absence`, independently).
public struct Crew: Sendable, Hashable {
  /// Members.
  public var count: Int
  /// First day on duty (`nil`: from the start).
  public var from: CivilDate?
  /// Last day on duty (`nil`: to the end).
  public var to: CivilDate?
  /// Weekdays on duty (`nil`: every day the pool works).
  public var weekdays: Set<Weekday>?
  /// Hours on duty within the pool's hours (`nil`: all of them).
  public var hours: [OpeningInterval]?
  /// Work rate relative to an experienced official (0.7: 30% slower).
  public var speed: Double
  /// Daily probability that a member is absent.
  public var absence: Double
  /// Slower work at first, improving with experience (`nil`: experienced).
  public var learning: LearningCurve?
  /// Free text: why this crew exists ("45-day campaign", "transfer from ...").
  public var note: String

  /// A crew of `count` members.
  public init(
    count: Int, from: CivilDate? = nil, to: CivilDate? = nil, weekdays: Set<Weekday>? = nil,
    hours: [OpeningInterval]? = nil, speed: Double = 1, absence: Double = 0, learning: LearningCurve? = nil,
    note: String = ""
  ) {
    self.count = count
    self.from = from
    self.to = to
    self.weekdays = weekdays
    self.hours = hours
    self.speed = speed
    self.absence = absence
    self.learning = learning
    self.note = note
  }

  /// Whether the crew's dates and weekdays include `date`.
  public func covers(_ date: CivilDate) -> Bool {
    if let from, date < from { return false }
    if let to, date > to { return false }
    return weekdays?.contains(date.weekday) ?? true
  }
}

/// New staff work slower at first: work takes `initialMultiplier` times as long on the
/// first day, falling linearly to normal after `days` calendar days.
public struct LearningCurve: Sendable, Hashable {
  /// Work-time multiplier on the first day (1.3: 30% longer).
  public var initialMultiplier: Double
  /// Days until work takes normal time.
  public var days: Double
  /// The day the staff started (`nil`: the crew's `from`, or the start of the horizon).
  public var start: CivilDate?

  /// A learning curve.
  public init(initialMultiplier: Double, days: Double, start: CivilDate? = nil) {
    self.initialMultiplier = initialMultiplier
    self.days = days
    self.start = start
  }

  /// The multiplier after `elapsedDays` days.
  public func multiplier(afterDays elapsedDays: Double) -> Double {
    guard days > 0 else { return 1 }
    let remaining = max(0, 1 - max(0, elapsedDays) / days)
    return 1 + (initialMultiplier - 1) * remaining
  }
}

/// The staff of a pool: one or more crews.
public struct Staffing: Sendable, Hashable {
  /// The crews; a member belongs to exactly one.
  public var crews: [Crew]

  /// Staffing made of `crews`.
  public init(_ crews: [Crew]) { self.crews = crews }

  /// `count` experienced staff on duty whenever the pool works.
  public static func fixed(_ count: Int) -> Staffing { Staffing(count > 0 ? [Crew(count: count)] : []) }

  /// Members over all crews (the most that can ever be on duty).
  public var size: Int { crews.reduce(0) { $0 + $1.count } }

  /// Members whose crew covers `date` (absences aside).
  public func size(on date: CivilDate) -> Int {
    crews.filter { $0.covers(date) }.reduce(0) { $0 + $1.count }
  }
}
