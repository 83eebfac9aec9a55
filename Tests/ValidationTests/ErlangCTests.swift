import CentreModel
import CentreSimulation
import Experiments
import QueueingTheory
import SimRandom
import Testing
import TestSupport

/// M/M/c simulated against Erlang C.
///
/// Each case runs 20 independent replications of a centre open around the clock; the
/// exact Erlang C mean wait must lie within the 99.9% Student-t interval of the 20
/// replication means. The start-up transient (the queue starts empty) biases every
/// replication downwards by O(relaxation time / horizon); horizons are long enough for
/// that bias to be a small fraction of the interval.
@Suite(.tags(.statistical)) struct ErlangCTests {
  static let cases: [(servers: Int, utilisation: Double)] = [
    (1, 0.5), (1, 0.7), (1, 0.9), (3, 0.5), (3, 0.7), (3, 0.9), (10, 0.5), (10, 0.7), (10, 0.9),
  ]

  @Test(arguments: cases)
  func meanWaitMatchesErlangC(servers: Int, utilisation: Double) throws {
    let meanService = 1.0
    let lambda = utilisation * Double(servers) / meanService
    let theory = ErlangC(servers: servers, arrivalRate: lambda, meanServiceTime: meanService)
    // Horizon: about 400 relaxation times 1 / (μ (1 − √ρ)²) for c = 1, at least 20 days.
    let relaxation = meanService / ((1 - utilisation.squareRoot()) * (1 - utilisation.squareRoot()))
    let days = max(20, Int((400 * relaxation / 1440).rounded(.up)))
    let scenario = Scenarios.singleQueue(
      servers: servers, arrivalRate: lambda, service: .exponential(mean: meanService), days: days, replications: 20,
      seed: UInt64(1000 * servers) + UInt64(utilisation * 100))
    let result = Experiment.run(scenario)
    let waits = SampleStatistics(result.replications.map { $0.totals[.counterWaitMean] })
    #expect(waits.covers(theory.meanWait),
            "c=\(servers) ρ=\(utilisation): simulated \(waits.mean) ± \(waits.halfWidth(level: 0.999)), Erlang C \(theory.meanWait)")
    let utilisations = SampleStatistics(result.replications.map { $0.totals[.counterUtilisation] })
    #expect(utilisations.covers(utilisation), "utilisation \(utilisations.mean) vs \(utilisation)")
  }
}
