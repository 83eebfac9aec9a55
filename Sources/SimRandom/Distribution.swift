//===----------------------------------------------------------------------===//
// Probability distributions as values: parameters, validation, analytic moments.
//===----------------------------------------------------------------------===//

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A probability distribution of a non-negative or real quantity, described by value.
///
/// A `Distribution` is a specification: it validates its parameters, knows its analytic
/// mean and variance, and is compiled into a ``Sampler`` to draw from a ``RandomStream``.
/// Durations in onestop are in minutes. Each case documents the GSL sampler behind it
/// and that sampler's parameterisation.
public enum Distribution: Sendable, Hashable {
  /// Always `value`.
  case deterministic(Double)
  /// Exponential with the given mean (`gsl_ran_exponential(r, mean)`).
  case exponential(mean: Double)
  /// Gamma with shape k and scale θ (`gsl_ran_gamma(r, k, θ)`): mean kθ, variance kθ².
  case gamma(shape: Double, scale: Double)
  /// Lognormal: ln X ~ Normal(mu, sigma²) (`gsl_ran_lognormal(r, mu, sigma)`).
  case lognormal(mu: Double, sigma: Double)
  /// Weibull with scale λ and shape k (`gsl_ran_weibull(r, λ, k)`).
  case weibull(scale: Double, shape: Double)
  /// Normal(mean, sd²) conditioned on being ≥ 0 (`gsl_ran_gaussian_tail`).
  case truncatedNormal(mean: Double, sd: Double)
  /// Uniform on [min, max) (`gsl_ran_flat`).
  case uniform(min: Double, max: Double)
  /// Triangular on [min, max] with the given mode (inverse CDF of `gsl_rng_uniform`).
  case triangular(min: Double, mode: Double, max: Double)
  /// One of `values`, with probability proportional to `weights` (`gsl_ran_discrete`).
  case discrete(values: [Double], weights: [Double])
  /// Piecewise-uniform density: bin i is [breaks[i], breaks[i+1]) with probability
  /// proportional to `weights[i]` (`gsl_histogram_pdf_sample`).
  case piecewise(breaks: [Double], weights: [Double])

  // MARK: - Other parameterisations

  /// Erlang-k with the given mean: a gamma with integer shape k and scale mean / k.
  public static func erlang(k: Int, mean: Double) -> Distribution {
    .gamma(shape: Double(k), scale: mean / Double(k))
  }

  /// Lognormal with the given mean and standard deviation of X itself (not of ln X).
  ///
  /// σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
  public static func lognormal(mean: Double, sd: Double) -> Distribution {
    let sigma2 = log(1 + (sd * sd) / (mean * mean))
    return .lognormal(mu: log(mean) - sigma2 / 2, sigma: sigma2.squareRoot())
  }

  /// Lognormal with the given mean and coefficient of variation (sd / mean).
  public static func lognormal(mean: Double, cv: Double) -> Distribution {
    lognormal(mean: mean, sd: cv * mean)
  }

  /// Gamma with the given mean and standard deviation: shape (mean/sd)², scale sd²/mean.
  public static func gamma(mean: Double, sd: Double) -> Distribution {
    .gamma(shape: (mean * mean) / (sd * sd), scale: (sd * sd) / mean)
  }
}

// MARK: - Validation

/// A parameter of a ``Distribution`` that is out of range.
public struct DistributionProblem: Sendable, Hashable {
  /// The parameter's name as written in a scenario file (`mean`, `weights`, ...).
  public var parameter: String
  /// What a valid value looks like ("a positive number").
  public var expected: String
  /// The value found, rendered for a message.
  public var found: String

  /// A problem with `parameter`: `expected` was wanted, `found` was given.
  public init(parameter: String, expected: String, found: String) {
    self.parameter = parameter
    self.expected = expected
    self.found = found
  }
}

