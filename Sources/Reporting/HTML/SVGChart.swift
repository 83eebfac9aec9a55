//===----------------------------------------------------------------------===//
// Small, dependency-free SVG charts for the HTML reports.
//===----------------------------------------------------------------------===//

import Experiments
import Localization

/// Colours that stay distinct with the common forms of colour blindness (Okabe & Ito
/// 2008, "Color universal design"), darkest first so they also print in grey.
enum Palette {
  static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
  static func colour(_ i: Int) -> String { colours[i % colours.count] }
}

/// One series of a line chart: y values over x, with an optional band (a 95% interval).
struct Series {
  var name: String
  var values: [Double]
  var low: [Double]? = nil
  var high: [Double]? = nil
}

extension Series {
  /// A series of estimates: the means, and their 95% band clipped to `range` (a count
  /// or a duration is never negative, a share never above 100%).
  init(_ name: String, _ estimates: [Estimate], scale: Double = 1, range: ClosedRange<Double> = 0...Double.infinity) {
    self.name = name
    values = estimates.map { $0.mean * scale }
    low = estimates.map { $0.low.isNaN ? .nan : min(range.upperBound, max(range.lowerBound, $0.low * scale)) }
    high = estimates.map { $0.high.isNaN ? .nan : min(range.upperBound, max(range.lowerBound, $0.high * scale)) }
  }
}

/// A dated event drawn on a time chart as a vertical dashed line with a short label: a
/// holiday, a change of staff (a campaign's end), outages, a surge of demand.
struct ChartMarker {
  /// What kind of event (its colour and its legend entry).
  enum Kind: Int, CaseIterable {
    case holiday, staff, outage, surge

    var colour: String { ["#7f7f7f", "#7B3294", "#B2182B", "#B8860B"][rawValue] }
  }

  /// The x index (the day of the horizon).
  var index: Int
  var label: String
  var kind: Kind
}

/// Chart geometry and text helpers shared by the chart kinds.
struct Frame {
  var width = 720.0
  var height = 300.0
  var left = 64.0
  var right = 16.0
  var top = 28.0
  var bottom = 52.0
  var plotWidth: Double { width - left - right }
  var plotHeight: Double { height - top - bottom }
}

/// "Nice" tick values from at most `low` to at least `high` (1, 2 or 5 × a power of ten apart).
func niceTicks(_ low: Double, _ high: Double, count: Int = 5) -> [Double] {
  guard high > low, low.isFinite, high.isFinite else { return [low.isFinite ? low : 0] }
  let raw = (high - low) / Double(count)
  var magnitude = 1.0
  while magnitude * 10 <= raw { magnitude *= 10 }
  while magnitude > raw { magnitude /= 10 }
  let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
  var ticks: [Double] = []
  var value = (low / step).rounded(.down) * step
  while value <= high + step * 1e-9 {
    if value >= low - step * 1e-9 { ticks.append(value) }
    value += step
  }
  if let last = ticks.last, last < high - step * 1e-9 { ticks.append(last + step) }  // the axis covers the data
  return ticks
}

func tickLabel(_ x: Double, _ language: Language = .en) -> String {
  if x == x.rounded() && abs(x) < 1e9 { return language == .en ? String(Int(x)) : language.figure(x, 0) }
  return language.figure(x, abs(x) >= 10 ? 1 : 2)
}

/// `text` safe inside HTML (and SVG) text and double-quoted attribute values: every
/// attribute onestop writes is double-quoted.
public func escapeHTML(_ text: String) -> String {
  var out = ""
  out.reserveCapacity(text.utf8.count)
  for c in text {
    switch c {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    default: out.append(c)
    }
  }
  return out
}

private func n(_ x: Double) -> String { fixed(x, 1) }

