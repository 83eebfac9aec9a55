//===----------------------------------------------------------------------===//
// What a run's figures mean for a planner: derived once, rendered by every report.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Experiments

/// A warning about the scenario, as the loader located it, carried into the outputs.
public struct ReportedWarning: Sendable, Hashable {
  /// `file:line:column`, or the command-line argument.
  public var location: String
  /// The key path (`centre.arrivals.surges[0].from`).
  public var keyPath: String
  /// The whole message.
  public var message: String

  /// A warning at `location`.
  public init(location: String, keyPath: String, message: String) {
    self.location = location
    self.keyPath = keyPath
    self.message = message
  }
}

/// How the week's demand is spread over the regular week's open days.
public struct DemandSpread: Sendable {
  /// Expected dossiers (all channels) in a regular week, over all centres, before
  /// holidays and surges.
  public var weeklyVolume: Double
  /// Per weekday (Monday first), the share of the week's dossiers (0 when closed).
  public var shares: [Double]
  /// The calendar's rule.
  public var rule: ExtraDayDemand
  /// Whether the rule changed anything (the week is not a standard one).
  public var ruleApplies: Bool
  /// Whether arrivals are replayed from a log instead (the spread does not apply).
  public var replayed: Bool

  /// The spread of `scenario`'s demand.
  public init(_ scenario: Scenario) {
    var perDay = Array(repeating: 0.0, count: 7)
    for centre in scenario.centres {
      let multipliers = centre.arrivals.weekdayMultipliers(on: scenario.calendar)
      for day in 0..<7 where !scenario.calendar.openingHours[day].isEmpty {
        perDay[day] += centre.arrivals.dailyVolume * multipliers[day]
      }
    }
    let weekly = perDay.reduce(0, +)
    weeklyVolume = weekly
    shares = perDay.map { weekly > 0 ? $0 / weekly : 0 }
    rule = scenario.calendar.extraDayDemand
    ruleApplies = !scenario.calendar.isStandardWeek
    replayed = scenario.recordedArrivals != nil
  }
}

/// Whether the backlog is stable, from its trend over the horizon's last weeks.
public struct BacklogVerdict: Sendable {
  /// What the trend says.
  public enum State: String, Sendable {
    case growing, shrinking, stable
    /// The horizon is shorter than two weeks after the warm-up.
    case unknown
  }

  public var state: State
  /// Dossiers a week (least-squares slope of the weekly means of the backlog at
  /// midnight), over replications.
  public var trend: Estimate
  /// Days in the window (the last four weeks, or the horizon's whole weeks).
  public var windowDays: Int
  /// The backlog at the start (the initial backlog; `nil`: none) and at the end (mean).
  public var start: Double?
  public var end: Double
  /// Whether the window includes the first two weeks of a run that started empty, when
  /// dossiers with deadlines of days fill the pipeline: growth then is partly that.
  public var includesStartUp: Bool

  /// The verdict on `result`: growing or shrinking when the 95% interval of the trend
  /// excludes 0 and the trend is at least 1% of a week's arrivals (and 1 dossier);
  /// stable otherwise.
  public init(_ result: ExperimentResult) {
    trend = result.totals[.backlogTrendPerWeek]
    start = result.scenario.initialBacklog.isEmpty ? nil : Double(result.scenario.initialBacklog.count)
    end = result.totals[.backlogEnd].mean
    let horizon = result.scenario.horizon
    let window = RunMeasure.trendWindow(days: horizon.days, warmUpDays: horizon.warmUpDays)
    windowDays = window?.count ?? 0
    includesStartUp = start == nil && (window?.lowerBound ?? 0) < 14
    guard windowDays > 0, !trend.mean.isNaN else {
      state = .unknown
      return
    }
    let weekly = result.totals[.arrivals].mean / Double(horizon.days) * 7
    let material = abs(trend.mean) >= max(1, 0.01 * weekly)
    let excludesZero = trend.halfWidth.isNaN ? false : (trend.low > 0 || trend.high < 0)
    state = material && excludesZero ? (trend.mean > 0 ? .growing : .shrinking) : .stable
  }

  /// The verdict in a sentence.
  public var sentence: String {
    let weeks = windowDays / 7
    let over = "over the last \(weeks == 1 ? "week" : "\(weeks) weeks")"
    var amount: String {
      "\(fixed(abs(trend.mean), abs(trend.mean) >= 10 ? 0 : 1))"
        + (trend.halfWidth.isNaN ? "" : " ± \(fixed(trend.halfWidth, trend.halfWidth >= 10 ? 0 : 1))")
    }
    let levels = "\(start.map { "from \(fixed($0, 0)) at the start" } ?? "from none at the start") to \(fixed(end, 0)) at the end"
    switch state {
    case .growing:
      return "The backlog grows by \(amount) dossiers a week \(over) (\(levels)): this staffing cannot hold"
        + (includesStartUp
          ? ", or the run is still filling up: it started empty, and the first weeks fill the queues with dossiers whose deadlines are days away (start from the current backlog, or run longer, to tell)."
          : ".")
    case .shrinking: return "The backlog shrinks by \(amount) dossiers a week \(over) (\(levels)): it is being cleared."
    case .stable:
      return "The backlog is stable \(over) (trend \(trend.mean >= 0 ? "+" : "-")\(amount) dossiers a week)."
    case .unknown: return "The horizon is shorter than two weeks: no backlog trend can be told."
    }
  }
}

