import CentreModel
import CentreSimulation
import Experiments
import QueueingTheory
import Synchronization
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
      confirmReplications: 16)!
    #expect(plan.after == [expected], "λ = \(arrivalRate), W ≤ \(maximumWait): \(plan.after) vs Erlang C \(expected)")
    #expect(plan.feasible && plan.confirmed)
    // Starting above the answer, the search comes down to it.
    scenario.centres[0].counters[0].staffing = .fixed(expected + 2)
    let down = StaffingOptimizer.optimize(scenario, units: StaffingUnit.all(in: scenario),
                                          targets: [StaffingTarget(parsing: "counter_wait_mean<=\(maximumWait)")!])!
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
    let plan = StaffingOptimizer.optimize(scenario, units: units, targets: [StaffingTarget(parsing: "centre.overdue<=0")!], budget: 2)!
    #expect(plan.after[1] > plan.before[1], "\(plan.log)")
    #expect(plan.after[0] == plan.before[0])
    #expect(plan.after.reduce(0, +) - plan.before.reduce(0, +) <= 2)
    #expect(plan.feasible)
  }
}

@Suite struct OptimizerInterruptionTests {
  /// A planner who stops a long search keeps the best staffing found so far, marked as
  /// not confirmed; stopped before anything was evaluated, there is nothing to keep.
  @Test func aStoppedSearchKeepsTheBestSoFarUnconfirmed() throws {
    let scenario = Scenarios.singleQueue(servers: 10, arrivalRate: 9, service: .exponential(mean: 1), days: 3, replications: 4, seed: 5)
    let target = [StaffingTarget(parsing: "counter_wait_mean<=0.01")!]
    // The planner presses stop once the search has placed its first extra person.
    let stop = Flag()
    let plan = StaffingOptimizer.optimize(scenario, units: StaffingUnit.all(in: scenario), targets: target, confirmReplications: 8,
                                          jobs: 1, progress: { if $0.hasPrefix("+1") { stop.raise() } }, shouldStop: { stop.isRaised })
    let stopped = try #require(plan)
    #expect(stopped.interrupted && !stopped.confirmed)
    #expect(stopped.after == [11], "\(stopped.log)")
    #expect(stopped.confirmation.replications.count == 4, "the search's own run, not a confirmation")
    #expect(stopped.log.last?.contains("not confirmed") == true)
    #expect(StaffingOptimizer.optimize(scenario, units: StaffingUnit.all(in: scenario), targets: target, shouldStop: { true }) == nil)
  }
}

/// Raised once, read from any thread.
private final class Flag: Sendable {
  private let raised = Atomic(false)
  func raise() { raised.store(true, ordering: .relaxed) }
  var isRaised: Bool { raised.load(ordering: .relaxed) }
}
