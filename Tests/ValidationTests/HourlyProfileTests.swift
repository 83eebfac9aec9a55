import CentreModel
import CentreSimulation
import Experiments
import QueueingTheory
import SimRandom
import Testing
import TestSupport

/// The hour-of-day profile and the wait distribution of a stationary M/M/3 queue open
/// around the clock: every hour looks like the steady state. The number at the counters
/// (waiting or served) averages L = L_q + λ/μ, the share who wait is Erlang C's
/// probability of waiting, and P(W ≤ t) = 1 − C e^{−(cμ − λ)t}. 20 replications; each
/// value must lie in the 99.9% Student-t interval.
@Suite(.tags(.statistical)) struct HourlyProfileTests {
  let lambda = 0.21, meanService = 10.0, servers = 3  // ρ = 0.7

  /// Every replication's full result (hours, wait bands, days).
  func result(warmUpDays: Int = 0) -> [ReplicationResult] {
    var scenario = Scenarios.singleQueue(servers: servers, arrivalRate: lambda, service: .exponential(mean: meanService),
                                         days: 60, replications: 20, seed: 71)
    scenario.horizon.warmUpDays = warmUpDays
    return Experiment.run(scenario, replications: 0..<scenario.replications)
  }

  @Test func everyHourLooksLikeTheSteadyState() {
    let result = result()
    let theory = ErlangC(servers: servers, arrivalRate: lambda, meanServiceTime: meanService)
    let load = theory.meanQueueLength + theory.offeredLoad
    for hour in 0..<24 {
      func statistics(_ measure: HourMeasure) -> SampleStatistics {
        SampleStatistics(result.map { $0.hours[hour][measure] })
      }
      let atCounters = statistics(.counterLoadMean), delayed = statistics(.delayProbability)
      let arrivals = statistics(.walkInArrivals), staff = statistics(.counterStaffMean)
      #expect(atCounters.covers(load), "hour \(hour): L \(atCounters.mean) ± \(atCounters.halfWidth(level: 0.999)) vs \(load)")
      #expect(delayed.covers(theory.probabilityOfWaiting),
              "hour \(hour): P(wait) \(delayed.mean) ± \(delayed.halfWidth(level: 0.999)) vs \(theory.probabilityOfWaiting)")
      #expect(arrivals.covers(lambda * 60), "hour \(hour): arrivals \(arrivals.mean) vs \(lambda * 60)")
      #expect(staff.mean == Double(servers))
    }
  }

  @Test func theWaitDistributionIsErlangCs() {
    let result = result()
    let theory = ErlangC(servers: servers, arrivalRate: lambda, meanServiceTime: meanService)
    for band in WaitBand.allCases where band.minutes <= 30 {
      let shares = SampleStatistics(result.map { $0.waitShares[band] })
      let expected = 1 - theory.probabilityWaitExceeds(band.minutes)
      #expect(shares.covers(expected), "P(W ≤ \(band.minutes)) \(shares.mean) ± \(shares.halfWidth(level: 0.999)) vs \(expected)")
    }
  }

  @Test func aWarmUpLeavesCountsWholeAndStatisticsToTheRest() {
    let whole = result(), warmed = result(warmUpDays: 10)
    for (a, b) in zip(whole, warmed) {
      // The same random numbers: the same dossiers, counted over the whole horizon.
      #expect(a.totals[.arrivals] == b.totals[.arrivals])
      #expect(a.totals[.completed] == b.totals[.completed])
      #expect(a.days == b.days)
      // Waits only after day 10: about 50 of the 60 days' citizens.
      let share = b.totals[.counterServed] / a.totals[.counterServed]
      #expect(abs(share - 50.0 / 60) < 0.02, "share of citizens counted after the warm-up: \(share)")
    }
    let theory = ErlangC(servers: servers, arrivalRate: lambda, meanServiceTime: meanService)
    let waits = SampleStatistics(warmed.map { $0.totals[.counterWaitMean] })
    #expect(waits.covers(theory.meanWait), "wait \(waits.mean) ± \(waits.halfWidth(level: 0.999)) vs \(theory.meanWait)")
  }
}
