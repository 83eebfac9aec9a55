//===----------------------------------------------------------------------===//
// A working calendar laid out over a horizon, for O(1) look-ups during a run.
//===----------------------------------------------------------------------===//

import SimEngine

/// A ``WorkingCalendar`` unrolled day by day from a start date, with absolute opening
/// times in minutes since 00:00 of the start date (``SimTime``).
///
/// Built once per scenario, it answers the questions a run asks per dossier without
/// date arithmetic: is the centre open now, when does it open next, how far does a given
/// amount of working time reach, and when is a dossier due. Its size grows with the
/// number of days, never with the number of events.
///
/// Days are numbered from the horizon's first day (day 0). The table may also reach back
/// before it (negative days, ``firstDay``): the working days of dossiers received before
/// the horizon (an initial backlog) are counted on the same calendar.
public struct CalendarTable: Sendable {
  /// The date of day 0.
  public let start: CivilDate
  /// Number of days laid out from day 0.
  public let dayCount: Int
  /// The first day laid out: 0, or negative when the table reaches back before day 0.
  public let firstDay: Int
  @usableFromInline let isWorking: [Bool]
  private let isMakeUp: [Bool]
  private let isHoliday: [Bool]
  /// Working days strictly before each day.
  private let workingOrdinal: [Int32]
  /// Day numbers of the working days, in order.
  private let workingDays: [Int32]
  /// Index of each day's first interval in `intervalStart`/`intervalEnd`; one extra entry.
  @usableFromInline let firstInterval: [Int32]
  @usableFromInline let intervalStart: [Double]
  @usableFromInline let intervalEnd: [Double]
  /// Each day's open minutes (the sum of its intervals), asked for at every sample.
  private let dayOpenMinutes: [Double]
  /// Open minutes of working days strictly before each day (from the first day laid out).
  @usableFromInline let workingOpenBefore: [Double]
  /// The receipt cut-off, minutes after midnight.
  private let cutoff: Double?

  /// Lays `calendar` out from `start` over at least `days` days, extended until it also
  /// holds `workingDaysAfter` working days beyond them (room for the deadlines of
  /// dossiers received on the last day), and reaching back `daysBefore` days before
  /// `start`.
  public init(_ calendar: WorkingCalendar, start: CivilDate, days: Int, workingDaysAfter: Int = 0, daysBefore: Int = 0) {
    self.start = start
    self.firstDay = -max(0, daysBefore)
    self.cutoff = calendar.receiptCutoff.map { Double($0.minutes) }
    var isWorking: [Bool] = []
    var isMakeUp: [Bool] = []
    var isHoliday: [Bool] = []
    var ordinal: [Int32] = []
    var working: [Int32] = []
    var first: [Int32] = []
    var starts: [Double] = []
    var ends: [Double] = []
    var day = -max(0, daysBefore)
    var workingAfter = 0
    // A calendar without a single working day is rejected by scenario validation; the
    // cap only keeps a programming error from looping forever.
    while day < days || (workingAfter < workingDaysAfter && day < days + 3660) {
      let date = start.adding(days: day)
      let works = calendar.isWorkingDay(date)
      isWorking.append(works)
      isMakeUp.append(calendar.makeUpDays.contains(date))
      isHoliday.append(calendar.holidays.contains(date) && !calendar.makeUpDays.contains(date))
      ordinal.append(Int32(working.count))
      if works {
        working.append(Int32(day))
        if day >= days { workingAfter += 1 }
      }
      first.append(Int32(starts.count))
      for interval in calendar.openingIntervals(on: date) where interval.minutes > 0 {
        starts.append(Double(day) * SimTime.minutesPerDay + Double(interval.start.minutes))
        ends.append(Double(day) * SimTime.minutesPerDay + Double(interval.end.minutes))
      }
      day += 1
    }
    first.append(Int32(starts.count))
    self.dayCount = day
    self.isWorking = isWorking
    self.isMakeUp = isMakeUp
    self.isHoliday = isHoliday
    self.workingOrdinal = ordinal
    self.workingDays = working
    self.firstInterval = first
    self.intervalStart = starts
    self.intervalEnd = ends
    let open = (0..<isWorking.count).map { i in
      (Int(first[i])..<Int(first[i + 1])).reduce(0) { $0 + ends[$1] - starts[$1] }
    }
    self.dayOpenMinutes = open
    var before: [Double] = []
    before.reserveCapacity(open.count)
    var sum = 0.0
    for i in open.indices {
      before.append(sum)
      if isWorking[i] { sum += open[i] }
    }
    self.workingOpenBefore = before
  }