/// A line chart with shaded bands, labelled axes and a legend; `markers` draws dated
/// events as vertical dashed lines (with a legend entry per kind, named by
/// `markerNames`). The y axis starts at `floor` (0: the quantities are not negative; a
/// mean below it still extends the axis) and leaves `headroom` (a fraction) above the
/// highest tick, so that a line at its maximum does not run along the top edge.
func lineChart(title: String, xLabels: [String], series: [Series], yLabel: String, markers: [ChartMarker] = [],
               markerNames: [ChartMarker.Kind: String] = [:], floor: Double? = 0, headroom: Double = 0,
               language: Language = .en) -> String
{
  var f = Frame()
  let count = max(1, xLabels.count)
  let means = series.flatMap(\.values).filter(\.isFinite)
  let bands = series.flatMap { s in (s.low ?? []) + (s.high ?? []) }.filter(\.isFinite)
  let yMax = max((means + bands).max() ?? 1, 1e-9)
  let yMin = floor.map { min($0, means.min() ?? $0) } ?? min(0, (means + bands).min() ?? 0)
  let ticks = niceTicks(yMin, yMax)
  let top = max(ticks.last ?? yMax, yMax) + headroom * (max(ticks.last ?? yMax, yMax) - yMin)
  // The legend: the series, then a kind of marker each, wrapped into rows.
  let kinds = ChartMarker.Kind.allCases.filter { kind in markers.contains { $0.kind == kind } }
  var entries: [(name: String, draw: (Double, Double) -> String)] = series.enumerated().map { k, s in
    (s.name, { x, y in
      "<line x1=\"\(n(x))\" x2=\"\(n(x + 22))\" y1=\"\(n(y - 4))\" y2=\"\(n(y - 4))\" stroke=\"\(Palette.colour(k))\" stroke-width=\"3\""
        + (k % 2 == 1 ? " stroke-dasharray=\"6 3\"" : "") + "/>"
    })
  }
  for kind in kinds {
    entries.append((markerNames[kind] ?? "", { x, y in
      "<line x1=\"\(n(x + 11))\" x2=\"\(n(x + 11))\" y1=\"\(n(y - 11))\" y2=\"\(n(y + 2))\" stroke=\"\(kind.colour)\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
    }))
  }
  var placed: [(x: Double, row: Int)] = []
  var lx = f.left, row = 0
  for entry in entries {
    let width = 40 + 6.5 * Double(entry.name.count)
    if lx > f.left && lx + width > f.width - f.right {
      row += 1
      lx = f.left
    }
    placed.append((lx, row))
    lx += width
  }
  f.height += 16 * Double(row)
  f.bottom += 16 * Double(row)
  func x(_ i: Int) -> Double { f.left + (count == 1 ? f.plotWidth / 2 : Double(i) / Double(count - 1) * f.plotWidth) }
  func y(_ v: Double) -> Double { f.top + f.plotHeight * (1 - (v - yMin) / (top - yMin)) }
  var svg = header(f, title: title)
  for t in ticks {
    svg += "<line x1=\"\(n(f.left))\" x2=\"\(n(f.width - f.right))\" y1=\"\(n(y(t)))\" y2=\"\(n(y(t)))\" class=\"grid\"/>"
    svg += "<text x=\"\(n(f.left - 6))\" y=\"\(n(y(t) + 4))\" text-anchor=\"end\">\(tickLabel(t, language))</text>"
  }
  let every = max(1, count / 8)
  for i in stride(from: 0, to: count, by: every) {
    svg += "<text x=\"\(n(x(i)))\" y=\"\(n(f.top + f.plotHeight + 16))\" text-anchor=\"middle\">\(escapeHTML(xLabels[i]))</text>"
  }
  for marker in markers where marker.index >= 0 && marker.index < count {
    let mx = x(marker.index)
    svg += "<line x1=\"\(n(mx))\" x2=\"\(n(mx))\" y1=\"\(n(f.top))\" y2=\"\(n(f.top + f.plotHeight))\" stroke=\"\(marker.kind.colour)\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>"
    svg += "<text transform=\"translate(\(n(mx - 3)) \(n(f.top + 3))) rotate(-90)\" text-anchor=\"end\" font-size=\"9\" fill=\"\(marker.kind.colour)\">\(escapeHTML(marker.label))</text>"
  }
  for (k, s) in series.enumerated() {
    let colour = Palette.colour(k)
    if let low = s.low, let high = s.high {
      let upper = high.indices.filter { high[$0].isFinite }.map { "\(n(x($0))),\(n(y(min(top, high[$0]))))" }
      let lower = low.indices.reversed().filter { low[$0].isFinite }.map { "\(n(x($0))),\(n(y(max(yMin, low[$0]))))" }
      if !upper.isEmpty { svg += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.18\"/>" }
    }
    let points = s.values.indices.filter { s.values[$0].isFinite }.map { "\(n(x($0))),\(n(y(s.values[$0])))" }
    svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\""
      + (k % 2 == 1 ? " stroke-dasharray=\"6 3\"" : "") + "/>"
  }
  svg += axes(f, yLabel: yLabel)
  for (entry, place) in zip(entries, placed) {
    let ly = f.top + f.plotHeight + 38 + 16 * Double(place.row)
    svg += entry.draw(place.x, ly)
    svg += "<text x=\"\(n(place.x + 28))\" y=\"\(n(ly))\">\(escapeHTML(entry.name))</text>"
  }
  return svg + "</svg>"
}

