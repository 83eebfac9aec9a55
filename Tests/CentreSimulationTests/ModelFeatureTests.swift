import CentreModel
import CentreSimulation
import Experiments
import SimRandom
import Testing
import TestSupport

/// Records every dossier event of a run.
final class EventLog: DossierObserver {
  var events: [DossierEvent] = []
  func record(_ event: DossierEvent) { events.append(event) }
  func times(of kind: DossierEvent.Kind, dossier: Int? = nil) -> [Double] {
    events.filter { event in event.kind == kind && (dossier.map { event.dossier == $0 } ?? true) }.map(\.time)
  }
}

/// Deterministic runs (recorded arrivals, deterministic times) whose timelines can be
/// checked by hand.
@Suite struct ModelFeatureTests {
  func run(_ scenario: Scenario) -> (ReplicationResult, EventLog) {
    let log = EventLog()
    let result = CentreRun(plan: ModelPlan(scenario), replication: 0, observer: log).run()
    return (result, log)
  }

  static func procedure(_ id: String, counter: Double = 1, steps: [WorkStep], deadline: Deadline = .workingDays(10)) -> Procedure {
    Procedure(id: id, name: id, share: 1, counterTime: .deterministic(counter), steps: steps, deadline: deadline)
  }

  static func work(_ pool: String, _ minutes: Double) -> WorkStep { WorkStep("work", .work(pool: pool, time: .deterministic(minutes))) }

  @Test func multiStepWithAWaitAndALeaderWhoSignsInTheAfternoon() {
    // Tuesday 1 July 2025, 08:00: counter 10 min, appraisal 60 min, a wait of one working
    // day (480 open minutes), then a signature by the leader, available 14:00–16:00.
    let procedure = Self.procedure("civil", counter: 10, steps: [
      Self.work("specialists", 60), WorkStep("posting", .wait(workingDays: .deterministic(1))), Self.work("leader", 5),
    ])
    let scenario = Scenarios.recorded(
      [(480, 0, .walkIn)], procedures: [procedure],
      backOffice: [BackOfficePool(id: "specialists", staffing: .fixed(1)),
                   BackOfficePool(id: "leader", staffing: .fixed(1), hours: [OpeningInterval("14:00-16:00")!])],
      calendar: WorkingCalendar())
    let (result, log) = run(scenario)
    #expect(log.times(of: .received) == [490])
    #expect(log.times(of: .stepStart) == [490, 1440 + 840])  // appraisal Tue 08:10; signature Wed 14:00
    #expect(log.times(of: .waitEnd) == [1440 + 550])  // Wed 09:10
    #expect(log.times(of: .completed) == [1440 + 845])
    #expect(result.totals[.turnaroundMean] == 1795.0 / 60)
    #expect(result.totals[.completedOnTime] == 1)
  }

  @Test func hourlySamplesSeeTheStateLeftByEveryEventAtTheirInstant() {
    // Samples fall at 08:05, 08:15, ... of open days only: a week from Tuesday 1 July 2025
    // has five, so each hour has 30. Three citizens at 08:00 on the first day, two clerks,
    // 25 minutes each: one waits until 08:25, the instant a service ends and hers begins.
    // The sample at 08:25 sees her served (2 citizen-samples waiting, not 3).
    let procedure = Self.procedure("p", counter: 25, steps: [])
    var scenario = Scenarios.recorded([(480, 0, .walkIn), (480, 0, .walkIn), (480, 0, .walkIn)], procedures: [procedure],
                                      backOffice: [], calendar: WorkingCalendar(), days: 7)
    // The second clerk leaves at 10:30 every day: 10:05–10:25 see two, 10:35–10:55 one.
    scenario.centres[0].counters[0].staffing = Staffing([Crew(count: 1), Crew(count: 1, hours: [OpeningInterval("08:00-10:30")!])])
    let (result, _) = run(scenario)
    let hours = result.hours
    #expect(hours[8][.counterQueueMean] == 2.0 / 30)
    #expect(hours[9][.counterQueueMean] == 0)
    #expect(hours[9][.counterStaffMean] == 2)
    #expect(hours[10][.counterStaffMean] == 1.5)
    #expect(hours[11][.counterStaffMean] == 1)
    // Night hours of open days are sampled too (nobody there); closed days not at all.
    #expect(hours[3][.counterStaffMean] == 0 && hours[3][.counterQueueMean] == 0)
  }

