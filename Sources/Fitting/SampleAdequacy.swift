//===----------------------------------------------------------------------===//
// When a sample is too small to fit a family, or to choose between families.
//===----------------------------------------------------------------------===//

/// Whether a sample is large enough to fit a distribution, and to choose its family.
///
/// The rule (a rule of thumb, not a theorem): with fewer than 10 observations no fit is
/// trustworthy, so use the empirical distribution or collect more; with 10 to 29 a family
/// chosen in advance can be fitted, but AIC differences between the four families are
/// mostly noise at that size, so do not let the ranking choose; from 30 on the ranking
/// is informative (and goodness-of-fit tests begin to have power).
public struct SampleAdequacy: Sendable, Hashable {
  /// What a sample of this size supports.
  public enum Verdict: String, Sendable, Hashable {
    /// Fewer than ``SampleAdequacy/minimumToFit`` observations.
    case tooSmallToFit
    /// Enough to fit a family chosen in advance, not to choose one.
    case enoughToFit
    /// Enough to fit and to rank the families.
    case enoughToRank
  }

  /// The fewest observations for any parametric fit: 10.
  public static let minimumToFit = 10
  /// The fewest observations for ranking families by AIC: 30.
  public static let minimumToRank = 30

  /// The number of observations judged.
  public let sampleSize: Int
  /// The verdict for that size.
  public let verdict: Verdict

  /// Judges a sample of `sampleSize` observations.
  public init(sampleSize: Int) {
    self.sampleSize = sampleSize
    if sampleSize < Self.minimumToFit {
      verdict = .tooSmallToFit
    } else if sampleSize < Self.minimumToRank {
      verdict = .enoughToFit
    } else {
      verdict = .enoughToRank
    }
  }

  /// `true` when a parametric fit is worth making.
  public var canFit: Bool { verdict != .tooSmallToFit }
  /// `true` when ranking the families by AIC is worth doing.
  public var canRank: Bool { verdict == .enoughToRank }

  /// The verdict in plain English, naming the size and the rule.
  public var reason: String {
    let observations = "\(sampleSize) observation\(sampleSize == 1 ? "" : "s")"
    switch verdict {
    case .tooSmallToFit:
      return "\(observations) are too few to fit any distribution reliably (at least "
        + "\(Self.minimumToFit) are needed); use the empirical distribution or collect more data"
    case .enoughToFit:
      return "\(observations) are enough to fit a family chosen in advance, but too few to "
        + "choose between families (at least \(Self.minimumToRank) are needed): at this size the "
        + "differences in AIC between them are mostly noise"
    case .enoughToRank:
      return "\(observations) are enough to fit the families and rank them by AIC"
    }
  }
}

extension InputModel {
  /// Whether `sample` is large enough to fit a family, and to rank the families
  /// (``SampleAdequacy``).
  public static func adequacy(of sample: [Double]) -> SampleAdequacy {
    SampleAdequacy(sampleSize: sample.count)
  }
}
