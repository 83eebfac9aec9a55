import CentreModel
import CentreSimulation
import Experiments
import Testing
import TestSupport

@Suite struct ReproducibilityTests {
  @Test func sameSeedSameResult() {
    let scenario = Scenarios.commune(replications: 3)
    #expect(fullRun(scenario).replications == fullRun(scenario).replications)
  }

  @Test func differentSeedsDiffer() {
    var other = Scenarios.commune(replications: 3)
    other.seed += 1
    #expect(fullRun(Scenarios.commune(replications: 3)).replications != fullRun(other).replications)
  }

  @Test func replicationsDifferFromEachOther() {
    let result = fullRun(Scenarios.commune(replications: 3))
    #expect(result.replications[0].totals != result.replications[1].totals)
  }

  @Test func threadCountDoesNotMatter() {
    let scenario = Scenarios.commune(replications: 7)
    let one = fullRun(scenario, jobs: 1)
    let two = fullRun(scenario, jobs: 2)
    let five = fullRun(scenario, jobs: 5)
    #expect(one.replications == two.replications)
    #expect(one.replications == five.replications)
    // The aggregate is folded in replication order, whichever worker finishes first.
    let folded = [1, 2, 5].map { Experiment.run(scenario, jobs: $0) }
    for other in folded.dropFirst() {
      #expect(other.totals == folded[0].totals && other.days == folded[0].days && other.centreDays == folded[0].centreDays)
      #expect(other.hours == folded[0].hours && other.procedures == folded[0].procedures && other.pools == folded[0].pools)
      #expect(other.replications == folded[0].replications)
    }
    #expect(folded[0].totals == ExperimentResult(scenario: scenario, replications: one.replications, poolNames: folded[0].poolNames).totals)
  }

  @Test func aReplicationDoesNotDependOnTheOthers() {
    let scenario = Scenarios.commune(replications: 4)
    let all = fullRun(scenario).replications
    let third = Experiment.run(scenario, replications: 2..<3)
    #expect(third == [all[2]])
  }

  @Test func commonRandomNumbers() {
    // Changing staff changes neither who arrives nor what they bring.
    let base = Scenarios.commune(counterStaff: 2, backOfficeStaff: 2, replications: 3)
    var more = base
    more.centres[0].counters[0].staffing = .fixed(4)
    more.centres[0].backOffice[0].staffing = .fixed(5)
    let a = fullRun(base)
    let b = fullRun(more)
    for (x, y) in zip(a.replications, b.replications) {
      #expect(x.totals[.arrivals] == y.totals[.arrivals])
      #expect(x.procedures.map { $0[.arrivals] } == y.procedures.map { $0[.arrivals] })
      #expect(x.days.map { $0[.arrivals] } == y.days.map { $0[.arrivals] })
      #expect(x.totals[.counterWaitMean] >= y.totals[.counterWaitMean])
    }
  }
}
