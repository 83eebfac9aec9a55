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

  /// The sample as a SimRandom `.piecewise` histogram with equal-count (quantile) bins.
  ///
  /// The outer breaks are the exact minimum and maximum; the inner break j is the
  /// order statistic x₍⌊jn/m⌋₎ (from 0) for m = `bins` bins
  /// (``defaultBinCount(forSampleSize:)`` when `nil`). Bin j is [bⱼ, bⱼ₊₁), the last one
  /// closed, and its weight is the number of observations in it, so every bin holds
  /// about n/m of them. Tied breaks are merged, so a sample with few distinct values gets
  /// fewer bins. Draws are uniform within a bin; the mean is Σ (bⱼ + bⱼ₊₁)/2 · wⱼ / n,
  /// which is the distribution's own `mean`, and differs from the sample mean by at most
  /// half the widest bin. A sample whose values are all equal gives `.deterministic`.
  /// Any finite values are accepted, zero and negative ones included.
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
    let low = sorted[0]
    let high = sorted[n - 1]
    if low == high { return .deterministic(low) }
    var breaks = [low]
    for j in 1..<max(1, binCount) {
      let candidate = sorted[(j * n) / binCount]
      if candidate > breaks[breaks.count - 1] && candidate < high { breaks.append(candidate) }
    }
    breaks.append(high)
    // Count the observations in each bin [b_j, b_{j+1}), the last bin closed.
    var weights = [Double](repeating: 0, count: breaks.count - 1)
    var bin = 0
    for x in sorted {
      while bin < weights.count - 1 && x >= breaks[bin + 1] { bin += 1 }
      weights[bin] += 1
    }
    return .piecewise(breaks: breaks, weights: weights)
  }
}
