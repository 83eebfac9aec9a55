import Foundation
import Testing
import TestSupport

/// A researcher asks for as many replications as the question needs: the memory a run
/// takes must not grow with their number (each replication is folded into the estimates
/// as it finishes and leaves a record that goes to disk past 1 MiB; `replications.csv` is
/// written row by row). Measured by `onestop bench` in a process of its own.
@Suite(.tags(.statistical)) struct MemoryFlatnessTests {
  /// The peak resident memory, in MiB, of `replications` replications of the default
  /// commune over a week, aggregated and written as `onestop run` writes them.
  func peakMiB(replications: Int) throws -> Double {
    let outcome = try runOnestop(["bench", "--measure", "replications", "--replications", "\(replications)", "--days", "7", "--jobs", "2"],
                                 in: URL(fileURLWithPath: repositoryRoot()))
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let object = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
    return (object?["peak_rss_kib"] as? Double ?? .nan) / 1024
  }

  @Test func memoryIsFlatInTheReplications() throws {
    let few = try peakMiB(replications: 1_000), many = try peakMiB(replications: 20_000)
    // Kept whole, 19,000 more replications of a week would take about 19000 × 8 KB =
    // 150 MB; even their run-level KPIs alone, about 9 MB. Allow allocator noise.
    #expect(many - few < 6, "peak memory \(few) MiB with 1,000 replications, \(many) MiB with 20,000")
  }
}
