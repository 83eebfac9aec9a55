//===----------------------------------------------------------------------===//
// What a dossier log says about each procedure: channels, supplements, deadlines,
// turnaround.
//===----------------------------------------------------------------------===//

import CentreModel
import Fitting
import SimEngine

/// A probability estimated from the log, or the base's kept, and why.
public struct ProbabilityFit: Sendable {
  /// The estimate (`nil`: the base's value is kept).
  public var estimate: FittedValue?
  /// The dossiers it is estimated from (the denominator).
  public var trials: Int
  /// Those that had the event (the numerator).
  public var events: Int
  /// The value written.
  public var value: Double
  /// Why this value.
  public var reason: String
}

/// The deadline of a procedure read from the log's due dates, or the base's kept.
///
/// Each row with `received` and `due` gives the working days from its receipt day (the
/// day of `received`, or the next working day after the base calendar's cut-off or on a
/// non-working day) to the day of `due`, counted on the base calendar; the most common
/// value is the procedure's `deadline.working_days` (ties: the smaller). A base deadline
/// in working hours is read as the working hours from `received` to `due`, to the half
/// hour.
public struct DeadlineFit: Sendable {
  /// The values observed and how often, smallest first.
  public var observed: [(value: Double, count: Int)]
  /// The rows counted.
  public var rows: Int
  /// The deadline written.
  public var deadline: Deadline
  /// Whether it comes from the log (else the base's is kept).
  public var fromLog: Bool
  /// Why.
  public var reason: String
}

/// The observed turnaround of a procedure (`received` to `completed`, dossiers without a
/// supplement), which includes every queue: the target of a calibration of the
/// back-office work, not a work time.
public struct TurnaroundSummary: Sendable {
  /// Dossiers counted.
  public var count: Int
  /// The mean, in open working minutes of the base calendar and in hours of real time.
  public var meanWorkingMinutes: Double
  public var meanHours: Double
  /// Quantiles: (probability, open working minutes, hours of real time).
  public var quantiles: [(p: Double, workingMinutes: Double, hours: Double)]

  /// The probabilities reported.
  public static let probabilities = [0.1, 0.25, 0.5, 0.75, 0.9, 0.95]

  init?(working: [Double], hours: [Double]) {
    guard !working.isEmpty else { return nil }
    count = working.count
    meanWorkingMinutes = working.reduce(0, +) / Double(count)
    meanHours = hours.reduce(0, +) / Double(count)
    let w = working.sorted()
    let h = hours.sorted()
    quantiles = Self.probabilities.map { p in (p, Self.quantile(w, p), Self.quantile(h, p)) }
  }

  /// The p-quantile of sorted values (linear interpolation between order statistics).
  static func quantile(_ sorted: [Double], _ p: Double) -> Double {
    guard sorted.count > 1 else { return sorted.first ?? .nan }
    let position = p * Double(sorted.count - 1)
    let i = Int(position.rounded(.down))
    let fraction = position - Double(i)
    return i + 1 < sorted.count ? sorted[i] + fraction * (sorted[i + 1] - sorted[i]) : sorted[i]
  }
}

/// Everything the log says about one procedure of the catalogue.
public struct ProcedureFit: Sendable {
  /// The procedure's id.
  public var id: String
  /// Dossiers of it in the log (all centres, all channels).
  public var dossiers: Int
  /// Its share of all centres' arrivals (the catalogue `share`).
  public var share: FittedValue
  /// Its shares by channel (`nil`: none of it in the log; 0 written).
  public var onlineShare: FittedValue?
  public var servicePointShare: FittedValue?
  /// Counter time and back-office work.
  public var counterTime: DurationFit
  public var backOfficeWork: DurationFit
  /// The observed turnaround, if any.
  public var turnaround: TurnaroundSummary?
  /// Set when the back-office work could not be measured but the turnaround could: what
  /// to do instead.
  public var calibrationNote: String?
  /// The probabilities of a supplement at reception and in the back office.
  public var incompleteAtCounter: ProbabilityFit
  public var incompleteInBackOffice: ProbabilityFit
  /// The deadline.
  public var deadline: DeadlineFit
}

extension ProcedureFit {
  /// The note written when the log has receipts and completions but no start of work.
  public static let calibrationAdvice = "calibrate the back-office work scale against the observed turnaround"

