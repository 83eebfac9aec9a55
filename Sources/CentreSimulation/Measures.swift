//===----------------------------------------------------------------------===//
// The quantities a run reports, named once.
//===----------------------------------------------------------------------===//

/// A family of named quantities measured by a run (its KPIs, per procedure, per day ...).
///
/// Results store one `Double` per case, in case order; outputs use `id` (snake_case) as
/// the column or key, and `label` and `unit` for people.
public protocol Measure: CaseIterable, Hashable, Sendable where AllCases == [Self] {
  /// Position in a result's value array.
  var index: Int { get }
  /// snake_case identifier for files.
  var id: String { get }
  /// Every case's `id`, in case order: a `static let` in each family, so that each is
  /// built once (`String(describing:)` of a case goes through reflection, about 20,000
  /// instructions, and the reports ask for ids by the thousand).
  static var ids: [String] { get }
  /// Short description for people.
  var label: String { get }
  /// Unit ("dossiers", "min", "share" ...).
  var unit: String { get }
}

extension Measure where Self: RawRepresentable, RawValue == Int {
  public var index: Int { rawValue }
  public var id: String { Self.ids[rawValue] }

  /// The snake_case names of the cases ("counterWaitP90" → "counter_wait_p90"), for `ids`.
  public static func derivedIDs() -> [String] { allCases.map { snakeCase(String(describing: $0)) } }
}

/// Values of every measure of family `M`, in case order.
public struct Measurements<M: Measure>: Sendable, Equatable {
  /// One value per case of `M` (NaN when undefined, e.g. a rate with no dossiers).
  public var values: [Double]

  /// All values NaN.
  public init() { values = Array(repeating: .nan, count: M.allCases.count) }

  /// The value of `measure`.
  public subscript(measure: M) -> Double {
    get { values[measure.index] }
    set { values[measure.index] = newValue }
  }

  /// Bit-for-bit equality: two undefined (NaN) values are equal, so that reproducibility
  /// can be checked with `==`.
  public static func == (a: Self, b: Self) -> Bool {
    a.values.map(\.bitPattern) == b.values.map(\.bitPattern)
  }
}

/// Run-level KPIs of one replication (all centres together).
public enum RunMeasure: Int, Measure {
  case arrivals, counterServed, received, completed, completedOnTime, completedLate
  case overdueOpen, overdue, onTimeRate, processedShare
  case backlogEnd, inSystemEnd, waitingEnd, carriedOver
  case balked, reneged, turnedAway, handedBack, returnedFromBackOffice, comeBacks, abandoned
  case overdueOpenAge0to1, overdueOpenAge2to5, overdueOpenAge6to10, overdueOpenAgeOver10
  case counterWaitMean, counterWaitP50, counterWaitP90, counterWaitP95, counterWaitMax, counterWaitPriorityMean
  case counterQueueMean, counterQueueMax, counterUtilisation
  case backOfficeWaitMean, backOfficeUtilisation, turnaroundMean, outageMinutes
  // The initial backlog (dossiers pending at the start) and the new dossiers.
  case initialBacklog, initialCompleted, initialOverdue, newOverdue, initialCleared, initialClearedDay
  // Waits under overload: every citizen who took a ticket; those still waiting at the end.
  case counterWaitAllMean, waitingEndMeanWait, delayProbability
  // Open dossiers at the end by the share of their deadline used (past due: overdue_open).
  case openDeadlineUsedUnder50, openDeadlineUsed50to80, openDeadlineUsed80to100
  case backlogTrendPerWeek
  case backOfficeWaitWorkingHours, turnaroundWorkingDays

  public static let ids = derivedIDs()

  /// The window of ``backlogTrendPerWeek``: the last four weeks of the horizon (after the
  /// warm-up), or its whole weeks when shorter; none under two weeks.
  public static func trendWindow(days: Int, warmUpDays: Int) -> Range<Int>? {
    let available = days - warmUpDays
    guard available >= 14 else { return nil }
    let length = min(28, available / 7 * 7)
    return (days - length)..<days
  }

