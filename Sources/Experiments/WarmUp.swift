//===----------------------------------------------------------------------===//
// MSER-5: how long a steady-state run's warm-up should be.
//===----------------------------------------------------------------------===//

/// The MSER-5 truncation rule (White 1997; Franklin & White 2008): average the output
/// series in batches of 5, then drop the first d batches where d minimises the
/// marginal standard error of the mean of the batches left,
/// MSER(d) = Σ_{j>d} (Z_j − Z̄_d)² / (n − d)². Only the first half of the series is
/// considered for truncation: a minimum in the second half means the run is too short to
/// tell, and is reported as such.
///
/// A series with a cycle (daily values of a centre closed at weekends) is better batched
/// by its period, so that every batch holds a whole cycle: `batchSize` 7 (MSER-7).
public struct MSER5: Sendable, Equatable {
  /// Observations per batch (5 for MSER-5).
  public var batchSize: Int
  /// Observations to drop from the start (a multiple of `batchSize`, counted in batches
  /// that held a value).
  public var truncation: Int
  /// The mean of the observations kept.
  public var truncatedMean: Double
  /// The mean of the whole series.
  public var mean: Double
  /// Whether the minimum fell at the edge of the half searched (run longer to be sure).
  public var atSearchLimit: Bool

  /// Applies the rule to `series`. Batches are taken by position, each the mean of its
  /// values that are not NaN (a day without a wait, say); a batch with none is left out.
  /// - Returns: nil when there are fewer than 2 batches.
  public init?(_ series: [Double], batchSize: Int = 5) {
    precondition(batchSize >= 1)
    let m = batchSize
    var batches: [Double] = []
    var values = 0.0, count = 0
    for start in stride(from: 0, to: series.count - m + 1, by: m) {
      let present = series[start..<(start + m)].filter { !$0.isNaN }
      guard !present.isEmpty else { continue }
      batches.append(present.reduce(0, +) / Double(present.count))
      values += present.reduce(0, +)
      count += present.count
    }
    let n = batches.count
    guard n >= 2 else { return nil }
    self.batchSize = m
    // Suffix sums, so that each d costs O(1).
    var sum = Array(repeating: 0.0, count: n + 1), squares = Array(repeating: 0.0, count: n + 1)
    for j in stride(from: n - 1, through: 0, by: -1) {
      sum[j] = sum[j + 1] + batches[j]
      squares[j] = squares[j + 1] + batches[j] * batches[j]
    }
    var best = 0
    var bestValue = Double.infinity
    let limit = n / 2
    for d in 0...limit {
      let k = Double(n - d)
      let mean = sum[d] / k
      let value = max(0, squares[d] - k * mean * mean) / (k * k)
      if value < bestValue {
        bestValue = value
        best = d
      }
    }
    truncation = m * best
    truncatedMean = sum[best] / Double(n - best)
    mean = values / Double(count)
    atSearchLimit = best == limit && limit > 0
  }
}
