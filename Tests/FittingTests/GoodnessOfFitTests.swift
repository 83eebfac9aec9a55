import Foundation
import Fitting
import SimRandom
import Testing

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Kolmogorov–Smirnov and Anderson–Darling statistics and their bootstrap p-values.
@Suite struct GoodnessOfFitTests {
  /// D and A² on the tiny fixed sample against each family's MLE equal SciPy's:
  /// D from `scipy.stats.kstest(x, dist, args)`, A² from the formula
  /// −n − Σ (2i − 1)/n · (logcdf(x₍ᵢ₎) + logsf(x₍ₙ₊₁₋ᵢ₎)) with `scipy.stats` logcdf/logsf
  /// (for the exponential, also `scipy.stats.anderson(x, "expon").statistic`), at the
  /// parameters of `MaximumLikelihoodTests.estimatesMatchScipyOnTinySample`. Tolerance
  /// 1e-10: the statistics move with the parameters, which agree to about 1e-13.
  @Test func statisticsMatchScipyOnTinySample() throws {
    let expected: [(Family, ks: Double, ad: Double)] = [
      (.exponential, 0.1388268144612696, 0.21284392390012385),
      (.gamma, 0.15286304341195256, 0.219208327091593),
      (.lognormal, 0.13944395007922794, 0.17023958420990049),
      (.weibull, 0.15091769803382382, 0.2249128812469987),
    ]
    for (family, ks, ad) in expected {
      let fitted = try InputModel.fit(TestSamples.tiny, family: family)
      let d = InputModel.kolmogorovSmirnov(TestSamples.tiny, against: fitted)
      let a2 = InputModel.andersonDarling(TestSamples.tiny, against: fitted)
      #expect(abs(d - ks) < 1e-10, "\(family) D \(d) vs \(ks)")
      #expect(abs(a2 - ad) < 1e-10, "\(family) A² \(a2) vs \(ad)")
    }
  }

  /// D by hand on three points against a known exponential fit: the sample mean is 1, so
  /// F(x) = 1 − e^{−x}, and D is the largest gap of the empirical steps.
  @Test func kolmogorovSmirnovByHand() throws {
    let x = [0.5, 1.0, 1.5]
    let fitted = try InputModel.fit(x, family: .exponential)
    let f: [Double] = x.map { 1 - exp(-$0) }
    var byHand = 0.0
    for i in 0..<3 {
      byHand = max(byHand, Double(i + 1) / 3 - f[i], f[i] - Double(i) / 3)
    }
    #expect(abs(InputModel.kolmogorovSmirnov(x, against: fitted) - byHand) < 1e-15)
    // ln(1 − F(x)) = −x.
    let terms: [Double] = [1 * (log(f[0]) - x[2]), 3 * (log(f[1]) - x[1]), 5 * (log(f[2]) - x[0])]
    let a2 = -3 - terms.reduce(0, +) / 3
    #expect(abs(InputModel.andersonDarling(x, against: fitted) - a2) < 1e-14)
  }

  /// Under the null (each family fitted to its own seeded sample), neither p-value is
  /// below 0.01 (with B = 199 the smallest possible p is 0.005).
  @Test(arguments: Family.allCases)
  func bootstrapAcceptsTrueFamily(family: Family) throws {
    let sample = TestSamples.draw(TestSamples.truth(family), count: 200, seed: 23)
    let fitted = try InputModel.fit(sample, family: family)
    let result = try InputModel.goodnessOfFit(sample, of: fitted, bootstrapSamples: 199, seed: 1)
    #expect(result.bootstrapSamples == 199)
    #expect(result.bootstrapKolmogorovSmirnov.count == 199)
    #expect(result.kolmogorovSmirnovPValue >= 0.01, "\(family): \(result)")
    #expect(result.andersonDarlingPValue >= 0.01, "\(family): \(result)")
  }

  /// Under the null the p-values are uniform on {1, ..., B + 1}/(B + 1), with mean
  /// (B + 2)/(2(B + 1)) and variance about 1/12: over 100 seeded null samples (n = 50,
  /// B = 49) the mean p-value of each statistic lies within its 99.9% normal interval,
  /// ± 3.29 · √(1/12/100). (Exact for the scale families in ln x: exponential,
  /// lognormal, Weibull; approximate for the gamma, whose null law depends on the shape.)
  @Test(arguments: Family.allCases)
  func bootstrapPValuesAreUniformUnderNull(family: Family) throws {
    let replications = 100
    var sumKS = 0.0
    var sumAD = 0.0
    for r in 0..<replications {
      let sample = TestSamples.draw(TestSamples.truth(family), count: 50, seed: UInt64(500 + r))
      let fitted = try InputModel.fit(sample, family: family)
      let result = try InputModel.goodnessOfFit(sample, of: fitted, bootstrapSamples: 49, seed: UInt64(r))
      sumKS += result.kolmogorovSmirnovPValue
      sumAD += result.andersonDarlingPValue
    }
    let expected = 51.0 / 100
    let halfWidth = 3.29 * (1.0 / 12 / Double(replications)).squareRoot()
    #expect(abs(sumKS / Double(replications) - expected) <= halfWidth, "\(family) KS mean p \(sumKS / 100)")
    #expect(abs(sumAD / Double(replications) - expected) <= halfWidth, "\(family) AD mean p \(sumAD / 100)")
  }