  @Test func aTaskEndingWhenTheHoursEndFinishesAndNoNewTaskStarts() {
    // The leader signs 14:00–16:00, 60 min a dossier; three dossiers wait from the morning.
    // The second signature ends at 16:00 exactly: it completes, and the third waits for
    // Wednesday 14:00 instead of starting (and being interrupted) at 16:00.
    let procedure = Self.procedure("sign", counter: 10, steps: [Self.work("leader", 60)])
    let scenario = Scenarios.recorded(
      [(480, 0, .walkIn), (480, 0, .walkIn), (480, 0, .walkIn)], procedures: [procedure],
      backOffice: [BackOfficePool(id: "leader", staffing: .fixed(1), hours: [OpeningInterval("14:00-16:00")!])],
      calendar: WorkingCalendar())
    let (_, log) = run(scenario)
    #expect(log.times(of: .stepStart) == [840.0, 900.0, 2280.0])
    #expect(log.times(of: .stepPaused).isEmpty)
    #expect(log.times(of: .completed) == [900.0, 960.0, 2340.0])
  }

  @Test func anOutageStopsWorkForExactlyItsDuration() {
    // Up 30 min, down 20 min, repeatedly; 100 min of back-office work from t = 1:
    // 29 done by t = 30, paused to 50, 59 by 80, paused to 100, 89 by 130, paused to 150,
    // done at 161.
    let outage = OutageProcess(id: "line", occurrence: .renewal(timeBetween: .deterministic(30)),
                               duration: .deterministic(20), counter: .none, backOffice: .stop)
    let scenario = Scenarios.recorded(
      [(0, 0, .walkIn)], procedures: [Self.procedure("p", steps: [Self.work("back-office", 100)])],
      backOffice: [BackOfficePool(id: "back-office", staffing: .fixed(1))], days: 1, outages: [outage])
    let (result, log) = run(scenario)
    #expect(log.times(of: .completed) == [161])
    #expect(result.totals[.turnaroundMean] == 160.0 / 60)
    // 1440 minutes: 28 complete cycles of 50 and a 40-minute tail with 10 down.
    #expect(result.totals[.outageMinutes] == 29 * 20)
  }

  @Test func aSlowingOutageStretchesWorkByItsFactor() {
    let outage = OutageProcess(id: "line", occurrence: .renewal(timeBetween: .deterministic(30)),
                               duration: .deterministic(20), counter: .none, backOffice: .slow(factor: 2))
    let scenario = Scenarios.recorded(
      [(0, 0, .walkIn)], procedures: [Self.procedure("p", steps: [Self.work("back-office", 100)])],
      backOffice: [BackOfficePool(id: "back-office", staffing: .fixed(1))], days: 1, outages: [outage])
    // 29 by 30; +10 by 50 (half speed); +30 by 80; +10 by 100; 21 more at full speed: 121.
    #expect(run(scenario).1.times(of: .completed) == [121])
  }

  @Test func slowStaffAndLearners() {
    func turnaround(_ crew: Crew) -> Double {
      let scenario = Scenarios.recorded(
        [(0, 0, .walkIn)], procedures: [Self.procedure("p", steps: [Self.work("back-office", 100)])],
        backOffice: [BackOfficePool(id: "back-office", staffing: Staffing([crew]))], days: 1)
      return run(scenario).0.totals[.turnaroundMean] * 60
    }
    #expect(turnaround(Crew(count: 1, speed: 0.5)) == 200)
    #expect(abs(turnaround(Crew(count: 1, learning: LearningCurve(initialMultiplier: 1.5, days: 1e6))) - 150) < 1e-3)
    // Half-way through a 10-day learning curve the multiplier is 1.25.
    let start = CivilDate(year: 2025, month: 6, day: 26)!
    // (Work starts 1 minute into day 5: the multiplier is 1.25 less a hair.)
    #expect(abs(turnaround(Crew(count: 1, learning: LearningCurve(initialMultiplier: 1.5, days: 10, start: start))) - 125) < 0.01)
  }

