import CentreModel
import CentreSimulation
import Experiments
import SimRandom
import Testing
import TestSupport

/// A run that starts from today's backlog (issue 15, item 1).
@Suite struct InitialBacklogRunTests {
  static func procedure(_ id: String, work: Double = 60, deadline: Deadline) -> Procedure {
    Procedure(id: id, name: id, share: 1, counterTime: .deterministic(5),
              steps: [WorkStep("appraisal", .work(pool: "back-office", time: .deterministic(work)))], deadline: deadline)
  }

  /// One specialist, the standard calendar from `start`, no new arrivals.
  static func scenario(_ pending: [PendingDossier], start: CivilDate = CivilDate(year: 2025, month: 7, day: 1)!,
                       procedures: [Procedure], days: Int = 7) -> Scenario {
    var scenario = Scenarios.recorded([], procedures: procedures,
                                      backOffice: [BackOfficePool(id: "back-office", staffing: .fixed(1))],
                                      calendar: WorkingCalendar(holidays: [CivilDate(year: 2025, month: 9, day: 1)!,
                                                                          CivilDate(year: 2025, month: 9, day: 2)!]),
                                      days: days)
    scenario.horizon.start = start
    scenario.initialBacklog = pending
    return scenario
  }

  func run(_ scenario: Scenario) -> (ReplicationResult, EventLog) {
    let log = EventLog()
    return (CentreRun(plan: ModelPlan(scenario), replication: 0, observer: log).run(), log)
  }

  @Test func pendingDossiersJoinTheQueueAtTimeZeroInReceiptOrder() {
    // Three dossiers received on Friday 27 and Monday 30 June, in that order; the
    // specialist starts at 08:00 on Tuesday 1 July, an hour each.
    let p = Self.procedure("civil", deadline: .workingDays(3))
    let day = 1440.0
    let receipts: [Double] = [-4 * day + 600, -day + 540, -day + 600]
    let pending = receipts.map {
      PendingDossier(centre: 0, procedure: 0, received: $0, stage: .step(0))
    }
    let (result, log) = run(Self.scenario(pending, procedures: [p]))
    #expect(log.times(of: .pending) == [0, 0, 0])
    #expect(log.events.filter { $0.kind == .stepStart }.map(\.dossier) == [0, 1, 2])
    #expect(log.times(of: .completed) == [540, 600, 660])
    #expect(result.totals[.initialBacklog] == 3)
    #expect(result.totals[.initialCompleted] == 3)
    #expect(result.totals[.initialClearedDay] == 0)
    #expect(result.totals[.initialCleared] == 1)
    #expect(result.totals[.arrivals] == 0 && result.totals[.received] == 0)
    #expect(result.totals[.completed] == 3 && result.totals[.backlogEnd] == 0)
    #expect(result.days[0][.initialOpen] == 0)
    // Their turnaround began before the horizon: it is not mixed into the new dossiers'.
    #expect(result.totals[.turnaroundMean].isNaN)
  }

  @Test func dueDatesComeFromTheCalendarBeforeTheHorizonHolidaysIncluded() {
    // The horizon starts Wednesday 3 September 2025, after the National Day holidays of
    // Monday 1 and Tuesday 2 September. A dossier received Friday 29 August 10:00 with
    // 2 working days is due Thursday 4 September 17:00 (not Tuesday 2), so completing it
    // on the 3rd is on time. A same-day one received Thursday 28 August was due then: it
    // is overdue from the start.
    let start = CivilDate(year: 2025, month: 9, day: 3)!
    let twoDays = Self.procedure("two", deadline: .workingDays(2))
    let sameDay = Self.procedure("same", deadline: .workingDays(0))
    let pending = [
      PendingDossier(centre: 0, procedure: 1, received: -6 * 1440 + 600, stage: .step(0)),
      PendingDossier(centre: 0, procedure: 0, received: -5 * 1440 + 600, stage: .step(0)),
    ]
    let (result, log) = run(Self.scenario(pending, start: start, procedures: [twoDays, sameDay]))
    let due = log.events.filter { $0.kind == .pending }.map { $0.due }
    let day = 1440.0
    let expected: [Double?] = [-6 * day + 1020, day + 1020]
    #expect(due == expected)
    #expect(result.days[0][.overdueOpen] == 0)  // completed on the first morning
    #expect(result.totals[.completedLate] == 1 && result.totals[.completedOnTime] == 1)
    #expect(result.totals[.initialOverdue] == 1 && result.totals[.newOverdue] == 0)
  }

