import CentreModel
import CentreSimulation
import Experiments
import QueueingTheory
import Testing
import TestSupport

/// The optimiser's answer for a stationary single pool against Erlang C.
@Suite(.tags(.statistical)) struct OptimizerTests {
  @Test(arguments: [(9.0, 0.3), (4.0, 0.5), (9.0, 2.0)])
  func smallestStaffingEqualsErlangCsAnswer(arrivalRate: Double, maximumWait: Double) {
    let expected = ErlangC.minimumServers(arrivalRate: arrivalRate, meanServiceTime: 1) { $0.meanWait <= maximumWait }!
    var scenario = Scenarios.singleQueue(servers: max(1, expected - 2), arrivalRate: arrivalRate, service: .exponential(mean: 1),
                                         days: 5, replications: 8, seed: 11)
    scenario.centres[0].counters[0].staffing = .fixed(max(1, expected - 2))
    let plan = StaffingOptimizer.optimize(
      scenario, units: StaffingUnit.all(in: scenario), targets: [StaffingTarget(parsing: "counter_wait_mean<=\(maximumWait)")!],
      confirmReplications: 16)
    #expect(plan.after == [expected], "λ = \(arrivalRate), W ≤ \(maximumWait): \(plan.after) vs Erlang C \(expected)")
    #expect(plan.feasible && plan.confirmed)
    // Starting above the answer, the search comes down to it.
    scenario.centres[0].counters[0].staffing = .fixed(expected + 2)
    let down = StaffingOptimizer.optimize(scenario, units: StaffingUnit.all(in: scenario),
                                          targets: [StaffingTarget(parsing: "counter_wait_mean<=\(maximumWait)")!])
    #expect(down.after == [expected])
  }

  @Test func aBudgetGoesWhereItHelpsMost() {
    // Two centres, one overloaded at the back office: the extra specialists go there.
    var scenario = Scenarios.commune(dailyVolume: 40, counterStaff: 2, backOfficeStaff: 2, days: 28, replications: 6)
    var busy = scenario.centres[0]
    busy.id = "busy"
    busy.arrivals.dailyVolume = 130
    scenario.centres.append(busy)
    let units = StaffingUnit.all(in: scenario).filter { !$0.isCounter }
    let plan = StaffingOptimizer.optimize(scenario, units: units, targets: [StaffingTarget(parsing: "centre.overdue<=0")!], budget: 2)
    #expect(plan.after[1] > plan.before[1], "\(plan.log)")
    #expect(plan.after[0] == plan.before[0])
    #expect(plan.after.reduce(0, +) - plan.before.reduce(0, +) <= 2)
    #expect(plan.feasible)
  }
}
