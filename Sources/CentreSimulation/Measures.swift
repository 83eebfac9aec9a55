//===----------------------------------------------------------------------===//
// The quantities a run reports, named once.
//===----------------------------------------------------------------------===//

/// A family of named quantities measured by a run (its KPIs, per procedure, per day).
///
/// Results store one `Double` per case, in case order; outputs use `id` (snake_case) as
/// the column or key, and `label` and `unit` for people.
public protocol Measure: CaseIterable, Hashable, Sendable where AllCases == [Self] {
  /// Position in a result's value array.
  var index: Int { get }
  /// snake_case identifier for files.
  var id: String { get }
  /// Short description for people.
  var label: String { get }
  /// Unit ("dossiers", "min", "share" ...).
  var unit: String { get }
}

extension Measure where Self: RawRepresentable, RawValue == Int {
  public var index: Int { rawValue }
  public var id: String { snakeCase(String(describing: self)) }
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

/// Run-level KPIs of one replication.
public enum RunMeasure: Int, Measure {
  case arrivals, counterServed, received, completed, completedOnTime, completedLate
  case overdueOpen, overdue, onTimeRate, processedShare
  case backlogEnd, inSystemEnd, waitingEnd, carriedOver
  case counterWaitMean, counterWaitP50, counterWaitP90, counterWaitP95, counterWaitMax
  case counterQueueMean, counterQueueMax, counterUtilisation
  case backOfficeWaitMean, backOfficeUtilisation, turnaroundMean

  public var label: String {
    switch self {
    case .arrivals: return "Citizens arrived"
    case .counterServed: return "Citizens called to a counter"
    case .received: return "Dossiers received at the counter"
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
    case .counterWaitMean: return "Counter wait, mean"
    case .counterWaitP50: return "Counter wait, median"
    case .counterWaitP90: return "Counter wait, 90th percentile"
    case .counterWaitP95: return "Counter wait, 95th percentile"
    case .counterWaitMax: return "Counter wait, maximum"
    case .counterQueueMean: return "Counter queue, time average"
    case .counterQueueMax: return "Counter queue, maximum"
    case .counterUtilisation: return "Counter staff utilisation"
    case .backOfficeWaitMean: return "Back-office wait, mean"
    case .backOfficeUtilisation: return "Back-office staff utilisation"
    case .turnaroundMean: return "Turnaround (receipt to completion), mean"
    }
  }

  public var unit: String {
    switch self {
    case .onTimeRate, .processedShare, .counterUtilisation, .backOfficeUtilisation: return "share"
    case .counterWaitMean, .counterWaitP50, .counterWaitP90, .counterWaitP95, .counterWaitMax, .backOfficeWaitMean:
      return "min"
    case .turnaroundMean: return "h"
    case .counterQueueMean, .counterQueueMax, .carriedOver, .arrivals, .counterServed, .waitingEnd, .inSystemEnd:
      return "citizens"
    default: return "dossiers"
    }
  }
}

/// Per-procedure KPIs of one replication.
public enum ProcedureMeasure: Int, Measure {
  case arrivals, received, completed, completedOnTime, completedLate, overdueOpen, onTimeRate
  case counterWaitMean, turnaroundMean

  public var label: String {
    switch self {
    case .arrivals: return "Arrivals"
    case .received: return "Received"
    case .completed: return "Completed"
    case .completedOnTime: return "Completed on time"
    case .completedLate: return "Completed late"
    case .overdueOpen: return "Open past due at the end"
    case .onTimeRate: return "On-time rate"
    case .counterWaitMean: return "Counter wait, mean"
    case .turnaroundMean: return "Turnaround, mean"
    }
  }

  public var unit: String {
    switch self {
    case .onTimeRate: return "share"
    case .counterWaitMean: return "min"
    case .turnaroundMean: return "h"
    default: return "dossiers"
    }
  }
}

/// Per-day quantities of one replication (flows during the day, stocks at midnight).
public enum DayMeasure: Int, Measure {
  case arrivals, received, completed, completedLate, backlog, inSystem, overdueOpen
  case counterWaitMean, counterQueueMax, carriedOver

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
    }
  }

  public var unit: String {
    switch self {
    case .counterWaitMean: return "min"
    case .counterQueueMax, .carriedOver, .arrivals, .inSystem: return "citizens"
    default: return "dossiers"
    }
  }
}

/// "counterWaitP90" → "counter_wait_p90".
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
  /// Per-day values, one per day of the horizon.
  public var days: [Measurements<DayMeasure>]
}