/// A calibration profile: the distance against the parameter's value on a numeric axis,
/// cut at four thresholds above the lowest point (what lies above is drawn at the top
/// edge), the threshold as a dashed line and the calibrated value as a vertical one.
func profileChart(title: String, values: [Double], distances: [Double], calibrated: Double, threshold: Double,
                  xLabel: String, language: Language = .en) -> String
{
  let f = Frame()
  let floor = distances.filter(\.isFinite).min() ?? 0
  let ceiling = floor + 4 * threshold
  let xTicks = niceTicks(values.min() ?? 0, values.max() ?? 1)
  let xLow = min(xTicks.first ?? 0, values.min() ?? 0), xHigh = max(xTicks.last ?? 1, values.max() ?? 1)
  let yTicks = niceTicks(0, ceiling)
  let top = max(yTicks.last ?? ceiling, ceiling)
  func x(_ v: Double) -> Double { f.left + f.plotWidth * (xHigh > xLow ? (v - xLow) / (xHigh - xLow) : 0.5) }
  func y(_ v: Double) -> Double { f.top + f.plotHeight * (1 - min(top, max(0, v)) / top) }
  var svg = header(f, title: title)
  for t in yTicks {
    svg += "<line x1=\"\(n(f.left))\" x2=\"\(n(f.width - f.right))\" y1=\"\(n(y(t)))\" y2=\"\(n(y(t)))\" class=\"grid\"/>"
    svg += "<text x=\"\(n(f.left - 6))\" y=\"\(n(y(t) + 4))\" text-anchor=\"end\">\(tickLabel(t, language))</text>"
  }
  for t in xTicks where t >= xLow && t <= xHigh {
    svg += "<text x=\"\(n(x(t)))\" y=\"\(n(f.height - f.bottom + 16))\" text-anchor=\"middle\">\(tickLabel(t, language))</text>"
  }
  let limit = y(floor + threshold)
  svg += "<line x1=\"\(n(f.left))\" x2=\"\(n(f.width - f.right))\" y1=\"\(n(limit))\" y2=\"\(n(limit))\" stroke=\"#b2182b\" stroke-dasharray=\"5 4\"/>"
  svg += "<line x1=\"\(n(x(calibrated)))\" x2=\"\(n(x(calibrated)))\" y1=\"\(n(f.top))\" y2=\"\(n(f.height - f.bottom))\" stroke=\"#444\" stroke-dasharray=\"2 3\"/>"
  let order = values.indices.filter { distances[$0].isFinite }.sorted { values[$0] < values[$1] }
  svg += "<polyline points=\"\(order.map { "\(n(x(values[$0]))),\(n(y(distances[$0])))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(Palette.colour(0))\" stroke-width=\"2\"/>"
  for i in order { svg += "<circle cx=\"\(n(x(values[i])))\" cy=\"\(n(y(distances[i])))\" r=\"2.5\" fill=\"\(Palette.colour(0))\"/>" }
  svg += axes(f, yLabel: language.analysis(.profileAxis))
  svg += "<text x=\"\(n(f.left + f.plotWidth / 2))\" y=\"\(n(f.height - f.bottom + 34))\" text-anchor=\"middle\" class=\"label\">\(escapeHTML(xLabel))</text>"
  svg += "<text x=\"\(n(f.width - f.right - 4))\" y=\"\(n(limit - 5))\" text-anchor=\"end\" fill=\"#b2182b\">\(escapeHTML(language.analysis(.profileThreshold(tickLabel(threshold, language)))))</text>"
  return svg + "</svg>"
}

