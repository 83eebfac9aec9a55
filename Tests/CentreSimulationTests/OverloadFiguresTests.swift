import CentreModel
import CentreSimulation
import Experiments
import SimRandom
import Testing
import TestSupport

/// Honest figures under overload (issue 15, item 5): the waits of everyone who took a
/// ticket, of those still waiting at the end, the delay probability, the use of deadlines
/// by open dossiers and the backlog's trend.
@Suite struct OverloadFiguresTests {
  static func counterOnly(_ minutes: Double) -> Procedure {
    Procedure(id: "p", name: "p", share: 1, counterTime: .deterministic(minutes), steps: [], deadline: .workingDays(0))
  }

  @Test func citizensStillWaitingAtTheEndCountInTheWaitOfAll() {
    // 35 citizens at t = 0, one clerk, 50 minutes each, one day around the clock: 29 are
    // served (the k-th after 50k minutes), 6 still wait at 24:00, each for 1440 minutes.
    let arrivals = (0..<35).map { _ in (time: 0.0, procedure: 0, channel: Channel.walkIn) }
    let scenario = Scenarios.recorded(arrivals, procedures: [Self.counterOnly(50)], backOffice: [], days: 1)
    let r = CentreRun(plan: ModelPlan(scenario), replication: 0).run()
    #expect(r.totals[.counterServed] == 29)
    #expect(r.totals[.counterWaitMean] == 50.0 * 406 / 29)
    #expect(r.totals[.waitingEnd] == 6)
    #expect(r.totals[.waitingEndMeanWait] == 1440)
    #expect(abs(r.totals[.counterWaitAllMean] - (50.0 * 406 + 6 * 1440) / 35) < 1e-9)
    #expect(r.totals[.delayProbability] == 28.0 / 29)
  }

  @Test func citizensWhoGiveUpCountWithTheWaitTheyGaveUpAfter() {
    // Three at t = 0, one clerk, 60 minutes each, patience 100 minutes: the third gives up
    // at 100; the second is served at 60.
    let arrivals = (0..<3).map { _ in (time: 0.0, procedure: 0, channel: Channel.walkIn) }
    var scenario = Scenarios.recorded(arrivals, procedures: [Self.counterOnly(60)], backOffice: [], days: 1)
    scenario.centres[0].patience = Patience(patience: .deterministic(100))
    let r = CentreRun(plan: ModelPlan(scenario), replication: 0).run()
    #expect(r.totals[.reneged] == 1)
    #expect(r.totals[.counterWaitMean] == 30)
    #expect(r.totals[.counterWaitAllMean] == (0 + 60 + 100) / 3.0)
  }

  @Test func earliestDueDateHidesAGrowingBacklogUnlessItsTrendIsShown() {
    // A ward with too few specialists working earliest-due-date first: the urgent dossiers
    // are on time, the long ones pile up far from their deadlines, so the on-time rate looks
    // fine. The backlog's trend and the deadline use of the open dossiers say otherwise.
    var scenario = Scenarios.commune(dailyVolume: 60, counterStaff: 3, backOfficeStaff: 1, days: 56, replications: 6)
    scenario.procedures[1].deadline = .workingDays(30)
    scenario.centres[0].backOffice[0].discipline = .earliestDueDate
    let result = Experiment.run(scenario)
    #expect(result.totals[.onTimeRate].mean > 0.95)
    let trend = result.totals[.backlogTrendPerWeek]
    #expect(trend.low > 10, "trend \(trend.mean) ± \(trend.halfWidth) a week")
    #expect(result.totals[.openDeadlineUsed50to80].mean + result.totals[.openDeadlineUsed80to100].mean > 0)
    // A ward with enough staff has no trend.
    scenario.centres[0].backOffice[0].staffing = .fixed(3)
    let staffed = Experiment.run(scenario).totals[.backlogTrendPerWeek]
    #expect(staffed.low <= 0 && 0 <= staffed.high, "trend \(staffed.mean) ± \(staffed.halfWidth) a week")
  }

  @Test func backlogTrendIsTheSlopeOfTheLastFourWeeksMeans() {
    // Every day one dossier of 8 hours arrives at 08:00 (the back office can do one a day
    // on working days only), over 10 weeks: the backlog grows by 2 a week, weekends included.
    let procedure = Procedure(id: "p", name: "p", share: 1, counterTime: .deterministic(0),
                              steps: [WorkStep("w", .work(pool: "back-office", time: .deterministic(480)))], deadline: .workingDays(100))
    let arrivals = (0..<70).map { (time: Double($0) * 1440 + 480, procedure: 0, channel: Channel.servicePoint) }
    let scenario = Scenarios.recorded(arrivals, procedures: [procedure],
                                      backOffice: [BackOfficePool(id: "back-office", staffing: .fixed(1))],
                                      calendar: WorkingCalendar(), days: 70)
    let r = CentreRun(plan: ModelPlan(scenario), replication: 0).run()
    // The weekly means of a weekly pattern plus 2 a week rise by exactly 2 a week.
    #expect(abs(r.totals[.backlogTrendPerWeek] - 2) < 1e-9, "\(r.totals[.backlogTrendPerWeek])")
    #expect(RunMeasure.trendWindow(days: 70, warmUpDays: 0) == 42..<70)
    #expect(RunMeasure.trendWindow(days: 20, warmUpDays: 0) == 6..<20)
    #expect(RunMeasure.trendWindow(days: 20, warmUpDays: 7) == nil)
    #expect(RunMeasure.trendWindow(days: 8, warmUpDays: 0) == nil)
  }

  @Test func theBackOfficeQueueIsRecordedEveryMidnight() {
    var scenario = Scenarios.commune(dailyVolume: 60, counterStaff: 3, backOfficeStaff: 1, days: 14, replications: 1)
    scenario.procedures[1].deadline = .workingDays(30)
    let r = CentreRun(plan: ModelPlan(scenario), replication: 0).run()
    #expect(r.days.allSatisfy { $0[.backOfficeQueue] >= 0 && $0[.backOfficeQueue] <= $0[.backlog] })
    #expect(r.days.last![.backOfficeQueue] > 10)
  }
}
