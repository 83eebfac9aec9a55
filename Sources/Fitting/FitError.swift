//===----------------------------------------------------------------------===//
// Why a sample cannot be fitted, and the checks that find out.
//===----------------------------------------------------------------------===//

/// One observation of a sample, for error messages: its position and its value.
public struct SampleValue: Sendable, Hashable {
  /// The position in the sample, counting from 0.
  public var index: Int
  /// The value found there.
  public var value: Double

  /// The value `value` at position `index` (from 0).
  public init(index: Int, value: Double) {
    self.index = index
    self.value = value
  }
}

/// A sample that cannot be fitted, or a fit that failed.
public enum FitError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The sample has no values.
  case emptySample
  /// `count` values are NaN or infinite; `first` lists up to five of them.
  case nonFiniteValues(count: Int, sampleSize: Int, first: [SampleValue])
  /// `count` values are zero or negative, which the positive families cannot fit; `first`
  /// lists up to five of them.
  case nonPositiveValues(count: Int, sampleSize: Int, first: [SampleValue])
  /// Fewer than `minimum` values (maximum likelihood needs at least two).
  case sampleTooSmall(count: Int, minimum: Int)
  /// Every value equals `value`: no spread to estimate.
  case degenerateSample(value: Double, count: Int)
  /// The likelihood equation of `family` could not be solved to full precision.
  case didNotConverge(family: Family)

  /// How many examples of bad values an error lists.
  static let exampleCount = 5

  /// A plain-English message naming the problem and the values at fault.
  public var description: String {
    switch self {
    case .emptySample:
      return "the sample is empty: there is nothing to fit"
    case .nonFiniteValues(let count, let size, let first):
      return "\(count) of \(size) values \(count == 1 ? "is" : "are") not a finite number "
        + "(\(Self.list(first, of: count)))"
    case .nonPositiveValues(let count, let size, let first):
      return "\(count) of \(size) values \(count == 1 ? "is" : "are") zero or negative, and the "
        + "exponential, gamma, lognormal and Weibull families need every value above 0 "
        + "(\(Self.list(first, of: count))); remove or correct them, or use the empirical distribution"
    case .sampleTooSmall(let count, let minimum):
      return "the sample has \(count) value\(count == 1 ? "" : "s"); a fit needs at least \(minimum)"
    case .degenerateSample(let value, let count):
      return "all \(count) values equal \(describe(value)): a sample with no spread cannot be fitted "
        + "(use a deterministic distribution)"
    case .didNotConverge(let family):
      return "the \(family.displayName) likelihood equation did not converge for this sample"
    }
  }

  /// "−1 at position 4, 0 at position 9, and 3 more" (positions counted from 1).
  private static func list(_ values: [SampleValue], of count: Int) -> String {
    let shown = values.map { "\(describe($0.value)) at position \($0.index + 1)" }.joined(separator: ", ")
    return count > values.count ? "\(shown), and \(count - values.count) more" : shown
  }
}

/// Renders a number for a message: integers without a fraction, others in full.
func describe(_ value: Double) -> String {
  if value.isFinite && value == value.rounded() && abs(value) < 1e15 {
    return String(Int64(value))
  }
  return "\(value)"
}

/// Checks of a sample before fitting.
enum SampleCheck {
  /// Throws unless `sample` is non-empty and every value is finite.
  static func requireFinite(_ sample: [Double]) throws(FitError) {
    if sample.isEmpty { throw .emptySample }
    let bad = offenders(sample) { !$0.isFinite }
    if bad.count > 0 { throw .nonFiniteValues(count: bad.count, sampleSize: sample.count, first: bad.first) }
  }

  /// Throws unless `sample` can be fitted by a positive family: non-empty, finite, every
  /// value above 0, at least two values, and not all equal.
  static func requireFittable(_ sample: [Double]) throws(FitError) {
    try requireFinite(sample)
    let bad = offenders(sample) { !($0 > 0) }
    if bad.count > 0 { throw .nonPositiveValues(count: bad.count, sampleSize: sample.count, first: bad.first) }
    if sample.count < 2 { throw .sampleTooSmall(count: sample.count, minimum: 2) }
    let first = sample[0]
    if sample.allSatisfy({ $0 == first }) { throw .degenerateSample(value: first, count: sample.count) }
  }

  /// How many values fail, and the first few of them.
  private static func offenders(_ sample: [Double], where isBad: (Double) -> Bool)
    -> (count: Int, first: [SampleValue])
  {
    var count = 0
    var first: [SampleValue] = []
    for (index, value) in sample.enumerated() where isBad(value) {
      count += 1
      if first.count < FitError.exampleCount { first.append(SampleValue(index: index, value: value)) }
    }
    return (count, first)
  }
}
