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
/// procedure is kept with that (day, side) key and reused while it matches. A deadline
/// in working hours depends on the exact time and is computed each time.
struct DueDates: ~Copyable {
  /// The calendar's receipt cut-off, minutes after midnight (nil: none).
  private let cutoff: Double?
  private var memo: UniqueArray<Memo>

  /// The last due time computed for a procedure, and the receipt (day, side) it is for.
  /// (Not `private`: Swift 6.3 debug builds then fail with a linkage error, a private
  /// type nested in a noncopyable struct being used from another file.)
  struct Memo {
    var day = -1
    var beforeCutoff = false
    var due = 0.0
    var dueDay = 0
  }

  init(cutoff: ClockTime?, procedures: Int) {
    self.cutoff = cutoff.map { Double($0.minutes) }
    memo = UniqueArray(repeating: Memo(), count: procedures)
  }

  /// When a dossier of procedure `procedure` received at `time` falls due, and the day
  /// that is on.
  @inline(__always)
  mutating func due(procedure: Int, deadline: Deadline, receivedAt time: SimTime, calendar: CalendarTable)
    -> (due: Double, dueDay: Int)
  {
    guard case .workingDays = deadline else { return Self.compute(deadline, time, calendar) }
    // The same test as CalendarTable.receiptDay(of:).
    let day = calendar.day(of: time)
    let beforeCutoff = cutoff.map { time.minutes - Double(day) * SimTime.minutesPerDay <= $0 } ?? true
    if memo[procedure].day != day || memo[procedure].beforeCutoff != beforeCutoff {
      let (due, dueDay) = Self.compute(deadline, time, calendar)
      memo[procedure] = Memo(day: day, beforeCutoff: beforeCutoff, due: due, dueDay: dueDay)
    }
    return (memo[procedure].due, memo[procedure].dueDay)
  }

  private static func compute(_ deadline: Deadline, _ time: SimTime, _ calendar: CalendarTable) -> (Double, Int) {
    let due = calendar.dueTime(receivedAt: time, deadline: deadline)
    return (due.minutes, calendar.day(of: due))
  }
}
