//===----------------------------------------------------------------------===//
// One member of a family: distribution functions, likelihood and its curvature.
//===----------------------------------------------------------------------===//

import SimRandom

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A distribution of one of the four families with its parameters, in SimRandom's order.
///
/// The log-likelihood is computed in closed form (with GSL's ln Γ) rather than as a sum of
/// logs of GSL densities, which underflow to 0 far in the tails; the tests check that the
/// two agree where the densities are representable.
enum ParametricModel: Sendable, Hashable {
  case exponential(mean: Double)
  case gamma(shape: Double, scale: Double)
  case lognormal(mu: Double, sigma: Double)
  case weibull(scale: Double, shape: Double)

  /// The model of `family` with `values` in the order of `family.parameterNames`.
  init(_ family: Family, _ values: [Double]) {
    switch family {
    case .exponential: self = .exponential(mean: values[0])
    case .gamma: self = .gamma(shape: values[0], scale: values[1])
    case .lognormal: self = .lognormal(mu: values[0], sigma: values[1])
    case .weibull: self = .weibull(scale: values[0], shape: values[1])
    }
  }

  var family: Family {
    switch self {
    case .exponential: return .exponential
    case .gamma: return .gamma
    case .lognormal: return .lognormal
    case .weibull: return .weibull
    }
  }

  /// The parameter values, in the order of `family.parameterNames`.
  var values: [Double] {
    switch self {
    case .exponential(let mean): return [mean]
    case .gamma(let shape, let scale): return [shape, scale]
    case .lognormal(let mu, let sigma): return [mu, sigma]
    case .weibull(let scale, let shape): return [scale, shape]
    }
  }

  /// The SimRandom distribution with the same parameters.
  var distribution: Distribution {
    switch self {
    case .exponential(let mean): return .exponential(mean: mean)
    case .gamma(let shape, let scale): return .gamma(shape: shape, scale: scale)
    case .lognormal(let mu, let sigma): return .lognormal(mu: mu, sigma: sigma)
    case .weibull(let scale, let shape): return .weibull(scale: scale, shape: shape)
    }
  }

  /// `true` when every parameter is finite and in range (the scale-type ones positive).
  var isValid: Bool {
    switch self {
    case .exponential(let mean): return mean.isFinite && mean > 0
    case .gamma(let a, let b), .weibull(let a, let b): return a.isFinite && b.isFinite && a > 0 && b > 0
    case .lognormal(let mu, let sigma): return mu.isFinite && sigma.isFinite && sigma > 0
    }
  }

  // MARK: - Distribution functions (GSL)

  /// P(X ≤ x).
  func cdf(_ x: Double) -> Double {
    switch self {
    case .exponential(let mean): return GSLMath.exponentialP(x, mean: mean)
    case .gamma(let shape, let scale): return GSLMath.gammaP(x, shape: shape, scale: scale)
    case .lognormal(let mu, let sigma): return GSLMath.lognormalP(x, mu: mu, sigma: sigma)
    case .weibull(let scale, let shape): return GSLMath.weibullP(x, scale: scale, shape: shape)
    }
  }

  /// P(X > x), computed directly (not as 1 − P, which loses the upper tail).
  func upperTail(_ x: Double) -> Double {
    switch self {
    case .exponential(let mean): return GSLMath.exponentialQ(x, mean: mean)
    case .gamma(let shape, let scale): return GSLMath.gammaQ(x, shape: shape, scale: scale)
    case .lognormal(let mu, let sigma): return GSLMath.lognormalQ(x, mu: mu, sigma: sigma)
    case .weibull(let scale, let shape): return GSLMath.weibullQ(x, scale: scale, shape: shape)
    }
  }

  /// The p-quantile.
  func quantile(_ p: Double) -> Double {
    switch self {
    case .exponential(let mean): return GSLMath.exponentialQuantile(p, mean: mean)
    case .gamma(let shape, let scale): return GSLMath.gammaQuantile(p, shape: shape, scale: scale)
    case .lognormal(let mu, let sigma): return GSLMath.lognormalQuantile(p, mu: mu, sigma: sigma)
    case .weibull(let scale, let shape): return GSLMath.weibullQuantile(p, scale: scale, shape: shape)
    }
  }