  public var label: String {
    switch self {
    case .arrivals: return "Dossiers arrived (all channels)"
    case .counterServed: return "Citizens called to a counter"
    case .received: return "Dossiers received"
    case .completed: return "Dossiers completed"
    case .completedOnTime: return "Completed on time"
    case .completedLate: return "Completed late"
    case .overdueOpen: return "Open past their due date at the end"
    case .overdue: return "Overdue (late + open past due)"
    case .onTimeRate: return "On-time rate"
    case .processedShare: return "Share of arrivals completed"
    case .backlogEnd: return "Backlog at the end (received, not completed)"
    case .inSystemEnd: return "In the system at the end (arrived, not completed)"
    case .waitingEnd: return "Waiting for a counter at the end"
    case .carriedOver: return "Sent home at closing to return next opening"
    case .balked: return "Left on seeing the queue (balked)"
    case .reneged: return "Gave up waiting (reneged)"
    case .turnedAway: return "Turned away by the daily ticket cap"
    case .handedBack: return "Handed back incomplete at reception"
    case .returnedFromBackOffice: return "Returned for supplement by the back office"
    case .comeBacks: return "Visits by citizens coming back"
    case .abandoned: return "Dossiers abandoned for good"
    case .overdueOpenAge0to1: return "Open past due by 0-1 working days"
    case .overdueOpenAge2to5: return "Open past due by 2-5 working days"
    case .overdueOpenAge6to10: return "Open past due by 6-10 working days"
    case .overdueOpenAgeOver10: return "Open past due by over 10 working days"
    case .counterWaitMean: return "Counter wait, mean (served)"
    case .counterWaitP50: return "Counter wait, median (served)"
    case .counterWaitP90: return "Counter wait, 90th percentile (served)"
    case .counterWaitP95: return "Counter wait, 95th percentile (served)"
    case .counterWaitMax: return "Counter wait, maximum (served)"
    case .counterWaitPriorityMean: return "Counter wait of priority citizens, mean"
    case .counterQueueMean: return "Counter queue, time average"
    case .counterQueueMax: return "Counter queue, maximum"
    case .counterUtilisation: return "Counter staff utilisation"
    case .backOfficeWaitMean: return "Back-office wait (real time), mean"
    case .backOfficeUtilisation: return "Back-office staff utilisation"
    case .turnaroundMean: return "Turnaround (receipt to completion, real time), mean"
    case .outageMinutes: return "Outage time"
    case .initialBacklog: return "Dossiers pending at the start (initial backlog)"
    case .initialCompleted: return "Initial backlog completed"
    case .initialOverdue: return "Overdue among the initial backlog"
    case .newOverdue: return "Overdue among new dossiers"
    case .initialCleared: return "Initial backlog cleared by the end"
    case .initialClearedDay: return "Day the initial backlog was cleared (0: the first day)"
    case .counterWaitAllMean: return "Counter wait, mean (everyone who took a ticket, to the end)"
    case .waitingEndMeanWait: return "Wait so far of those still waiting at the end, mean"
    case .delayProbability: return "Share of citizens served who had to wait"
    case .openDeadlineUsedUnder50: return "Open at the end, under half their deadline used"
    case .openDeadlineUsed50to80: return "Open at the end, 50-80% of their deadline used"
    case .openDeadlineUsed80to100: return "Open at the end, 80-100% of their deadline used"
    case .backlogTrendPerWeek: return "Backlog trend over the last weeks"
    case .backOfficeWaitWorkingHours: return "Back-office wait in working time, mean"
    case .turnaroundWorkingDays: return "Turnaround (receipt to completion) in working time, mean"
    }
  }

