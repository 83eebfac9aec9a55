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
