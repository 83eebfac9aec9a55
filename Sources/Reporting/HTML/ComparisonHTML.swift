//===----------------------------------------------------------------------===//
// report.html of a comparison and of a sweep.
//===----------------------------------------------------------------------===//

import CentreSimulation
import Experiments
import Localization

/// One KPI's row of a difference chart.
struct DifferenceRow {
  /// Whether the change is better, worse, or not significant, by the KPI's direction.
  enum Tone: Int {
    case better, worse, none

    var colour: String { ["#009E73", "#D55E00", "#8c8c8c"][rawValue] }
  }

  var name: String
  /// The relative change and its interval, in percent; NaN when the row is shown as an
  /// absolute change (`absolute`) instead.
  var mean: Double
  var low: Double
  var high: Double
  /// The absolute change in words, when the base is too near zero for a relative one.
  var absolute: String?
  var tone: Tone
}

/// A chart of paired differences: a dot per KPI at its relative change, its 95% interval
/// as a line, and the zero line (no change). The dot is green when the change is
/// significantly better, vermilion when significantly worse, grey when not significant
/// (the legend says so); a KPI whose base is near zero has its absolute change written
/// in its row instead of a relative one.
func differenceChart(title: String, rows: [DifferenceRow], unit: String, language: Language) -> String {
  let finite = rows.filter { $0.absolute == nil }.flatMap { [$0.low, $0.high, $0.mean] }.filter(\.isFinite)
  let extent = max(abs(finite.min() ?? 1), abs(finite.max() ?? 1), 1e-9)
  let ticks = niceTicks(-extent, extent, count: 6)
  let low = min(ticks.first ?? -extent, -extent), high = max(ticks.last ?? extent, extent)
  let longest = Double(rows.map(\.name.count).max() ?? 20)
  let width = 760.0, labelWidth = min(340.0, max(150, 12 + 6.1 * longest)), right = 16.0, top = 34.0, row = 22.0
  let plotBottom = top + row * Double(max(1, rows.count))
  let height = plotBottom + 76
  func x(_ v: Double) -> Double { labelWidth + 8 + (width - labelWidth - 8 - right) * (v - low) / (high - low) }
  func f(_ v: Double) -> String { fixed(v, 1) }
  var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(escapeHTML(title))\">"
  svg += "<title>\(escapeHTML(title))</title><text x=\"\(f(width / 2))\" y=\"18\" text-anchor=\"middle\" class=\"title\">\(escapeHTML(title))</text>"
  for t in ticks {
    svg += "<line x1=\"\(f(x(t)))\" x2=\"\(f(x(t)))\" y1=\"\(f(top))\" y2=\"\(f(plotBottom))\" class=\"grid\"/>"
    svg += "<text x=\"\(f(x(t)))\" y=\"\(f(plotBottom + 16))\" text-anchor=\"middle\">\(tickLabel(t, language))</text>"
  }
  svg += "<line x1=\"\(f(x(0)))\" x2=\"\(f(x(0)))\" y1=\"\(f(top))\" y2=\"\(f(plotBottom))\" class=\"axis\"/>"
  for (i, r) in rows.enumerated() {
    let y = top + (Double(i) + 0.5) * row
    svg += "<text x=\"\(f(labelWidth))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(escapeHTML(r.name))</text>"
    if let absolute = r.absolute {
      svg += "<text x=\"\(f(labelWidth + 14))\" y=\"\(f(y + 4))\" font-style=\"italic\" fill=\"\(r.tone == .none ? "#444" : r.tone.colour)\">\(escapeHTML(absolute))</text>"
      continue
    }
    if r.low.isFinite && r.high.isFinite {
      svg += "<line x1=\"\(f(x(r.low)))\" x2=\"\(f(x(r.high)))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"#000\" stroke-width=\"1.5\"/>"
    }
    if r.mean.isFinite {
      svg += "<circle cx=\"\(f(x(r.mean)))\" cy=\"\(f(y))\" r=\"4.5\" fill=\"\(r.tone.colour)\"/>"
    }
  }
  svg += "<text x=\"\(f(labelWidth + 8 + (width - labelWidth - 8 - right) / 2))\" y=\"\(f(plotBottom + 34))\" text-anchor=\"middle\" class=\"label\">\(escapeHTML(unit))</text>"
  // The legend of the colours.
  var lx = 20.0
  let ly = plotBottom + 60
  for (tone, name) in [(DifferenceRow.Tone.better, language.report(.legendBetter)), (.worse, language.report(.legendWorse)), (.none, language.report(.legendNotSignificant))] {
    svg += "<circle cx=\"\(f(lx + 5))\" cy=\"\(f(ly - 4))\" r=\"4.5\" fill=\"\(tone.colour)\"/>"
    svg += "<text x=\"\(f(lx + 16))\" y=\"\(f(ly))\">\(escapeHTML(name))</text>"
    lx += 36 + 6.5 * Double(name.count)
  }
  return svg + "</svg>"
}