  /// The density.
  func density(_ x: Double) -> Double {
    switch self {
    case .exponential(let mean): return GSLMath.exponentialDensity(x, mean: mean)
    case .gamma(let shape, let scale): return GSLMath.gammaDensity(x, shape: shape, scale: scale)
    case .lognormal(let mu, let sigma): return GSLMath.lognormalDensity(x, mu: mu, sigma: sigma)
    case .weibull(let scale, let shape): return GSLMath.weibullDensity(x, scale: scale, shape: shape)
    }
  }

  // MARK: - Likelihood

  /// The log-likelihood Σ ln f(xᵢ) of a sample of positive values.
  func logLikelihood(_ sample: [Double]) -> Double {
    let n = Double(sample.count)
    switch self {
    case .exponential(let mean):
      return -n * log(mean) - sample.reduce(0, +) / mean
    case .gamma(let shape, let scale):
      var sumLog = 0.0
      var sum = 0.0
      for x in sample {
        sumLog += log(x)
        sum += x
      }
      return (shape - 1) * sumLog - sum / scale - n * shape * log(scale) - n * GSLMath.logGamma(shape)
    case .lognormal(let mu, let sigma):
      var sumLog = 0.0
      var squares = 0.0
      for x in sample {
        let y = log(x)
        sumLog += y
        squares += (y - mu) * (y - mu)
      }
      return -sumLog - n * log(sigma) - n * 0.5 * log(2 * Double.pi) - squares / (2 * sigma * sigma)
    case .weibull(let scale, let shape):
      let logScale = log(scale)
      var sumLog = 0.0
      var powers = 0.0
      for x in sample {
        let y = log(x)
        sumLog += y
        powers += exp(shape * (y - logScale))
      }
      return n * log(shape) - n * shape * logScale + (shape - 1) * sumLog - powers
    }
  }

  /// The Hessian of the log-likelihood with respect to the parameters (in the order of
  /// `values`), in closed form: minus the observed Fisher information.
  func hessian(_ sample: [Double]) -> [[Double]] {
    let n = Double(sample.count)
    switch self {
    case .exponential(let m):
      let sum = sample.reduce(0, +)
      return [[n / (m * m) - 2 * sum / (m * m * m)]]
    case .gamma(let k, let theta):
      let sum = sample.reduce(0, +)
      let kk = -n * GSLMath.trigamma(k)
      let kt = -n / theta
      let tt = n * k / (theta * theta) - 2 * sum / (theta * theta * theta)
      return [[kk, kt], [kt, tt]]
    case .lognormal(let mu, let sigma):
      var deviations = 0.0
      var squares = 0.0
      for x in sample {
        let d = log(x) - mu
        deviations += d
        squares += d * d
      }
      let s2 = sigma * sigma
      let mm = -n / s2
      let ms = -2 * deviations / (s2 * sigma)
      let ss = n / s2 - 3 * squares / (s2 * s2)
      return [[mm, ms], [ms, ss]]
    case .weibull(let lambda, let k):
      // With z = x/λ and t = ln z: ∂ℓ/∂λ = (k/λ)(Σ zᵏ − n), ∂ℓ/∂k = n/k + Σ t − Σ zᵏ t.
      let logScale = log(lambda)
      var powers = 0.0
      var powersT = 0.0
      var powersT2 = 0.0
      for x in sample {
        let t = log(x) - logScale
        let w = exp(k * t)
        powers += w
        powersT += w * t
        powersT2 += w * t * t
      }
      let ll = n * k / (lambda * lambda) - k * (k + 1) / (lambda * lambda) * powers
      let lk = -n / lambda + powers / lambda + k / lambda * powersT
      let kk = -n / (k * k) - powersT2
      return [[ll, lk], [lk, kk]]
    }
  }

  // MARK: - Mean

  /// The analytic mean.
  var mean: Double {
    switch self {
    case .exponential(let mean): return mean
    case .gamma(let shape, let scale): return shape * scale
    case .lognormal(let mu, let sigma): return exp(mu + sigma * sigma / 2)
    case .weibull(let scale, let shape): return scale * GSLMath.gamma(1 + 1 / shape)
    }
  }

  /// The gradient of the mean with respect to the parameters (for the delta method).
  var meanGradient: [Double] {
    switch self {
    case .exponential:
      return [1]
    case .gamma(let shape, let scale):
      return [scale, shape]
    case .lognormal(let mu, let sigma):
      let mean = exp(mu + sigma * sigma / 2)
      return [mean, mean * sigma]
    case .weibull(let scale, let shape):
      let g = GSLMath.gamma(1 + 1 / shape)
      return [g, -scale * g * GSLMath.digamma(1 + 1 / shape) / (shape * shape)]
    }
  }
}
