//===----------------------------------------------------------------------===//
// The summary printed by `onestop run`.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Experiments

/// A readable plain-text summary of a run: headline KPIs and one line per procedure,
/// each as "mean ± half-width of the 95% CI".
public struct ConsoleSummary: Sendable {
  /// The result summarised.
  public var result: ExperimentResult

  /// A summary of `result`.
  public init(result: ExperimentResult) { self.result = result }

  /// The KPIs shown, in order.
  static let headline: [RunMeasure] = [
    .arrivals, .received, .completed, .processedShare, .onTimeRate, .overdue, .overdueOpen, .backlogEnd,
    .carriedOver, .counterWaitMean, .counterWaitP50, .counterWaitP90, .counterWaitP95, .counterWaitMax,
    .counterQueueMean, .counterQueueMax, .counterUtilisation, .backOfficeWaitMean, .backOfficeUtilisation,
    .turnaroundMean,
  ]

  /// The text, ending with a newline.
  public func rendered() -> String {
    let s = result.scenario
    var out = "Scenario \(s.name): \(s.horizon.start) to \(s.horizon.end) (\(s.horizon.days) days), "
    out += "\(s.replications) replication\(s.replications == 1 ? "" : "s"), seed \(s.seed)\n"
    if !s.description.isEmpty { out += wrap(s.description.replacing("\n", with: " "), width: 78) + "\n" }
    let staff = s.centres.prefix(3).map { centre -> String in
      func count(_ staffings: [Staffing]) -> String {
        let all = staffings.flatMap(\.crews)
        let permanent = all.filter { $0.from == nil && $0.to == nil && $0.hours == nil && $0.weekdays == nil }.reduce(0) { $0 + $1.count }
        let other = all.reduce(0) { $0 + $1.count } - permanent
        return other > 0 ? "\(permanent) (+\(other) temporary or part-time)" : "\(permanent)"
      }
      return "\(centre.id): \(count(centre.counters.map(\.staffing))) counter, \(count(centre.backOffice.map(\.staffing))) back-office staff"
    }
    out += "Staff: " + staff.joined(separator: "; ") + (s.centres.count > 3 ? "; … (\(s.centres.count) centres)" : "") + "\n\n"
    let rows = Self.headline.map { measure -> [String] in
      [measure.label, format(result.totals[measure], unit: measure.unit), measure.unit == "share" ? "" : measure.unit]
    }
    out += textTable(header: ["KPI", "mean ± 95% CI", "unit"], rows: rows, rightAligned: [1])
    out += "\n"
    let procedureRows = zip(s.procedures, result.procedures).map { procedure, e -> [String] in
      [procedure.id, procedure.deadline.description, formatCount(e[.arrivals].mean),
       format(e[.onTimeRate], unit: "share"), format(e[.counterWaitMean], unit: "min"),
       format(e[.turnaroundMean], unit: "h")]
    }
    out += textTable(header: ["procedure", "deadline", "arrivals", "on time", "wait (min)", "turnaround (h)"],
                 rows: procedureRows, rightAligned: [2, 3, 4, 5])
    return out
  }

  /// `mean ± half-width` with digits suited to the size and unit.
  public func format(_ e: Estimate, unit: String) -> String { Self.formatEstimate(e, unit: unit) }

  /// `mean ± half-width` with digits suited to the size and unit (shares as percentages).
  public static func formatEstimate(_ e: Estimate, unit: String) -> String {
    guard !e.mean.isNaN else { return "n/a" }
    let scale = unit == "share" ? 100.0 : 1.0
    let digits = unit == "share" ? 1 : (abs(e.mean) >= 1000 ? 0 : (abs(e.mean) >= 10 ? 1 : 2))
    let mean = fixed(e.mean * scale, digits) + (unit == "share" ? "%" : "")
    guard !e.halfWidth.isNaN else { return mean }
    return "\(mean) ± \(fixed(e.halfWidth * scale, digits))"
  }

  private func formatCount(_ value: Double) -> String { value.isNaN ? "n/a" : fixed(value, value >= 100 ? 0 : 1) }
}

/// `value` with `digits` decimals (deterministic, no locale).
func fixed(_ value: Double, _ digits: Int) -> String {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let scaled = (abs(value) * scale).rounded()
  let whole = Int64(scaled / scale)
  let fraction = Int64(scaled - Double(whole) * scale)
  let sign = value < 0 && scaled > 0 ? "-" : ""
  guard digits > 0 else { return sign + String(whole) }
  let fractionText = String(fraction)
  return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
}

/// A plain-text table with a header rule.
func textTable(header: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
  var widths = header.map(\.count)
  for row in rows { for (i, field) in row.enumerated() { widths[i] = max(widths[i], field.count) } }
  func line(_ fields: [String]) -> String {
    fields.enumerated().map { i, field in
      let pad = String(repeating: " ", count: widths[i] - field.count)
      return rightAligned.contains(i) ? pad + field : field + pad
    }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
  }
  return line(header) + line(widths.map { String(repeating: "-", count: $0) }) + rows.map(line).joined()
}

func wrap(_ text: String, width: Int) -> String {
  var lines: [String] = []
  var current = ""
  for word in text.split(separator: " ") {
    if !current.isEmpty && current.count + word.count + 1 > width {
      lines.append(current)
      current = ""
    }
    current += current.isEmpty ? String(word) : " \(word)"
  }
  if !current.isEmpty { lines.append(current) }
  return lines.joined(separator: "\n")
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