extension PairedDifference {
  /// Whether the base is too near zero for a relative change to mean anything: its mean
  /// is within its own 95% half-width of zero, or below 1e-9 in size.
  var baseNearZero: Bool {
    abs(base.mean) < 1e-9 || (!base.halfWidth.isNaN && abs(base.mean) < base.halfWidth)
  }

  /// Whether a relative change says nothing of this KPI: a day number or a trend.
  var absoluteByNature: Bool { measure.unit == "day" || measure.unit == "dossiers/week" }

  /// Better, worse or not significant, by the KPI's direction.
  var tone: DifferenceRow.Tone {
    guard isSignificant else { return .none }
    return (difference.mean > 0) == (Direction(measure) == .higherIsBetter) ? .better : .worse
  }

  /// `+3 ± 2` in the KPI's unit (points for a share).
  func signedChange(_ language: Language) -> String {
    let text = language.estimate(difference, unit: measure.unit)
    return difference.mean > 0 && !text.hasPrefix("<") ? "+" + text : text
  }

  /// The verdict in a sentence: "B cuts overdue dossiers by 31% ± 6% (from 477 to 329)."
  public func verdict(label: String, language: Language) -> String {
    let kpi = language.inSentence(language.label(measure))
    guard isSignificant else {
      return language.report(.noSignificantChange(variant: label, kpi: kpi, difference: difference.mean, halfWidth: difference.halfWidth))
    }
    let amount: ChangeAmount
    if measure.unit == "share" {
      amount = .points(abs(difference.mean) * 100, difference.halfWidth * 100)
    } else if measure.unit == "day" {
      amount = .days(abs(difference.mean), difference.halfWidth)
    } else if measure.unit == "dossiers/week" {
      amount = .perWeek(abs(difference.mean), difference.halfWidth)
    } else if !relative.isNaN {
      amount = .relative(abs(relative) * 100, relativeHalfWidth * 100)
    } else {
      amount = .absolute(abs(difference.mean), difference.halfWidth)
    }
    return language.report(.significantChange(variant: label, kpi: kpi, up: difference.mean > 0, better: tone == .better, amount: amount,
                                       from: base.mean, to: variant.mean, share: measure.unit == "share"))
  }
}

extension ComparisonReport {
  /// The comparison for people, in `language`: a verdict per alternative (which headline
  /// KPIs it makes better and which worse), then for each the verdicts, a chart of
  /// relative paired differences with their 95% intervals (absolute where the base is
  /// near zero), the table, and the selection.
  public func html(language t: Language = .en) -> String {
    let base = comparison.variants[0]
    var page = HTMLPage(title: t.report(.comparisonTitle(base: base.label)), language: t)
    page.paragraph(t.report(.comparisonIntro(base: base.label, seed: base.scenario.seed, replications: base.scenario.replications)))
    page.heading(t.report(.verdict))
    page.verdict(summaryLines(t))
    let measures: [RunMeasure] = [.overdue, .overdueOpen, .onTimeRate, .backlogEnd, .counterWaitMean, .counterWaitP90, .counterWaitP95,
                                  .backOfficeWaitMean, .turnaroundMean, .abandoned, .counterUtilisation, .backOfficeUtilisation]
    for i in comparison.variants.indices.dropFirst() {
      let label = comparison.variants[i].label
      page.heading(t.report(.againstBase(variant: label, base: base.label)))
      let differences = comparison.differences(i)
      for d in differences where headline.contains(d.measure) { page.paragraph(d.verdict(label: label, language: t)) }
      let shown = differences.filter { measures.contains($0.measure) }
      let rows = shown.map { d -> DifferenceRow in
        let absolute = d.baseNearZero || d.absoluteByNature || d.relative.isNaN
        // A quantity that is never negative cannot fall by more than 100%.
        return DifferenceRow(name: t.label(d.measure), mean: absolute ? .nan : d.relative * 100,
                             low: absolute ? .nan : max(-100, (d.relative - d.relativeHalfWidth) * 100),
                             high: absolute ? .nan : (d.relative + d.relativeHalfWidth) * 100,
                             absolute: absolute ? t.report(.absoluteChange(change: d.signedChange(t), unit: d.measure.unit == "share" ? t.report(.points) : t.unit(d.measure.unit))) : nil,
                             tone: d.tone)
      }
      page.figure(differenceChart(title: t.report(.chartChangeWith(label)), rows: rows, unit: t.report(.axisChangeAgainst(base.label)), language: t),
                  caption: t.report(.captionDifferenceChart))
      page.table([t.report(.kpi), base.label, label, t.report(.differenceColumn)], shown.map { d in
        [t.label(d.measure), cell(d.base, unit: d.measure.unit, t), cell(d.variant, unit: d.measure.unit, t), cell(d.difference, unit: d.measure.unit, t)]
      }, numeric: [1, 2, 3])
    }
    if let selection {
      page.heading(t.report(.whichIsBest))
      page.paragraph(selection.hitLimit
        ? t.report(.selectionHitLimit(best: comparison.variants[selection.best].label))
        : t.report(.selectionKN(best: comparison.variants[selection.best].label, confidence: selection.confidence, zone: selection.indifferenceZone)))
      page.table([t.report(.alternativeColumn), t.report(.meanColumn), t.report(.replicationsColumn), t.report(.outcomeColumn)], comparison.variants.indices.map { i in
        [comparison.variants[i].label, t.figure(selection.means[i], 3), String(selection.replications[i]),
         t.report(.selectionOutcome(eliminatedAfter: selection.eliminatedAt[i], selected: i == selection.best))]
      }, numeric: [1, 2])
    }
    return page.rendered()
  }

