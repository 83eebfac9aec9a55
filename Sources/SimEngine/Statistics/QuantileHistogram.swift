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
///
/// The counts are a ``UniqueArray`` (so the histogram is noncopyable): recording a value
/// is a bucket computation and an increment, with no check for sharing.
public struct QuantileHistogram: ~Copyable, Sendable {
  // Computed constants, not stored `static let`s: no lazy global's accessor per value.
  @inlinable static var scale: Double { 1024 }
  @inlinable static var linearLimit: UInt64 { 256 }
  @inlinable static var bucketCount: Int { 24 * 128 + 256 }

  @usableFromInline var counts: UniqueArray<UInt32>
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
    counts = UniqueArray(repeating: 0, count: Self.bucketCount)
  }

  /// Forgets every value recorded (keeps the memory).
  public mutating func reset() {
    for i in counts.indices { counts[i] = 0 }
    _count = 0
    _minimum = .infinity
    _maximum = -.infinity
  }

  /// Records `value` (negative values are recorded as zero).
  @inlinable
  public mutating func record(_ value: Double) {
    let index = Self.bucket(of: value)
    counts[index] &+= 1
    _count &+= 1
    if value < _minimum { _minimum = value }
    if value > _maximum { _maximum = value }
  }

  @inlinable @inline(__always)
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
    for index in counts.indices where counts[index] > 0 {
      seen += UInt64(counts[index])
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
    var below: UInt64 = 0
    for index in 0...last { below += UInt64(counts[index]) }
    return Double(below) / Double(count)
  }
}
