import CentreSimulation
import Experiments
import QueueingTheory
import SimRandom
import Testing
import TestSupport

/// M/G/1 simulated against the Pollaczek–Khinchine mean wait, for deterministic, gamma
/// and lognormal service (20 replications; the formula must lie in the 99.9% interval).
@Suite(.tags(.statistical)) struct PollaczekKhinchineTests {
  static let cases: [(String, Distribution, Double)] = [
    ("M/D/1", .deterministic(1), 0.8),
    ("M/Erlang-2/1", .gamma(shape: 2, scale: 0.5), 0.8),
    ("M/lognormal/1, cv 0.75", .lognormal(mean: 1, cv: 0.75), 0.7),
    ("M/lognormal/1, cv 1.5", .lognormal(mean: 1, cv: 1.5), 0.6),
  ]

  @Test(arguments: cases)
  func meanWaitMatchesPollaczekKhinchine(name: String, service: Distribution, utilisation: Double) {
    let lambda = utilisation / service.mean
    let theory = PollaczekKhinchine(arrivalRate: lambda, meanServiceTime: service.mean, serviceSecondMoment: service.secondMoment)
    let root = utilisation.squareRoot()
    let relaxation = (1 + service.squaredCoefficientOfVariation) / 2 * service.mean / ((1 - root) * (1 - root))
    let days = max(20, Int((600 * relaxation / 1440).rounded(.up)))
    let scenario = Scenarios.singleQueue(servers: 1, arrivalRate: lambda, service: service, days: days, replications: 20,
                                         seed: 77 + UInt64(utilisation * 10))
    let result = Experiment.run(scenario)
    let waits = SampleStatistics(result.replications.map { $0.totals[.counterWaitMean] })
    #expect(waits.covers(theory.meanWait),
            "\(name): simulated \(waits.mean) ± \(waits.halfWidth(level: 0.999)), P-K \(theory.meanWait)")
  }
}