  public var unit: String {
    switch self {
    case .onTimeRate, .processedShare, .counterUtilisation, .backOfficeUtilisation, .initialCleared, .delayProbability:
      return "share"
    case .counterWaitMean, .counterWaitP50, .counterWaitP90, .counterWaitP95, .counterWaitMax, .counterWaitPriorityMean,
      .backOfficeWaitMean, .outageMinutes, .counterWaitAllMean, .waitingEndMeanWait:
      return "min"
    case .turnaroundMean: return "h"
    case .backOfficeWaitWorkingHours: return "working hours"
    case .turnaroundWorkingDays: return "working days"
    case .initialClearedDay: return "day"
    case .backlogTrendPerWeek: return "dossiers/week"
    case .counterQueueMean, .counterQueueMax, .carriedOver, .counterServed, .waitingEnd, .balked, .reneged,
      .turnedAway, .comeBacks:
      return "citizens"
    default: return "dossiers"
    }
  }
}

/// Per-procedure KPIs of one replication.
public enum ProcedureMeasure: Int, Measure {
  case arrivals, received, completed, completedOnTime, completedLate, overdueOpen, onTimeRate, abandoned
  case counterWaitMean, turnaroundMean, turnaroundWorkingDays

  public static let ids = derivedIDs()

  public var label: String {
    switch self {
    case .arrivals: return "Arrivals"
    case .received: return "Received"
    case .completed: return "Completed"
    case .completedOnTime: return "Completed on time"
    case .completedLate: return "Completed late"
    case .overdueOpen: return "Open past due at the end"
    case .onTimeRate: return "On-time rate"
    case .abandoned: return "Abandoned"
    case .counterWaitMean: return "Counter wait, mean"
    case .turnaroundMean: return "Turnaround, mean"
    case .turnaroundWorkingDays: return "Turnaround in working days, mean"
    }
  }

  public var unit: String {
    switch self {
    case .onTimeRate: return "share"
    case .counterWaitMean: return "min"
    case .turnaroundMean: return "h"
    case .turnaroundWorkingDays: return "working days"
    default: return "dossiers"
    }
  }
}

/// Per-centre KPIs of one replication.
public enum CentreMeasure: Int, Measure {
  case arrivals, received, completed, completedLate, overdueOpen, overdue, onTimeRate, processedShare
  case backlogEnd, abandoned, carriedOver, counterWaitMean, counterWaitP90, counterQueueMax
  case counterStaffHours, backOfficeStaffHours, counterUtilisation, backOfficeUtilisation
  case initialBacklog, initialClearedDay, backlogTrendPerWeek

  public static let ids = derivedIDs()

  public var label: String {
    switch self {
    case .arrivals: return "Arrivals"
    case .received: return "Received"
    case .completed: return "Completed"
    case .completedLate: return "Completed late"
    case .overdueOpen: return "Open past due at the end"
    case .overdue: return "Overdue"
    case .onTimeRate: return "On-time rate"
    case .processedShare: return "Share of arrivals completed"
    case .backlogEnd: return "Backlog at the end"
    case .abandoned: return "Abandoned"
    case .carriedOver: return "Sent home at closing"
    case .counterWaitMean: return "Counter wait, mean"
    case .counterWaitP90: return "Counter wait, 90th percentile"
    case .counterQueueMax: return "Counter queue, maximum"
    case .counterStaffHours: return "Counter staff-hours on duty"
    case .backOfficeStaffHours: return "Back-office staff-hours on duty"
    case .counterUtilisation: return "Counter staff utilisation"
    case .backOfficeUtilisation: return "Back-office staff utilisation"
    case .initialBacklog: return "Dossiers pending at the start"
    case .initialClearedDay: return "Day the initial backlog was cleared (0: the first day)"
    case .backlogTrendPerWeek: return "Backlog trend over the last weeks"
    }
  }

  public var unit: String {
    switch self {
    case .onTimeRate, .processedShare, .counterUtilisation, .backOfficeUtilisation: return "share"
    case .counterStaffHours, .backOfficeStaffHours: return "h"
    case .counterWaitMean, .counterWaitP90: return "min"
    case .carriedOver, .counterQueueMax: return "citizens"
    case .initialClearedDay: return "day"
    case .backlogTrendPerWeek: return "dossiers/week"
    default: return "dossiers"
    }
  }
}

/// Per-channel KPIs of one replication.
public enum ChannelMeasure: Int, Measure {
  case arrivals, completed, completedLate, onTimeRate, turnaroundMean