/// A horizontal bar chart, one bar per category, with optional error bars.
func barChart(title: String, categories: [String], values: [Double], low: [Double]? = nil, high: [Double]? = nil,
              xLabel: String, maximum: Double? = nil, language: Language = .en) -> String
{
  var f = Frame()
  let rowHeight = 22.0
  let labelWidth = min(260.0, 12 + 6.6 * Double(categories.map(\.count).max() ?? 8))
  let height = f.top + f.bottom + rowHeight * Double(max(1, categories.count))
  let right = max(values.filter(\.isFinite).max() ?? 1, high?.filter(\.isFinite).max() ?? 0, 1e-9)
  let ticks = niceTicks(0, maximum ?? right)
  let top = max(ticks.last ?? right, maximum ?? right)
  let plotLeft = labelWidth + 8
  let plotWidth = f.width - plotLeft - f.right
  func x(_ v: Double) -> Double { plotLeft + plotWidth * min(1, max(0, v / top)) }
  var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(f.width)) \(n(height))\" role=\"img\" aria-label=\"\(escapeHTML(title))\">"
  svg += "<title>\(escapeHTML(title))</title><text x=\"\(n(f.width / 2))\" y=\"18\" text-anchor=\"middle\" class=\"title\">\(escapeHTML(title))</text>"
  for t in ticks {
    svg += "<line x1=\"\(n(x(t)))\" x2=\"\(n(x(t)))\" y1=\"\(n(f.top))\" y2=\"\(n(height - f.bottom))\" class=\"grid\"/>"
    svg += "<text x=\"\(n(x(t)))\" y=\"\(n(height - f.bottom + 16))\" text-anchor=\"middle\">\(tickLabel(t, language))</text>"
  }
  for (i, category) in categories.enumerated() {
    let yTop = f.top + Double(i) * rowHeight + 4
    svg += "<text x=\"\(n(labelWidth))\" y=\"\(n(yTop + 12))\" text-anchor=\"end\">\(escapeHTML(category))</text>"
    let v = values[i]
    if v.isFinite {
      svg += "<rect x=\"\(n(plotLeft))\" y=\"\(n(yTop))\" width=\"\(n(max(0, x(v) - plotLeft)))\" height=\"\(n(rowHeight - 8))\" fill=\"\(Palette.colour(0))\"/>"
    }
    if let lo = low?[i], let hi = high?[i], lo.isFinite, hi.isFinite {
      let mid = yTop + (rowHeight - 8) / 2
      svg += "<line x1=\"\(n(x(lo)))\" x2=\"\(n(x(hi)))\" y1=\"\(n(mid))\" y2=\"\(n(mid))\" stroke=\"#000\" stroke-width=\"1.5\"/>"
    }
  }
  f = Frame()
  svg += "<line x1=\"\(n(plotLeft))\" x2=\"\(n(plotLeft))\" y1=\"\(n(f.top))\" y2=\"\(n(height - f.bottom))\" class=\"axis\"/>"
  svg += "<text x=\"\(n(plotLeft + plotWidth / 2))\" y=\"\(n(height - 12))\" text-anchor=\"middle\" class=\"label\">\(escapeHTML(xLabel))</text>"
  return svg + "</svg>"
}