extension Distribution {
  /// The out-of-range parameters; empty when the distribution is valid.
  public var problems: [DistributionProblem] {
    var found: [DistributionProblem] = []
    func require(_ ok: Bool, _ parameter: String, _ expected: String, _ value: Double) {
      if !ok { found.append(.init(parameter: parameter, expected: expected, found: render(value))) }
    }
    func positive(_ value: Double, _ parameter: String) {
      require(value.isFinite && value > 0, parameter, "a positive number", value)
    }
    func finite(_ value: Double, _ parameter: String) {
      require(value.isFinite, parameter, "a finite number", value)
    }
    switch self {
    case .deterministic(let value):
      finite(value, "value")
    case .exponential(let mean):
      positive(mean, "mean")
    case .gamma(let shape, let scale):
      positive(shape, "shape")
      positive(scale, "scale")
    case .lognormal(let mu, let sigma):
      finite(mu, "mu")
      positive(sigma, "sigma")
    case .weibull(let scale, let shape):
      positive(scale, "scale")
      positive(shape, "shape")
    case .truncatedNormal(let mean, let sd):
      finite(mean, "mean")
      positive(sd, "sd")
      if mean.isFinite && sd.isFinite && sd > 0 {
        require(mean > -5 * sd, "mean", "a mean above −5 sd (almost all mass below zero)", mean)
      }
    case .uniform(let low, let high):
      finite(low, "min")
      finite(high, "max")
      require(!(low.isFinite && high.isFinite) || high > low, "max", "a number above min (\(render(low)))", high)
    case .triangular(let low, let mode, let high):
      finite(low, "min")
      finite(mode, "mode")
      finite(high, "max")
      require(high > low || !high.isFinite || !low.isFinite, "max", "a number above min (\(render(low)))", high)
      require((mode >= low && mode <= high) || !mode.isFinite, "mode", "a number between min and max", mode)
    case .discrete(let values, let weights):
      if values.isEmpty {
        found.append(.init(parameter: "values", expected: "at least one value", found: "an empty list"))
      }
      if values.count != weights.count {
        found.append(.init(parameter: "weights", expected: "\(values.count) weights, one per value",
                           found: "\(weights.count)"))
      }
      for value in values { finite(value, "values") }
      checkWeights(weights, into: &found)
    case .piecewise(let breaks, let weights):
      if breaks.count < 2 {
        found.append(.init(parameter: "breaks", expected: "at least two breaks", found: "\(breaks.count)"))
      }
      if breaks.count >= 2 && weights.count != breaks.count - 1 {
        found.append(.init(parameter: "weights", expected: "\(breaks.count - 1) weights, one per bin",
                           found: "\(weights.count)"))
      }
      for (a, b) in zip(breaks, breaks.dropFirst()) where !(b > a) {
        found.append(.init(parameter: "breaks", expected: "strictly increasing breaks",
                           found: "\(render(a)) then \(render(b))"))
      }
      checkWeights(weights, into: &found)
    }
    return found
  }

  private func checkWeights(_ weights: [Double], into found: inout [DistributionProblem]) {
    for weight in weights where !(weight.isFinite && weight >= 0) {
      found.append(.init(parameter: "weights", expected: "non-negative weights", found: render(weight)))
    }
    if !weights.isEmpty && !(weights.reduce(0, +) > 0) {
      found.append(.init(parameter: "weights", expected: "weights with a positive sum", found: "a sum of 0"))
    }
  }

  /// The smallest value a draw can take (−∞ when unbounded below).
  public var lowerBound: Double {
    switch self {
    case .deterministic(let value): return value
    case .exponential, .gamma, .lognormal, .weibull, .truncatedNormal: return 0
    case .uniform(let low, _), .triangular(let low, _, _): return low
    case .discrete(let values, _): return values.min() ?? 0
    case .piecewise(let breaks, _): return breaks.first ?? 0
    }
  }
}

/// Renders a number for a message: integers without a fraction, others in full.
func render(_ value: Double) -> String {
  if value.isFinite && value == value.rounded() && abs(value) < 1e15 {
    return String(Int64(value))
  }
  return "\(value)"
}

extension Distribution {
  /// The distribution of `factor` × X (every duration `factor` times as long); `factor`
  /// must be positive. Each family stays itself: a lognormal's μ shifts by ln `factor`, a
  /// gamma's or Weibull's scale and every location and bound scale by `factor`.
  public func scaled(by factor: Double) -> Distribution {
    precondition(factor > 0 && factor.isFinite, "a scale factor must be positive and finite, not \(factor)")
    switch self {
    case .deterministic(let value): return .deterministic(value * factor)
    case .exponential(let mean): return .exponential(mean: mean * factor)
    case .gamma(let shape, let scale): return .gamma(shape: shape, scale: scale * factor)
    case .lognormal(let mu, let sigma): return .lognormal(mu: mu + log(factor), sigma: sigma)
    case .weibull(let scale, let shape): return .weibull(scale: scale * factor, shape: shape)
    case .truncatedNormal(let mean, let sd): return .truncatedNormal(mean: mean * factor, sd: sd * factor)
    case .uniform(let low, let high): return .uniform(min: low * factor, max: high * factor)
    case .triangular(let low, let mode, let high): return .triangular(min: low * factor, mode: mode * factor, max: high * factor)
    case .discrete(let values, let weights): return .discrete(values: values.map { $0 * factor }, weights: weights)
    case .piecewise(let breaks, let weights): return .piecewise(breaks: breaks.map { $0 * factor }, weights: weights)
    }
  }
}