  @Test func earliestDueDateTakesTheUrgentDossierFirst() {
    // Two dossiers handed in at a service point before opening: a 10-working-day one,
    // then one due within 2 working hours. One specialist from 08:00.
    let slow = Procedure(id: "slow", name: "slow", share: 0.5, counterTime: .deterministic(1),
                         steps: [Self.work("back-office", 30)], deadline: .workingDays(10))
    let urgent = Procedure(id: "urgent", name: "urgent", share: 0.5, counterTime: .deterministic(1),
                           steps: [Self.work("back-office", 30)], deadline: .workingHours(2))
    func firstStarted(_ discipline: QueueDiscipline) -> Int? {
      let scenario = Scenarios.recorded(
        [(420, 0, .servicePoint), (421, 1, .servicePoint)], procedures: [slow, urgent],
        backOffice: [BackOfficePool(id: "back-office", staffing: .fixed(1), discipline: discipline)],
        calendar: WorkingCalendar())
      return run(scenario).1.events.first { $0.kind == .stepStart }?.procedure
    }
    #expect(firstStarted(.fifo) == 0)
    #expect(firstStarted(.earliestDueDate) == 1)
  }

  @Test func countersServeOnlyTheirProcedureGroups() {
    var a = Self.procedure("a", counter: 10, steps: [])
    a.group = "a"
    var b = Self.procedure("b", counter: 10, steps: [])
    b.group = "b"
    var scenario = Scenarios.recorded([(0, 0, .walkIn), (0, 0, .walkIn), (0, 1, .walkIn)], procedures: [a, b], backOffice: [])
    scenario.centres[0].counters = [
      CounterGroup(id: "only-a", staffing: .fixed(1), serves: ["a"]), CounterGroup(id: "only-b", staffing: .fixed(1), serves: ["b"]),
    ]
    let (_, log) = run(scenario)
    // The second 'a' waits for the 'a' counter although the 'b' counter is free after 10.
    let starts = log.events.filter { $0.kind == .counterStart }.map { ($0.dossier, $0.time, $0.detail) }
    #expect(starts.map(\.0) == [0, 2, 1])
    #expect(starts.map(\.1) == [0, 0, 10])
    #expect(starts.map(\.2) == ["only-a", "only-b", "only-a"])
  }

  @Test func onlineDossiersSkipTheCounterAndAreCheckedByIdleClerks() {
    var p = Self.procedure("p", steps: [Self.work("back-office", 10)])
    p.onlineShare = 1
    var scenario = Scenarios.recorded([(100, 0, .online)], procedures: [p],
                                      backOffice: [BackOfficePool(id: "back-office", staffing: .fixed(1))])
    scenario.onlineIntake = OnlineIntake(time: .deterministic(5), pool: BackOfficePool.onlineIntakeID)
    let (result, log) = run(scenario)
    #expect(log.times(of: .counterStart).isEmpty)
    #expect(log.events.filter { $0.kind == .stepStart }.map(\.detail) == ["online-intake", "back-office"])
    #expect(log.times(of: .completed) == [115])
    #expect(result.channels[Channel.online.rawValue][.completed] == 1)
    #expect(result.totals[.counterUtilisation] > 0)
  }

  @Test func staffPlanAndAbsenceDecideWhoIsOnDuty() {
    // Mon 7 – Sun 13 July 2025, standard calendar (5 working days of 8 hours).
    var scenario = Scenarios.recorded([], procedures: [Self.procedure("p", steps: [])], backOffice: [],
                                      calendar: WorkingCalendar(), days: 7)
    scenario.horizon.start = CivilDate(year: 2025, month: 7, day: 7)!
    scenario.centres[0].counters[0].staffing = Staffing([
      Crew(count: 2, absence: 1),  // always absent
      Crew(count: 1),
      Crew(count: 1, from: CivilDate(year: 2025, month: 7, day: 9), to: CivilDate(year: 2025, month: 7, day: 10)),
      Crew(count: 1, hours: [OpeningInterval("08:00-10:00")!]),
    ])
    let (result, _) = run(scenario)
    // 1 × 40 h + 1 × 2 days × 8 h + 1 × 5 days × 2 h.
    #expect(result.centres[0][.counterStaffHours] == 40 + 16 + 10)
  }

