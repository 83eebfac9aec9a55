//===----------------------------------------------------------------------===//
// An estimate with its standard error.
//===----------------------------------------------------------------------===//

/// An estimated value and its standard error, with the normal-theory 95% interval.
public struct FittedValue: Sendable, Hashable {
  /// The estimate.
  public var value: Double
  /// Its standard error (NaN when unknown).
  public var standardError: Double

  /// The standard normal 0.975 quantile.
  public static let z95 = 1.959963984540054

  /// `value` with standard error `standardError`.
  public init(_ value: Double, standardError: Double) {
    self.value = value
    self.standardError = standardError
  }

  /// The half-width of the 95% interval.
  public var halfWidth: Double { Self.z95 * standardError }
  /// The 95% interval's ends.
  public var lower: Double { value - halfWidth }
  public var upper: Double { value + halfWidth }

  /// Whether `x` lies in the 95% interval (`false` when the error is unknown).
  public func contains(_ x: Double) -> Bool { x >= lower && x <= upper }

  /// A share of `n` observations, `count` of them, with the binomial standard error
  /// √(p(1 − p)/n).
  static func share(_ p: Double, of n: Int) -> FittedValue {
    FittedValue(p, standardError: n > 0 ? (max(0, p * (1 - p)) / Double(n)).squareRoot() : .nan)
  }
}
