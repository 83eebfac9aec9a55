//===----------------------------------------------------------------------===//
// Small scenarios built in code, for tests.
//===----------------------------------------------------------------------===//

import CentreModel
import SimRandom

/// Scenario builders for tests.
public enum Scenarios {
  /// A centre open around the clock with one procedure, Poisson arrivals at `arrivalRate`
  /// per minute, `servers` counter staff, the given counter time and no back office:
  /// the G/G/c queue of textbooks (M/M/c with exponential service).
  public static func singleQueue(
    servers: Int, arrivalRate: Double, service: Distribution, days: Int, replications: Int, seed: UInt64 = 1
  ) -> Scenario {
    let procedure = Procedure(
      id: "only", name: "Only procedure", share: 1, counterTime: service, backOfficeTime: nil,
      deadline: .workingDays(0))
    let centre = Centre(
      id: "queue", arrivals: ArrivalPattern(dailyVolume: arrivalRate * 1440), counterStaff: servers,
      backOfficeStaff: 0, closing: .serveWaiting(maxOvertime: nil))
    return Scenario(
      name: "single-queue", seed: seed, replications: replications,
      horizon: Horizon(start: CivilDate(year: 2025, month: 7, day: 1)!, days: days),
      calendar: .alwaysOpen, procedures: [procedure], centres: [centre])
  }

  /// A commune-like centre on the standard calendar: two procedures (a same-day one
  /// without back office and a 3-working-day one with back office).
  public static func commune(
    dailyVolume: Double = 40, counterStaff: Int = 2, backOfficeStaff: Int = 2, days: Int = 28,
    replications: Int = 4, closing: ClosingPolicy = .serveWaiting(maxOvertime: 30), seed: UInt64 = 7
  ) -> Scenario {
    let procedures = [
      Procedure(
        id: "certification", name: "Copy certification", share: 0.6,
        counterTime: .lognormal(mean: 4, sd: 3), backOfficeTime: nil, deadline: .workingDays(0)),
      Procedure(
        id: "civil", name: "Civil status", share: 0.4, counterTime: .lognormal(mean: 10, sd: 5),
        backOfficeTime: .lognormal(mean: 30, sd: 15), deadline: .workingDays(3)),
    ]
    let centre = Centre(
      id: "commune", arrivals: ArrivalPattern(dailyVolume: dailyVolume), counterStaff: counterStaff,
      backOfficeStaff: backOfficeStaff, closing: closing)
    return Scenario(
      name: "commune", seed: seed, replications: replications,
      horizon: Horizon(start: CivilDate(year: 2025, month: 8, day: 25)!, days: days),
      calendar: WorkingCalendar(holidays: [CivilDate(year: 2025, month: 9, day: 1)!, CivilDate(year: 2025, month: 9, day: 2)!]),
      procedures: procedures, centres: [centre])
  }
}

extension Scenarios {
  /// A one-centre scenario around the clock with recorded arrivals at `times` (minutes)
  /// for the given procedures (index per arrival), `counterStaff` clerks, and the given
  /// back-office pools; for deterministic, hand-checkable runs.
  public static func recorded(
    _ arrivals: [(time: Double, procedure: Int, channel: Channel)], procedures: [Procedure],
    counterStaff: Int = 1, backOffice: [BackOfficePool], calendar: WorkingCalendar = .alwaysOpen, days: Int = 3,
    outages: [OutageProcess] = []
  ) -> Scenario {
    let centre = Centre(
      id: "c", arrivals: ArrivalPattern(dailyVolume: 0),
      counters: [CounterGroup(id: "counter", staffing: .fixed(counterStaff))], backOffice: backOffice,
      closing: .serveWaiting(maxOvertime: nil))
    var scenario = Scenario(
      name: "recorded", seed: 5, replications: 1,
      horizon: Horizon(start: CivilDate(year: 2025, month: 7, day: 1)!, days: days), calendar: calendar,
      procedures: procedures, centres: [centre])
    scenario.recordedArrivals = arrivals.map {
      RecordedArrival(time: $0.time, centre: 0, procedure: $0.procedure, channel: $0.channel)
    }
    scenario.outages = outages
    return scenario
  }