  /// One line per alternative: the headline KPIs it makes significantly better, and worse.
  func summaryLines(_ t: Language) -> [String] {
    comparison.variants.indices.dropFirst().map { i in
      let differences = comparison.differences(i).filter { headline.contains($0.measure) }
      return t.report(.variantSummary(variant: comparison.variants[i].label, base: comparison.variants[0].label,
                               better: differences.filter { $0.tone == .better }.map { t.inSentence(t.label($0.measure)) },
                               worse: differences.filter { $0.tone == .worse }.map { t.inSentence(t.label($0.measure)) }))
    }
  }
}

/// A sweep's report: heat maps of key KPIs over the first two factors (or a line over
/// one), from the assembled `sweep.csv`.
public struct SweepHTMLReport {
  public var factors: [String]
  /// The rows of sweep.csv: the point, its settings, and the means and half-widths of
  /// the KPIs the report shows (only those: a sweep may have many points).
  public var rows: [[String: String]]

  /// The KPIs the report shows.
  static let kpis: [RunMeasure] = [.overdue, .onTimeRate, .counterWaitMean, .counterWaitP90, .backlogEnd, .backOfficeUtilisation]

  public init(factors: [String], csv: String) {
    self.factors = factors
    let lines = csv.split(separator: "\n")
    let header = lines.first.map { splitCSV(String($0)) } ?? []
    let shown = Set(["point"] + factors + Self.kpis.flatMap { ["\($0.id)_mean", "\($0.id)_half_width"] })
    let kept = header.indices.filter { shown.contains(header[$0]) }
    rows = lines.dropFirst().map { line in
      let fields = splitCSV(String(line))
      return Dictionary(kept.compactMap { i in i < fields.count ? (header[i], fields[i]) : nil }, uniquingKeysWith: { a, _ in a })
    }
  }

