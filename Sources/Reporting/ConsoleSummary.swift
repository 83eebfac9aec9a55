//===----------------------------------------------------------------------===//
// The summary printed by `onestop run`.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Experiments

/// A readable plain-text summary of a run: what was simulated (staff, how the week's
/// demand was spread, the initial backlog), the verdict on the backlog, headline KPIs and
/// one line per procedure, each as "mean ± half-width of the 95% CI".
public struct ConsoleSummary: Sendable {
  /// The result summarised.
  public var result: ExperimentResult

  /// A summary of `result`.
  public init(result: ExperimentResult) { self.result = result }

  /// The KPIs shown, in order (some only when they say something: see ``shown``).
  static let headline: [RunMeasure] = [
    .arrivals, .received, .completed, .processedShare, .onTimeRate, .overdue, .overdueOpen, .backlogEnd,
    .backlogTrendPerWeek, .openDeadlineUsed80to100, .initialBacklog, .initialCompleted, .initialOverdue, .newOverdue,
    .carriedOver, .counterWaitMean, .counterWaitAllMean, .counterWaitP50, .counterWaitP90, .counterWaitP95, .counterWaitMax,
    .delayProbability, .balked, .reneged, .turnedAway, .waitingEnd, .waitingEndMeanWait, .counterQueueMean, .counterQueueMax,
    .counterUtilisation, .backOfficeWaitWorkingHours, .backOfficeUtilisation, .turnaroundWorkingDays,
  ]

