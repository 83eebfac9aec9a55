import CentreModel
import CentreSimulation
import Experiments
import QueueingTheory
import SimRandom
import Testing
import TestSupport

/// The full model's mechanisms against queueing theory: pooled against dedicated
/// counters (Erlang C both ways), impatient citizens (Erlang A), priority classes
/// (Cobham's non-preemptive priority formula for M/M/c). 20 replications each; the
/// theoretical value must lie in the 99.9% Student-t interval.
@Suite(.tags(.statistical)) struct ModelTheoryTests {
  /// Two procedure groups, each with Poisson arrivals at `rate` and exponential service
  /// with mean 1, around the clock.
  func twoGroups(rate: Double, counters: [CounterGroup], seed: UInt64) -> Scenario {
    var scenario = Scenarios.singleQueue(servers: 1, arrivalRate: 2 * rate, service: .exponential(mean: 1), days: 30,
                                         replications: 20, seed: seed)
    scenario.procedures = ["a", "b"].map {
      Procedure(id: $0, name: $0, group: $0, share: 0.5, counterTime: .exponential(mean: 1), steps: [],
                deadline: .workingDays(0))
    }
    scenario.centres[0].counters = counters
    return scenario
  }

  @Test func dedicatedCountersWaitAsErlangCSaysAndLongerThanPooledOnes() {
    let rate = 1.6  // per group: ρ = 0.8 on 2 servers each
    let pooled = Experiment.run(twoGroups(rate: rate, counters: [CounterGroup(id: "all", staffing: .fixed(4))], seed: 41))
    let split = Experiment.run(twoGroups(rate: rate, counters: [
      CounterGroup(id: "a", staffing: .fixed(2), serves: ["a"]), CounterGroup(id: "b", staffing: .fixed(2), serves: ["b"]),
    ], seed: 41))
    let pooledTheory = ErlangC(servers: 4, arrivalRate: 2 * rate, meanServiceTime: 1).meanWait
    let splitTheory = ErlangC(servers: 2, arrivalRate: rate, meanServiceTime: 1).meanWait
    let pooledWait = SampleStatistics(pooled.replications.map { $0.totals[.counterWaitMean] })
    let splitWait = SampleStatistics(split.replications.map { $0.totals[.counterWaitMean] })
    #expect(pooledWait.covers(pooledTheory), "pooled \(pooledWait.mean) ± \(pooledWait.halfWidth(level: 0.999)) vs \(pooledTheory)")
    #expect(splitWait.covers(splitTheory), "split \(splitWait.mean) ± \(splitWait.halfWidth(level: 0.999)) vs \(splitTheory)")
    // Paired by common random numbers: pooling wins in every replication's mean.
    let differences = SampleStatistics(zip(split.replications, pooled.replications).map {
      $0.totals[.counterWaitMean] - $1.totals[.counterWaitMean]
    })
    #expect(differences.mean - differences.halfWidth(level: 0.999) > 0)
  }

  @Test func impatientCitizensAbandonAsErlangASays() {
    // M/M/3+M: λ = 3.3 per minute, mean service 1, mean patience 2 (overloaded without abandonment).
    var scenario = Scenarios.singleQueue(servers: 3, arrivalRate: 3.3, service: .exponential(mean: 1), days: 20,
                                         replications: 20, seed: 43)
    scenario.centres[0].patience = Patience(patience: .exponential(mean: 2), returnProbability: 0)
    let result = Experiment.run(scenario)
    let theory = ErlangA(servers: 3, arrivalRate: 3.3, meanServiceTime: 1, meanPatience: 2)
    let abandoned = SampleStatistics(result.replications.map { $0.totals[.reneged] / $0.totals[.arrivals] })
    let queue = SampleStatistics(result.replications.map { $0.totals[.counterQueueMean] })
    #expect(abandoned.covers(theory.probabilityOfAbandonment),
            "P(abandon) \(abandoned.mean) ± \(abandoned.halfWidth(level: 0.999)) vs \(theory.probabilityOfAbandonment)")
    #expect(queue.covers(theory.meanQueueLength), "L_q \(queue.mean) ± \(queue.halfWidth(level: 0.999)) vs \(theory.meanQueueLength)")
  }

  @Test func priorityCitizensWaitAsCobhamSays() {
    // M/M/3 at ρ = 0.8 with 30% priority citizens, non-preemptive: the mean wait of class
    // k is W₀ / ((1 − σ_{k−1})(1 − σ_k)), W₀ = C(c, a)·E[S]/c, σ_k the load of classes ≤ k.
    var scenario = Scenarios.singleQueue(servers: 3, arrivalRate: 2.4, service: .exponential(mean: 1), days: 20,
                                         replications: 20, seed: 47)
    scenario.centres[0].priorityShare = 0.3
    let result = Experiment.run(scenario)
    let erlang = ErlangC(servers: 3, arrivalRate: 2.4, meanServiceTime: 1)
    let w0 = erlang.probabilityOfWaiting / 3
    let sigma1 = 0.3 * 0.8
    let priorityTheory = w0 / (1 - sigma1)
    let priority = SampleStatistics(result.replications.map { $0.totals[.counterWaitPriorityMean] })
    let overall = SampleStatistics(result.replications.map { $0.totals[.counterWaitMean] })
    #expect(priority.covers(priorityTheory), "priority \(priority.mean) ± \(priority.halfWidth(level: 0.999)) vs \(priorityTheory)")
    // Work-conserving with equal service times: the overall mean is still Erlang C's.
    #expect(overall.covers(erlang.meanWait), "overall \(overall.mean) vs \(erlang.meanWait)")
  }
}
