//===----------------------------------------------------------------------===//
// The summary printed by `onestop run`.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Experiments
import Localization

/// A readable plain-text summary of a run: what was simulated (staff, how the week's
/// demand was spread, the initial backlog), the verdict on the backlog, headline KPIs and
/// one line per procedure, each as "mean ± half-width of the 95% CI".
public struct ConsoleSummary: Sendable {
  /// The result summarised.
  public var result: ExperimentResult
  /// The language of the text.
  public var language: Language

  /// A summary of `result`, in `language` (English unless told).
  public init(result: ExperimentResult, language: Language = .en) {
    self.result = result
    self.language = language
  }

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
    let t = language
    var out = t.report(.scenarioLine(name: s.name, start: s.horizon.start, end: s.horizon.end, days: s.horizon.days,
                              replications: s.replications, seed: s.seed)) + "\n"
    if !s.description.isEmpty { out += wrap(s.description.replacing("\n", with: " "), width: 78) + "\n" }
    let staff = s.centres.prefix(3).map { centre -> String in
      func count(_ staffings: [Staffing]) -> String {
        let all = staffings.flatMap(\.crews)
        let permanent = all.filter { $0.from == nil && $0.to == nil && $0.hours == nil && $0.weekdays == nil }.reduce(0) { $0 + $1.count }
        let other = all.reduce(0) { $0 + $1.count } - permanent
        return t.report(.staffCount(permanent: permanent, temporary: other))
      }
      return t.report(.staffOfCentre(centre: centre.id, counter: count(centre.counters.map(\.staffing)),
                              backOffice: count(centre.backOffice.map(\.staffing))))
    }
    out += t.report(.staffLine(items: staff, centres: s.centres.count)) + "\n"
    for line in Self.setting(s, language: t) { out += wrap(line, width: 88) + "\n" }
    let verdicts = verdictLines(result, t)
    out += "\n" + wrap(t.report(.verdict) + ": " + verdicts[0], width: 88) + "\n"
    for line in verdicts.dropFirst() { out += wrap(line, width: 88) + "\n" }
    if let initial = InitialBacklogSummary(result) { out += wrap(initial.clearedSentence(s, language: t), width: 88) + "\n" }
    out += "\n"
    let workingDay = Self.workingDayHours(s)
    let rows = shown.map { measure -> [String] in
      [t.label(measure), format(result.totals[measure], unit: measure.unit), Self.unitColumn(measure, result.totals[measure], workingDay, t)]
    }
    out += textTable(header: [t.report(.kpi), t.report(.meanWithInterval), t.report(.unit)], rows: rows, rightAligned: [1])
    out += "\n"
    for (window, e) in zip(s.windows, result.windows) {
      out += t.report(.windowConsoleHeading(from: window.from, to: window.to)) + "\n"
      out += textTable(header: [t.report(.kpi), t.report(.meanWithInterval), t.report(.unit)], rows: WindowMeasure.allCases.map { m in
        [t.label(m), format(e[m], unit: m.unit), m.unit == "share" ? "" : t.unit(m.unit)]
      }, rightAligned: [1]) + "\n"
    }
    let procedureRows = zip(s.procedures, result.procedures).map { procedure, e -> [String] in
      [procedure.id, t.report(.deadline(procedure.deadline)), t.count(e[.arrivals].mean),
       format(e[.onTimeRate], unit: "share"), format(e[.counterWaitMean], unit: "min"),
       format(e[.turnaroundWorkingDays], unit: "working days")]
    }
    out += textTable(header: [t.report(.procedureColumn), t.report(.deadlineColumn), t.report(.arrivalsColumn), t.report(.onTimeColumn), t.report(.waitMinutesColumn),
                              t.report(.turnaroundWDColumn)],
                     rows: procedureRows, rightAligned: [2, 3, 4, 5])
    return out
  }

  /// Lines on what was simulated beyond the staff: the week's demand, how a city's
  /// centre sizes were drawn, the initial backlog.
  static func setting(_ s: Scenario, language t: Language = .en) -> [String] {
    var lines: [String] = []
    let demand = DemandSpread(s)
    if demand.replayed {
      lines.append(t.report(.demandReplayed))
    } else {
      let days = Weekday.allCases.filter { demand.shares[$0.rawValue] > 0 }
      lines.append(t.report(.demandSpread(weekly: demand.weeklyVolume, weekdays: days, shares: days.map { demand.shares[$0.rawValue] },
                                   rule: demand.ruleApplies ? demand.rule : nil)))
    }
    if let draw = s.volumeDraw {
      switch draw.mode {
      case .once: lines.append(t.report(.sizesDrawnOnce(seed: draw.seed)))
      case .perReplication: lines.append(t.report(.sizesDrawnPerReplication))
      }
    }
    if !s.initialBacklog.isEmpty {
      let result = ExperimentResult(scenario: s, replications: [], poolNames: [])
      if let initial = InitialBacklogSummary(result) {
        lines.append(t.report(.initialBacklogSetting(count: initial.count, pastDue: initial.pastDueAtStart, earliest: initial.earliestReceipt,
                                              latest: initial.latestReceipt, holidays: initial.holidaysBefore)))
      }
    }
    return lines
  }

  /// The unit column of a KPI: working days shown with their hours too.
  static func unitColumn(_ measure: RunMeasure, _ e: Estimate, _ workingDay: Double, _ t: Language = .en) -> String {
    switch measure.unit {
    case "share": return ""
    case "working days": return e.mean.isNaN ? t.unit("working days") : t.report(.workingDaysWithHours(e.mean * workingDay))
    case "working hours": return e.mean.isNaN ? t.unit("working hours") : t.report(.workingHoursWithDays(e.mean / workingDay))
    default: return t.unit(measure.unit)
    }
  }

  /// Hours of a standard working day (the first working day of the horizon with opening hours).
  static func workingDayHours(_ s: Scenario) -> Double {
    let table = s.calendarTable()
    let day = (0..<table.dayCount).first { table.isWorkingDay($0) && table.openMinutes(ofDay: $0) > 0 }
    return day.map { table.openMinutes(ofDay: $0) / 60 } ?? 8
  }

  /// `mean ± half-width` with digits suited to the size and unit, in the summary's language.
  public func format(_ e: Estimate, unit: String) -> String { language.estimate(e, unit: unit) }

  /// `mean ± half-width` with digits suited to the size and unit: shares as percentages,
  /// dossiers whole.
  public static func formatEstimate(_ e: Estimate, unit: String, language: Language = .en) -> String {
    language.estimate(e, unit: unit)
  }
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