  // MARK: - Days

  /// The day containing `time` (day 0 starts at time 0).
  @inlinable public func day(of time: SimTime) -> Int {
    Int((time.minutes / SimTime.minutesPerDay).rounded(.down))
  }

  /// The date of day `day`.
  public func date(ofDay day: Int) -> CivilDate { start.adding(days: day) }

  /// Whether day `day` counts towards deadlines.
  public func isWorkingDay(_ day: Int) -> Bool { isWorking[checked(day)] }

  /// Whether day `day` is laid out in the table.
  public func contains(day: Int) -> Bool { day >= firstDay && day < dayCount }

  /// Whether day `day` is a make-up day (a day off declared a working day).
  public func isMakeUpDay(_ day: Int) -> Bool { isMakeUp[checked(day)] }

  /// Whether day `day` is a public holiday (no one works).
  public func isHoliday(_ day: Int) -> Bool { isHoliday[checked(day)] }

  /// The opening intervals of day `day`, as absolute times.
  public func openIntervals(ofDay day: Int) -> [(start: SimTime, end: SimTime)] {
    let d = checked(day)
    return (Int(firstInterval[d])..<Int(firstInterval[d + 1])).map {
      (SimTime(minutes: intervalStart[$0]), SimTime(minutes: intervalEnd[$0]))
    }
  }

  /// Calls `body` with each opening interval of day `day`, as absolute minutes, in order
  /// (``openIntervals(ofDay:)`` without building an array).
  public func forEachOpenInterval(ofDay day: Int, _ body: (_ start: Double, _ end: Double) -> Void) {
    let d = checked(day)
    for i in Int(firstInterval[d])..<Int(firstInterval[d + 1]) { body(intervalStart[i], intervalEnd[i]) }
  }

  /// Total opening minutes of day `day`.
  public func openMinutes(ofDay day: Int) -> Double {
    dayOpenMinutes[checked(day)]
  }

  /// The `n`-th working day after day `day` (n = 0: `day` itself if it is a working day,
  /// else the next one).
  public func workingDay(_ n: Int, after day: Int) -> Int {
    let index = Int(workingOrdinal[checked(day)]) + n
    precondition(index >= 0 && index < workingDays.count,
                 "calendar table ends on day \(dayCount - 1); working day \(n) after day \(day) is beyond it")
    return Int(workingDays[index])
  }

  /// The working day `n` working days before day `day` (n = 0: `day` itself if it is a
  /// working day, else the last one before it); `nil` before the table's first day.
  public func workingDay(_ n: Int, before day: Int) -> Int? {
    let i = checked(day)
    let index = Int(workingOrdinal[i]) - n - (isWorking[i] ? 0 : 1)
    return index >= 0 && index < workingDays.count ? Int(workingDays[index]) : nil
  }

  /// Open minutes of working days from the table's first day up to `time` (within the
  /// table): the difference of two of these is the working time between two instants,
  /// in which deadlines are counted.
  @inlinable
  public func workingOpenMinutes(upTo time: SimTime) -> Double {
    let i = min(max(firstDay, day(of: time)), dayCount - 1) - firstDay
    var minutes = workingOpenBefore[i]
    guard isWorking[i] else { return minutes }
    var k = Int(firstInterval[i])
    let last = Int(firstInterval[i + 1])
    while k < last {
      minutes += max(0, min(time.minutes, intervalEnd[k]) - intervalStart[k])
      k &+= 1
    }
    return minutes
  }

  // MARK: - Opening times

  /// Whether the centre is open at `time` (intervals are [start, end)).
  public func isOpen(at time: SimTime) -> Bool {
    let day = day(of: time)
    guard day >= firstDay && day < dayCount else { return false }
    let d = day - firstDay
    for i in Int(firstInterval[d])..<Int(firstInterval[d + 1])
    where intervalStart[i] <= time.minutes && time.minutes < intervalEnd[i] {
      return true
    }
    return false
  }

