//===----------------------------------------------------------------------===//
// What a run's figures mean for a planner: derived once, rendered by every report.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Experiments
import Localization

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

  /// The verdict in a sentence, in English.
  public var sentence: String { sentence(.en) }

  /// The verdict in a sentence.
  public func sentence(_ language: Language) -> String {
    let weeks = windowDays / 7
    switch state {
    case .growing:
      return language.report(.backlogGrowing(trend: abs(trend.mean), halfWidth: trend.halfWidth, weeks: weeks, start: start, end: end,
                                      startUp: includesStartUp))
    case .shrinking:
      return language.report(.backlogShrinking(trend: abs(trend.mean), halfWidth: trend.halfWidth, weeks: weeks, start: start, end: end))
    case .stable: return language.report(.backlogStable(trend: trend.mean, halfWidth: trend.halfWidth, weeks: weeks))
    case .unknown: return language.report(.backlogUnknown)
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
    // How many replications cleared it on each day (days are few, replications may be many).
    var clearedOn: [Double: Int] = [:]
    for replication in result.replications {
      let day = replication.totals[.initialClearedDay]
      if !day.isNaN { clearedOn[day, default: 0] += 1 }
    }
    let days = clearedOn.sorted { $0.key < $1.key }
    clearedIn = days.reduce(0) { $0 + $1.value }
    clearedDay = result.totals[.initialClearedDay]
    if let low = days.first?.key, let high = days.last?.key {
      /// The k-th smallest day (0-based).
      func day(_ k: Int) -> Double {
        var seen = 0
        for (day, count) in days {
          seen += count
          if k < seen { return day }
        }
        return high
      }
      let median = clearedIn % 2 == 1 ? day(clearedIn / 2) : (day(clearedIn / 2 - 1) + day(clearedIn / 2)) / 2
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
  public func clearedSentence(_ scenario: Scenario, language: Language = .en) -> String {
    guard let range = clearedDayRange else {
      return language.report(.initialBacklogNotCleared(end: scenario.horizon.end, replications: replications))
    }
    return language.report(.initialBacklogCleared(
      clearedIn: clearedIn, replications: replications, end: scenario.horizon.end, day: clearedDay.mean,
      halfWidth: clearedDay.halfWidth, about: date(clearedDay.mean, scenario), earliest: date(Double(range.first), scenario),
      median: date(range.median, scenario), latest: date(Double(range.last), scenario)))
  }
}

/// The procedures that miss their deadlines: those whose on-time rate is below a target,
/// worst first, with the dossiers they let go overdue.
public struct DeadlineFindings: Sendable {
  /// The on-time rate below which a procedure is said to miss its deadlines (95%).
  public static let defaultOnTimeTarget = 0.95

  /// A procedure below the target.
  public struct Miss: Sendable {
    /// The procedure's name, as the scenario writes it.
    public var procedure: String
    public var deadline: Deadline
    public var onTime: Estimate
    /// Completed late plus open past due at the end (means over replications).
    public var overdue: Double
  }

  public var target: Double
  /// Worst on-time rate first.
  public var misses: [Miss]
  /// Procedures with any dossier to judge.
  public var judged: Int

  /// The findings of `result` against `target`.
  public init(_ result: ExperimentResult, target: Double = defaultOnTimeTarget) {
    self.target = target
    let pairs = zip(result.scenario.procedures, result.procedures).filter { !$0.1[.onTimeRate].mean.isNaN }
    judged = pairs.count
    misses = pairs.filter { $0.1[.onTimeRate].mean < target }.map { procedure, e in
      Miss(procedure: procedure.name, deadline: procedure.deadline, onTime: e[.onTimeRate],
           overdue: e[.completedLate].mean + e[.overdueOpen].mean)
    }.sorted { $0.onTime.mean < $1.onTime.mean }
  }

  /// The finding in sentences: one when every procedure meets the target, else an
  /// introduction and one per procedure.
  public func sentences(_ language: Language) -> [String] {
    guard judged > 0 else { return [] }
    guard !misses.isEmpty else { return [language.report(.deadlinesAllMet(target: target))] }
    return [language.report(.deadlinesMissed(count: misses.count, target: target))] + misses.map { miss in
      language.report(.deadlineMiss(procedure: miss.procedure, deadline: miss.deadline, onTime: miss.onTime.mean,
                             halfWidth: miss.onTime.halfWidth, overdue: miss.overdue))
    }
  }
}

/// Where counter waits exceed a target on their 90th percentile: over the run, and per
/// centre when there are several.
public struct WaitFindings: Sendable {
  /// The target on the 90th percentile of the counter wait of citizens served: 30
  /// minutes (nine citizens in ten called within half an hour).
  public static let defaultP90TargetMinutes = 30.0

  public var target: Double
  /// The run's 90th percentile.
  public var overall: Estimate
  /// Centres whose 90th percentile is above the target, worst first (only with several centres).
  public var centresOver: [(id: String, p90: Estimate)]
  public var centreCount: Int

  /// The findings of `result` against `target` minutes.
  public init(_ result: ExperimentResult, target: Double = defaultP90TargetMinutes) {
    self.target = target
    overall = result.totals[.counterWaitP90]
    centreCount = result.scenario.centres.count
    centresOver = centreCount < 2 ? [] : zip(result.scenario.centres, result.centres)
      .filter { $0.1[.counterWaitP90].mean > target }
      .map { (id: $0.0.id, p90: $0.1[.counterWaitP90]) }
      .sorted { $0.p90.mean > $1.p90.mean }
  }

  /// The finding in sentences.
  public func sentences(_ language: Language, listing limit: Int = 10) -> [String] {
    guard !overall.mean.isNaN else { return [] }
    var lines = [overall.mean > target
      ? language.report(.waitOverTarget(p90: overall.mean, halfWidth: overall.halfWidth, target: target))
      : language.report(.waitWithinTarget(p90: overall.mean, target: target))]
    if centreCount > 1 {
      if centresOver.isEmpty {
        lines.append(language.report(.waitCentresWithinTarget(centres: centreCount, target: target)))
      } else {
        lines.append(language.report(.waitCentresOverTarget(count: centresOver.count, centres: centreCount, target: target)))
        lines += centresOver.prefix(limit).map { language.report(.waitCentre(centre: $0.id, p90: $0.p90.mean, halfWidth: $0.p90.halfWidth)) }
        if centresOver.count > limit { lines.append(language.report(.andMore(centresOver.count - limit))) }
      }
    }
    return lines
  }
}

/// The findings a report opens with, in order: the backlog, the deadlines, the waits.
public func verdictLines(_ result: ExperimentResult, _ language: Language) -> [String] {
  [BacklogVerdict(result).sentence(language)] + DeadlineFindings(result).sentences(language) + WaitFindings(result).sentences(language)
}

/// A number of dossiers shown whole: `6 ± 3`, `< 1 ± <1`.
func wholeCount(_ e: Estimate) -> String { Language.en.wholeCount(e) }
