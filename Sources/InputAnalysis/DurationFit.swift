//===----------------------------------------------------------------------===//
// A duration distribution chosen for a sample of observed times.
//===----------------------------------------------------------------------===//

import Dispatch
import Fitting
import SimRandom

/// One family fitted to a sample, with its goodness of fit.
public struct FamilyFit: Sendable {
  /// The maximum-likelihood fit (estimates, standard errors, AIC, BIC).
  public var fitted: FittedDistribution
  /// Kolmogorov–Smirnov and Anderson–Darling with bootstrap p-values (`nil` when not
  /// computed).
  public var goodness: GoodnessOfFit?

  /// Whether both p-values reach `level`.
  func passes(_ level: Double) -> Bool {
    guard let goodness else { return false }
    return goodness.kolmogorovSmirnovPValue >= level && goodness.andersonDarlingPValue >= level
  }
}

/// The distribution chosen for one duration of one procedure (its counter time or its
/// back-office work), and why.
///
/// The rule: with fewer than 10 observations (``SampleAdequacy``) the base scenario's
/// distribution is kept; with 10 to 29, only the base's own family is fitted (when it is
/// exponential, gamma, lognormal or Weibull), and used if neither KS nor AD rejects it at
/// the level, else the base's is kept; from 30 on the four families are fitted by maximum
/// likelihood and ranked by AIC, and the best is used if neither its KS nor its AD
/// bootstrap p-value is below the level, else the empirical distribution
/// (``InputModel/empirical(_:bins:)``). Zero durations (times recorded to the minute)
/// cannot be fitted by the four families: they are left out of the fits and kept in
/// the empirical distribution.
public struct DurationFit: Sendable {
  /// What was decided.
  public enum Decision: String, Sendable {
    /// A parametric family (``DurationFit/chosenFit``).
    case fitted
    /// The empirical distribution of the sample.
    case empirical
    /// The base scenario's distribution, kept.
    case keptBase = "kept_base"
  }

  /// The scenario key it sets (`procedures[land].counter_time`).
  public var parameter: String
  /// What it is, in words ("counter time of land").
  public var what: String
  /// The observed durations, minutes, in the order found (zeros included).
  public var sample: [Double]
  /// The base scenario's distribution.
  public var base: Distribution
  /// The families fitted, best AIC first.
  public var ranking: [FamilyFit] = []
  /// The decision and the reason for it.
  public var decision: Decision
  public var reason: String
  /// The distribution written to the scenario.
  public var distribution: Distribution
  /// The fit used, when ``decision`` is ``Decision/fitted``.
  public var chosenFit: FamilyFit?
  /// The seed of this sample's bootstrap.
  public var seed: UInt64 = 0

  /// The positive durations (those the families can fit).
  public var positive: [Double] { sample.filter { $0 > 0 } }
  /// The zero durations.
  public var zeros: Int { sample.count(where: { $0 <= 0 }) }

  /// A duration not observed at all (no sample): the base is kept for `reason`.
  static func kept(_ parameter: String, _ what: String, base: Distribution, sample: [Double] = [], reason: String) -> DurationFit {
    DurationFit(parameter: parameter, what: what, sample: sample, base: base, decision: .keptBase, reason: reason,
                distribution: base)
  }

  /// Fits and chooses for each of `samples` (parameter, what, sample, base), computing
  /// the bootstrap goodness of fit of every fitted family on up to `jobs` threads; the
  /// result does not depend on `jobs`.
  static func choose(
    _ samples: [(parameter: String, what: String, sample: [Double], base: Distribution)], bootstrap: Int, seed: UInt64,
    level: Double, jobs: Int
  ) -> [DurationFit] {
    var fits: [DurationFit] = []
    var tasks: [(fit: Int, family: Int, sample: [Double], fitted: FittedDistribution, seed: UInt64)] = []
    for item in samples {
      let positive = item.sample.filter { $0 > 0 }
      var fit = DurationFit(parameter: item.parameter, what: item.what, sample: item.sample, base: item.base,
                            decision: .keptBase, reason: "", distribution: item.base)
      fit.seed = Self.seed(seed, item.parameter)
      let adequacy = InputModel.adequacy(of: positive)
      if adequacy.canRank {
        fit.ranking = InputModel.rank(positive).map { FamilyFit(fitted: $0, goodness: nil) }
      } else if adequacy.canFit, let family = Self.family(of: item.base), let fitted = try? InputModel.fit(positive, family: family) {
        fit.ranking = [FamilyFit(fitted: fitted, goodness: nil)]
      }
      for (k, family) in fit.ranking.enumerated() {
        tasks.append((fits.count, k, positive, family.fitted, fit.seed))
      }
      fits.append(fit)
    }
    let work = tasks
    let results = Self.runConcurrently(work.count, jobs: jobs) { i in
      try? InputModel.goodnessOfFit(work[i].sample, of: work[i].fitted, bootstrapSamples: bootstrap, seed: work[i].seed,
                                    resolution: InputModel.resolution(of: work[i].sample))
    }
    for (i, task) in tasks.enumerated() { fits[task.fit].ranking[task.family].goodness = results[i] }
    for i in fits.indices { fits[i].decide(level: level) }
    return fits
  }

