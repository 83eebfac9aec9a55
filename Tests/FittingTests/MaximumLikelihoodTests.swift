import Fitting
import SimRandom
import Testing

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Maximum-likelihood estimates, their standard errors and the AIC ranking.
@Suite struct MaximumLikelihoodTests {
  /// n = 2000 from known parameters: each parameter and the mean lie within their 99%
  /// asymptotic intervals (± 2.58 SE).
  @Test(arguments: Family.allCases)
  func recoversKnownParameters(family: Family) throws {
    let truth = TestSamples.truth(family)
    let sample = TestSamples.draw(truth, count: 2000, seed: 41)
    let fitted = try InputModel.fit(sample, family: family)
    #expect(fitted.family == family)
    #expect(fitted.sampleSize == 2000)
    #expect(fitted.parameters.map(\.name) == family.parameterNames)
    for (parameter, value) in zip(fitted.parameters, TestSamples.trueParameters(family)) {
      let interval = parameter.confidenceInterval(level: 0.99)
      #expect(parameter.standardError > 0)
      #expect(interval.contains(value), "\(family) \(parameter.name): \(parameter.value) ± \(interval.halfWidth) vs \(value)")
    }
    let meanInterval = fitted.meanConfidenceInterval(level: 0.99)
    #expect(meanInterval.contains(truth.mean), "\(family) mean: \(fitted.mean) ± \(meanInterval.halfWidth) vs \(truth.mean)")
    #expect(abs(fitted.distribution.mean - fitted.mean) <= 1e-12 * fitted.mean)
  }

  /// AIC puts the true family first at n = 2000, for each of the four.
  ///
  /// The exponential is nested in the gamma and the Weibull (shape 1), which beat it on
  /// AIC whenever twice their log-likelihood gain exceeds 2: probability about 0.16 each
  /// for a random sample. The seed is fixed, so the check is deterministic; BIC, whose
  /// penalty is ln 2000 ≈ 7.6, must also put it first.
  @Test(arguments: Family.allCases)
  func aicRanksTrueFamilyFirst(family: Family) {
    let sample = TestSamples.draw(TestSamples.truth(family), count: 2000, seed: 41)
    let ranked = InputModel.rank(sample)
    #expect(ranked.map(\.family).first == family, "\(ranked.map { "\($0.family) \($0.aic)" })")
    #expect(ranked.count == 4)
    #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.aic <= $1.aic })
    #expect(ranked.min { $0.bic < $1.bic }?.family == family)
  }

  /// Estimates on a tiny sample equal the roots of the same likelihood equations solved
  /// with SciPy (`scipy.optimize.brentq` on `scipy.special.digamma`, xtol 1e-15; the
  /// lognormal in closed form with NumPy). Tolerance 1e-12 relative: both sides solve to
  /// about 1e-15, and the Weibull equation's condition number here is below 100.
  @Test func estimatesMatchScipyOnTinySample() throws {
    let x = TestSamples.tiny
    let expected: [(Family, [Double])] = [
      (.exponential, [1.37125]),
      (.gamma, [1.3768850819859935, 0.9959073694241313]),
      (.lognormal, [-0.0894546571561934, 0.9572429731448046]),
      (.weibull, [1.4592313590535388, 1.1905581920524635]),
    ]
    for (family, values) in expected {
      let fitted = try InputModel.fit(x, family: family)
      for (parameter, value) in zip(fitted.parameters, values) {
        #expect(abs(parameter.value - value) <= 1e-12 * abs(value), "\(family) \(parameter.name) \(parameter.value) vs \(value)")
      }
    }
    // scipy.stats.gamma.logpdf(x, k, scale=θ).sum() and weibull_min likewise.
    #expect(abs(try InputModel.fit(x, family: .gamma).logLikelihood - -10.296276234199476) < 1e-12)
    #expect(abs(try InputModel.fit(x, family: .weibull).logLikelihood - -10.340381571381192) < 1e-12)
  }

  /// The log-likelihood equals the sum of the logs of GSL's densities, and AIC and BIC
  /// follow from it.
  @Test(arguments: Family.allCases)
  func logLikelihoodIsSumOfLogDensities(family: Family) throws {
    let sample = TestSamples.draw(TestSamples.truth(family), count: 300, seed: 7)
    let fitted = try InputModel.fit(sample, family: family)
    let direct = sample.reduce(0) { $0 + log(fitted.density($1)) }
    #expect(abs(fitted.logLikelihood - direct) <= 1e-10 * abs(direct))
    let p = Double(family.parameterCount)
    #expect(fitted.aic == 2 * p - 2 * fitted.logLikelihood)
    #expect(abs(fitted.bic - (p * log(300) - 2 * fitted.logLikelihood)) <= 1e-12 * abs(fitted.bic))
  }

