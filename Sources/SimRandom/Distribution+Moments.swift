//===----------------------------------------------------------------------===//
// Analytic moments, for checking simulations against theory.
//===----------------------------------------------------------------------===//

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

extension Distribution {
  /// The analytic mean (for a valid distribution).
  public var mean: Double {
    switch self {
    case .deterministic(let value):
      return value
    case .exponential(let mean):
      return mean
    case .gamma(let shape, let scale):
      return shape * scale
    case .lognormal(let mu, let sigma):
      return exp(mu + sigma * sigma / 2)
    case .weibull(let scale, let shape):
      return scale * SpecialFunctions.gamma(1 + 1 / shape)
    case .truncatedNormal(let mean, let sd):
      return mean + sd * Self.inverseMillsRatio(-mean / sd)
    case .uniform(let low, let high):
      return (low + high) / 2
    case .triangular(let low, let mode, let high):
      return (low + mode + high) / 3
    case .discrete(let values, let weights):
      let total = weights.reduce(0, +)
      return zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
    case .piecewise(let breaks, let weights):
      let total = weights.reduce(0, +)
      return zip(zip(breaks, breaks.dropFirst()), weights)
        .reduce(0) { $0 + ($1.0.0 + $1.0.1) / 2 * $1.1 } / total
    }
  }

  /// The analytic variance (for a valid distribution).
  public var variance: Double {
    switch self {
    case .deterministic:
      return 0
    case .exponential(let mean):
      return mean * mean
    case .gamma(let shape, let scale):
      return shape * scale * scale
    case .lognormal(let mu, let sigma):
      let s2 = sigma * sigma
      return (exp(s2) - 1) * exp(2 * mu + s2)
    case .weibull(let scale, let shape):
      let g1 = SpecialFunctions.gamma(1 + 1 / shape)
      let g2 = SpecialFunctions.gamma(1 + 2 / shape)
      return scale * scale * (g2 - g1 * g1)
    case .truncatedNormal(let mean, let sd):
      let alpha = -mean / sd
      let lambda = Self.inverseMillsRatio(alpha)
      return sd * sd * (1 + alpha * lambda - lambda * lambda)
    case .uniform(let low, let high):
      return (high - low) * (high - low) / 12
    case .triangular(let a, let c, let b):
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
    case .discrete(let values, let weights):
      let total = weights.reduce(0, +)
      let m = mean
      return zip(values, weights).reduce(0) { $0 + ($1.0 - m) * ($1.0 - m) * $1.1 } / total
    case .piecewise(let breaks, let weights):
      let total = weights.reduce(0, +)
      let secondMoment = zip(zip(breaks, breaks.dropFirst()), weights).reduce(0) {
        let (a, b) = $1.0
        return $0 + (a * a + a * b + b * b) / 3 * $1.1
      } / total
      let m = mean
      return secondMoment - m * m
    }
  }

  /// The squared coefficient of variation, variance / mean².
  public var squaredCoefficientOfVariation: Double {
    variance / (mean * mean)
  }

  /// E[X²] = variance + mean², as the Pollaczek–Khinchine formula needs.
  public var secondMoment: Double {
    variance + mean * mean
  }

  /// φ(α) / (1 − Φ(α)), the inverse Mills ratio of the standard normal.
  private static func inverseMillsRatio(_ alpha: Double) -> Double {
    SpecialFunctions.normalDensity(alpha) / SpecialFunctions.normalUpperTail(alpha)
  }
}