  /// A commune with every feature switched on: three channels, two counter groups with
  /// skills and priority, a multi-step back office with a wait, an EDD pool with its own
  /// hours, crews with hours, absences and learning, volunteers, incomplete dossiers,
  /// impatient citizens, a ticket cap and daily outages.
  public static func everything(seed: UInt64 = 21, closing: ClosingPolicy = .serveWaiting(maxOvertime: 30)) -> Scenario {
    var certification = Procedure(
      id: "certification", name: "Certification", group: "certification", share: 0.5,
      counterTime: .lognormal(mean: 4, sd: 3), steps: [WorkStep("sign", .work(pool: "leaders", time: .deterministic(1)))],
      deadline: .workingDays(0))
    certification.incompleteAtCounter = 0.05
    var civil = Procedure(
      id: "civil", name: "Civil status", group: "civil", share: 0.3, counterTime: .lognormal(mean: 10, sd: 5),
      steps: [
        WorkStep("appraisal", .work(pool: "back-office", time: .lognormal(mean: 30, sd: 15))),
        WorkStep("posting", .wait(workingDays: .uniform(min: 0.5, max: 2))),
        WorkStep("signature", .work(pool: "leaders", time: .deterministic(2))),
      ], deadline: .workingDays(2))
    civil.onlineShare = 0.3
    civil.servicePointShare = 0.1
    civil.incompleteAtCounter = 0.1
    civil.incompleteInBackOffice = 0.1
    var land = Procedure(
      id: "land", name: "Land", group: "civil", share: 0.2, counterTime: .lognormal(mean: 20, sd: 10),
      steps: [WorkStep("appraisal", .work(pool: "back-office", time: .lognormal(mean: 120, sd: 60)))],
      deadline: .workingDays(4))
    land.incompleteInBackOffice = 0.2
    let start = CivilDate(year: 2025, month: 8, day: 25)!
    var centre = Centre(
      id: "commune",
      arrivals: ArrivalPattern(dailyVolume: 70, surges: [Surge(from: start.adding(days: 3), to: start.adding(days: 10), factor: 1.4)]),
      counters: [
        CounterGroup(id: "certification", staffing: .fixed(1), serves: ["certification"]),
        CounterGroup(id: "general", staffing: Staffing([
          Crew(count: 2, absence: 0.1),
          Crew(count: 1, from: start.adding(days: 5), to: start.adding(days: 15), speed: 0.6, note: "volunteer"),
          Crew(count: 1, hours: [OpeningInterval("08:00-12:00")!], learning: LearningCurve(initialMultiplier: 1.5, days: 20)),
        ]), helps: ["back-office"]),
      ],
      backOffice: [
        BackOfficePool(id: "back-office", staffing: .fixed(3), discipline: .earliestDueDate),
        BackOfficePool(id: "leaders", staffing: .fixed(1), hours: [OpeningInterval("14:00-16:30")!]),
      ],
      closing: closing, routing: .sharedQueue, priorityShare: 0.1)
    centre.patience = Patience(balkAt: 8, patience: .lognormal(mean: 60, sd: 40), returnProbability: 0.6)
    centre.dailyTicketCap = 90
    var scenario = Scenario(
      name: "everything", seed: seed, replications: 4, horizon: Horizon(start: start, days: 35),
      calendar: WorkingCalendar(holidays: [CivilDate(year: 2025, month: 9, day: 1)!, CivilDate(year: 2025, month: 9, day: 2)!]),
      procedures: [certification, civil, land], centres: [centre])
    scenario.outages = [
      OutageProcess(id: "portal", occurrence: .daily(probability: 0.3), duration: .lognormal(mean: 60, sd: 40),
                    counter: .slow(factor: 2), backOffice: .stop, blocksOnline: true)
    ]
    return scenario
  }
}