  /// The maximum is a maximum: moving any parameter by 0.1% lowers the log-likelihood,
  /// and the standard errors equal those of a numerical Hessian (central differences on
  /// a log-likelihood written out here independently). Tolerance 1e-5 relative: the
  /// difference quotient's truncation error is about (step)² = 1e-8 and its rounding
  /// error about 1e-16 · |ℓ| / step² relative to the curvature.
  @Test(arguments: Family.allCases)
  func standardErrorsMatchNumericalHessian(family: Family) throws {
    let sample = TestSamples.draw(TestSamples.truth(family), count: 500, seed: 11)
    let fitted = try InputModel.fit(sample, family: family)
    let theta = fitted.parameters.map(\.value)
    let ell = { (values: [Double]) in Self.logLikelihood(family, values, sample) }
    #expect(abs(ell(theta) - fitted.logLikelihood) <= 1e-10 * abs(fitted.logLikelihood))
    let k = theta.count
    var information = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    for i in 0..<k {
      for j in 0..<k {
        let hi = 1e-4 * abs(theta[i])
        let hj = 1e-4 * abs(theta[j])
        func at(_ di: Double, _ dj: Double) -> Double {
          var v = theta
          v[i] += di
          v[j] += dj
          return ell(v)
        }
        information[i][j] = -(at(hi, hj) - at(hi, -hj) - at(-hi, hj) + at(-hi, -hj)) / (4 * hi * hj)
      }
      var up = theta
      up[i] *= 1.001
      var down = theta
      down[i] *= 0.999
      #expect(ell(up) < fitted.logLikelihood && ell(down) < fitted.logLikelihood)
    }
    let variances: [Double]
    if k == 1 {
      variances = [1 / information[0][0]]
    } else {
      let det = information[0][0] * information[1][1] - information[0][1] * information[1][0]
      variances = [information[1][1] / det, information[0][0] / det]
    }
    for (parameter, variance) in zip(fitted.parameters, variances) {
      let numerical = variance.squareRoot()
      #expect(abs(parameter.standardError - numerical) <= 1e-5 * numerical,
              "\(family) \(parameter.name): \(parameter.standardError) vs \(numerical)")
    }
  }

  /// ln L written from the densities, for the numerical Hessian.
  static func logLikelihood(_ family: Family, _ v: [Double], _ xs: [Double]) -> Double {
    xs.reduce(0) { total, x in
      switch family {
      case .exponential:
        return total - log(v[0]) - x / v[0]
      case .gamma:
        let (k, theta) = (v[0], v[1])
        return total + (k - 1) * log(x) - x / theta - k * log(theta) - lgamma(k)
      case .lognormal:
        let (mu, sigma) = (v[0], v[1])
        let z = (log(x) - mu) / sigma
        return total - log(x * sigma * (2 * Double.pi).squareRoot()) - z * z / 2
      case .weibull:
        let (lambda, k) = (v[0], v[1])
        return total + log(k / lambda) + (k - 1) * log(x / lambda) - pow(x / lambda, k)
      }
    }
  }

  /// Same sample, same fit, bit for bit.
  @Test func fitsAreReproducible() throws {
    let sample = TestSamples.draw(.weibull(scale: 3, shape: 1.4), count: 400, seed: 3)
    for family in Family.allCases {
      let a = try InputModel.fit(sample, family: family)
      let b = try InputModel.fit(sample, family: family)
      #expect(a == b)
      #expect(a.parameters.map(\.value.bitPattern) == b.parameters.map(\.value.bitPattern))
    }
  }

  /// Extreme but valid samples still converge: a huge gamma shape (values nearly equal),
  /// a tiny Weibull shape, and values near the limits of Double.
  @Test func extremeSamplesConverge() throws {
    let nearlyEqual = TestSamples.draw(.gamma(shape: 40_000, scale: 0.001), count: 200, seed: 5)
    let gamma = try InputModel.fit(nearlyEqual, family: .gamma)
    #expect(try #require(gamma.parameter("shape")).confidenceInterval(level: 0.99).contains(40_000))
    let spread = TestSamples.draw(.weibull(scale: 1, shape: 0.15), count: 500, seed: 5)
    let weibull = try InputModel.fit(spread, family: .weibull)
    #expect(try #require(weibull.parameter("shape")).confidenceInterval(level: 0.99).contains(0.15))
    let scaled = TestSamples.tiny.map { $0 * 1e200 }
    let big = try InputModel.fit(scaled, family: .weibull)
    #expect(abs(try #require(big.parameter("shape")).value - 1.1905581920524635) < 1e-10)
    for family in Family.allCases {
      _ = try InputModel.fit(TestSamples.tiny.map { $0 * 1e-200 }, family: family)
    }
  }
}
