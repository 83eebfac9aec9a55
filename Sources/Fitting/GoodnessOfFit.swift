//===----------------------------------------------------------------------===//
// Kolmogorov–Smirnov and Anderson–Darling, with parametric-bootstrap p-values.
//===----------------------------------------------------------------------===//

import SimRandom

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// How well a fitted distribution describes the sample it was fitted to.
///
/// The statistics' usual tables assume known parameters; with estimated parameters they
/// overstate the p-value, often badly. These p-values come from a parametric bootstrap
/// instead: B samples of size n are drawn from the fitted distribution, the same family
/// is refitted to each, the statistics are recomputed against each refit, and
/// p = (1 + #{statistic_b ≥ statistic}) / (B + 1), which is never 0 and is exact in the
/// sense of a Monte Carlo test (Davison & Hinkley 1997, §4.2).
public struct GoodnessOfFit: Sendable, Hashable {
  /// The Kolmogorov–Smirnov statistic D = sup |Fₙ(x) − F(x)|.
  public let kolmogorovSmirnov: Double
  /// The Anderson–Darling statistic A², which weights the tails more than D does.
  public let andersonDarling: Double
  /// The bootstrap p-value of D.
  public let kolmogorovSmirnovPValue: Double
  /// The bootstrap p-value of A².
  public let andersonDarlingPValue: Double
  /// The number of bootstrap samples B.
  public let bootstrapSamples: Int
  /// The master seed of the bootstrap's random streams.
  public let seed: UInt64
  /// D of each bootstrap sample against its refit, in order (+∞ where a refit failed).
  public let bootstrapKolmogorovSmirnov: [Double]
  /// A² of each bootstrap sample against its refit, in order (+∞ where a refit failed).
  public let bootstrapAndersonDarling: [Double]

  /// The default number of bootstrap samples: 199, so that p is a multiple of 1/200 and
  /// the 0.05 and 0.01 levels fall on attainable values.
  public static let defaultBootstrapSamples = 199
  /// The default master seed of the bootstrap.
  public static let defaultSeed: UInt64 = 20_250_701
}

extension InputModel {
  /// The Kolmogorov–Smirnov statistic of `sample` against `fitted`:
  /// D = maxᵢ max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i − 1)/n) on the sorted sample.
  ///
  /// - Precondition: the values are finite (as ``validate(_:)`` checks).
  public static func kolmogorovSmirnov(_ sample: [Double], against fitted: FittedDistribution) -> Double {
    precondition(sample.allSatisfy(\.isFinite), "the sample has values that are not finite")
    return kolmogorovSmirnov(sorted: sample.sorted(), fitted.model)
  }

  /// The Anderson–Darling statistic of `sample` against `fitted`:
  /// A² = −n − (1/n) Σᵢ (2i − 1)[ln F(x₍ᵢ₎) + ln(1 − F(x₍ₙ₊₁₋ᵢ₎))] on the sorted sample,
  /// with 1 − F computed directly as the upper tail (`gsl_cdf_*_Q`). +∞ when a value
  /// lies where the fitted F is exactly 0 or 1.
  ///
  /// - Precondition: the values are finite (as ``validate(_:)`` checks).
  public static func andersonDarling(_ sample: [Double], against fitted: FittedDistribution) -> Double {
    precondition(sample.allSatisfy(\.isFinite), "the sample has values that are not finite")
    return andersonDarling(sorted: sample.sorted(), fitted.model)
  }