  @Test func anOverdueBacklogNotClearedIsSaidSo() {
    // 30 dossiers of 8 hours each for one specialist over a week: 5 done, 25 left.
    let p = Self.procedure("land", work: 480, deadline: .workingDays(15))
    let pending = (0..<30).map { PendingDossier(centre: 0, procedure: 0, received: -Double($0 + 1) * 1440 + 600, stage: .step(0)) }
    let (result, _) = run(Self.scenario(pending, procedures: [p]))
    #expect(result.totals[.initialCompleted] == 5)
    #expect(result.totals[.initialCleared] == 0)
    #expect(result.totals[.initialClearedDay].isNaN)
    #expect(result.totals[.backlogEnd] == 25)
    #expect(result.days.last?[.initialOpen] == 25)
    #expect(result.days.last?[.backOfficeQueue] == 25)
  }

  @Test func aDossierAtReceptionIsCheckedFirstAndAWaitStepStartsAtTimeZero() {
    // One at 'counter' (its counter time, 5 min, by the clerk when no citizen waits),
    // one in a wait step of one working day (480 open minutes) before its work.
    var p = Self.procedure("civil", deadline: .workingDays(5))
    p.steps.insert(WorkStep("posting", .wait(workingDays: .deterministic(1))), at: 0)
    let pending = [
      PendingDossier(centre: 0, procedure: 0, received: -1440 + 600, stage: .reception),
      PendingDossier(centre: 0, procedure: 0, received: -1440 + 660, stage: .step(0)),
    ]
    let (_, log) = run(Self.scenario(pending, procedures: [p]))
    let first = log.events.filter { $0.dossier == 0 }.map(\.kind)
    #expect(first.prefix(4) == [.pending, .stepQueued, .stepStart, .stepEnd])
    #expect(log.events.first { $0.dossier == 0 && $0.kind == .stepStart }?.detail == "online-intake")
    #expect(log.times(of: .waitStart, dossier: 1) == [0])
    #expect(log.times(of: .waitEnd, dossier: 1) == [1020])  // the first day's 480 open minutes: Tue 17:00
  }

  @Test func newDossiersBringTheSameWorkWithOrWithoutABacklog() {
    // Common random numbers: the backlog's work has its own stream.
    var base = Scenarios.commune(dailyVolume: 30, days: 14, replications: 1)
    let plain = CentreRun(plan: ModelPlan(base), replication: 0).run()
    base.initialBacklog = (0..<20).map { PendingDossier(centre: 0, procedure: 1, received: -Double($0 + 1) * 600, stage: .step(0)) }
    let with = CentreRun(plan: ModelPlan(base), replication: 0).run()
    #expect(with.totals[.arrivals] == plain.totals[.arrivals])
    #expect(with.procedures.map { $0[.arrivals] } == plain.procedures.map { $0[.arrivals] })
    #expect(with.totals[.counterWaitMean] == plain.totals[.counterWaitMean])  // the counters see the same citizens
    #expect(with.totals[.completed] == plain.totals[.completed] + 20)
  }

  @Test func conservationCountsThePendingDossiers() {
    var scenario = Scenarios.everything()
    scenario.initialBacklog = (0..<40).map {
      PendingDossier(centre: 0, procedure: 1 + $0 % 2, received: -Double($0 + 1) * 300, stage: $0 % 5 == 0 ? .reception : .step(0))
    }
    let report = InvariantCheck.run(scenario, jobs: 2)
    for check in report.checks where !check.holds { Issue.record("\(check.name): \(check.violations.prefix(3))") }
    #expect(report.holds)
  }
}