  /// The supplement probabilities of procedure `p` (see ``InputFit`` for the rule).
  static func incomplete(_ observations: [Observation], procedure p: Int, base: Procedure, hasColumn: Bool)
    -> (ProbabilityFit, ProbabilityFit)
  {
    let keptCounter = ProbabilityFit(estimate: nil, trials: 0, events: 0, value: base.incompleteAtCounter, reason: "")
    let keptOffice = ProbabilityFit(estimate: nil, trials: 0, events: 0, value: base.incompleteInBackOffice, reason: "")
    guard hasColumn else {
      var a = keptCounter, b = keptOffice
      a.reason = "the log has no 'supplement' column: kept the base's \(fraction(base.incompleteAtCounter))"
      b.reason = "the log has no 'supplement' column: kept the base's \(fraction(base.incompleteInBackOffice))"
      return (a, b)
    }
    var counterTrials = 0, counterEvents = 0, officeTrials = 0, officeEvents = 0
    for o in observations where o.procedure == p && o.uses(.incomplete) {
      guard let supplement = o.supplement else { continue }
      if o.channel != .servicePoint && (o.received != nil || supplement) {
        counterTrials += 1
        if supplement && o.received == nil { counterEvents += 1 }
      }
      if o.received != nil && (o.completed != nil || supplement) {
        officeTrials += 1
        if supplement { officeEvents += 1 }
      }
    }
    func estimate(_ events: Int, _ trials: Int, _ baseValue: Double, _ what: String) -> ProbabilityFit {
      guard trials >= SampleAdequacy.minimumToFit else {
        return ProbabilityFit(estimate: nil, trials: trials, events: events, value: baseValue,
                              reason: "\(trials) dossier\(trials == 1 ? "" : "s") \(what), fewer than \(SampleAdequacy.minimumToFit): kept the base's \(fraction(baseValue))")
      }
      let p = Double(events) / Double(trials)
      return ProbabilityFit(estimate: .share(p, of: trials), trials: trials, events: events, value: p,
                            reason: "\(events) of \(trials) dossiers \(what) needed a supplement")
    }
    let atCounter = estimate(counterEvents, counterTrials, base.incompleteAtCounter, "checked at reception (or online)")
    var inOffice: ProbabilityFit
    if base.steps.contains(where: { if case .work = $0.kind { return true } else { return false } }) {
      inOffice = estimate(officeEvents, officeTrials, base.incompleteInBackOffice, "through the back office's first step")
    } else {
      inOffice = keptOffice
      inOffice.reason = "the base procedure has no back-office work: kept \(fraction(base.incompleteInBackOffice))"
    }
    return (atCounter, inOffice)
  }

  /// The deadline of procedure `p` from its due dates on `table`.
  static func deadline(_ observations: [Observation], procedure p: Int, base: Deadline, table: CalendarTable, hasColumn: Bool)
    -> DeadlineFit
  {
    guard hasColumn else {
      return DeadlineFit(observed: [], rows: 0, deadline: base, fromLog: false,
                         reason: "the log has no 'due' column: kept the base's \(base)")
    }
    var counts: [Double: Int] = [:]
    var rows = 0
    for o in observations where o.procedure == p && o.uses(.deadline) {
      guard let received = o.received, let due = o.due else { continue }
      switch base {
      case .workingDays:
        let receiptDay = table.receiptDay(of: SimTime(minutes: received))
        let dueDay = table.day(of: SimTime(minutes: due - 1e-6))
        guard dueDay >= receiptDay else { continue }
        var n = 0
        while n < 400, table.contains(day: receiptDay), table.workingDay(n + 1, after: receiptDay) <= dueDay { n += 1 }
        counts[Double(n), default: 0] += 1
      case .workingHours:
        let hours = (table.workingOpenMinutes(upTo: SimTime(minutes: due)) - table.workingOpenMinutes(upTo: SimTime(minutes: received))) / 60
        counts[(hours * 2).rounded() / 2, default: 0] += 1
      }
      rows += 1
    }
    let observed = counts.sorted { $0.key < $1.key }.map { (value: $0.key, count: $0.value) }
    guard let mode = observed.max(by: { ($0.count, -$0.value) < ($1.count, -$1.value) }) else {
      return DeadlineFit(observed: [], rows: 0, deadline: base, fromLog: false,
                         reason: "no row of it with both 'received' and 'due': kept the base's \(base)")
    }
    let deadline: Deadline
    switch base {
    case .workingDays: deadline = .workingDays(Int(mode.value))
    case .workingHours: deadline = .workingHours(max(0.5, mode.value))
    }
    let share = Double(mode.count) / Double(rows)
    var reason = "the most common due date: \(deadline) after receipt in \(mode.count) of \(rows) dossiers (\(Int((share * 100).rounded()))%)"
    if share < 0.5 { reason += "; due dates vary (see fit.json)" }
    return DeadlineFit(observed: observed, rows: rows, deadline: deadline, fromLog: true, reason: reason)
  }

  /// "0.12" as a probability for messages.
  static func fraction(_ p: Double) -> String { PoissonCheck.format(p) }
}