  /// An exponential fitted to a clearly lognormal sample of 1000 is rejected by both:
  /// no bootstrap statistic reaches the observed one, so p = 1/200.
  @Test func bootstrapRejectsWrongFamily() throws {
    let sample = TestSamples.draw(.lognormal(mu: 1, sigma: 0.8), count: 1000, seed: 29)
    let fitted = try InputModel.fit(sample, family: .exponential)
    let result = try InputModel.goodnessOfFit(sample, of: fitted, bootstrapSamples: 199, seed: 1)
    #expect(result.kolmogorovSmirnovPValue < 0.01)
    #expect(result.andersonDarlingPValue < 0.01)
  }

  /// A log's times are to the second, so its durations are multiples of 1/60 minute: a
  /// clean lognormal back-office time of 1.5 minutes on average, 20,000 observations.
  /// A continuous bootstrap rejects the lattice, not the family; drawn to the same
  /// clock, the bootstrap judges the family and does not reject it.
  @Test func theClocksResolutionIsNotMistakenForALackOfFit() throws {
    let second = 1.0 / 60
    let sample = TestSamples.draw(.lognormal(mu: log(1.5) - 0.2231 / 2, sigma: 0.2231.squareRoot()), count: 20_000, seed: 37)
      .map { max(second, ($0 / second).rounded() * second) }
    let fitted = try InputModel.fit(sample, family: .lognormal)
    let continuous = try InputModel.goodnessOfFit(sample, of: fitted, bootstrapSamples: 99, seed: 3)
    #expect(continuous.kolmogorovSmirnovPValue < 0.05)
    let onTheClock = try InputModel.goodnessOfFit(sample, of: fitted, bootstrapSamples: 99, seed: 3, resolution: second)
    #expect(onTheClock.kolmogorovSmirnovPValue >= 0.05, "KS p \(onTheClock.kolmogorovSmirnovPValue)")
    #expect(onTheClock.andersonDarlingPValue >= 0.05, "AD p \(onTheClock.andersonDarlingPValue)")
  }

  /// Seconds, minutes, or neither.
  @Test func theResolutionIsReadFromTheValues() {
    #expect(InputModel.resolution(of: [1, 2, 5, 60]) == 1)
    #expect(InputModel.resolution(of: [1.0 / 60, 2.5, 61.0 / 60, 3]) == 1.0 / 60)
    #expect(InputModel.resolution(of: [1.0 / 60, 2.5, 0.123]) == nil)
    #expect(InputModel.resolution(of: []) == nil)
  }

  /// The same seed gives bit-identical results; another seed gives other bootstrap draws.
  @Test func bootstrapIsReproducible() throws {
    let sample = TestSamples.draw(.gamma(shape: 3, scale: 2), count: 150, seed: 31)
    let fitted = try InputModel.fit(sample, family: .gamma)
    let a = try InputModel.goodnessOfFit(sample, of: fitted, bootstrapSamples: 49, seed: 77)
    let b = try InputModel.goodnessOfFit(sample, of: fitted, bootstrapSamples: 49, seed: 77)
    let c = try InputModel.goodnessOfFit(sample, of: fitted, bootstrapSamples: 49, seed: 78)
    #expect(a == b)
    #expect(a.bootstrapAndersonDarling.map(\.bitPattern) == b.bootstrapAndersonDarling.map(\.bitPattern))
    #expect(a.bootstrapKolmogorovSmirnov.map(\.bitPattern) == b.bootstrapKolmogorovSmirnov.map(\.bitPattern))
    #expect(a.andersonDarlingPValue.bitPattern == b.andersonDarlingPValue.bitPattern)
    #expect(a.kolmogorovSmirnov == c.kolmogorovSmirnov)
    #expect(a.bootstrapAndersonDarling != c.bootstrapAndersonDarling)
    #expect(a.bootstrapKolmogorovSmirnov != c.bootstrapKolmogorovSmirnov)
  }

  /// The bootstrap validates its sample like a fit does.
  @Test func bootstrapRejectsInvalidSample() throws {
    let fitted = try InputModel.fit(TestSamples.tiny, family: .gamma)
    #expect(throws: FitError.emptySample) {
      try InputModel.goodnessOfFit([], of: fitted, bootstrapSamples: 9)
    }
  }
}
