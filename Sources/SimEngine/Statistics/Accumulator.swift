//===----------------------------------------------------------------------===//
// The cheapest streaming statistic: count, sum, extremes.
//===----------------------------------------------------------------------===//

/// Count, sum, minimum and maximum of a stream of observations: the mean without the
/// division per observation that ``Tally`` pays for its variance. Use it in hot paths
/// where only the mean and the extremes are reported.
public struct Accumulator: Sendable, Equatable {
  /// Number of observations.
  public var count: Int { _count }
  @usableFromInline var _count = 0
  /// Sum of the observations.
  public var sum: Double { _sum }
  @usableFromInline var _sum = 0.0
  /// Largest observation (−∞ when there are none).
  public var maximum: Double { _maximum }
  @usableFromInline var _maximum = -Double.infinity

  /// An empty accumulator.
  public init() {}

  /// Records one observation.
  @inlinable
  public mutating func record(_ value: Double) {
    _count &+= 1
    _sum += value
    if value > _maximum { _maximum = value }
  }

  /// The mean (NaN when there are no observations).
  public var mean: Double { _count > 0 ? _sum / Double(_count) : .nan }
}
