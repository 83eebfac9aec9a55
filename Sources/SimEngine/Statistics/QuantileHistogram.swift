//===----------------------------------------------------------------------===//
// Quantiles of a stream of non-negative values in fixed memory.
//===----------------------------------------------------------------------===//

/// A log-linear histogram of non-negative values, from which quantiles are read with a
/// bounded relative error, in fixed memory whatever the number of observations.
///
/// Values are scaled by 2¹⁰ (a resolution of 1/1024 of the unit: under 0.06 s when the
/// unit is the minute) and bucketed as in HdrHistogram: exactly below 256 units of
/// resolution, then 128 buckets per doubling, so a reported quantile is within 0.4% of a
/// value of the true quantile's bucket. Values up to 2³⁰ units (about 2 years in minutes)
/// are resolved; larger ones fall into the top bucket. The exact minimum and maximum are
/// kept alongside, and reported quantiles are clamped to them.
public struct QuantileHistogram: Sendable, Equatable {
  @usableFromInline static let scale = 1024.0
  @usableFromInline static let linearLimit: UInt64 = 256
  @usableFromInline static let bucketCount = 24 * 128 + 256

  @usableFromInline var counts: [UInt32]
  /// Number of values recorded.
  public var count: Int { _count }
  @usableFromInline var _count: Int = 0
  /// Exact smallest value (+∞ when empty).
  public var minimum: Double { _minimum }
  @usableFromInline var _minimum: Double = .infinity
  /// Exact largest value (−∞ when empty).
  public var maximum: Double { _maximum }
  @usableFromInline var _maximum: Double = -.infinity

  /// An empty histogram.
  public init() {
    counts = [UInt32](repeating: 0, count: Self.bucketCount)
  }

  /// Records `value` (negative values are recorded as zero).
  @inlinable
  public mutating func record(_ value: Double) {
    let index = Self.bucket(of: value)
    counts.withUnsafeMutableBufferPointer { $0[index] &+= 1 }
    _count += 1
    if value < _minimum { _minimum = value }
    if value > _maximum { _maximum = value }
  }

  @inlinable
  static func bucket(of value: Double) -> Int {
    let scaled = value * scale
    guard scaled >= 1 else { return 0 }
    let q = scaled < 1e18 ? UInt64(scaled) : UInt64(1e18)
    if q < linearLimit { return Int(q) }
    let shift = (63 - q.leadingZeroBitCount) - 7
    return min((shift << 7) + Int(truncatingIfNeeded: q >> UInt64(shift)), bucketCount - 1)
  }

  /// The lowest and highest value (in units) of bucket `index`.
  static func bounds(of index: Int) -> (low: Double, high: Double) {
    if index < Int(linearLimit) { return (Double(index) / scale, Double(index + 1) / scale) }
    let shift = index >> 7 - 1
    let sub = index - (shift << 7)
    let low = Double(UInt64(sub) << UInt64(shift))
    return (low / scale, (low + Double(1 << shift)) / scale)
  }

  /// The `p`-quantile: the smallest recorded value x with at least a share p of the
  /// values ≤ x, read as the midpoint of its bucket (NaN when empty).
  public func quantile(_ p: Double) -> Double {
    guard count > 0 else { return .nan }
    let rank = max(1, UInt64((p * Double(count)).rounded(.up)))
    var seen: UInt64 = 0
    for (index, n) in counts.enumerated() where n > 0 {
      seen += UInt64(n)
      if seen >= rank {
        if index == 0 { return max(minimum, 0) }
        let (low, high) = Self.bounds(of: index)
        return min(max((low + high) / 2, minimum), maximum)
      }
    }
    return maximum
  }

  /// Share of the values that are ≤ `threshold` (counted by bucket, NaN when empty).
  public func fraction(atMost threshold: Double) -> Double {
    guard count > 0 else { return .nan }
    let last = Self.bucket(of: threshold)
    let below = counts[0...last].reduce(UInt64(0)) { $0 + UInt64($1) }
    return Double(below) / Double(count)
  }
}
