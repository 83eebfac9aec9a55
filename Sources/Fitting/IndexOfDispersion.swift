//===----------------------------------------------------------------------===//
// Are arrival counts Poisson? The index-of-dispersion test.
//===----------------------------------------------------------------------===//

/// The index-of-dispersion test of arrival counts against the Poisson distribution.
///
/// For counts c₁ … cₙ of arrivals in n intervals, the index is D = s²/c̄ (variance over
/// mean, with divisor n − 1); a Poisson count has D = 1. Under the Poisson, (n − 1)·D is
/// approximately chi-square with n − 1 degrees of freedom, and the test is two-sided:
/// p = 2 · min(P, Q), capped at 1 (`gsl_cdf_chisq_P`, `gsl_cdf_chisq_Q`).
///
/// Kim and Whitt (2014, "Are call center and hospital arrivals well modeled by
/// nonhomogeneous Poisson processes?", *Manufacturing & Service Operations Management*
/// 16(3)) recommend it on counts per interval over which the arrival rate is roughly
/// constant, such as the same half-hour on comparable days; counts from intervals with
/// different rates look overdispersed even when each is Poisson.
public enum IndexOfDispersion {
  /// Tests `counts` (arrivals per interval) at `significanceLevel` (0.05 by default).
  ///
  /// Throws a ``DispersionTestError`` when there are fewer than two intervals, a count is
  /// negative, or every count is zero.
  ///
  /// - Precondition: `0 < significanceLevel < 1`.
  public static func test(counts: [Int], significanceLevel: Double = 0.05) throws(DispersionTestError) -> DispersionTest {
    precondition(significanceLevel > 0 && significanceLevel < 1,
                 "significance level \(significanceLevel) outside (0, 1)")
    if counts.count < 2 { throw .tooFewIntervals(count: counts.count) }
    if let index = counts.firstIndex(where: { $0 < 0 }) {
      throw .negativeCount(SampleValue(index: index, value: Double(counts[index])))
    }
    let n = Double(counts.count)
    let mean = counts.reduce(0.0) { $0 + Double($1) } / n
    if mean == 0 { throw .noArrivals(intervals: counts.count) }
    let variance = counts.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / (n - 1)
    let index = variance / mean
    let degrees = n - 1
    let statistic = degrees * index
    let lower = GSLMath.chiSquareP(statistic, degreesOfFreedom: degrees)
    let upper = GSLMath.chiSquareQ(statistic, degreesOfFreedom: degrees)
    let p = min(1, 2 * min(lower, upper))
    let verdict: DispersionTest.Verdict =
      p >= significanceLevel ? .consistentWithPoisson : (upper < lower ? .overdispersed : .underdispersed)
    return DispersionTest(
      intervals: counts.count, mean: mean, variance: variance, index: index, statistic: statistic,
      degreesOfFreedom: counts.count - 1, pValue: p, significanceLevel: significanceLevel, verdict: verdict)
  }
}

/// The result of ``IndexOfDispersion/test(counts:significanceLevel:)``.
public struct DispersionTest: Sendable, Hashable {
  /// What the test says about the counts at the chosen level.
  public enum Verdict: String, Sendable, Hashable {
    /// The variance is compatible with the mean, as for Poisson counts.
    case consistentWithPoisson
    /// The variance is larger than the mean: burstier than Poisson (a varying rate,
    /// batches, or dependence).
    case overdispersed
    /// The variance is smaller than the mean: more regular than Poisson (appointments,
    /// a capped or scheduled intake).
    case underdispersed
  }

  /// The number of intervals n.
  public let intervals: Int
  /// The mean count c̄.
  public let mean: Double
  /// The sample variance s² (divisor n − 1).
  public let variance: Double
  /// The index of dispersion D = s²/c̄.
  public let index: Double
  /// The test statistic (n − 1)·D.
  public let statistic: Double
  /// The chi-square degrees of freedom, n − 1.
  public let degreesOfFreedom: Int
  /// The two-sided p-value.
  public let pValue: Double
  /// The level the verdict is taken at.
  public let significanceLevel: Double
  /// The verdict at ``significanceLevel``.
  public let verdict: Verdict
}

/// Counts that the index-of-dispersion test cannot use.
public enum DispersionTestError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Fewer than two intervals: no variance to compare.
  case tooFewIntervals(count: Int)
  /// A count below zero (the first one found).
  case negativeCount(SampleValue)
  /// Every count is zero: the index is undefined.
  case noArrivals(intervals: Int)

  /// A plain-English message.
  public var description: String {
    switch self {
    case .tooFewIntervals(let count):
      return "the dispersion test needs counts for at least 2 intervals, found \(count)"
    case .negativeCount(let value):
      return "arrival counts cannot be negative: \(describe(value.value)) at position \(value.index + 1)"
    case .noArrivals(let intervals):
      return "all \(intervals) counts are zero: there are no arrivals to test"
    }
  }
}
