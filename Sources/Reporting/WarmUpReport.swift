//===----------------------------------------------------------------------===//
// `onestop warmup`: MSER-5 on the daily series of a run.
//===----------------------------------------------------------------------===//

import CentreSimulation
import Experiments

/// MSER-5 applied to daily series of a run (each day's value averaged over the
/// replications), and the warm-up it suggests.
public struct WarmUpReport: Sendable {
  /// One measure's series and its truncation.
  public struct Row: Sendable {
    public var measure: DayMeasure
    public var rule: MSER5?
  }

  public var rows: [Row]
  public var days: Int
  public var replications: Int
  /// Days per batch: 5 (MSER-5), or 7 when the centres close on some days, so that each
  /// batch is a whole week.
  public var batchSize: Int

  /// MSER-5 (or MSER-7, by weeks) on the daily means of `measures` in `result`.
  public init(result: ExperimentResult, measures: [DayMeasure]) {
    days = result.scenario.horizon.days
    replications = result.replications.count
    let calendar = result.scenario.calendarTable()
    let size = (0..<days).allSatisfy { calendar.openMinutes(ofDay: $0) > 0 } ? 5 : 7
    batchSize = size
    rows = measures.map { measure in
      Row(measure: measure, rule: MSER5(result.days.map { $0[measure].mean }, batchSize: size))
    }
  }

  /// The suggested warm-up in days: the longest truncation over the measures (meaningful
  /// only when no series is ``unsettled``).
  public var suggestedDays: Int { rows.compactMap(\.rule?.truncation).max() ?? 0 }

  /// Whether some series had not settled in the first half of the horizon.
  public var unsettled: [DayMeasure] { rows.filter { $0.rule?.atSearchLimit == true }.map(\.measure) }

  /// The console text.
  public func rendered() -> String {
    var out = "MSER-\(batchSize) on the daily series (each day's mean over \(replications) replications, \(days) days)"
    out += batchSize == 7 ? ",\nin batches of a week, as the centres close on some days:\n\n" : ":\n\n"
    out += textTable(header: ["daily measure", "unit", "warm-up", "mean, all days", "mean after warm-up"], rows: rows.map { row in
      guard let rule = row.rule else { return [row.measure.label, row.measure.unit, "too short", "", ""] }
      return [row.measure.label, row.measure.unit, "\(rule.truncation) days" + (rule.atSearchLimit ? " (!)" : ""),
              significant(rule.mean), significant(rule.truncatedMean)]
    }, rightAligned: [2, 3, 4])
    if unsettled.isEmpty {
      out += "\nSuggested warm-up: \(suggestedDays) day\(suggestedDays == 1 ? "" : "s")."
      if suggestedDays > 0 {
        out += " Apply it with --set horizon.warm_up_days=\(suggestedDays), or warm_up_days under horizon in the scenario."
      }
      out += "\n"
    } else {
      out += "\n" + wrap("No warm-up can be suggested: \(unsettled.map(\.label).joined(separator: ", ")) had not settled "
        + "within the first half of the horizon (marked (!)). Run longer (--set horizon.days=...), or the system is "
        + "overloaded and has no steady state.", width: 88) + "\n"
    }
    return out
  }
}
