//===----------------------------------------------------------------------===//
// Points of a quantile–quantile plot of a sample against a fitted distribution.
//===----------------------------------------------------------------------===//

extension InputModel {
  /// The points of a Q–Q plot of `sample` against `fitted`: for the i-th smallest value
  /// (i from 1), the fitted quantile at the plotting position (i − 0.5)/n
  /// (`gsl_cdf_*_Pinv`) and the value itself. Points near the line y = x mean a good fit.
  ///
  /// - Precondition: the values are finite (as ``validate(_:)`` checks).
  public static func qqPoints(sample: [Double], fitted: FittedDistribution) -> [(theoretical: Double, observed: Double)] {
    precondition(sample.allSatisfy(\.isFinite), "the sample has values that are not finite")
    let n = Double(sample.count)
    return sample.sorted().enumerated().map { i, x in
      (theoretical: fitted.quantile((Double(i) + 0.5) / n), observed: x)
    }
  }
}