/// The initial backlog and what became of it.
public struct InitialBacklogSummary: Sendable {
  /// Dossiers pending at the start.
  public var count: Int
  /// Of them, already past their due time at the start.
  public var pastDueAtStart: Int
  /// The earliest and latest receipts.
  public var earliestReceipt: CivilDate
  public var latestReceipt: CivilDate
  /// Holidays of the calendar that fall between the earliest receipt and the start
  /// (they count towards the pending dossiers' due dates).
  public var holidaysBefore: [CivilDate]
  /// Replications in which every initial dossier was completed (or abandoned) by the end.
  public var clearedIn: Int
  public var replications: Int
  /// The day it was cleared (0: the first day), over the replications that cleared it.
  public var clearedDay: Estimate
  public var clearedDayRange: (first: Int, median: Double, last: Int)?
  /// Overdue among the initial dossiers and among the new ones.
  public var overdueInitial: Estimate
  public var overdueNew: Estimate

  /// The summary of `result`'s initial backlog, `nil` when the run started empty.
  public init?(_ result: ExperimentResult) {
    let scenario = result.scenario
    guard !scenario.initialBacklog.isEmpty else { return nil }
    let table = scenario.calendarTable()
    count = scenario.initialBacklog.count
    pastDueAtStart = scenario.initialBacklog.filter { pending in
      let due = pending.due ?? table.dueTime(receivedAt: .init(minutes: pending.received),
                                              deadline: scenario.procedures[pending.procedure].deadline).minutes
      return due < 0
    }.count
    let first = scenario.initialBacklog.map(\.received).min() ?? 0
    let last = scenario.initialBacklog.map(\.received).max() ?? 0
    let earliest = table.date(ofDay: table.day(of: .init(minutes: first)))
    earliestReceipt = earliest
    latestReceipt = table.date(ofDay: table.day(of: .init(minutes: last)))
    holidaysBefore = scenario.calendar.holidays.filter { $0 >= earliest && $0 < scenario.horizon.start }.sorted()
    replications = result.replications.count
    let days = result.replications.map { $0.totals[.initialClearedDay] }.filter { !$0.isNaN }.sorted()
    clearedIn = days.count
    clearedDay = result.totals[.initialClearedDay]
    if let low = days.first, let high = days.last {
      let median = days.count % 2 == 1 ? days[days.count / 2] : (days[days.count / 2 - 1] + days[days.count / 2]) / 2
      clearedDayRange = (Int(low), median, Int(high))
    }
    overdueInitial = result.totals[.initialOverdue]
    overdueNew = result.totals[.newOverdue]
  }

  /// The date of day `day` of the horizon.
  public func date(_ day: Double, _ scenario: Scenario) -> CivilDate {
    scenario.horizon.start.adding(days: Int(day.rounded()))
  }

  /// What became of the backlog, in a sentence.
  public func clearedSentence(_ scenario: Scenario) -> String {
    guard let range = clearedDayRange else {
      return "The initial backlog was not cleared by the end (\(scenario.horizon.end)) in any of the \(replications) replications."
    }
    let all = clearedIn == replications
    var text = all ? "The initial backlog was cleared " : "The initial backlog was cleared in \(clearedIn) of \(replications) replications (not cleared by \(scenario.horizon.end) in the others): "
    text += "on day \(fixed(clearedDay.mean, 1))"
    if !clearedDay.halfWidth.isNaN { text += " ± \(fixed(clearedDay.halfWidth, 1))" }
    text += " (about \(date(clearedDay.mean, scenario))); earliest \(date(Double(range.first), scenario)), median \(date(range.median, scenario)), latest \(date(Double(range.last), scenario))."
    return text
  }
}

/// A number of dossiers shown whole: `6 ± 3`, `< 1 ± <1`.
func wholeCount(_ e: Estimate) -> String {
  guard !e.mean.isNaN else { return "n/a" }
  let mean = e.mean > 0 && e.mean < 0.5 ? "< 1" : fixed(e.mean, 0)
  guard !e.halfWidth.isNaN else { return mean }
  let half = e.halfWidth > 0 && e.halfWidth < 0.5 ? "<1" : fixed(e.halfWidth, 0)
  return "\(mean) ± \(half)"
}
