//===----------------------------------------------------------------------===//
// Helpers shared by the test targets.
//===----------------------------------------------------------------------===//

import SimRandom

/// Mean, variance and a confidence half-width of a sample, for theory-vs-simulation checks.
public struct SampleStatistics: Sendable {
  /// Number of observations.
  public private(set) var count = 0
  /// Sample mean.
  public private(set) var mean = 0.0
  private var sumOfSquares = 0.0

  /// An empty sample.
  public init() {}

  /// A sample of `values`.
  public init<S: Sequence>(_ values: S) where S.Element == Double {
    for value in values { add(value) }
  }

  /// Adds one observation (Welford's update).
  public mutating func add(_ value: Double) {
    count += 1
    let delta = value - mean
    mean += delta / Double(count)
    sumOfSquares += delta * (value - mean)
  }

  /// Unbiased sample variance.
  public var variance: Double { count > 1 ? sumOfSquares / Double(count - 1) : .nan }

  /// Standard error of the mean.
  public var standardError: Double { (variance / Double(count)).squareRoot() }

  /// Half-width of the two-sided `level` confidence interval for the mean (Student t).
  public func halfWidth(level: Double) -> Double {
    StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: Double(count - 1)) * standardError
  }

  /// Whether `value` lies within the two-sided `level` confidence interval of the mean.
  public func covers(_ value: Double, level: Double = 0.999) -> Bool {
    abs(mean - value) <= halfWidth(level: level)
  }
}
