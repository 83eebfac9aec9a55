//===----------------------------------------------------------------------===//
// report.html of a comparison and of a sweep.
//===----------------------------------------------------------------------===//

import CentreSimulation
import Experiments

/// A chart of paired differences: a dot per KPI at its relative change, its 95% interval
/// as a line, and the zero line (no change).
func differenceChart(title: String, categories: [String], means: [Double], lows: [Double], highs: [Double], unit: String) -> String {
  let finite = (lows + highs + means).filter(\.isFinite)
  let extent = max(abs(finite.min() ?? 1), abs(finite.max() ?? 1), 1e-9)
  let ticks = niceTicks(-extent, extent, count: 6)
  let low = ticks.first ?? -extent, high = ticks.last ?? extent
  let width = 720.0, labelWidth = 250.0, right = 16.0, top = 34.0, row = 22.0
  let height = top + 40 + row * Double(max(1, categories.count))
  func x(_ v: Double) -> Double { labelWidth + 8 + (width - labelWidth - 8 - right) * (v - low) / (high - low) }
  func f(_ v: Double) -> String { fixed(v, 1) }
  var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
  svg += "<title>\(escape(title))</title><text x=\"\(f(width / 2))\" y=\"18\" text-anchor=\"middle\" class=\"title\">\(escape(title))</text>"
  for t in ticks {
    svg += "<line x1=\"\(f(x(t)))\" x2=\"\(f(x(t)))\" y1=\"\(f(top))\" y2=\"\(f(height - 40))\" class=\"grid\"/>"
    svg += "<text x=\"\(f(x(t)))\" y=\"\(f(height - 24))\" text-anchor=\"middle\">\(tickLabel(t))</text>"
  }
  svg += "<line x1=\"\(f(x(0)))\" x2=\"\(f(x(0)))\" y1=\"\(f(top))\" y2=\"\(f(height - 40))\" class=\"axis\"/>"
  for (i, name) in categories.enumerated() {
    let y = top + (Double(i) + 0.5) * row
    svg += "<text x=\"\(f(labelWidth))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(escape(name))</text>"
    if lows[i].isFinite && highs[i].isFinite {
      svg += "<line x1=\"\(f(x(lows[i])))\" x2=\"\(f(x(highs[i])))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"#000\" stroke-width=\"1.5\"/>"
    }
    if means[i].isFinite {
      svg += "<circle cx=\"\(f(x(means[i])))\" cy=\"\(f(y))\" r=\"4\" fill=\"\(Palette.colour(means[i] < 0 ? 0 : 1))\"/>"
    }
  }
  svg += "<text x=\"\(f(labelWidth + 8 + (width - labelWidth - 8 - right) / 2))\" y=\"\(f(height - 6))\" text-anchor=\"middle\" class=\"label\">\(escape(unit))</text>"
  return svg + "</svg>"
}

extension ComparisonReport {
  /// The comparison for people: verdicts, a chart of relative paired differences with
  /// their 95% intervals per variant, the table, and the selection.
  public func html() -> String {
    var page = HTMLPage(title: "onestop: comparison with \(comparison.variants[0].label)")
    let base = comparison.variants[0]
    page.paragraph("Every alternative ran on the random numbers of \(base.label) (seed \(base.scenario.seed), \(base.scenario.replications) replications): "
      + "the same citizens, bringing the same work. Differences are taken replication by replication.")
    let measures: [RunMeasure] = [.overdue, .overdueOpen, .onTimeRate, .backlogEnd, .counterWaitMean, .counterWaitP90, .counterWaitP95,
                                  .backOfficeWaitMean, .turnaroundMean, .abandoned, .counterUtilisation, .backOfficeUtilisation]
    for i in comparison.variants.indices.dropFirst() {
      let label = comparison.variants[i].label
      page.heading("\(label) against \(base.label)")
      let differences = comparison.differences(i)
      for d in differences where headline.contains(d.measure) { page.paragraph(d.verdict(label: label)) }
      let shown = differences.filter { measures.contains($0.measure) }
      page.figure(differenceChart(title: "Change with \(label)", categories: shown.map(\.measure.label),
                                  means: shown.map { $0.relative * 100 }, lows: shown.map { ($0.relative - $0.relativeHalfWidth) * 100 },
                                  highs: shown.map { ($0.relative + $0.relativeHalfWidth) * 100 }, unit: "% change against \(base.label)"),
                  caption: "Paired difference relative to the base, with its 95% interval; an interval that crosses zero is no significant change.")
      page.table(["KPI", base.label, label, "difference (95% CI)"], shown.map { d in
        [d.measure.label, cell(d.base, unit: d.measure.unit), cell(d.variant, unit: d.measure.unit), cell(d.difference, unit: d.measure.unit)]
      }, numeric: [1, 2, 3])
    }
    if let selection {
      page.heading("Which is best")
      page.paragraph(selection.hitLimit
        ? "No single best was found within the replication limit; the best mean is \(comparison.variants[selection.best].label)."
        : "Kim and Nelson's KN procedure selected \(comparison.variants[selection.best].label), with probability at least \(selection.confidence) "
          + "of being right when the best is at least \(fixed(selection.indifferenceZone, 3)) better than the others.")
      page.table(["alternative", "mean", "replications", "outcome"], comparison.variants.indices.map { i in
        [comparison.variants[i].label, fixed(selection.means[i], 3), String(selection.replications[i]),
         selection.eliminatedAt[i].map { "eliminated after \($0)" } ?? (i == selection.best ? "selected" : "kept")]
      }, numeric: [1, 2])
    }
    return page.rendered()
  }
}