  /// Kolmogorov–Smirnov and Anderson–Darling statistics of `sample` against `fitted` (its
  /// fit to this sample), with parametric-bootstrap p-values from `bootstrapSamples`
  /// samples (``GoodnessOfFit/defaultBootstrapSamples``, 199, by default).
  ///
  /// Bootstrap sample b is drawn from its own stream,
  /// `RandomStream(master: seed, replication: b, key: StreamKey("fit-bootstrap", family index))`,
  /// so the same inputs and seed give bit-identical results. A bootstrap sample whose
  /// refit fails counts as at least as extreme as the data (a conservative choice).
  /// With a `resolution` (the clock's: 1/60 minute for times to the second, see
  /// ``resolution(of:)``), every bootstrap draw is rounded to a multiple of it, at least
  /// one, as the data were: with thousands of observations the steps of a rounded sample
  /// alone would otherwise reject every family.
  /// Throws a ``FitError`` for a sample that ``validate(_:)`` rejects.
  ///
  /// - Precondition: `bootstrapSamples ≥ 1`; `resolution`, when given, is positive.
  public static func goodnessOfFit(
    _ sample: [Double], of fitted: FittedDistribution,
    bootstrapSamples: Int = GoodnessOfFit.defaultBootstrapSamples,
    seed: UInt64 = GoodnessOfFit.defaultSeed,
    resolution: Double? = nil
  ) throws(FitError) -> GoodnessOfFit {
    precondition(bootstrapSamples >= 1, "bootstrapSamples must be at least 1, found \(bootstrapSamples)")
    precondition(resolution.map { $0 > 0 } ?? true, "resolution must be positive")
    try SampleCheck.requireFittable(sample)
    let sorted = sample.sorted()
    let d = kolmogorovSmirnov(sorted: sorted, fitted.model)
    let a2 = andersonDarling(sorted: sorted, fitted.model)
    let family = fitted.family
    let key = StreamKey("fit-bootstrap", Family.allCases.firstIndex(of: family) ?? 0)
    let sampler = Sampler(fitted.distribution)
    var draws = [Double](repeating: 0, count: sample.count)
    var bootD: [Double] = []
    var bootA2: [Double] = []
    bootD.reserveCapacity(bootstrapSamples)
    bootA2.reserveCapacity(bootstrapSamples)
    for b in 0..<bootstrapSamples {
      let stream = RandomStream(master: seed, replication: b, key: key)
      for i in draws.indices { draws[i] = stream.sample(sampler) }
      if let unit = resolution {
        for i in draws.indices { draws[i] = max(unit, (draws[i] / unit).rounded() * unit) }
      }
      guard (try? SampleCheck.requireFittable(draws)) != nil,
        let refit = try? MaximumLikelihood.estimate(draws, family)
      else {
        bootD.append(.infinity)
        bootA2.append(.infinity)
        continue
      }
      draws.sort()
      bootD.append(kolmogorovSmirnov(sorted: draws, refit))
      bootA2.append(andersonDarling(sorted: draws, refit))
    }
    func pValue(_ statistic: Double, _ replicates: [Double]) -> Double {
      Double(1 + replicates.count(where: { $0 >= statistic })) / Double(replicates.count + 1)
    }
    return GoodnessOfFit(
      kolmogorovSmirnov: d, andersonDarling: a2,
      kolmogorovSmirnovPValue: pValue(d, bootD), andersonDarlingPValue: pValue(a2, bootA2),
      bootstrapSamples: bootstrapSamples, seed: seed,
      bootstrapKolmogorovSmirnov: bootD, bootstrapAndersonDarling: bootA2)
  }

  /// The clock a sample of durations (minutes) was recorded with: 1 when every value is
  /// a whole number of minutes, 1/60 when every value is a whole number of seconds, else
  /// nil (no rounding seen, or an empty sample).
  public static func resolution(of sample: [Double]) -> Double? {
    guard !sample.isEmpty else { return nil }
    func onGrid(_ unit: Double) -> Bool {
      sample.allSatisfy { let k = $0 / unit; return abs(k - k.rounded()) <= 1e-6 * max(1, abs(k)) }
    }
    if onGrid(1) { return 1 }
    if onGrid(1.0 / 60) { return 1.0 / 60 }
    return nil
  }

  /// D on an ascending sample.
  static func kolmogorovSmirnov(sorted: [Double], _ model: ParametricModel) -> Double {
    let n = Double(sorted.count)
    var d = 0.0
    for (i, x) in sorted.enumerated() {
      let f = model.cdf(x)
      d = max(d, Double(i + 1) / n - f, f - Double(i) / n)
    }
    return d
  }

  /// A² on an ascending sample.
  static func andersonDarling(sorted: [Double], _ model: ParametricModel) -> Double {
    let count = sorted.count
    let logP = sorted.map { log(model.cdf($0)) }
    let logQ = sorted.map { log(model.upperTail($0)) }
    var sum = 0.0
    for i in 0..<count {
      sum += Double(2 * i + 1) * (logP[i] + logQ[count - 1 - i])
    }
    let a2 = -Double(count) - sum / Double(count)
    return a2.isNaN ? .infinity : a2
  }
}