  public static let ids = derivedIDs()

  public var label: String {
    switch self {
    case .arrivals: return "Arrivals"
    case .completed: return "Completed"
    case .completedLate: return "Completed late"
    case .onTimeRate: return "On-time rate"
    case .turnaroundMean: return "Turnaround, mean"
    }
  }

  public var unit: String {
    switch self {
    case .onTimeRate: return "share"
    case .turnaroundMean: return "h"
    default: return "dossiers"
    }
  }
}

/// Per-pool KPIs of one replication (a pool name summed over the centres that have it).
public enum PoolMeasure: Int, Measure {
  case staffOnDutyHours, busyHours, utilisation

  public static let ids = derivedIDs()

  public var label: String {
    switch self {
    case .staffOnDutyHours: return "Staff-hours on duty"
    case .busyHours: return "Staff-hours busy"
    case .utilisation: return "Utilisation"
    }
  }

  public var unit: String { self == .utilisation ? "share" : "h" }
}

/// Per-day quantities of one replication (flows during the day, stocks at midnight).
public enum DayMeasure: Int, Measure {
  case arrivals, received, completed, completedLate, backlog, inSystem, overdueOpen
  case counterWaitMean, counterQueueMax, carriedOver, abandoned, initialOpen, backOfficeQueue

  public static let ids = derivedIDs()

  public var label: String {
    switch self {
    case .arrivals: return "Arrivals"
    case .received: return "Received"
    case .completed: return "Completed"
    case .completedLate: return "Completed late"
    case .backlog: return "Backlog at midnight"
    case .inSystem: return "In the system at midnight"
    case .overdueOpen: return "Open past due at midnight"
    case .counterWaitMean: return "Counter wait, mean"
    case .counterQueueMax: return "Counter queue, maximum"
    case .carriedOver: return "Sent home at closing"
    case .abandoned: return "Abandoned"
    case .initialOpen: return "Initial backlog still open at midnight"
    case .backOfficeQueue: return "Waiting in back-office queues at midnight"
    }
  }

  public var unit: String {
    switch self {
    case .counterWaitMean: return "min"
    case .counterQueueMax, .carriedOver: return "citizens"
    default: return "dossiers"
    }
  }
}

/// Per-day, per-centre quantities (the backlog trajectory of each centre).
public enum CentreDayMeasure: Int, Measure {
  case arrivals, completed, backlog, overdueOpen

  public static let ids = derivedIDs()

  public var label: String {
    switch self {
    case .arrivals: return "Arrivals"
    case .completed: return "Completed"
    case .backlog: return "Backlog at midnight"
    case .overdueOpen: return "Open past due at midnight"
    }
  }

  public var unit: String { "dossiers" }
}

/// Per hour of the day, over the open days after the warm-up (all centres together): the
/// profile of a typical day, sampled every 10 minutes (at :05, :15, ... :55).
public enum HourMeasure: Int, Measure {
  case walkInArrivals, counterQueueMean, counterLoadMean, counterStaffMean, counterWaitMean, delayProbability

  public static let ids = derivedIDs()

  public var label: String {
    switch self {
    case .walkInArrivals: return "Walk-in arrivals per open day"
    case .counterQueueMean: return "Citizens waiting for a counter, mean"
    case .counterLoadMean: return "Citizens waiting plus counter staff busy (serving, or helping the back office), mean"
    case .counterStaffMean: return "Counter staff present, mean"
    case .counterWaitMean: return "Counter wait of those who took a ticket in this hour, mean"
    case .delayProbability: return "Share of those who had to wait"
    }
  }

  public var unit: String {
    switch self {
    case .walkInArrivals: return "dossiers"
    case .counterQueueMean, .counterLoadMean: return "citizens"
    case .counterStaffMean: return "staff"
    case .counterWaitMean: return "min"
    case .delayProbability: return "share"
    }
  }
}

