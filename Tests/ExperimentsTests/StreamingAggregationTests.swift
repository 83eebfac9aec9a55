import CentreModel
import CentreSimulation
import Experiments
import Synchronization
import Testing
import TestSupport

/// An experiment folds its replications one by one and keeps only each one's record, so
/// that memory stays flat in their number; what it reports must be what the full results
/// give.
@Suite struct StreamingAggregationTests {
  /// Enough replications of a one-day commune that their records exceed the log's memory
  /// budget several times over.
  static let scenario = Scenarios.commune(dailyVolume: 20, days: 1, replications: 6_000, seed: 5)

  @Test func recordsBeyondTheMemoryBudgetGoToDiskAndReadBackBitForBit() {
    let full = Experiment.run(Self.scenario, replications: 0..<Self.scenario.replications, jobs: 2)
    let result = Experiment.run(Self.scenario, jobs: 2)
    #expect(result.replications.count == full.count)
    #expect(result.replications.bytesInMemory <= ReplicationLog.memoryBudget)
    // Every record, in order, and a few read out of order.
    #expect(zip(result.replications, full).allSatisfy { $0 == ReplicationRecord($1, keepsCentres: false) })
    for index in [5_999, 0, 3_001, 17] {
      #expect(result.replications[index] == ReplicationRecord(full[index], keepsCentres: false))
    }
    // The streamed estimates are the two-pass-free ones `Estimate` gives over the values.
    for measure in RunMeasure.allCases {
      #expect(result.totals[measure] == Estimate(full.map { $0.totals[measure] }), "\(measure.id)")
    }
    for day in 0..<Self.scenario.horizon.days {
      #expect(result.days[day] == Estimates(full.map { $0.days[day] }))
    }
    #expect(result.events == full.reduce(0) { $0 + $1.events })
  }

  @Test func runningMomentsMatchTheTextbookMeanAndVariance() {
    let values = [3.0, .nan, 7, 7, 19, 24.5, -2]
    let estimate = Estimate(values)
    let defined = values.filter { !$0.isNaN }
    let mean = defined.reduce(0, +) / Double(defined.count)
    let variance = defined.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(defined.count - 1)
    #expect(estimate.count == 6)
    #expect(estimate.mean == mean)
    #expect(abs(estimate.standardDeviation - variance.squareRoot()) <= 1e-14 * variance.squareRoot())
    // Constant values have no spread at all (the planner's "every replication agrees").
    #expect(Estimate([4.0, 4, 4, 4]).standardDeviation == 0)
  }

  @Test func aStopKeepsTheReplicationsFinishedWithoutAGap() {
    let stopAfter = Counter()
    let result = Experiment.run(Self.scenario, jobs: 2, shouldStop: { stopAfter.increment() > 300 })
    #expect(result.replications.count > 0 && result.replications.count < Self.scenario.replications)
    #expect(result.replications.enumerated().allSatisfy { $0.offset == $0.element.replication })
    #expect(result.totals[.arrivals].count == result.replications.count)
  }
}

/// A count shared by the workers that ask whether to stop.
private final class Counter: Sendable {
  private let count = Synchronization.Atomic(0)
  /// Adds one; returns the new count.
  func increment() -> Int { count.add(1, ordering: .relaxed).newValue }
}