/// A heat map of a value over two factors, with the value written in each cell.
func heatMap(title: String, rows: [String], columns: [String], values: [[Double]], rowLabel: String, columnLabel: String,
             valueLabel: String, language: Language = .en) -> String
{
  let f = Frame()
  let cellWidth = min(90.0, (f.width - 150 - f.right) / Double(max(1, columns.count)))
  let cellHeight = 26.0
  let height = f.top + 40 + cellHeight * Double(max(1, rows.count)) + 50
  let finite = values.flatMap { $0 }.filter(\.isFinite)
  let low = finite.min() ?? 0
  let high = finite.max() ?? 1
  // A sequential scale from light to dark blue (readable in print and by colour-blind readers).
  func colour(_ v: Double) -> String {
    guard v.isFinite else { return "#ffffff" }
    let t = high > low ? (v - low) / (high - low) : 0.5
    let r = Int(247 - t * (247 - 8)), g = Int(251 - t * (251 - 48)), b = Int(255 - t * (255 - 107))
    return "rgb(\(r),\(g),\(b))"
  }
  var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(f.width)) \(n(height))\" role=\"img\" aria-label=\"\(escapeHTML(title))\">"
  svg += "<title>\(escapeHTML(title))</title><text x=\"\(n(f.width / 2))\" y=\"18\" text-anchor=\"middle\" class=\"title\">\(escapeHTML(title))</text>"
  let x0 = 150.0
  let y0 = f.top + 30
  svg += "<text x=\"\(n(x0 + cellWidth * Double(columns.count) / 2))\" y=\"\(n(f.top + 8))\" text-anchor=\"middle\" class=\"label\">\(escapeHTML(columnLabel))</text>"
  for (j, column) in columns.enumerated() {
    svg += "<text x=\"\(n(x0 + (Double(j) + 0.5) * cellWidth))\" y=\"\(n(y0 - 6))\" text-anchor=\"middle\">\(escapeHTML(column))</text>"
  }
  svg += "<text x=\"12\" y=\"\(n(y0 - 6))\" class=\"label\">\(escapeHTML(rowLabel))</text>"
  for (i, row) in rows.enumerated() {
    let y = y0 + Double(i) * cellHeight
    svg += "<text x=\"\(n(x0 - 8))\" y=\"\(n(y + 17))\" text-anchor=\"end\">\(escapeHTML(row))</text>"
    for j in columns.indices {
      let v = values[i][j]
      let dark = high > low && (v - low) / (high - low) > 0.55
      svg += "<rect x=\"\(n(x0 + Double(j) * cellWidth))\" y=\"\(n(y))\" width=\"\(n(cellWidth - 1))\" height=\"\(n(cellHeight - 1))\" fill=\"\(colour(v))\"/>"
      svg += "<text x=\"\(n(x0 + (Double(j) + 0.5) * cellWidth))\" y=\"\(n(y + 17))\" text-anchor=\"middle\" fill=\"\(dark ? "#fff" : "#000")\">\(v.isFinite ? tickLabel(v, language) : "–")</text>"
    }
  }
  svg += "<text x=\"\(n(x0))\" y=\"\(n(height - 16))\" class=\"label\">\(escapeHTML(language.report(.heatMapCells(valueLabel))))</text>"
  return svg + "</svg>"
}

private func header(_ f: Frame, title: String) -> String {
  "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(f.width)) \(n(f.height))\" role=\"img\" aria-label=\"\(escapeHTML(title))\">"
    + "<title>\(escapeHTML(title))</title><text x=\"\(n(f.width / 2))\" y=\"18\" text-anchor=\"middle\" class=\"title\">\(escapeHTML(title))</text>"
}

private func axes(_ f: Frame, yLabel: String) -> String {
  "<line x1=\"\(n(f.left))\" x2=\"\(n(f.left))\" y1=\"\(n(f.top))\" y2=\"\(n(f.height - f.bottom))\" class=\"axis\"/>"
    + "<line x1=\"\(n(f.left))\" x2=\"\(n(f.width - f.right))\" y1=\"\(n(f.height - f.bottom))\" y2=\"\(n(f.height - f.bottom))\" class=\"axis\"/>"
    + "<text transform=\"translate(14 \(n(f.top + f.plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" class=\"label\">\(escapeHTML(yLabel))</text>"
}