/// The cohort of dossiers that arrived in a ``DateWindow`` and its state at the window's
/// end (24:00 of its last day, or the horizon's end): counts, and the shares published
/// for a period (processed, online, on time).
public enum WindowMeasure: Int, Measure {
  case arrivals, onlineArrivals, received, completed, completedOnTime, completedLate, overdueOpen, overdue
  case backlogEnd, processedShare, onlineShare, onTimeRate

  public static let ids = derivedIDs()

  public var label: String {
    switch self {
    case .arrivals: return "Dossiers arrived in the window"
    case .onlineArrivals: return "Of them, online"
    case .received: return "Of them, received by its end"
    case .completed: return "Of them, completed by its end"
    case .completedOnTime: return "Of them, completed on time by its end"
    case .completedLate: return "Of them, completed late by its end"
    case .overdueOpen: return "Of them, open past due at its end"
    case .overdue: return "Of them, overdue by its end (late + open past due)"
    case .backlogEnd: return "Of them, received and not completed at its end"
    case .processedShare: return "Share completed by its end"
    case .onlineShare: return "Share online"
    case .onTimeRate: return "On-time rate by its end"
    }
  }

  public var unit: String {
    switch self {
    case .processedShare, .onlineShare, .onTimeRate: return "share"
    default: return "dossiers"
    }
  }
}

/// The distribution of the counter wait (after the warm-up): the share of citizens served
/// who waited at most a given time.
public enum WaitBand: Int, Measure {
  case noWait, upTo5, upTo10, upTo15, upTo20, upTo30, upTo45, upTo60, upTo90, upTo120, upTo180, upTo240

  /// The band's upper limit in minutes (0: served without waiting, to the histogram's
  /// resolution of 1/1024 min).
  public var minutes: Double { [0, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240][rawValue] }

  public static let ids = allCases.map { "waited_at_most_\(Int($0.minutes))_min" }
  public var label: String { rawValue == 0 ? "Served without waiting" : "Waited at most \(Int(minutes)) min" }
  public var unit: String { "share" }
}

/// "counterWaitP90" → "counter_wait_p90"; digits start a new word ("age0to1" → "age0to1").
func snakeCase(_ camel: String) -> String {
  var out = ""
  for character in camel {
    if character.isUppercase {
      out.append("_")
      out.append(contentsOf: character.lowercased())
    } else {
      out.append(character)
    }
  }
  return out
}

/// Everything one replication measured.
public struct ReplicationResult: Sendable, Equatable {
  /// Replication index (0-based).
  public var replication: Int
  /// Events the engine processed.
  public var events: UInt64
  /// Run-level KPIs.
  public var totals: Measurements<RunMeasure>
  /// Per-procedure KPIs, in catalogue order.
  public var procedures: [Measurements<ProcedureMeasure>]
  /// Per-centre KPIs, in scenario order.
  public var centres: [Measurements<CentreMeasure>]
  /// Per-channel KPIs, in `Channel` order.
  public var channels: [Measurements<ChannelMeasure>]
  /// Per-pool KPIs, in `ModelPlan.poolKinds` order.
  public var pools: [Measurements<PoolMeasure>]
  /// Per-day values, one per day of the horizon.
  public var days: [Measurements<DayMeasure>]
  /// Per day and centre: `centreDays[day * centres + centre]`.
  public var centreDays: [Measurements<CentreDayMeasure>]
  /// The day the run stopped because more than `ModelPlan.maxInSystem` dossiers were in
  /// the system (nil: it ran to the end of the horizon). Days from then on are NaN.
  public var stoppedOnDay: Int?
  /// Per hour of the day, 0 to 23 (see ``HourMeasure``).
  public var hours: [Measurements<HourMeasure>]
  /// The distribution of the counter wait.
  public var waitShares: Measurements<WaitBand>
  /// With `ModelPlan.recordsLoadByHour`: per hour h and load n (citizens waiting plus
  /// counter staff busy), how many samples saw n, at `h * 257 + min(n, 256)`.
  /// Empty otherwise.
  public var counterLoadByHour: [Int]
  /// Per ``Scenario/windows`` window, its cohort's figures.
  public var windows: [Measurements<WindowMeasure>] = []
}
