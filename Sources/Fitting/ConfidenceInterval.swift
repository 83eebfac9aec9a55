//===----------------------------------------------------------------------===//
// Normal-theory (Wald) confidence intervals for estimates.
//===----------------------------------------------------------------------===//

/// A symmetric confidence interval estimate ± z·SE, with z the standard normal quantile
/// of (1 + level) / 2 (`gsl_cdf_ugaussian_Pinv`).
public struct ConfidenceInterval: Sendable, Hashable {
  /// The point estimate at the centre.
  public let estimate: Double
  /// z times the standard error.
  public let halfWidth: Double
  /// The confidence level, such as 0.95.
  public let level: Double

  /// The interval around `estimate` with standard error `standardError` at `level`.
  ///
  /// - Precondition: `0 < level < 1`.
  public init(estimate: Double, standardError: Double, level: Double) {
    precondition(level > 0 && level < 1, "confidence level \(level) outside (0, 1)")
    self.estimate = estimate
    self.halfWidth = GSLMath.normalQuantile((1 + level) / 2) * standardError
    self.level = level
  }

  /// The lower end.
  public var lower: Double { estimate - halfWidth }
  /// The upper end.
  public var upper: Double { estimate + halfWidth }

  /// `true` when `value` lies within the interval (ends included); `false` when the
  /// standard error is unknown (NaN).
  public func contains(_ value: Double) -> Bool {
    value >= lower && value <= upper
  }
}
