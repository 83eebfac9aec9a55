//===----------------------------------------------------------------------===//
// Small inline SVG plots for the fit report: histograms with densities, Q–Q plots,
// heat maps.
//===----------------------------------------------------------------------===//

import Reporting
import Foundation

/// Inline SVG figures, dependency-free (no script, no network).
enum FitPlots {
  /// Colours distinct under the common colour blindnesses (Okabe & Ito).
  static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]

  static let width = 640.0
  static let height = 280.0
  static let left = 56.0, right = 14.0, top = 26.0, bottom = 44.0
  static var plotWidth: Double { width - left - right }
  static var plotHeight: Double { height - top - bottom }


  static func n(_ x: Double) -> String { String(format: "%.1f", x) }

  /// Axis ticks 1, 2 or 5 × a power of ten apart, covering `low` to `high`.
  static func ticks(_ low: Double, _ high: Double, count: Int = 5) -> [Double] {
    guard high > low, low.isFinite, high.isFinite else { return [low.isFinite ? low : 0] }
    let raw = (high - low) / Double(count)
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
    var values: [Double] = []
    var value = (low / step).rounded(.down) * step
    while value <= high + step * 1e-9 {
      if value >= low - step * 1e-9 { values.append(value) }
      value += step
    }
    return values
  }

  static func label(_ x: Double) -> String {
    if x == x.rounded() && abs(x) < 1e9 { return String(Int(x)) }
    return String(format: abs(x) >= 10 ? "%.0f" : abs(x) >= 1 ? "%.1f" : "%.2g", x)
  }

  static func open(_ title: String) -> String {
    "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(escapeHTML(title))\">"
      + "<text x=\"\(n(left))\" y=\"16\" class=\"title\">\(escapeHTML(title))</text>"
  }

  static func axes(xTicks: [Double], yTicks: [Double], x: (Double) -> Double, y: (Double) -> Double, xLabel: String, yLabel: String)
    -> String
  {
    var s = ""
    for t in yTicks {
      s += "<line x1=\"\(n(left))\" x2=\"\(n(left + plotWidth))\" y1=\"\(n(y(t)))\" y2=\"\(n(y(t)))\" class=\"grid\"/>"
      s += "<text x=\"\(n(left - 4))\" y=\"\(n(y(t) + 4))\" text-anchor=\"end\">\(label(t))</text>"
    }
    for t in xTicks {
      s += "<text x=\"\(n(x(t)))\" y=\"\(n(top + plotHeight + 14))\" text-anchor=\"middle\">\(label(t))</text>"
    }
    s += "<line x1=\"\(n(left))\" x2=\"\(n(left + plotWidth))\" y1=\"\(n(top + plotHeight))\" y2=\"\(n(top + plotHeight))\" class=\"axis\"/>"
    s += "<line x1=\"\(n(left))\" x2=\"\(n(left))\" y1=\"\(n(top))\" y2=\"\(n(top + plotHeight))\" class=\"axis\"/>"
    s += "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 8))\" text-anchor=\"middle\" class=\"label\">\(escapeHTML(xLabel))</text>"
    s += "<text transform=\"translate(14 \(n(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" class=\"label\">\(escapeHTML(yLabel))</text>"
    return s
  }

  /// A histogram of `sample` (density scale) with `curves` (name, density) over it.
  static func histogram(title: String, sample: [Double], curves: [(name: String, density: (Double) -> Double)], xLabel: String)
    -> String
  {
    let sorted = sample.sorted()
    guard let first = sorted.first else { return "" }
    // Up to the 99th percentile, so that one long tail does not flatten the picture.
    let high = max(sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))], first + 1e-9)
    let low = min(0, first)
    let bins = min(40, max(8, Int(Double(sorted.count).squareRoot())))
    let width = (high - low) / Double(bins)
    var counts = [Double](repeating: 0, count: bins)
    for v in sorted where v <= high { counts[min(bins - 1, max(0, Int((v - low) / width)))] += 1 }
    let heights = counts.map { $0 / (Double(sorted.count) * width) }
    let grid = (0...200).map { low + (high - low) * Double($0) / 200 }
    let curveValues = curves.map { curve in grid.map { x in x > 0 ? curve.density(x) : 0 }.map { $0.isFinite ? $0 : 0 } }
    let yMax = max(heights.max() ?? 1, min(curveValues.flatMap { $0 }.max() ?? 0, 2 * (heights.max() ?? 1)), 1e-12)
    let yTicks = ticks(0, yMax)
    let top = max(yTicks.last ?? yMax, yMax)
    func x(_ v: Double) -> Double { left + plotWidth * (v - low) / (high - low) }
    func y(_ v: Double) -> Double { self.top + plotHeight * (1 - min(v, top) / top) }
    var s = open(title)
    s += axes(xTicks: ticks(low, high), yTicks: yTicks, x: x, y: y, xLabel: xLabel, yLabel: "density")
    for (i, h) in heights.enumerated() {
      let x0 = x(low + Double(i) * width)
      s += "<rect x=\"\(n(x0))\" y=\"\(n(y(h)))\" width=\"\(n(max(0.5, x(low + Double(i + 1) * width) - x0 - 0.5)))\" height=\"\(n(y(0) - y(h)))\" fill=\"#c9d6e3\"/>"
    }
    for (i, values) in curveValues.enumerated() {
      let points = zip(grid, values).map { "\(n(x($0.0))),\(n(y($0.1)))" }.joined(separator: " ")
      s += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(colours[i % colours.count])\" stroke-width=\"\(i == 0 ? 2.2 : 1.3)\"/>"
    }
    for (i, curve) in curves.enumerated() {
      let ly = self.top + 14 * Double(i) + 6
      s += "<line x1=\"\(n(left + plotWidth - 150))\" x2=\"\(n(left + plotWidth - 130))\" y1=\"\(n(ly))\" y2=\"\(n(ly))\" stroke=\"\(colours[i % colours.count])\" stroke-width=\"2\"/>"
      s += "<text x=\"\(n(left + plotWidth - 126))\" y=\"\(n(ly + 4))\">\(escapeHTML(curve.name))</text>"
    }
    return s + "</svg>"
  }

  /// A Q–Q plot of `points` (theoretical, observed) with the line y = x.
  static func quantilePlot(title: String, points: [(theoretical: Double, observed: Double)], unit: String) -> String {
    let finite = points.filter { $0.theoretical.isFinite && $0.observed.isFinite }
    guard !finite.isEmpty else { return "" }
    // At most 400 points, evenly spread over the order statistics.
    let step = max(1, finite.count / 400)
    let shown = stride(from: 0, to: finite.count, by: step).map { finite[$0] }
    let high = max(shown.map { max($0.theoretical, $0.observed) }.max() ?? 1, 1e-9)
    let low = min(0, shown.map { min($0.theoretical, $0.observed) }.min() ?? 0)
    let t = ticks(low, high)
    let top = max(t.last ?? high, high)
    func x(_ v: Double) -> Double { left + plotWidth * (v - low) / (top - low) }
    func y(_ v: Double) -> Double { self.top + plotHeight * (1 - (v - low) / (top - low)) }
    var s = open(title)
    s += axes(xTicks: t, yTicks: t, x: x, y: y, xLabel: "fitted quantile (\(unit))", yLabel: "observed (\(unit))")
    s += "<line x1=\"\(n(x(low)))\" y1=\"\(n(y(low)))\" x2=\"\(n(x(top)))\" y2=\"\(n(y(top)))\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>"
    for p in shown {
      s += "<circle cx=\"\(n(x(p.theoretical)))\" cy=\"\(n(y(p.observed)))\" r=\"1.8\" fill=\"\(colours[0])\"/>"
    }
    return s + "</svg>"
  }

  /// A heat map of `values[row][column]` with row and column labels.
  static func heatMap(title: String, values: [[Double]], rows: [String], columns: [String], caption: (Double) -> String) -> String {
    let maxValue = max(values.flatMap { $0 }.max() ?? 1, 1e-12)
    let cellWidth = plotWidth / Double(max(1, columns.count))
    let cellHeight = min(26, (height - top - bottom) / Double(max(1, rows.count)))
    let h = top + cellHeight * Double(rows.count) + 30
    var s = "<svg viewBox=\"0 0 \(Int(width)) \(Int(h))\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(escapeHTML(title))\">"
      + "<text x=\"\(n(left))\" y=\"16\" class=\"title\">\(escapeHTML(title))</text>"
    for (r, row) in values.enumerated() {
      let y0 = top + cellHeight * Double(r)
      s += "<text x=\"\(n(left - 6))\" y=\"\(n(y0 + cellHeight / 2 + 4))\" text-anchor=\"end\">\(escapeHTML(rows[r]))</text>"
      for (c, value) in row.enumerated() {
        let shade = value / maxValue
        let colour = "rgb(\(Int(255 - 200 * shade)),\(Int(255 - 140 * shade)),\(Int(255 - 70 * shade)))"
        s += "<rect x=\"\(n(left + cellWidth * Double(c)))\" y=\"\(n(y0))\" width=\"\(n(cellWidth - 1))\" height=\"\(n(cellHeight - 1))\" fill=\"\(colour)\"><title>\(escapeHTML("\(rows[r]) \(columns[c]): \(caption(value))"))</title></rect>"
        if value > 0 && cellWidth >= 22 {
          s += "<text x=\"\(n(left + cellWidth * (Double(c) + 0.5)))\" y=\"\(n(y0 + cellHeight / 2 + 4))\" text-anchor=\"middle\" font-size=\"9\" fill=\"\(shade > 0.6 ? "#fff" : "#222")\">\(escapeHTML(caption(value)))</text>"
        }
      }
    }
    for (c, name) in columns.enumerated() {
      s += "<text x=\"\(n(left + cellWidth * (Double(c) + 0.5)))\" y=\"\(n(top + cellHeight * Double(rows.count) + 14))\" text-anchor=\"middle\">\(escapeHTML(name))</text>"
    }
    return s + "</svg>"
  }
}
