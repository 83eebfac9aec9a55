import CentreModel
import CentreSimulation
import Experiments
import Synchronization
import Testing
import TestSupport

/// A planner who stops a long optimisation (Ctrl-C, a closed laptop) and starts it again
/// expects it to pick up where it stopped and to end with the answer a run that never
/// stopped gives: the same staffing, bit for bit the same figures.
@Suite struct OptimizationResumeTests {
  /// Answers `true` from the `after`-th question on.
  final class StopAfter: Sendable {
    private let asked = Atomic(0)
    let after: Int
    init(_ after: Int) { self.after = after }
    func ask() -> Bool { asked.add(1, ordering: .relaxed).newValue > after }
  }

  @Test func aStoppedCentreByCentreAllocationResumesToTheSameAnswer() throws {
    let scenario = SeparableAllocationTests.city(replications: 4)
    let units = StaffingUnit.all(in: scenario).filter { !$0.isCounter }
    let settings = SeparableAllocation.Settings(objective: .overdue, budget: 3, confirmReplications: 4)
    let straight = try #require(SeparableAllocation.allocate(scenario, units: units, settings: settings, jobs: 2))

    // Stopped half-way through the curves (4 levels × 4 replications, one worker: 2 levels done).
    let memory = InMemoryEvaluations()
    let stop = StopAfter(8)
    #expect(SeparableAllocation.allocate(scenario, units: units, settings: settings, jobs: 1, memory: memory,
                                         shouldStop: { stop.ask() }) == nil)
    #expect(memory.entries.count == 2, "the two levels finished before the stop are kept")

    var log: [String] = []
    let resumed = try #require(SeparableAllocation.allocate(scenario, units: units, settings: settings, jobs: 2, memory: memory,
                                                            progress: { log.append($0) }))
    #expect(memory.recalled == 2, "the kept levels are recalled, not simulated again")
    #expect(log.contains { $0.hasPrefix("resuming: 2 of 4 staffing levels") }, "\(log)")
    #expect(resumed.after == straight.after)
    #expect(resumed.marginal.map(\.centre) == straight.marginal.map(\.centre))
    #expect(resumed.marginal.map(\.gain.mean) == straight.marginal.map(\.gain.mean))
    #expect(resumed.confirmation.replications == straight.confirmation.replications)
    #expect(resumed.baseline?.replications == straight.baseline?.replications)
  }

  @Test func aStoppedSearchResumesToTheSameAnswer() throws {
    var scenario = Scenarios.commune(dailyVolume: 40, counterStaff: 2, backOfficeStaff: 2, days: 28, replications: 4)
    var busy = scenario.centres[0]
    busy.id = "busy"
    busy.arrivals.dailyVolume = 260
    scenario.centres.append(busy)
    let units = StaffingUnit.all(in: scenario)
    let target = [StaffingTarget(parsing: "overdue<=0")!]
    let straight = try #require(StaffingOptimizer.optimize(scenario, units: units, targets: target, budget: 3, confirmReplications: 4, jobs: 2))
    #expect(straight.after != straight.before, "the search moves: \(straight.log)")

    // Stopped during the second step (the staffing as given, then four candidates, each 4 replications).
    let memory = InMemoryEvaluations()
    let stop = StopAfter(4 + 4 * 4 + 6)
    let stopped = StaffingOptimizer.optimize(scenario, units: units, targets: target, budget: 3, confirmReplications: 4, jobs: 1,
                                             memory: memory, shouldStop: { stop.ask() })
    #expect(stopped?.interrupted == true)
    let kept = memory.entries.count
    #expect(kept == 6, "the staffing as given, the first step's four candidates and one of the second's")

    let resumed = try #require(StaffingOptimizer.optimize(scenario, units: units, targets: target, budget: 3, confirmReplications: 4,
                                                          jobs: 2, memory: memory))
    #expect(memory.recalled == kept, "every kept candidate is recalled, not simulated again")
    #expect(!resumed.interrupted)
    #expect(resumed.after == straight.after)
    #expect(resumed.confirmation.replications == straight.confirmation.replications)
    #expect(resumed.confirmed == straight.confirmed)
  }
}
