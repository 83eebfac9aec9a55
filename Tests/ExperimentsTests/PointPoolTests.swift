import CentreModel
import CentreSimulation
import Experiments
import Synchronization
import Testing
import TestSupport

/// A sweep's points run on one pool of workers: each point's result must be what running
/// it alone gives, whatever the number of workers.
@Suite struct PointPoolTests {
  /// Points of unequal size (1 to 5 replications, different staff), so that workers
  /// overlap points and finish them out of order.
  static let points = (0..<6).map { k in
    Scenarios.commune(counterStaff: 1 + k % 3, backOfficeStaff: 2, days: 10, replications: 1 + (k * 2) % 5, seed: 11)
  }

  func pooled(jobs: Int, shouldStop: (@Sendable () -> Bool)? = nil) throws -> [Int: ExperimentResult] {
    var results: [Int: ExperimentResult] = [:]
    try Experiment.run(points: Self.points, jobs: jobs, shouldStop: shouldStop) { point, result in
      #expect(results[point] == nil, "point \(point) reported twice")
      results[point] = result
    }
    return results
  }

  @Test(arguments: [1, 2, 3])
  func eachPointIsWhatRunningItAloneGives(jobs: Int) throws {
    let results = try pooled(jobs: jobs)
    #expect(results.keys.sorted() == Array(Self.points.indices))
    for (k, scenario) in Self.points.enumerated() {
      let alone = Experiment.run(scenario, jobs: 1)
      #expect(results[k]?.replications == alone.replications)
      #expect(results[k]?.totals == alone.totals)
      #expect(results[k]?.days == alone.days)
    }
  }

  @Test func anErrorStopsThePoolAndIsRethrown() {
    struct Refused: Error {}
    let reported = Mutex(0)
    #expect(throws: Refused.self) {
      try Experiment.run(points: Self.points, jobs: 2) { point, _ in
        reported.withLock { $0 += 1 }
        throw Refused()
      }
    }
    // The first report threw: no other point is reported after it.
    #expect(reported.withLock { $0 } == 1)
  }

  @Test func stoppingReportsOnlyFinishedPoints() throws {
    // Stop once three replications have started: the points reported are complete.
    let started = Mutex(0)
    let results = try pooled(jobs: 2, shouldStop: { started.withLock { $0 += 1; return $0 > 3 } })
    #expect(results.count < Self.points.count)
    for (k, result) in results {
      #expect(result.replications.count == Self.points[k].replications)
    }
  }
}
