import CentreModel
import CentreSimulation
import Experiments
import PropertyBased
import SimRandom
import Testing
import TestSupport

/// Properties over random valid scenarios. They are not statistical: each must hold for
/// every input, so a failure is a bug, reported with the seed that reproduces it
/// (`.fixedSeed(...)`).
@Suite struct ModelProperties {
  /// A random commune: 1–3 procedures, channels, staff, closing policy, impatience,
  /// incomplete dossiers, outages, a multi-step back office.
  static let communes = zip(
    Gen.int(in: 1...3), Gen.double(in: 5...150), Gen.int(in: 1...4), Gen.int(in: 1...5), Gen.int(in: 0...2),
    Gen.double(in: 0...0.5), Gen.double(in: 0...0.3), Gen.bool, Gen.bool, Gen.int(in: 0...10_000)
  ).map { procedures, volume, counters, specialists, closing, online, incomplete, impatient, outages, seed -> Scenario in
    let shares = (0..<procedures).map { 1 / Double(procedures) + ($0 == 0 ? 1 - Double(procedures) * (1 / Double(procedures)) : 0) }
    let catalogue = (0..<procedures).map { p -> Procedure in
      var procedure = Procedure(
        id: "p\(p)", name: "p\(p)", group: p == 0 ? "first" : "rest", share: shares[p],
        counterTime: p % 2 == 0 ? .lognormal(mean: 4 + Double(p) * 5, sd: 3) : .gamma(mean: 10, sd: 4),
        steps: p == 0 ? [] : [
          WorkStep("work", .work(pool: "back-office", time: .exponential(mean: 20 + Double(p) * 15))),
          WorkStep("wait", .wait(workingDays: .uniform(min: 0, max: 1.5))),
          WorkStep("sign", .work(pool: "leaders", time: .deterministic(2))),
        ],
        deadline: .workingDays(p * 3))
      procedure.onlineShare = p == 0 ? 0 : online
      procedure.incompleteAtCounter = incomplete
      procedure.incompleteInBackOffice = incomplete / 2
      return procedure
    }
    var centre = Centre(
      id: "c", arrivals: ArrivalPattern(dailyVolume: volume),
      counters: [CounterGroup(id: "counter", staffing: .fixed(counters))],
      backOffice: [BackOfficePool(id: "back-office", staffing: .fixed(specialists), discipline: seed % 2 == 0 ? .fifo : .earliestDueDate),
                   BackOfficePool(id: "leaders", staffing: .fixed(1), hours: [OpeningInterval("14:00-16:00")!])],
      closing: [ClosingPolicy.returnNextDay, .serveWaiting(maxOvertime: 30), .serveWaiting(maxOvertime: nil)][closing])
    if impatient { centre.patience = Patience(balkAt: 10, patience: .exponential(mean: 40), returnProbability: 0.5) }
    var scenario = Scenario(
      name: "random", seed: UInt64(seed), replications: 2,
      horizon: Horizon(start: CivilDate(year: 2025, month: 8, day: 25)!, days: 12),
      calendar: WorkingCalendar(holidays: [CivilDate(year: 2025, month: 9, day: 1)!, CivilDate(year: 2025, month: 9, day: 2)!]),
      procedures: catalogue, centres: [centre])
    if outages {
      scenario.outages = [OutageProcess(id: "portal", occurrence: .daily(probability: 0.4), duration: .exponential(mean: 60),
                                        counter: .slow(factor: 2), backOffice: .stop)]
    }
    return scenario
  }

  @Test
  func invariantsHoldOnRandomScenarios() async {
    await propertyCheck(count: 25, input: Self.communes) { scenario in
      let report = InvariantCheck.run(scenario, jobs: 1)
      for check in report.checks where !check.holds {
        Issue.record("\(check.name): \(check.violations.prefix(3))")
      }
    }
  }

  @Test
  func anotherClerkNeverLengthensTheWait() async {
    // FIFO multi-server queue on the same arrivals and service times: one more server
    // never makes any citizen wait longer, so neither the mean.
    let cases = zip(Gen.double(in: 0.2...4), Gen.int(in: 1...6), Gen.int(in: 0...2), Gen.int(in: 0...1_000))
    await propertyCheck(count: 40, input: cases) { rate, servers, family, seed in
      let service: Distribution = [.exponential(mean: 1), .lognormal(mean: 1, cv: 1.2), .deterministic(1)][family]
      let lambda = min(rate, 1.2 * Double(servers))
      let fewer = Scenarios.singleQueue(servers: servers, arrivalRate: lambda, service: service, days: 2, replications: 3,
                                        seed: UInt64(seed))
      var more = fewer
      more.centres[0].counters[0].staffing = .fixed(servers + 1)
      let a = Experiment.run(fewer, jobs: 1).replications
      let b = Experiment.run(more, jobs: 1).replications
      for (x, y) in zip(a, b) {
        #expect(y.totals[.counterWaitMean] <= x.totals[.counterWaitMean] + 1e-9,
                "\(servers) → \(servers + 1) clerks at λ = \(lambda): \(x.totals[.counterWaitMean]) → \(y.totals[.counterWaitMean])")
        #expect(y.totals[.counterWaitMax] <= x.totals[.counterWaitMax] + 1e-9)
      }
    }
  }
}
