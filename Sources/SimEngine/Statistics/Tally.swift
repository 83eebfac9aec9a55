//===----------------------------------------------------------------------===//
// Streaming statistics of observations.
//===----------------------------------------------------------------------===//

/// Count, mean, variance, minimum and maximum of a stream of observations, in O(1) memory.
///
/// Uses Welford's update, which stays accurate when the variance is small next to the mean.
public struct Tally: Sendable, Equatable {
  /// Number of observations.
  public var count: Int { _count }
  @usableFromInline var _count: Int = 0
  /// Mean of the observations (0 when there are none).
  public var mean: Double { _mean }
  @usableFromInline var _mean: Double = 0
  @usableFromInline var sumOfSquaredDeviations: Double = 0
  /// Smallest observation (+∞ when there are none).
  public var minimum: Double { _minimum }
  @usableFromInline var _minimum: Double = .infinity
  /// Largest observation (−∞ when there are none).
  public var maximum: Double { _maximum }
  @usableFromInline var _maximum: Double = -.infinity

  /// An empty tally.
  public init() {}

  /// Records one observation.
  @inlinable
  public mutating func record(_ value: Double) {
    _count += 1
    let delta = value - _mean
    _mean += delta / Double(_count)
    sumOfSquaredDeviations += delta * (value - _mean)
    if value < _minimum { _minimum = value }
    if value > _maximum { _maximum = value }
  }

  /// Sum of the observations.
  public var sum: Double { mean * Double(count) }

  /// Unbiased sample variance (NaN with fewer than two observations).
  public var variance: Double {
    count > 1 ? sumOfSquaredDeviations / Double(count - 1) : .nan
  }
}
