//===----------------------------------------------------------------------===//
// Due times of received dossiers, remembered per procedure.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine

/// The due time of each receipt, asking the calendar once per procedure and receipt day
/// rather than once per dossier.
///
/// Under a deadline in working days the due time depends only on the receipt day, and
/// the receipt day only on the day of receipt and on which side of the receipt cut-off
/// the receipt falls (``CalendarTable/receiptDay(of:)``); so the last answer per
/// procedure is kept with that (day, side) key and reused while it matches. The span of
/// times with the key is remembered too (``StepMemo``), so that a receipt within it
/// reuses the answer without working out the day. A deadline in working hours depends on
/// the exact time and is computed each time.
struct DueDates: ~Copyable {
  /// The calendar's receipt cut-off, minutes after midnight (nil: none).
  private let cutoff: Double?
  private var memo: UniqueArray<Memo>

  /// The last due time computed for a procedure, the receipt (day, side) it is for, and
  /// the receipt times it holds for.
  /// (Not `private`: Swift 6.3 debug builds then fail with a linkage error, a private
  /// type nested in a noncopyable struct being used from another file.)
  struct Memo {
    var day = -1
    var beforeCutoff = false
    var due = 0.0
    var dueDay = 0
    var span = StepMemo<Void>(())
  }

  init(cutoff: ClockTime?, procedures: Int) {
    self.cutoff = cutoff.map { Double($0.minutes) }
    memo = UniqueArray(repeating: Memo(), count: procedures)
  }

  /// The remembered due time and day of a receipt of procedure `procedure` at `time`, if
  /// it falls within the span of the last one's key (else ask ``due(procedure:deadline:receivedAt:calendar:)``).
  @inline(__always)
  func remembered(procedure: Int, receivedAt time: Double) -> (due: Double, dueDay: Int)? {
    memo[procedure].span.lookup(time) == nil ? nil : (memo[procedure].due, memo[procedure].dueDay)
  }

  /// When a dossier of procedure `procedure` received at `time` falls due, and the day
  /// that is on.
  mutating func due(procedure: Int, deadline: Deadline, receivedAt time: SimTime, calendar: borrowing CalendarTable)
    -> (due: Double, dueDay: Int)
  {
    if memo[procedure].span.lookup(time.minutes) == nil { refresh(procedure: procedure, deadline: deadline, time, calendar) }
    return (memo[procedure].due, memo[procedure].dueDay)
  }

  /// Makes `memo[procedure]` answer for `time`: the same key reuses the answer, another
  /// key asks the calendar (every time under a deadline in working hours).
  private mutating func refresh(procedure: Int, deadline: Deadline, _ time: SimTime, _ calendar: borrowing CalendarTable) {
    guard case .workingDays = deadline else {
      let (due, dueDay) = Self.compute(deadline, time, calendar)
      memo[procedure].due = due
      memo[procedure].dueDay = dueDay
      return
    }
    let (day, beforeCutoff) = receiptKey(time.minutes, calendar)
    if memo[procedure].day != day || memo[procedure].beforeCutoff != beforeCutoff {
      let (due, dueDay) = Self.compute(deadline, time, calendar)
      memo[procedure] = Memo(day: day, beforeCutoff: beforeCutoff, due: due, dueDay: dueDay)
    }
    // The key changes at the cut-off (if before it) or at the next midnight.
    let candidate = Double(day) * SimTime.minutesPerDay + (beforeCutoff ? cutoff ?? SimTime.minutesPerDay : SimTime.minutesPerDay)
    let until = StepMemo<Void>.nextChange(after: time.minutes, near: candidate) { t in
      let (day, before) = receiptKey(t, calendar)
      return 2 * day + (before ? 0 : 1)
    }
    memo[procedure].span.remember((), from: time.minutes, until: until)
  }

  /// The receipt's day and whether it falls before the cut-off (the same test as
  /// CalendarTable.receiptDay(of:)).
  private func receiptKey(_ minutes: Double, _ calendar: borrowing CalendarTable) -> (day: Int, beforeCutoff: Bool) {
    let day = calendar.day(of: SimTime(minutes: minutes))
    return (day, cutoff.map { minutes - Double(day) * SimTime.minutesPerDay <= $0 } ?? true)
  }

  private static func compute(_ deadline: Deadline, _ time: SimTime, _ calendar: borrowing CalendarTable) -> (Double, Int) {
    let due = calendar.dueTime(receivedAt: time, deadline: deadline)
    return (due.minutes, calendar.day(of: due))
  }
}
