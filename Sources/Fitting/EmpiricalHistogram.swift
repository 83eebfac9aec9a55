//===----------------------------------------------------------------------===//
// The empirical fallback: a piecewise-uniform histogram with equal-count bins.
//===----------------------------------------------------------------------===//

import SimRandom

extension InputModel {
  /// The number of bins ``empirical(_:bins:)`` uses by default for `sampleSize`
  /// observations: ⌊√n⌋, at least 5 and at most 20.
  public static func defaultBinCount(forSampleSize sampleSize: Int) -> Int {
    min(20, max(5, Int(Double(max(0, sampleSize)).squareRoot())))
  }

  /// The sample as a SimRandom `.piecewise` histogram with equal-count (quantile) bins,
  /// refined in the tails so that its mean is the sample's.
  ///
  /// The outer breaks are the exact minimum and maximum; the inner break j is the
  /// order statistic x₍⌊jn/m⌋₎ (from 0) for m = `bins` bins
  /// (``defaultBinCount(forSampleSize:)`` when `nil`). Bin j is [bⱼ, bⱼ₊₁), the last one
  /// closed, and its weight is the number of observations in it. Tied breaks are merged,
  /// so a sample with few distinct values gets fewer bins. Draws are uniform within a
  /// bin, so the mean is Σ (bⱼ + bⱼ₊₁)/2 · wⱼ / n, the distribution's own `mean`. In a
  /// skewed sample the outer bins' midpoints are far from their observations' mean
  /// (the last bin runs from the 95th percentile to the maximum), so the bin that moves
  /// the mean most is split at its median, again, until the mean is within a tenth of
  /// the sample mean's standard error of it, or the bins are 8m. A sample whose values
  /// are all equal gives `.deterministic`. Any finite values are accepted, zero and
  /// negative ones included.
  ///
  /// Throws ``FitError/emptySample`` or ``FitError/nonFiniteValues(count:sampleSize:first:)``.
  ///
  /// - Precondition: `bins`, when given, is at least 1.
  public static func empirical(_ sample: [Double], bins: Int? = nil) throws(FitError) -> Distribution {
    try SampleCheck.requireFinite(sample)
    let binCount = bins ?? defaultBinCount(forSampleSize: sample.count)
    precondition(binCount >= 1, "bins must be at least 1, found \(binCount)")
    let sorted = sample.sorted()
    let n = sorted.count
    if sorted[0] == sorted[n - 1] { return .deterministic(sorted[0]) }
    // Bin j holds sorted[starts[j] ..< starts[j + 1]]; its break is sorted[starts[j]].
    var starts = [0]
    for j in 1..<max(1, binCount) {
      let index = firstIndex(of: sorted[(j * n) / binCount], in: sorted)
      if index > starts[starts.count - 1] && sorted[index] < sorted[n - 1] { starts.append(index) }
    }
    starts.append(n)
    refine(&starts, sorted, limit: 8 * binCount)
    let breaks = starts.dropLast().map { sorted[$0] } + [sorted[n - 1]]
    let weights = zip(starts, starts.dropFirst()).map { Double($1 - $0) }
    return .piecewise(breaks: breaks, weights: weights)
  }

  /// The first index of `value` in the ascending `sorted`.
  private static func firstIndex(of value: Double, in sorted: [Double]) -> Int {
    var low = 0, high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// Splits the bins of `starts` at their medians, the one that moves the mean most
  /// first, until the histogram's mean is within a tenth of a standard error of the
  /// sample's or there are `limit` bins.
  private static func refine(_ starts: inout [Int], _ sorted: [Double], limit: Int) {
    let n = sorted.count
    let mean = sorted.reduce(0, +) / Double(n)
    let variance = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, n - 1))
    let tolerance = 0.1 * (variance / Double(n)).squareRoot()
    var prefix = [0.0]
    prefix.reserveCapacity(n + 1)
    for x in sorted { prefix.append(prefix[prefix.count - 1] + x) }
    func upper(_ j: Int) -> Double { j + 2 < starts.count ? sorted[starts[j + 1]] : sorted[n - 1] }
    /// Bin j's excess over its observations: n_j (midpoint − their mean), a sum.
    func excess(_ j: Int) -> Double {
      let count = Double(starts[j + 1] - starts[j])
      return count * (sorted[starts[j]] + upper(j)) / 2 - (prefix[starts[j + 1]] - prefix[starts[j]])
    }
    var unsplittable = Set<Int>()
    while starts.count - 1 < limit {
      let bias = (0..<(starts.count - 1)).reduce(0) { $0 + excess($1) } / Double(n)
      guard abs(bias) > tolerance else { return }
      let candidates = (0..<(starts.count - 1)).filter { !unsplittable.contains(starts[$0]) }
      guard let j = candidates.max(by: { abs(excess($0)) < abs(excess($1)) }) else { return }
      let index = firstIndex(of: sorted[(starts[j] + starts[j + 1]) / 2], in: sorted)
      if index > starts[j] && sorted[index] < upper(j) {
        starts.insert(index, at: j + 1)
      } else {
        unsplittable.insert(starts[j])
      }
    }
  }
}
