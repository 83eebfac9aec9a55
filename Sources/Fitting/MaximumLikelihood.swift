//===----------------------------------------------------------------------===//
// Maximum-likelihood estimates of each family's parameters.
//===----------------------------------------------------------------------===//

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The maximum-likelihood estimators, for samples already checked by
/// ``SampleCheck/requireFittable(_:)``.
enum MaximumLikelihood {
  /// The maximum-likelihood member of `family` for `sample`.
  static func estimate(_ sample: [Double], _ family: Family) throws(FitError) -> ParametricModel {
    let model: ParametricModel?
    switch family {
    case .exponential: model = exponential(sample)
    case .gamma: model = gamma(sample)
    case .lognormal: model = lognormal(sample)
    case .weibull: model = weibull(sample)
    }
    guard let model, model.isValid else { throw .didNotConverge(family: family) }
    return model
  }

  /// Closed form: the mean is the sample mean.
  static func exponential(_ sample: [Double]) -> ParametricModel {
    .exponential(mean: sample.reduce(0, +) / Double(sample.count))
  }

  /// Closed form: μ and σ are the mean and the standard deviation (divisor n) of ln x.
  static func lognormal(_ sample: [Double]) -> ParametricModel {
    let logs = sample.map { log($0) }
    let mu = logs.reduce(0, +) / Double(logs.count)
    let squares = logs.reduce(0) { $0 + ($1 - mu) * ($1 - mu) }
    return .lognormal(mu: mu, sigma: (squares / Double(logs.count)).squareRoot())
  }

  /// The shape k solves ln k − ψ(k) = ln x̄ − mean(ln x) (= s > 0), by safeguarded Newton
  /// from Minka's (2002) approximation k₀ = (3 − s + √((s − 3)² + 24s)) / (12s); then the
  /// scale is x̄ / k.
  static func gamma(_ sample: [Double]) -> ParametricModel? {
    let n = Double(sample.count)
    let mean = sample.reduce(0, +) / n
    let meanLog = sample.reduce(0) { $0 + log($1) } / n
    let s = log(mean) - meanLog
    guard s > 0, s.isFinite else { return nil }
    let start = (3 - s + ((s - 3) * (s - 3) + 24 * s).squareRoot()) / (12 * s)
    // ψ(k) − ln k + s increases from −∞ to s.
    let shape = MonotoneRoot.solve(from: start) { k in
      (GSLMath.digamma(k) - log(k) + s, GSLMath.trigamma(k) - 1 / k)
    }
    guard let shape else { return nil }
    return .gamma(shape: shape, scale: mean / shape)
  }

  /// The shape k solves Σ xᵏ ln x / Σ xᵏ − 1/k = mean(ln x), by safeguarded Newton from
  /// k₀ = π / (√6 · sd(ln x)) (the shape whose ln X has that standard deviation); then the
  /// scale is (mean(xᵏ))^(1/k). Powers are taken relative to the largest value, so they
  /// neither overflow nor underflow for any shape.
  static func weibull(_ sample: [Double]) -> ParametricModel? {
    let n = Double(sample.count)
    let logs = sample.map { log($0) }
    let top = logs.max() ?? 0
    let relative = logs.map { $0 - top }  // ≤ 0
    let meanRelative = relative.reduce(0, +) / n  // < 0 unless all equal
    let spread = (relative.reduce(0) { $0 + ($1 - meanRelative) * ($1 - meanRelative) } / n).squareRoot()
    guard meanRelative < 0, spread > 0 else { return nil }
    // The weighted mean of t = ln x − top with weights e^{kt}, and its weighted variance.
    func weighted(_ k: Double) -> (sumWeights: Double, mean: Double, variance: Double) {
      var sum = 0.0
      var sumT = 0.0
      var sumT2 = 0.0
      for t in relative {
        let w = exp(k * t)
        sum += w
        sumT += w * t
        sumT2 += w * t * t
      }
      let mean = sumT / sum
      return (sum, mean, max(0, sumT2 / sum - mean * mean))
    }
    let start = Double.pi / (6.0.squareRoot() * spread)
    let shape = MonotoneRoot.solve(from: start) { k in
      let w = weighted(k)
      return (w.mean - 1 / k - meanRelative, w.variance + 1 / (k * k))
    }
    guard let shape else { return nil }
    let scale = exp(top + log(weighted(shape).sumWeights / n) / shape)
    return .weibull(scale: scale, shape: shape)
  }
}
