//===----------------------------------------------------------------------===//
// The result of a maximum-likelihood fit: estimates, their errors, information criteria.
//===----------------------------------------------------------------------===//

import SimRandom

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// One estimated parameter with its asymptotic standard error.
public struct FittedParameter: Sendable, Hashable {
  /// The name as SimRandom's `Distribution` spells it (`mean`, `shape`, `scale`, `mu`,
  /// `sigma`).
  public let name: String
  /// The maximum-likelihood estimate.
  public let value: Double
  /// The asymptotic standard error: the square root of the diagonal element of the
  /// inverse observed Fisher information (NaN if the information is not positive
  /// definite).
  public let standardError: Double

  /// The Wald interval value ± z·SE at `level` (0.95 by default).
  public func confidenceInterval(level: Double = 0.95) -> ConfidenceInterval {
    ConfidenceInterval(estimate: value, standardError: standardError, level: level)
  }
}

/// A member of a ``Family`` fitted to a sample by maximum likelihood (``InputModel/fit(_:family:)``).
///
/// Standard errors come from the observed Fisher information, the negative Hessian of the
/// log-likelihood at the estimate, in closed form for each family. The mean's standard
/// error is the delta method on that covariance: Var(mean) ≈ ∇ᵀ Σ ∇, with ∇ the gradient of
/// the family's mean (kθ, e^{μ+σ²/2}, λΓ(1 + 1/k)) in the parameters; its interval is the
/// symmetric Wald interval on the natural scale.
public struct FittedDistribution: Sendable, Hashable {
  /// The fitted member.
  let model: ParametricModel

  /// The family.
  public var family: Family { model.family }
  /// The estimates, in the order of ``Family/parameterNames``.
  public let parameters: [FittedParameter]
  /// The asymptotic covariance of the estimates (inverse observed information), rows and
  /// columns in the order of ``parameters``.
  public let covariance: [[Double]]
  /// The maximised log-likelihood ℓ.
  public let logLikelihood: Double
  /// Akaike's information criterion, 2p − 2ℓ (smaller is better).
  public let aic: Double
  /// The Bayesian (Schwarz) information criterion, p ln n − 2ℓ (smaller is better).
  public let bic: Double
  /// The number of observations n.
  public let sampleSize: Int
  /// The mean of the fitted distribution.
  public let mean: Double
  /// The delta-method standard error of ``mean``.
  public let meanStandardError: Double

  /// The fitted distribution as a SimRandom value, ready for a scenario.
  public var distribution: Distribution { model.distribution }

  /// The standard errors of ``parameters``, in the same order.
  public var standardErrors: [Double] { parameters.map(\.standardError) }

  /// The estimate named `name` (as in ``Family/parameterNames``), if the family has it.
  public func parameter(_ name: String) -> FittedParameter? {
    parameters.first { $0.name == name }
  }

  /// The delta-method Wald interval for the mean at `level` (0.95 by default).
  public func meanConfidenceInterval(level: Double = 0.95) -> ConfidenceInterval {
    ConfidenceInterval(estimate: mean, standardError: meanStandardError, level: level)
  }

  /// Fits `model` (the maximum-likelihood estimate) to `sample`.
  init(_ model: ParametricModel, sample: [Double]) {
    self.model = model
    let n = Double(sample.count)
    let p = Double(model.family.parameterCount)
    sampleSize = sample.count
    logLikelihood = model.logLikelihood(sample)
    aic = 2 * p - 2 * logLikelihood
    bic = p * log(n) - 2 * logLikelihood
    let covariance = Self.inverseOfNegated(model.hessian(sample))
    self.covariance = covariance
    parameters = zip(model.family.parameterNames, model.values).enumerated().map { i, pair in
      let variance = covariance[i][i]
      return FittedParameter(name: pair.0, value: pair.1, standardError: variance >= 0 ? variance.squareRoot() : .nan)
    }
    mean = model.mean
    let gradient = model.meanGradient
    var meanVariance = 0.0
    for i in gradient.indices {
      for j in gradient.indices { meanVariance += gradient[i] * covariance[i][j] * gradient[j] }
    }
    meanStandardError = meanVariance >= 0 ? meanVariance.squareRoot() : .nan
  }

  /// (−H)⁻¹ for a 1×1 or 2×2 Hessian H; NaN entries unless −H is positive definite.
  private static func inverseOfNegated(_ h: [[Double]]) -> [[Double]] {
    if h.count == 1 {
      let information = -h[0][0]
      return [[information > 0 ? 1 / information : .nan]]
    }
    let (a, b, d) = (-h[0][0], -h[0][1], -h[1][1])
    let determinant = a * d - b * b
    guard a > 0, determinant > 0, determinant.isFinite else { return [[.nan, .nan], [.nan, .nan]] }
    return [[d / determinant, -b / determinant], [-b / determinant, a / determinant]]
  }

  // MARK: - Distribution functions

  /// P(X ≤ x) under the fitted distribution (`gsl_cdf_*_P`).
  public func cumulativeProbability(_ x: Double) -> Double { model.cdf(x) }

  /// The p-quantile of the fitted distribution, for 0 < p < 1 (`gsl_cdf_*_Pinv`).
  public func quantile(_ p: Double) -> Double { model.quantile(p) }

  /// The fitted density at x (`gsl_ran_*_pdf`).
  public func density(_ x: Double) -> Double { model.density(x) }

  /// The log-likelihood of another sample of positive values under the fitted
  /// distribution (a hold-out check).
  public func logLikelihood(of sample: [Double]) -> Double { model.logLikelihood(sample) }
}
