//===----------------------------------------------------------------------===//
// English: the reports and the console summary.
//===----------------------------------------------------------------------===//

import CentreModel

/// A figure of a comparison's verdict: two decimals under 10, one under 100, none above.
private func short(_ x: Double) -> String {
  guard x.isFinite else { return "n/a" }
  let digits = abs(x) >= 100 ? 0 : abs(x) >= 10 ? 1 : 2
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let rounded = (x * scale).rounded() / scale
  return digits == 0 ? String(Int(rounded)) : "\(rounded)"
}

/// `12 ± 3` (no decimal from 10 on, one below).
private func amount(_ x: Double, _ halfWidth: Double) -> String {
  fixed(x, x >= 10 ? 0 : 1) + (halfWidth.isNaN ? "" : " ± \(fixed(halfWidth, halfWidth >= 10 ? 0 : 1))")
}

private func minutes(_ x: Double) -> String { fixed(x, 1) }

private func percent(_ share: Double) -> String { fixed(share * 100, share * 100 == (share * 100).rounded() ? 0 : 1) + "%" }

private func dossiers(_ x: Double) -> String { x > 0 && x < 0.5 ? "< 1" : fixed(x, 0) }

extension English {
  public func report(_ phrase: ReportPhrase) -> String {
    switch phrase {
    case .verdict: "Verdict"
    case .keyFigures: "Key figures"
    case .kpi: "KPI"
    case .meanWithInterval: "mean ± 95% CI"
    case .unit: "unit"
    case .provenance: "Provenance"
    case .pageFooter(let version):
      "Made by onestop \(version). Means over replications; shaded bands and black lines are 95% confidence intervals (Student t)."
    case .heatMapCells(let label): "Cells: \(label) (darker is higher)"

    // The verdict
    case .backlogGrowing(let trend, let halfWidth, let weeks, let start, let end, let startUp):
      "The backlog grows by \(amount(trend, halfWidth)) dossiers a week \(over(weeks)) (\(levels(start, end))): this staffing cannot hold"
        + (startUp
          ? ", or the run is still filling up: it started empty, and the first weeks fill the queues with dossiers whose deadlines are days away (start from the current backlog, or run longer, to tell)."
          : ".")
    case .backlogShrinking(let trend, let halfWidth, let weeks, let start, let end):
      "The backlog shrinks by \(amount(trend, halfWidth)) dossiers a week \(over(weeks)) (\(levels(start, end))): it is being cleared."
    case .backlogStable(let trend, let halfWidth, let weeks):
      "The backlog is stable \(over(weeks)) (trend \(trend >= 0 ? "+" : "-")\(amount(abs(trend), halfWidth)) dossiers a week)."
    case .backlogUnknown: "The horizon is shorter than two weeks: no backlog trend can be told."
    case .initialBacklogCleared(let clearedIn, let replications, let end, let day, let halfWidth, let about, let earliest, let median, let latest):
      (clearedIn == replications
        ? "The initial backlog was cleared "
        : "The initial backlog was cleared in \(clearedIn) of \(replications) replications (not cleared by \(end) in the others): ")
        + "on day \(fixed(day, 1))" + (halfWidth.isNaN ? "" : " ± \(fixed(halfWidth, 1))")
        + " (about \(about)); earliest \(earliest), median \(median), latest \(latest)."
    case .initialBacklogNotCleared(let end, let replications):
      "The initial backlog was not cleared by the end (\(end)) in any of the \(replications) replications."
    case .deadlinesAllMet(let target): "Every procedure completes at least \(percent(target)) of its dossiers on time."
    case .deadlinesMissed(let count, let target):
      count == 1
        ? "One procedure completes fewer than \(percent(target)) of its dossiers on time:"
        : "\(count) procedures complete fewer than \(percent(target)) of their dossiers on time (worst first):"
    case .deadlineMiss(let procedure, let deadline, let onTime, let halfWidth, let overdue):
      "– \(procedure) (deadline: \(deadline)): \(fixed(onTime * 100, 1))%\(halfWidth.isNaN ? "" : " ± \(fixed(halfWidth * 100, 1))") on time, "
        + "\(dossiers(overdue)) dossier\(overdue >= 0.5 && overdue < 1.5 ? "" : "s") overdue"
    case .waitWithinTarget(let p90, let target):
      "Counter waits are within the target: nine citizens in ten were called within \(minutes(p90)) min (90th percentile; target: at most \(fixed(target, 0)) min)."
    case .waitOverTarget(let p90, let halfWidth, let target):
      "Counter waits exceed the target: the 90th percentile of the wait is \(minutes(p90))\(halfWidth.isNaN ? "" : " ± \(minutes(halfWidth))") min, "
        + "above the target of \(fixed(target, 0)) min."
    case .waitCentresWithinTarget(let centres, let target):
      "Each of the \(centres) centres keeps the 90th percentile of its counter wait within \(fixed(target, 0)) min."
    case .waitCentresOverTarget(let count, let centres, let target):
      "\(count) of the \(centres) centres have a 90th percentile of the counter wait above \(fixed(target, 0)) min (worst first):"
    case .waitCentre(let centre, let p90, let halfWidth):
      "– \(centre): \(minutes(p90))\(halfWidth.isNaN ? "" : " ± \(minutes(halfWidth))") min"
    case .andMore(let count): "– … and \(count) more"

    // What was simulated
    case .scenarioLine(let name, let start, let end, let days, let replications, let seed):
      "Scenario \(name): \(start) to \(end) (\(days) days), \(replications) replication\(replications == 1 ? "" : "s"), seed \(seed)"
    case .runIntro(let start, let end, let days, let centres, let procedures, let replications):
      "\(start) to \(end), \(days) days; \(centres) centre\(centres == 1 ? "" : "s"), \(procedures) procedures; \(replications) replications."
    case .staffCount(let permanent, let temporary): temporary > 0 ? "\(permanent) (+\(temporary) temporary or part-time)" : "\(permanent)"
    case .staffOfCentre(let centre, let counter, let backOffice): "\(centre): \(counter) counter, \(backOffice) back-office staff"
    case .staffLine(let items, let centres): "Staff: " + items.joined(separator: "; ") + (centres > 3 ? "; … (\(centres) centres)" : "")
    case .demandReplayed:
      "Demand: arrivals replayed from the recorded log (daily volumes, profiles and channel shares are not used)."
    case .demandSpread(let weekly, let weekdays, let shares, let rule):
      "Demand: about \(fixed(weekly, weekly >= 100 ? 0 : 1)) dossiers a week (all channels), spread over the open days: "
        + zip(weekdays, shares).map { "\($0.shortName) \(fixed($1 * 100, 1))%" }.joined(separator: ", ")
        + (rule.map {
          $0 == .shifted
            ? " (extra_day_demand: shifted, so opening days beyond the working week move demand, the week's total is kept)."
            : " (extra_day_demand: added, so every open day brings a day's demand)."
        } ?? ".")
    case .sizesDrawnOnce(let seed):
      "Centre sizes: drawn once from seed \(seed); every replication simulates the same city, so the "
        + "confidence intervals do not include the uncertainty of the centres' sizes (volume_scale_draw: per_replication does)."
    case .sizesDrawnPerReplication:
      "Centre sizes: drawn afresh in every replication; the confidence intervals include the uncertainty of the centres' sizes."
    case .initialBacklogSetting(let count, let pastDue, let earliest, let latest, let holidays):
      "Initial backlog: \(count) dossiers pending at the start, \(pastDue) of them already past due; "
        + "received \(earliest) to \(latest), due dates counted on the scenario's calendar "
        + "(holidays listed in that period: \(holidays.isEmpty ? "none" : holidays.map(\.description).joined(separator: ", ")))."
    case .warningsIntro: "Warnings about the scenario (settings that have no effect, or look wrong):"

    // Tables of the run
    case .kpiAtWindowEnd: "KPI, at the window's end"
    case .windowHeading(let from, let to): "Dossiers that arrived from \(from) to \(to)"
    case .windowConsoleHeading(let from, let to): "Dossiers that arrived from \(from) to \(to), at the window's end:"
    case .workingDaysWithHours(let hours): "working days (\(fixed(hours, 1)) h)"
    case .workingHoursWithDays(let days): "working hours (\(fixed(days, 2)) working days)"
    case .deadline(let deadline): deadline.description
    case .procedureColumn: "procedure"
    case .deadlineColumn: "deadline"
    case .arrivalsColumn: "arrivals"
    case .onTimeColumn: "on time"
    case .waitMinutesColumn: "wait (min)"
    case .turnaroundWDColumn: "turnaround (WD)"
    case .turnaroundWorkingDaysColumn: "turnaround (working days)"

    // Charts of the run
    case .backlogHeading: "Backlog and overdue dossiers"
    case .seriesBacklog: "backlog (received, not completed)"
    case .seriesOpenPastDue: "open past their due date"
    case .seriesInitialOpen: "initial backlog still open"
    case .chartDossiersAtMidnight: "Dossiers at midnight"
    case .captionDossiersAtMidnight: "Mean over replications at the end of each day, with its 95% confidence band."
    case .chartBackOfficeQueue: "Back-office queue at midnight"
    case .seriesBackOfficeQueue: "dossiers waiting for back-office work"
    case .captionBackOfficeQueue:
      "Dossiers waiting in the back-office queues (not being worked on, not in a wait step) at the end of each day."
    case .chartDossiersPerDay: "Dossiers per day"
    case .seriesArrived: "arrived"
    case .seriesCompleted: "completed"
    case .axisDossiersPerDay: "dossiers per day"
    case .captionDossiersPerDay: "When completions fall behind arrivals, the backlog grows."
    case .markersCaption:
      "Dashed vertical lines mark the scenario's dated events: holidays, staff joining or leaving (the end of a campaign's support), outages and surges of demand."
    case .waitingHeading: "Waiting at the counter"
    case .chartCounterWait: "Counter wait"
    case .axisMinutes: "minutes"
    case .captionCounterWait: "Mean, quantiles and maximum of the time citizens waited for a counter (quantiles within 0.4%)."
    case .chartWaitDistribution: "Share of citizens served within a wait of … minutes"
    case .seriesShareServed: "% of citizens served"
    case .captionWaitDistribution:
      "The distribution of the counter wait: the share of citizens served who waited at most 0, 5, 10 … 240 minutes, with its 95% band."
    case .hourHeading: "The day hour by hour"
    case .chartQueueByHour: "Counter queue by hour of the day"
    case .seriesCitizensWaiting: "citizens waiting"
    case .captionTypicalDay(let afterWarmUp):
      "A typical open day\(afterWarmUp ? " after the warm-up" : ""): the mean over open days of samples taken every 10 minutes, all centres together, with 95% bands."
    case .chartStaffByHour: "Counter staff present by hour of the day"
    case .seriesCounterStaff: "counter staff present"
    case .captionStaffByHour: "Staff on duty at the counters, sampled like the queue, on a chart of its own so that neither hides the other."
    case .hourColumn: "hour"
    case .walkInArrivalsColumn: "walk-in arrivals"
    case .waitingColumn: "waiting"
    case .staffPresentColumn: "staff present"
    case .waitProbabilityColumn: "P(wait)"
    case .waitColumn: "wait (min)"
    case .hourTableNote: "P(wait) and wait: citizens who took a ticket in that hour. hourly.csv has every column with its interval."
    case .chartLongestQueue: "Longest counter queue of each day"
    case .seriesLongestQueue: "citizens waiting (maximum of the day)"
    case .captionLongestQueue: "The peak number of citizens waiting at the same time, day by day."
    case .utilisationHeading: "Staff utilisation"
    case .chartUtilisationPerPool: "Utilisation per pool"
    case .poolName(let counter, let name): "\(counter ? "counter" : "back office"): \(name)"
    case .axisBusyShare: "% of staffed time busy"
    case .captionUtilisationPerPool: "Busy time over time on duty, each pool over all centres."
    case .chartBackOfficePerCentre(let busiest): "Back-office utilisation per centre\(busiest.map { " (\($0) busiest)" } ?? "")"
    case .captionBackOfficePerCentre: "Centres with the busiest back office first."
    case .onTimeHeading: "On-time rate per procedure"
    case .chartOnTime: "Dossiers completed on time"
    case .axisOnTimeShare: "% on time"
    case .captionOnTime: "Completed on time over (completed + open past due at the end)."
    case .staffingHeading: "Staffing"
    case .centreColumn: "centre"
    case .poolColumn: "pool"
    case .staffColumn: "staff"
    case .servesColumn: "serves / hours"
    case .servesAll: "all"
    case .openingHours: "opening hours"
    case .crew(let count, let from, let to, let hours, let speed, let absence, let note):
      "\(count)" + (from.map { " from \($0)" } ?? "") + (to.map { " to \($0)" } ?? "") + (hours.map { " (\($0))" } ?? "")
        + (speed != 1 ? " at speed \(fixed(speed, 2))" : "") + (absence > 0 ? ", absent \(Int((absence * 100).rounded()))% of days" : "")
        + (note.isEmpty ? "" : " [\(note)]")
    case .moreCentres(let count): "… and \(count) more centres (see centres.csv)."
    case .centresHeading: "Centres"
    case .overdueColumn: "overdue"
    case .backlogAtEndColumn: "backlog at end"
    case .waitP90Column: "wait p90 (min)"
    case .centresNote: "The 30 centres with the most overdue dossiers; every centre is in centres.csv."
    case .theoryHeading: "Theory beside the simulation"
    case .theoryIntro(let centre, let model, let single):
      "Counters of \(centre), hour by hour on a standard working day, as if each hour were a steady state (\(model)"
        + (model == "Erlang A" ? ": citizens are impatient, so P(wait) and Wq are of every arrival, served or not)" : ")")
        + (single ? ", beside what the simulation gave in the same hour." : ".")
    case .arrivalsPerHourColumn: "arrivals/h"
    case .loadColumn: "load (Erl)"
    case .utilisationColumn: "utilisation"
    case .meanWaitTheoryColumn: "Wq (min)"
    case .correctedWaitColumn: "Wq, SCV-corrected"
    case .squareRootColumn: "√-staffing β=0.5–1"
    case .simulatedWaitProbabilityColumn: "P(wait), simulated"
    case .simulatedWaitColumn: "wait (min), simulated"
    case .theorySimulatedWait(let wait): "Simulated over the whole horizon: mean counter wait \(wait) min."
    case .theoryCaveat(let caveat): "Where the formula is unreliable here: \(caveat)"
    case .provenanceFile: "scenario file"
    case .provenanceDigest: "scenario SHA-256"
    case .provenanceSeed: "seed"
    case .provenanceReplications: "replications"
    case .provenanceGenerator: "generator"
    case .provenanceGeneratorValue: "GSL mt19937, one stream per purpose"
    case .provenanceVersion: "onestop version"
    case .provenanceEvents: "events simulated"

    // Markers on the time charts
    case .markerHoliday(let days): days == 1 ? "holiday" : "holiday (\(days) days)"
    case .markerStaff(let joining, let leaving, let note):
      [joining > 0 ? "+\(joining) staff" : nil, leaving > 0 ? "−\(leaving) staff" : nil].compactMap { $0 }.joined(separator: ", ")
        + (note.isEmpty ? "" : ": \(note)")
    case .markerOutagesStart(let id): "outages (\(id)) start"
    case .markerOutagesEnd(let id): "outages (\(id)) end"
    case .markerSurgeStart(let factor): "surge ×\(short(factor))"
    case .markerSurgeEnd: "surge ends"
    case .legendHoliday: "holiday"
    case .legendStaffChange: "staff join or leave"
    case .legendOutages: "outages start or end"
    case .legendSurge: "surge of demand"

    // Comparisons
    case .comparisonTitle(let base): "onestop: comparison with \(base)"
    case .comparisonIntro(let base, let seed, let replications):
      "Every alternative ran on the random numbers of \(base) (seed \(seed), \(replications) replications): "
        + "the same citizens, bringing the same work. Differences are taken replication by replication."
    case .comparisonBase(let base, let replications, let seed):
      "Base: \(base); \(replications) replications on common random numbers (seed \(seed))."
    case .variantSummary(let variant, let base, let better, let worse):
      better.isEmpty && worse.isEmpty
        ? "\(variant) against \(base): no significant change in the headline figures."
        : "\(variant) against \(base): "
          + [better.isEmpty ? nil : "better \(better.joined(separator: ", "))", worse.isEmpty ? nil : "worse \(worse.joined(separator: ", "))"]
          .compactMap { $0 }.joined(separator: "; ") + "."
    case .againstBase(let variant, let base): "\(variant) against \(base)"
    case .noSignificantChange(let variant, let kpi, let difference, let halfWidth):
      "\(variant) makes no significant difference to \(kpi) (\(difference >= 0 ? "+" : "")\(short(difference)) ± \(short(halfWidth)))."
    case .significantChange(let variant, let kpi, let up, let better, let amount, let from, let to, let share):
      "\(variant) \(up ? (better ? "raises" : "increases") : (better ? "cuts" : "lowers")) \(kpi) \(change(amount)) (from "
        + (share ? "\(short(from * 100))% to \(short(to * 100))%" : "\(short(from)) to \(short(to))") + ")."
    case .chartChangeWith(let label): "Change with \(label)"
    case .axisChangeAgainst(let base): "% change against \(base)"
    case .captionDifferenceChart:
      "Paired difference relative to the base, with its 95% interval; an interval that crosses zero is no significant change. "
        + "Green: significantly better; vermilion: significantly worse; grey: no significant change. Better follows the KPI: "
        + "fewer overdue dossiers, a smaller backlog and shorter waits are better, a higher on-time rate (and a higher utilisation) is better. Where the base "
        + "is near zero (its mean within its own 95% half-width of zero), a relative change means nothing, and the row gives the absolute change instead."
    case .absoluteChange(let change, let unit): "base near zero: \(change) \(unit) (absolute change)"
    case .points: "points"
    case .legendBetter: "better"
    case .legendWorse: "worse"
    case .legendNotSignificant: "no significant change"
    case .differenceColumn: "difference (95% CI)"
    case .whichIsBest: "Which is best"
    case .selectionHitLimit(let best): "No single best was found within the replication limit; the best mean is \(best)."
    case .selectionKN(let best, let confidence, let zone):
      "Kim and Nelson's KN procedure selected \(best), with probability at least \(confidence) "
        + "of being right when the best is at least \(fixed(zone, 3)) better than the others."
    case .alternativeColumn: "alternative"
    case .meanColumn: "mean"
    case .replicationsColumn: "replications"
    case .outcomeColumn: "outcome"
    case .selectionOutcome(let eliminatedAfter, let selected): eliminatedAfter.map { "eliminated after \($0)" } ?? (selected ? "selected" : "kept")
    case .selectionTextHitLimit(let best): "Selection (KN): no single best within the replication limit; best mean: \(best)."
    case .selectionText(let delta, let confidence, let best): "Selection (KN, δ = \(delta), P(correct selection) ≥ \(confidence)): best is \(best)."
    case .selectionLine(let label, let mean, let eliminatedAfter):
      "\(label): mean \(fixed(mean, 3)), \(eliminatedAfter.map { "eliminated after \($0) replications" } ?? "kept")"

    // Sweeps
    case .sweepIntro(let points, let factors):
      "\(points) design points over \(factors.joined(separator: ", ")). Each cell is a mean over the point's replications; the tables give the 95% half-widths."
    case .sweepBest(let kpi, let point, let settings, let value, let unit):
      "The lowest \(kpi): point \(point) (\(settings)), \(value)\(unit.isEmpty ? "" : " \(unit)")."
    case .averagedOverOthers: "Averaged over the other factors."
    case .againstFactor(let factor): "Against \(factor), with 95% intervals."
    case .pointsHeading: "Points"
    case .pointColumn: "point"

    // Optimisation
    case .optimizeTitle(let name): "onestop: staffing for \(name)"
    case .optimizeRecommendation(let feasible, let confirmed, let added, let removed, let before, let after):
      !feasible
        ? "The targets cannot be met within the budget or the step limit: the best staffing found (\(before) → \(after) permanent staff) still misses them."
        : "The optimiser recommends \(moves(added, removed)) (\(before) → \(after) permanent staff): "
          + (confirmed
            ? "every target holds at the pessimistic end of its 95% interval."
            : "the targets are met on the means but NOT confirmed at the 95% level; run with more replications before acting on it.")
    case .optimizeChange(let unit, let before, let after): "– \(unit): \(before) → \(after) (\(after > before ? "+" : "")\(after - before))"
    case .optimizeTargets(let targets): "Targets: \(targets.joined(separator: "; "))"
    case .optimizeTextHeading(let feasible, let confirmed):
      feasible
        ? (confirmed ? "Recommended staffing (targets confirmed at the 95% level):"
          : "Recommended staffing (targets met on the means, NOT confirmed at the 95% level: run with more replications):")
        : "The targets could not be met within the budget or the step limit; best staffing found:"
    case .optimizeTotal(let before, let after): "Total permanent staff: \(before) → \(after)"
    case .optimizeAchieves(let replications): "What it achieves (\(replications) replications, mean ± 95% CI):"
    case .optimizeWorstCentre(let target, let centre, let value): "Worst centre for \(target): \(centre), \(value)"
    case .optimizeByCentre: "Before and after, per centre"
    case .optimizeByPool: "Before and after, per pool"
    case .counterBeforeColumn: "counter, before"
    case .counterAfterColumn: "counter, after"
    case .backOfficeBeforeColumn: "back office, before"
    case .backOfficeAfterColumn: "back office, after"
    case .optimizeChangedCentresOnly(let changed, let total): "Only the \(changed) centres whose staffing changes are listed, of \(total)."
    case .beforeColumn: "before"
    case .afterColumn: "after"
    case .changeColumn: "change"
    case .totalRow: "total"
    case .optimizeMarginalHeading: "What each extra person buys"
    case .stepColumn: "step"
    case .moveColumn: "move"
    case .shortfallBeforeColumn: "shortfall before"
    case .shortfallAfterColumn: "shortfall after"
    case .marginalValueColumn: "fall in shortfall"
    case .moveAdd(let unit): "+1 at \(unit)"
    case .moveRemove(let unit): "−1 at \(unit)"
    case .moveTransfer(let from, let to): "1 moved from \(from) to \(to)"
    case .optimizeMarginalNote:
      "The shortfall is the sum over the targets of how far the means miss them, relative to each target (0: every target met on the means). "
        + "Each step of the search ran on the same random numbers, so the fall in shortfall is what that person bought. Removals keep the targets met."
    case .optimizeAchievesHeading(let replications): "What the recommendation achieves (\(replications) replications)"
    case .targetColumn: "target"
    case .achievedColumn: "achieved (mean ± 95% CI)"
    case .holdsColumn: "holds at the 95% level"
    case .worstCentreValue(let centre, let value): "worst centre \(centre): \(value)"
    case .yesNo(let yes): yes ? "yes" : "no"
    case .optimizeBeforeNote:
      "The optimiser's result holds the KPIs of the recommended staffing only; for those of the staffing before, run onestop run on the scenario."
    case .optimizeLogHeading: "The search, step by step"
    case .separableHeading: "Where each person goes, and what they buy"
    case .separableNote(let objective):
      "Centres share nothing but the staff budget, so each centre's curve (its \(objective) against extra staff) was read on its own, every centre at once, on common random numbers, and the budget allocated exactly over the curves. Each row is one person, in the order greedy marginal analysis would place them; what they buy is paired over replications (95% interval). The whole city was then simulated with the allocation to confirm it."
    case .personColumn: "person"
    case .poolsChangeColumn: "pools"
    case .gainColumn(let objective): "what they buy (\(objective))"
    case .nobodyOnTarget(let centre): "\(centre) gets nobody: it is already on target."
    case .nobodyBuysNothing(let centre, let gain): "\(centre) gets nobody: a first person would buy nothing there (\(gain))."
    case .nobodyBuysLess(let centre, let gain): "\(centre) gets nobody: a first person would buy \(gain), less than the last person placed elsewhere."
    case .centreCapped(let centre, let cap): "\(centre) reached the cap of \(cap) extra staff a centre (--max-per-centre): it might use more."
    case .whyNobodyHeading: "The centres that get nobody, and why"
    case .objectiveGain(let objective):
      switch objective {
      case "on-time": "dossiers more on time"
      case "wait-p90": "minutes off the 90th-percentile counter wait"
      default: "overdue dossiers avoided"
      }
    case .allocationVerdict(let added, let objective, let kpi, let from, let to, let change, let replications):
      "Placed as below, the \(added) extra staff give the city the most \(report(.objectiveGain(objective))): \(kpi) from \(from) to \(to) (paired change \(change), \(replications) replications of the whole city on common random numbers)."
    case .allocationHeading(let objective): "Recommended allocation (most \(report(.objectiveGain(objective)))):"
    case .optimizeInterrupted(let n):
      "The search was stopped before it finished: this is the best staffing found so far, estimated with \(n) replications and NOT confirmed."
    }
  }
}

private func over(_ weeks: Int) -> String { "over the last \(weeks == 1 ? "week" : "\(weeks) weeks")" }

private func levels(_ start: Double?, _ end: Double) -> String {
  "\(start.map { "from \(fixed($0, 0)) at the start" } ?? "from none at the start") to \(fixed(end, 0)) at the end"
}

private func change(_ amount: ChangeAmount) -> String {
  switch amount {
  case .points(let x, let h): "by \(short(x)) ± \(short(h)) points"
  case .days(let x, let h): "by \(short(x)) ± \(short(h)) days"
  case .perWeek(let x, let h): "by \(short(x)) ± \(short(h)) dossiers a week"
  case .relative(let x, let h): "by \(short(x))% ± \(short(h))%"
  case .absolute(let x, let h): "by \(short(x)) ± \(short(h))"
  }
}

private func moves(_ added: Int, _ removed: Int) -> String {
  switch (added > 0, removed > 0) {
  case (true, true): "adding \(added) and removing \(removed) staff"
  case (true, false): "adding \(added) staff"
  case (false, true): "removing \(removed) staff"
  case (false, false): "keeping the staffing as it is"
  }
}