  /// Sets ``decision``, ``reason`` and ``distribution`` by the rule of the type.
  mutating func decide(level: Double) {
    let positive = self.positive
    let adequacy = SampleAdequacy(sampleSize: positive.count)
    let zeroNote = zeros > 0 ? " (\(zeros) zero duration\(zeros == 1 ? "" : "s") left out of the fits)" : ""
    let percent = "\(Int((level * 100).rounded()))%"
    if !adequacy.canFit {
      keep("\(adequacy.reason)\(zeroNote): kept the base's \(Self.describe(base))")
      return
    }
    guard let best = ranking.first else {
      if adequacy.canRank {
        keep("no family could be fitted to the \(positive.count) observations\(zeroNote): kept the base's \(Self.describe(base))")
      } else {
        keep("\(adequacy.reason)\(zeroNote); the base's \(Self.describe(base)) is not one of the four families: kept")
      }
      return
    }
    let name = Self.familyName(best.fitted.family)
    let tests = best.goodness.map {
      "KS p = \(Self.format($0.kolmogorovSmirnovPValue)), AD p = \(Self.format($0.andersonDarlingPValue))"
    } ?? "goodness of fit not computed"
    if best.passes(level) {
      decision = .fitted
      chosenFit = best
      distribution = best.fitted.distribution
      if adequacy.canRank {
        let second = ranking.count > 1 ? "; next \(Self.familyName(ranking[1].fitted.family)) at ΔAIC \(Self.format(ranking[1].fitted.aic - best.fitted.aic))" : ""
        reason = "\(name): the best of \(ranking.count) families by AIC\(second); neither test rejects it at \(percent) (\(tests))\(zeroNote)"
      } else {
        reason = "\(name), the base's family, fitted to \(positive.count) observations (too few to choose between families); "
          + "neither test rejects it at \(percent) (\(tests))\(zeroNote)"
      }
      return
    }
    guard adequacy.canRank, let empirical = try? InputModel.empirical(sample) else {
      keep("\(name), the base's family, is rejected at \(percent) (\(tests)) on \(positive.count) observations, too few for an empirical distribution: kept the base's \(Self.describe(base))")
      return
    }
    decision = .empirical
    distribution = empirical
    reason = "the best family by AIC, \(name), is rejected at \(percent) (\(tests)): the empirical distribution of the \(sample.count) observations (piecewise uniform, equal-count bins)"
  }

  private mutating func keep(_ why: String) {
    decision = .keptBase
    distribution = base
    reason = why
  }

  /// The mean of the chosen distribution with its 95% interval half-width (NaN when the
  /// base is kept; the sample mean's for the empirical one).
  public var meanEstimate: FittedValue {
    switch decision {
    case .fitted:
      guard let fit = chosenFit?.fitted else { return FittedValue(distribution.mean, standardError: .nan) }
      return FittedValue(fit.mean, standardError: fit.meanStandardError)
    case .empirical:
      let n = Double(sample.count)
      let mean = sample.reduce(0, +) / n
      let variance = sample.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(1, n - 1)
      return FittedValue(distribution.mean, standardError: (variance / n).squareRoot())
    case .keptBase:
      return FittedValue(base.mean, standardError: .nan)
    }
  }

  // MARK: - Helpers

  /// The family of a SimRandom distribution, if it is one of the four.
  static func family(of distribution: Distribution) -> Family? {
    switch distribution {
    case .exponential: return .exponential
    case .gamma: return .gamma
    case .lognormal: return .lognormal
    case .weibull: return .weibull
    default: return nil
    }
  }

  static func familyName(_ family: Family) -> String { family == .weibull ? "Weibull" : family.rawValue }

  /// A distribution in words: "lognormal (mean 4.00, sd 3.00)".
  static func describe(_ distribution: Distribution) -> String {
    let mean = distribution.mean
    let sd = distribution.variance.squareRoot()
    let moments = "mean \(format(mean))" + (sd.isFinite ? ", sd \(format(sd))" : "")
    switch distribution {
    case .deterministic(let v): return "constant \(format(v))"
    case .exponential: return "exponential (\(moments))"
    case .gamma: return "gamma (\(moments))"
    case .lognormal: return "lognormal (\(moments))"
    case .weibull: return "Weibull (\(moments))"
    case .truncatedNormal: return "normal (\(moments))"
    case .uniform: return "uniform (\(moments))"
    case .triangular: return "triangular (\(moments))"
    case .discrete: return "discrete (\(moments))"
    case .piecewise: return "empirical (\(moments))"
    }
  }

  static func format(_ x: Double) -> String { PoissonCheck.format(x) }

  /// A seed for the bootstrap of `parameter`, from the master `seed` (SplitMix64 of the
  /// seed and an FNV-1a hash of the name), so that samples do not share draws.
  static func seed(_ seed: UInt64, _ parameter: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in parameter.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    var z = seed ^ hash &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    let mixed = z ^ (z >> 31)
    return mixed == 0 ? 1 : mixed
  }

  /// `body(i)` for i in 0..<count on up to `jobs` threads, results by index.
  static func runConcurrently<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let box = ResultBox<T>(count)
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
      while let i = box.take() { box.set(i, body(i)) }
    }
    return box.values()
  }
}

import Synchronization

/// Results of concurrent work, stored by index.
final class ResultBox<T: Sendable>: Sendable {
  private let storage: Mutex<(next: Int, values: [T?])>
  init(_ count: Int) { storage = Mutex((0, Array(repeating: nil, count: count))) }
  /// The next index to work on, if any is left.
  func take() -> Int? {
    storage.withLock { state in
      guard state.next < state.values.count else { return nil }
      defer { state.next += 1 }
      return state.next
    }
  }
  func set(_ i: Int, _ value: T) { storage.withLock { $0.values[i] = value } }
  func values() -> [T] { storage.withLock { $0.values.map { $0! } } }
}