  /// The first instant at or after `time` at which the centre is open, with the end of
  /// that open interval; `nil` beyond the table.
  public func openInterval(atOrAfter time: SimTime) -> (start: SimTime, end: SimTime)? {
    var d = max(firstDay, day(of: time)) - firstDay
    while d < isWorking.count {
      for i in Int(firstInterval[d])..<Int(firstInterval[d + 1]) where intervalEnd[i] > time.minutes {
        return (SimTime(minutes: max(intervalStart[i], time.minutes)), SimTime(minutes: intervalEnd[i]))
      }
      d += 1
    }
    return nil
  }

  /// The instant at which `minutes` of open time have elapsed from `time`, counting only
  /// opening intervals (of working days only, when `workingDaysOnly`).
  ///
  /// - Precondition: the table is long enough (see ``advanceWithin(_:byOpenMinutes:workingDaysOnly:)``).
  public func advance(_ time: SimTime, byOpenMinutes minutes: Double, workingDaysOnly: Bool = false) -> SimTime {
    guard let end = advanceWithin(time, byOpenMinutes: minutes, workingDaysOnly: workingDaysOnly) else {
      preconditionFailure("calendar table ends on day \(dayCount - 1) before \(minutes) open minutes from \(time)")
    }
    return end
  }

  /// Like ``advance(_:byOpenMinutes:workingDaysOnly:)``, or `nil` when the table ends first.
  public func advanceWithin(_ time: SimTime, byOpenMinutes minutes: Double, workingDaysOnly: Bool = false) -> SimTime? {
    var remaining = minutes
    var d = max(firstDay, day(of: time)) - firstDay
    while d < isWorking.count {
      if !workingDaysOnly || isWorking[d] {
        for i in Int(firstInterval[d])..<Int(firstInterval[d + 1]) where intervalEnd[i] > time.minutes {
          let from = max(intervalStart[i], time.minutes)
          let available = intervalEnd[i] - from
          if remaining <= available { return SimTime(minutes: from + remaining) }
          remaining -= available
        }
      }
      d += 1
    }
    return nil
  }

  /// Working days from the day of `due` to the day of `time` (0: the same day or none in
  /// between; 1: `time` is on the next working day ...).
  public func workingDaysLate(due: SimTime, at time: SimTime) -> Int {
    let a = min(max(firstDay, day(of: due)), dayCount - 1) - firstDay
    let b = min(max(firstDay, day(of: time)), dayCount - 1) - firstDay
    return max(0, Int(workingOrdinal[b]) - Int(workingOrdinal[a]) - (isWorking[a] ? 1 : 0) + (isWorking[b] ? 1 : 0))
  }

  /// The end of the last opening interval of day `day` (24:00 when it has none).
  public func closingTime(ofDay day: Int) -> SimTime {
    let d = checked(day)
    let last = Int(firstInterval[d + 1]) - 1
    return SimTime(minutes: last >= Int(firstInterval[d]) ? intervalEnd[last] : Double(day + 1) * SimTime.minutesPerDay)
  }

  // MARK: - Receipt and deadlines

  /// The working day a dossier received at `time` counts as received on: the same day
  /// if it is a working day and the time is not after the cut-off, else the next working
  /// day.
  public func receiptDay(of time: SimTime) -> Int {
    let d = day(of: time)
    let minuteOfDay = time.minutes - Double(d) * SimTime.minutesPerDay
    if isWorking[checked(d)], cutoff.map({ minuteOfDay <= $0 }) ?? true { return d }
    return workingDay(0, after: d + 1)
  }

  /// When a dossier received at `time` falls due.
  ///
  /// - `workingDays(n)`: at the close of the n-th working day after the receipt day
  ///   (n = 0: the close of the receipt day itself). The receipt day moves to the next
  ///   working day after the cut-off or on a non-working day (see ``receiptDay(of:)``).
  /// - `workingHours(h)`: after h hours of opening time on working days, counted from
  ///   `time`.
  public func dueTime(receivedAt time: SimTime, deadline: Deadline) -> SimTime {
    switch deadline {
    case .workingDays(let n):
      return closingTime(ofDay: workingDay(n, after: receiptDay(of: time)))
    case .workingHours(let hours):
      return advance(time, byOpenMinutes: hours * 60, workingDaysOnly: true)
    }
  }

  /// The position of day `day` in the tables.
  @inline(__always)
  private func checked(_ day: Int) -> Int {
    precondition(day >= firstDay && day < dayCount, "day \(day) is outside the calendar table (\(firstDay)..<\(dayCount))")
    return day - firstDay
  }
}
