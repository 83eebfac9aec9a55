import CentreModel
import CentreSimulation
import Experiments
import Testing
import TestSupport

/// The centre-by-centre allocation of a small city's extra staff against every
/// allocation tried, all on common random numbers.
@Suite(.tags(.statistical)) struct SeparableAllocationTests {
  /// Five communes of different sizes, two back-office specialists each.
  static func city(replications: Int = 6) -> Scenario {
    var scenario = Scenarios.commune(dailyVolume: 40, counterStaff: 6, backOfficeStaff: 2, days: 28, replications: replications, seed: 21)
    let template = scenario.centres[0]
    scenario.centres = [120.0, 170, 210, 100, 240].enumerated().map { i, volume in
      var centre = template
      centre.id = "c\(i + 1)"
      centre.arrivals.dailyVolume = volume
      return centre
    }
    return scenario
  }

  /// A planner with three more specialists for five communes expects the answer a
  /// brute-force trial of every way to place them gives (within its 95% interval).
  @Test func threeExtraSpecialistsGoWhereBruteForceSendsThem() throws {
    let scenario = Self.city()
    let units = StaffingUnit.all(in: scenario).filter { !$0.isCounter }
    let settings = SeparableAllocation.Settings(objective: .overdue, budget: 3, confirmReplications: 6)
    let plan = try #require(SeparableAllocation.allocate(scenario, units: units, settings: settings, jobs: 2))
    let extra = zip(plan.before, plan.after).map { $1 - $0 }
    #expect(extra.reduce(0, +) == 3, "\(plan.log)")
    #expect(plan.marginal.count == 3, "one row per person placed")
    #expect(extra[4] >= 1, "the busiest commune gets someone: \(extra)")

    // Every allocation of at most three extra specialists, on the same random numbers.
    var allocations: [[Int]] = [[]]
    for _ in units { allocations = allocations.flatMap { prefix in (0...3).map { prefix + [$0] } }.filter { $0.reduce(0, +) <= 3 } }
    let scenarios = allocations.map { levels in
      zip(units, zip(plan.before, levels)).reduce(scenario) { s, unit in unit.0.setting(unit.1.0 + unit.1.1, in: s) }
    }
    let results = Experiment.run(all: scenarios, jobs: 2)
    let overdue = results.map { $0.replications.map { $0.totals[.overdue] } }
    let best = overdue.indices.min { Estimate(overdue[$0]).mean < Estimate(overdue[$1]).mean }!
    let chosen = try #require(allocations.firstIndex(of: extra))
    let difference = Estimate(zip(overdue[chosen], overdue[best]).map { $0 - $1 })
    #expect(difference.mean <= difference.halfWidth || difference.halfWidth.isNaN,
            "separable \(extra): \(Estimate(overdue[chosen]).mean) overdue; brute force \(allocations[best]): \(Estimate(overdue[best]).mean)")
  }

  /// The allocation is exact over the curves: against greedy on curves that are not
  /// concave (a second person who buys more than the first), dynamic programming finds
  /// the better pair.
  @Test func dynamicProgrammingBeatsGreedyOnCurvesThatAreNotConcave() {
    func curve(_ costs: [Double]) -> [SeparableAllocation.Point] {
      costs.enumerated().map { SeparableAllocation.Point(level: $0.offset, offset: [$0.offset], values: [], cost: $0.element) }
    }
    // Centre A: the first person buys 1, the second 9; centre B: the first buys 3, the second 1.
    let curves = [curve([10, 9, 0]), curve([10, 7, 6])]
    let settings = SeparableAllocation.Settings(objective: .overdue, budget: 2)
    #expect(SeparableAllocation.solve(curves, settings) == [2, 0], "greedy would give one each (cost 16); both to A costs 10")
    #expect(!SeparableAllocation.isConcave(curves[0], .overdue) && SeparableAllocation.isConcave(curves[1], .overdue))
  }
}
