//===----------------------------------------------------------------------===//
// `onestop warmup`: MSER-5 on the daily series of a run.
//===----------------------------------------------------------------------===//

import CentreSimulation
import Experiments
import Localization

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

  /// The console text, in `language`.
  public func rendered(language t: Language = .en) -> String {
    var out = t.analysis(.mserIntro(batchSize: batchSize, replications: replications, days: days)) + "\n\n"
    out += textTable(header: [t.analysis(.dailyMeasureColumn), t.analysis(.measureUnitColumn), t.analysis(.warmUpColumn),
                              t.analysis(.meanAllDaysColumn), t.analysis(.meanAfterWarmUpColumn)], rows: rows.map { row in
      let label = t.analysis(.dayMeasure(row.measure)), unit = t.unit(row.measure.unit)
      guard let rule = row.rule else { return [label, unit, t.analysis(.tooShort), "", ""] }
      return [label, unit, t.analysis(.dayCount(rule.truncation)) + (rule.atSearchLimit ? " (!)" : ""),
              significant(rule.mean, t), significant(rule.truncatedMean, t)]
    }, rightAligned: [2, 3, 4])
    if unsettled.isEmpty {
      out += "\n" + t.analysis(.suggestedWarmUp(days: suggestedDays))
      if suggestedDays > 0 { out += " " + t.analysis(.applyWarmUp(days: suggestedDays)) }
      out += "\n"
    } else {
      out += "\n" + wrap(t.analysis(.noWarmUp(unsettled: unsettled.map { t.analysis(.dayMeasure($0)) })), width: 88) + "\n"
    }
    return out
  }
}