/// A sweep's report: heat maps of key KPIs over the first two factors (or a line over
/// one), from the assembled `sweep.csv`.
public struct SweepHTMLReport {
  public var factors: [String]
  /// The rows of sweep.csv: point settings, then KPI means and half-widths.
  public var rows: [[String: String]]

  public init(factors: [String], csv: String) {
    self.factors = factors
    let lines = csv.split(separator: "\n").map(String.init)
    let header = lines.first.map { splitCSV($0) } ?? []
    rows = lines.dropFirst().map { line in
      Dictionary(zip(header, splitCSV(line)), uniquingKeysWith: { a, _ in a })
    }
  }

  public func html(title: String) -> String {
    var page = HTMLPage(title: title)
    page.paragraph("\(rows.count) design points over \(factors.joined(separator: ", ")). Each cell is a mean over the point's replications; the tables give the 95% half-widths.")
    let kpis: [RunMeasure] = [.overdue, .onTimeRate, .counterWaitMean, .counterWaitP90, .backlogEnd, .backOfficeUtilisation]
    if factors.count >= 2 {
      let first = unique(rows.compactMap { $0[factors[0]] }), second = unique(rows.compactMap { $0[factors[1]] })
      for kpi in kpis {
        let values = first.map { a in
          second.map { b -> Double in
            let matching = rows.filter { $0[factors[0]] == a && $0[factors[1]] == b }.compactMap { Double($0["\(kpi.id)_mean"] ?? "") }
            return matching.isEmpty ? .nan : matching.reduce(0, +) / Double(matching.count) * (kpi.unit == "share" ? 100 : 1)
          }
        }
        page.figure(heatMap(title: kpi.label, rows: first, columns: second, values: values, rowLabel: factors[0], columnLabel: factors[1],
                            valueLabel: kpi.unit == "share" ? "\(kpi.label), %" : "\(kpi.label), \(kpi.unit)"),
                    caption: factors.count > 2 ? "Averaged over the other factors." : "")
      }
    } else if let factor = factors.first {
      for kpi in kpis {
        let means = rows.map { Double($0["\(kpi.id)_mean"] ?? "") ?? .nan }
        let halves = rows.map { Double($0["\(kpi.id)_half_width"] ?? "") ?? .nan }
        page.figure(lineChart(title: kpi.label, xLabels: rows.map { $0[factor] ?? "" },
                              series: [Series(name: kpi.label, values: means, low: zip(means, halves).map { $0 - $1 }, high: zip(means, halves).map { $0 + $1 })],
                              yLabel: kpi.unit), caption: "Against \(factor), with 95% intervals.")
      }
    }
    page.heading("Points")
    page.table(["point"] + factors + kpis.map(\.label), rows.map { row in
      [row["point"] ?? ""] + factors.map { row[$0] ?? "" } + kpis.map { kpi in
        let m = Double(row["\(kpi.id)_mean"] ?? "") ?? .nan, h = Double(row["\(kpi.id)_half_width"] ?? "") ?? .nan
        return cell(Estimate.described(mean: m, halfWidth: h), unit: kpi.unit)
      }
    }, numeric: Set((1 + factors.count)..<(1 + factors.count + kpis.count)))
    return page.rendered()
  }

  private func unique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
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
