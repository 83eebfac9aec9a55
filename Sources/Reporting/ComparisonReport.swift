//===----------------------------------------------------------------------===//
// The files and text of `onestop compare`.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Experiments
import Localization

/// Renders a ``Comparison`` (and a ranking-and-selection outcome) as `compare.csv`,
/// `compare.json` and a text summary with verdicts.
public struct ComparisonReport: Sendable {
  public var comparison: Comparison
  public var selection: Selection?
  /// The KPIs given a verdict in words.
  public var headline: [RunMeasure]

  /// The KPIs a comparison of `base` reports: overdue dossiers, the on-time rate, waits,
  /// the backlog and its trend, abandonment; and, with an initial backlog, the day it is
  /// cleared and the overdue among initial and new dossiers.
  public static func headline(for base: Scenario) -> [RunMeasure] {
    var measures: [RunMeasure] = [.overdue, .onTimeRate, .counterWaitMean, .counterWaitP90, .backlogEnd, .backlogTrendPerWeek, .abandoned]
    if !base.initialBacklog.isEmpty { measures += [.initialClearedDay, .initialOverdue, .newOverdue] }
    return measures
  }

  /// Where each alternative came from, in the comparison's order (empty: not recorded).
  public var provenance: [Provenance]

  public init(comparison: Comparison, selection: Selection?, headline: [RunMeasure], provenance: [Provenance] = []) {
    self.comparison = comparison
    self.selection = selection
    self.headline = headline
    self.provenance = provenance
  }

  /// One row per (variant, KPI).
  public func table() -> CSVTable {
    var table = CSVTable(columns: [
      "variant", "kpi", "unit", "base_mean", "variant_mean", "difference_mean", "difference_low", "difference_high",
      "relative_difference", "relative_half_width", "significant",
    ])
    for i in comparison.variants.indices.dropFirst() {
      for d in comparison.differences(i) {
        table.append([
          comparison.variants[i].label, d.measure.id, d.measure.unit, CSVTable.field(d.base.mean),
          CSVTable.field(d.variant.mean), CSVTable.field(d.difference.mean), CSVTable.field(d.difference.low),
          CSVTable.field(d.difference.high), CSVTable.field(d.relative), CSVTable.field(d.relativeHalfWidth),
          d.isSignificant ? "1" : "0",
        ])
      }
    }
    return table
  }

  /// `compare.json`: provenance, the verdicts, every paired difference (the rows of
  /// `compare.csv`) and, with three alternatives or more, the selection.
  public func json() -> JSONValue {
    let base = comparison.variants[0].scenario
    var members: [(String, JSONValue)] = provenance.isEmpty ? [] : [("provenance", Provenance.json(alternatives: zip(comparison.variants, provenance).map {
      ($0.label, $1)
    }, base))]
    members += [
      ("base", .string(comparison.variants[0].label)),
      ("seed", .string(String(comparison.variants[0].scenario.seed))),
      ("replications", .number(Double(comparison.variants[0].scenario.replications))),
      ("verdicts", .array(comparison.variants.indices.dropFirst().flatMap { i in
        comparison.differences(i).filter { headline.contains($0.measure) }.map { .string($0.verdict(label: comparison.variants[i].label, language: .en)) }
      })),
      ("differences", .array(comparison.variants.indices.dropFirst().flatMap { i in
        comparison.differences(i).map { d in
          JSONValue.object([
            ("variant", .string(comparison.variants[i].label)), ("kpi", .string(d.measure.id)), ("unit", .string(d.measure.unit)),
            ("base_mean", .finite(d.base.mean)), ("variant_mean", .finite(d.variant.mean)), ("difference_mean", .finite(d.difference.mean)),
            ("difference_low", .finite(d.difference.low)), ("difference_high", .finite(d.difference.high)),
            ("relative_difference", .finite(d.relative)), ("relative_half_width", .finite(d.relativeHalfWidth)),
            ("significant", .bool(d.isSignificant)),
          ])
        }
      })),
    ]
    if let selection {
      members.append(("selection", .object([
        ("procedure", .string("KN (Kim and Nelson 2001), common random numbers")),
        ("best", .string(comparison.variants[selection.best].label)),
        ("indifference_zone", .number(selection.indifferenceZone)),
        ("probability_of_correct_selection", .number(selection.confidence)),
        ("guarantee_holds", .bool(!selection.hitLimit)),
        ("variants", .array(comparison.variants.indices.map { i in
          .object([
            ("label", .string(comparison.variants[i].label)), ("mean", .finite(selection.means[i])),
            ("replications", .number(Double(selection.replications[i]))),
            ("eliminated_at", selection.eliminatedAt[i].map { .number(Double($0)) } ?? .null),
          ])
        })),
      ])))
    }
    return .object(members)
  }

  /// Writes `compare.csv`, `compare.json` and `report.html` (in `language`) into
  /// `directory`, then its manifest (``ResultDirectory``).
  public func write(to directory: String, language: Language = .en) throws(OutputError) -> [String] {
    try ResultDirectory.write([("compare.csv", table().rendered()), ("compare.json", json().rendered()),
                               ("report.html", html(language: language))], to: directory)
  }

  /// The verdicts and a table of the headline KPIs, in `language`.
  public func rendered(language t: Language = .en) -> String {
    let base = comparison.variants[0]
    var out = t.report(.comparisonBase(base: base.label, replications: base.scenario.replications, seed: base.scenario.seed)) + "\n\n"
    for i in comparison.variants.indices.dropFirst() {
      for d in comparison.differences(i) where headline.contains(d.measure) {
        out += "- " + d.verdict(label: comparison.variants[i].label, language: t) + "\n"
      }
      out += "\n"
    }
    if let selection {
      let label = comparison.variants[selection.best].label
      out += (selection.hitLimit
        ? t.report(.selectionTextHitLimit(best: label))
        : t.report(.selectionText(delta: significant(selection.indifferenceZone, t), confidence: selection.confidence, best: label))) + "\n"
      for (i, v) in comparison.variants.enumerated() {
        out += "  " + t.report(.selectionLine(label: v.label, mean: selection.means[i], eliminatedAfter: selection.eliminatedAt[i])) + "\n"
      }
    }
    return out
  }
}

/// `x` with four significant digits, for parameters echoed to people.
func significant(_ x: Double, _ language: Language = .en) -> String {
  guard x.isFinite, x != 0 else { return language == .en ? formatNumber(x) : language.figure(x, 0) }
  var digits = 3
  var magnitude = abs(x)
  while magnitude >= 10 && digits > 0 {
    magnitude /= 10
    digits -= 1
  }
  return language.figure(x, digits)
}
