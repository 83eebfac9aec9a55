import CentreModel
import CentreSimulation
import Experiments
import Testing
import TestSupport

@Suite struct ReproducibilityTests {
  @Test func sameSeedSameResult() {
    let scenario = Scenarios.commune(replications: 3)
    #expect(Experiment.run(scenario).replications == Experiment.run(scenario).replications)
  }

  @Test func differentSeedsDiffer() {
    var other = Scenarios.commune(replications: 3)
    other.seed += 1
    #expect(Experiment.run(Scenarios.commune(replications: 3)).replications != Experiment.run(other).replications)
  }

  @Test func replicationsDifferFromEachOther() {
    let result = Experiment.run(Scenarios.commune(replications: 3))
    #expect(result.replications[0].totals != result.replications[1].totals)
  }

  @Test func threadCountDoesNotMatter() {
    let scenario = Scenarios.commune(replications: 7)
    let one = Experiment.run(scenario, jobs: 1)
    let two = Experiment.run(scenario, jobs: 2)
    let five = Experiment.run(scenario, jobs: 5)
    #expect(one.replications == two.replications)
    #expect(one.replications == five.replications)
    #expect(one.totals == two.totals)
  }

  @Test func aReplicationDoesNotDependOnTheOthers() {
    let scenario = Scenarios.commune(replications: 4)
    let all = Experiment.run(scenario).replications
    let third = Experiment.run(scenario, replications: 2..<3)
    #expect(third == [all[2]])
  }

  @Test func commonRandomNumbers() {
    // Changing staff changes neither who arrives nor what they bring.
    let base = Scenarios.commune(counterStaff: 2, backOfficeStaff: 2, replications: 3)
    var more = base
    more.centres[0].counters[0].staffing = .fixed(4)
    more.centres[0].backOffice[0].staffing = .fixed(5)
    let a = Experiment.run(base)
    let b = Experiment.run(more)
    for (x, y) in zip(a.replications, b.replications) {
      #expect(x.totals[.arrivals] == y.totals[.arrivals])
      #expect(x.procedures.map { $0[.arrivals] } == y.procedures.map { $0[.arrivals] })
      #expect(x.days.map { $0[.arrivals] } == y.days.map { $0[.arrivals] })
      #expect(x.totals[.counterWaitMean] >= y.totals[.counterWaitMean])
    }
  }
}