  /// The headline KPIs worth a line in this run: the initial backlog's only when there is
  /// one, the waits of all ticket holders and of those still waiting only when someone
  /// gave up or is still waiting, the deadline use of open dossiers only when some are open.
  var shown: [RunMeasure] {
    let t = result.totals
    let initial = !result.scenario.initialBacklog.isEmpty
    let leftUnserved = t[.reneged].mean > 0 || t[.waitingEnd].mean > 0
    let backOffice = result.scenario.procedures.contains { !$0.steps.isEmpty } || !result.scenario.initialBacklog.isEmpty
    return Self.headline.filter { measure in
      switch measure {
      case .initialBacklog, .initialCompleted, .initialOverdue, .newOverdue: return initial
      case .counterWaitAllMean, .waitingEnd: return leftUnserved
      case .waitingEndMeanWait: return t[.waitingEnd].mean > 0
      case .balked, .reneged, .turnedAway: return t[measure].mean > 0
      case .backOfficeWaitWorkingHours, .backOfficeUtilisation: return backOffice
      case .openDeadlineUsed80to100: return t[.backlogEnd].mean >= 1
      case .backlogTrendPerWeek: return !t[measure].mean.isNaN
      default: return true
      }
    }
  }

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
    out += "Staff: " + staff.joined(separator: "; ") + (s.centres.count > 3 ? "; … (\(s.centres.count) centres)" : "") + "\n"
    for line in Self.setting(s) { out += wrap(line, width: 88) + "\n" }
    out += "\n" + wrap("Verdict: " + BacklogVerdict(result).sentence, width: 88) + "\n"
    if let initial = InitialBacklogSummary(result) { out += wrap(initial.clearedSentence(s), width: 88) + "\n" }
    out += "\n"
    let workingDay = Self.workingDayHours(s)
    let rows = shown.map { measure -> [String] in
      [measure.label, format(result.totals[measure], unit: measure.unit), Self.unitColumn(measure, result.totals[measure], workingDay)]
    }
    out += textTable(header: ["KPI", "mean ± 95% CI", "unit"], rows: rows, rightAligned: [1])
    out += "\n"
    for (window, e) in zip(s.windows, result.windows) {
      out += "Dossiers that arrived from \(window.from) to \(window.to), at the window's end:\n"
      out += textTable(header: ["KPI", "mean ± 95% CI", "unit"], rows: WindowMeasure.allCases.map { m in
        [m.label, format(e[m], unit: m.unit), m.unit == "share" ? "" : m.unit]
      }, rightAligned: [1]) + "\n"
    }
    let procedureRows = zip(s.procedures, result.procedures).map { procedure, e -> [String] in
      [procedure.id, procedure.deadline.description, formatCount(e[.arrivals].mean),
       format(e[.onTimeRate], unit: "share"), format(e[.counterWaitMean], unit: "min"),
       format(e[.turnaroundWorkingDays], unit: "working days")]
    }
    out += textTable(header: ["procedure", "deadline", "arrivals", "on time", "wait (min)", "turnaround (WD)"],
                 rows: procedureRows, rightAligned: [2, 3, 4, 5])
    return out
  }

  /// Lines on what was simulated beyond the staff: the week's demand, how a city's
  /// centre sizes were drawn, the initial backlog.
  static func setting(_ s: Scenario) -> [String] {
    var lines: [String] = []
    let demand = DemandSpread(s)
    if demand.replayed {
      lines.append("Demand: arrivals replayed from the recorded log (daily volumes, profiles and channel shares are not used).")
    } else {
      let days = Weekday.allCases.filter { demand.shares[$0.rawValue] > 0 }
        .map { "\($0.shortName) \(fixed(demand.shares[$0.rawValue] * 100, 1))%" }
      var line = "Demand: about \(fixed(demand.weeklyVolume, demand.weeklyVolume >= 100 ? 0 : 1)) dossiers a week (all channels), "
        + "spread over the open days: \(days.joined(separator: ", "))"
      if demand.ruleApplies {
        line += demand.rule == .shifted
          ? " (extra_day_demand: shifted, so opening days beyond the working week move demand, the week's total is kept)."
          : " (extra_day_demand: added, so every open day brings a day's demand)."
      } else {
        line += "."
      }
      lines.append(line)
    }
    if let draw = s.volumeDraw {
      switch draw.mode {
      case .once:
        lines.append("Centre sizes: drawn once from seed \(draw.seed); every replication simulates the same city, so the "
          + "confidence intervals do not include the uncertainty of the centres' sizes (volume_scale_draw: per_replication does).")
      case .perReplication:
        lines.append("Centre sizes: drawn afresh in every replication; the confidence intervals include the uncertainty of the centres' sizes.")
      }
    }
    if !s.initialBacklog.isEmpty {
      let result = ExperimentResult(scenario: s, replications: [], poolNames: [])
      if let initial = InitialBacklogSummary(result) {
        lines.append("Initial backlog: \(initial.count) dossiers pending at the start, \(initial.pastDueAtStart) of them already past due; "
          + "received \(initial.earliestReceipt) to \(initial.latestReceipt), due dates counted on the scenario's calendar "
          + "(holidays listed in that period: \(initial.holidaysBefore.isEmpty ? "none" : initial.holidaysBefore.map(\.description).joined(separator: ", "))).")
      }
    }
    return lines
  }

  /// The unit column of a KPI: working days shown with their hours too.
  static func unitColumn(_ measure: RunMeasure, _ e: Estimate, _ workingDay: Double) -> String {
    switch measure.unit {
    case "share": return ""
    case "working days": return e.mean.isNaN ? "working days" : "working days (\(fixed(e.mean * workingDay, 1)) h)"
    case "working hours": return e.mean.isNaN ? "working hours" : "working hours (\(fixed(e.mean / workingDay, 2)) working days)"
    default: return measure.unit
    }
  }

  /// Hours of a standard working day (the first working day of the horizon with opening hours).
  static func workingDayHours(_ s: Scenario) -> Double {
    let table = s.calendarTable()
    let day = (0..<table.dayCount).first { table.isWorkingDay($0) && table.openMinutes(ofDay: $0) > 0 }
    return day.map { table.openMinutes(ofDay: $0) / 60 } ?? 8
  }

  /// `mean ± half-width` with digits suited to the size and unit.
  public func format(_ e: Estimate, unit: String) -> String { Self.formatEstimate(e, unit: unit) }

  /// `mean ± half-width` with digits suited to the size and unit: shares as percentages,
  /// dossiers whole.
  public static func formatEstimate(_ e: Estimate, unit: String) -> String {
    guard !e.mean.isNaN else { return "n/a" }
    if unit == "dossiers" { return wholeCount(e) }
    let scale = unit == "share" ? 100.0 : 1.0
    let digits = unit == "share" ? 1 : (abs(e.mean) >= 1000 ? 0 : (abs(e.mean) >= 10 ? 1 : 2))
    let mean = fixed(e.mean * scale, digits) + (unit == "share" ? "%" : "")
    guard !e.halfWidth.isNaN else { return mean }
    return "\(mean) ± \(fixed(e.halfWidth * scale, digits))"
  }

  private func formatCount(_ value: Double) -> String { value.isNaN ? "n/a" : fixed(value, value >= 100 ? 0 : 1) }
}

/// `value` with `digits` decimals (deterministic, no locale); `n/a` when it is not a
/// finite number small enough to print whole.
func fixed(_ value: Double, _ digits: Int) -> String {
  guard value.isFinite, abs(value) < 1e15 else { return value.isNaN ? "n/a" : value > 0 ? "∞" : "-∞" }
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