  public func html(title: String, language t: Language = .en) -> String {
    var page = HTMLPage(title: title, language: t)
    page.paragraph(t.report(.sweepIntro(points: rows.count, factors: factors)))
    let kpis = Self.kpis
    func mean(_ row: [String: String], _ kpi: RunMeasure) -> Double { Double(row["\(kpi.id)_mean"] ?? "") ?? .nan }
    func settings(_ row: [String: String]) -> String { factors.map { "\($0) = \(t.decimalMark(row[$0] ?? ""))" }.joined(separator: ", ") }
    var best: [String] = []
    for kpi in [RunMeasure.overdue, .counterWaitP90] {
      let higher = Direction(kpi) == .higherIsBetter
      let ranked = rows.filter { !mean($0, kpi).isNaN }.sorted { higher ? mean($0, kpi) > mean($1, kpi) : mean($0, kpi) < mean($1, kpi) }
      if let top = ranked.first {
        let e = Estimate.described(mean: mean(top, kpi), halfWidth: Double(top["\(kpi.id)_half_width"] ?? "") ?? .nan)
        best.append(t.report(.sweepBest(kpi: t.inSentence(t.label(kpi)), point: top["point"] ?? "", settings: settings(top),
                                 value: cell(e, unit: kpi.unit, t), unit: kpi.unit == "share" ? "" : t.unit(kpi.unit))))
      }
    }
    if !best.isEmpty {
      page.heading(t.report(.verdict))
      page.verdict(best)
    }
    if factors.count >= 2 {
      let first = Self.axis(rows.compactMap { $0[factors[0]] }), second = Self.axis(rows.compactMap { $0[factors[1]] })
      // The rows of each cell, found once (not by a pass over every row for each cell).
      var cells: [[String]: [[String: String]]] = [:]
      for row in rows { cells[[row[factors[0]] ?? "", row[factors[1]] ?? ""], default: []].append(row) }
      for kpi in kpis {
        let values = first.map { a in
          second.map { b -> Double in
            let matching = (cells[[a, b]] ?? []).compactMap { Double($0["\(kpi.id)_mean"] ?? "") }
            return matching.isEmpty ? .nan : matching.reduce(0, +) / Double(matching.count) * (kpi.unit == "share" ? 100 : 1)
          }
        }
        page.figure(heatMap(title: t.label(kpi), rows: first.map(t.decimalMark), columns: second.map(t.decimalMark), values: values,
                            rowLabel: factors[0], columnLabel: factors[1],
                            valueLabel: kpi.unit == "share" ? "\(t.label(kpi)), %" : "\(t.label(kpi)), \(t.unit(kpi.unit))", language: t),
                    caption: factors.count > 2 ? t.report(.averagedOverOthers) : "")
      }
    } else if let factor = factors.first {
      let ordered = Self.sorted(rows, by: factor)
      for kpi in kpis {
        let scale = kpi.unit == "share" ? 100.0 : 1
        let estimates = ordered.map { row in
          Estimate.described(mean: Double(row["\(kpi.id)_mean"] ?? "") ?? .nan, halfWidth: Double(row["\(kpi.id)_half_width"] ?? "") ?? .nan)
        }
        page.figure(lineChart(title: t.label(kpi), xLabels: ordered.map { t.decimalMark($0[factor] ?? "") },
                              series: [Series(t.label(kpi), estimates, scale: scale, range: kpi.unit == "share" ? 0...100 : 0...Double.infinity)],
                              yLabel: kpi.unit == "share" ? "%" : t.unit(kpi.unit), language: t), caption: t.report(.againstFactor(factor)))
      }
    }
    page.heading(t.report(.pointsHeading))
    page.table([t.report(.pointColumn)] + factors + kpis.map { t.label($0) }, rows.map { row in
      [row["point"] ?? ""] + factors.map { t.decimalMark(row[$0] ?? "") } + kpis.map { kpi in
        let m = Double(row["\(kpi.id)_mean"] ?? "") ?? .nan, h = Double(row["\(kpi.id)_half_width"] ?? "") ?? .nan
        return cell(Estimate.described(mean: m, halfWidth: h), unit: kpi.unit, t)
      }
    }, numeric: Set((1 + factors.count)..<(1 + factors.count + kpis.count)))
    return page.rendered()
  }

  /// The distinct values of a factor, in numeric order when they are all numbers (a
  /// Latin hypercube's points come in random order), else in order of appearance.
  static func axis(_ values: [String]) -> [String] {
    var seen = Set<String>()
    let distinct = values.filter { seen.insert($0).inserted }
    let numbers = distinct.compactMap { Double($0.trimmingSpacesAround) }
    guard numbers.count == distinct.count else { return distinct }
    return zip(distinct, numbers).sorted { $0.1 < $1.1 }.map(\.0)
  }

  /// The rows in numeric order of `factor` when its values are all numbers.
  static func sorted(_ rows: [[String: String]], by factor: String) -> [[String: String]] {
    let numbers = rows.map { Double(($0[factor] ?? "").trimmingSpacesAround) }
    guard numbers.allSatisfy({ $0 != nil }) else { return rows }
    return zip(rows, numbers).sorted { $0.1! < $1.1! }.map(\.0)
  }
}

/// Splits one CSV line (fields may be quoted).
func splitCSV(_ line: String) -> [String] {
  var fields: [String] = []
  var field = ""
  var quoted = false
  var previous: Character = " "
  for c in line {
    if c == "\"" {
      if quoted && previous == "\"" { field.append("\"") }
      quoted.toggle()
    } else if c == "," && !quoted {
      fields.append(field)
      field = ""
    } else {
      field.append(c)
    }
    previous = c
  }
  fields.append(field)
  return fields
}