  @Test func ticketCapAndBalking() {
    var capped = Scenarios.commune(dailyVolume: 60, days: 14, replications: 2)
    capped.centres[0].dailyTicketCap = 20
    let result = fullRun(capped)
    for replication in result.replications {
      #expect(replication.totals[.turnedAway] > 0)
      #expect(replication.days.allSatisfy { $0[.arrivals] - $0[.abandoned] <= 20 + 1e-9 || $0[.arrivals] > 20 })
      #expect(replication.totals[.abandoned] == replication.totals[.turnedAway])
    }
    var balking = Scenarios.commune(dailyVolume: 80, counterStaff: 1, days: 14, replications: 2)
    balking.centres[0].patience = Patience(balkAt: 1)
    for replication in fullRun(balking).replications {
      #expect(replication.totals[.balked] > 0)
      #expect(replication.totals[.counterQueueMax] <= 1)  // no one joins behind a waiting citizen
      #expect(replication.totals[.abandoned] == replication.totals[.balked])
    }
  }

  @Test func supplementsRestartTheDeadline() {
    // Every dossier is returned by the back office once (then, redrawn, with probability 1
    // again: so cap it by checking the first return): the citizen comes back after exactly
    // 1 working day and the due date is counted from the new receipt.
    var p = Self.procedure("p", counter: 10, steps: [Self.work("back-office", 30)], deadline: .workingDays(0))
    p.incompleteInBackOffice = 1
    var scenario = Scenarios.recorded([(480, 0, .walkIn)], procedures: [p],
                                      backOffice: [BackOfficePool(id: "back-office", staffing: .fixed(1))],
                                      calendar: WorkingCalendar(), days: 5)
    scenario.resubmission = Resubmission(probability: 1, delay: .deterministic(1))
    let (result, log) = run(scenario)
    let received = log.events.filter { $0.kind == .received }
    #expect(received.count >= 2)
    #expect(received[0].time == 490)
    #expect(log.times(of: .returnedForSupplement).first == 520)
    #expect(log.times(of: .returned).first == 1960.0)  // one working day later, Wed 08:40
    #expect(received[1].due == 2460.0)  // same-day deadline (Wed 17:00), from the new receipt
    #expect(result.totals[.returnedFromBackOffice] >= 2)
  }

  @Test func traceDoesNotChangeTheResult() {
    let scenario = Scenarios.everything()
    let plan = ModelPlan(scenario)
    let plain = CentreRun(plan: plan, replication: 0).run()
    let traced = CentreRun(plan: plan, replication: 0, observer: EventLog()).run()
    #expect(plain == traced)
  }
}

/// The guard on dossiers in the system.
@Suite struct ResourceGuardTests {
  @Test func aRunBeyondItsCapacityStopsAndSaysWhen() throws {
    // 2,000 dossiers a day for one clerk: the queue grows by about 1,500 a day.
    var scenario = Scenarios.singleQueue(servers: 1, arrivalRate: 2000.0 / 1440, service: .exponential(mean: 3), days: 30,
                                         replications: 2, seed: 3)
    scenario.centres[0].closing = .serveWaiting(maxOvertime: nil)
    var plan = ModelPlan(scenario)
    plan.maxInSystem = 5_000
    let result = CentreRun(plan: plan, replication: 0).run()
    let day = try #require(result.stoppedOnDay)
    #expect((2...4).contains(day), "stopped on day \(day)")
    #expect(result.days.count == 30)
    #expect(result.days[day + 1][.arrivals].isNaN)
    #expect(result.totals[.counterWaitMean].isNaN)  // no figure of a run cut short passes for a whole one
    // The same scenario within the default limit runs to the end.
    #expect(CentreRun(plan: ModelPlan(scenario), replication: 0).run().stoppedOnDay == nil)
    #expect(Experiment.run(plan, replications: 0..<2).allSatisfy { $0.stoppedOnDay != nil })
  }
}
