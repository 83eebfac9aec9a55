import Fitting
import SimRandom

/// Seeded samples for the fitting tests.
enum TestSamples {
  /// `count` draws from `distribution`, from the stream `key` of replication 0 under `seed`.
  static func draw(_ distribution: Distribution, count: Int, seed: UInt64, key: String = "fitting-tests") -> [Double] {
    let stream = RandomStream(master: seed, replication: 0, key: StreamKey(key))
    let sampler = Sampler(distribution)
    var values: [Double] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(stream.sample(sampler)) }
    return values
  }

  /// The true distribution of each family's recovery and ranking tests; the parameters
  /// make the families distinguishable at n = 2000 (gamma shape 3, lognormal σ 0.8,
  /// Weibull shape 0.7).
  static func truth(_ family: Family) -> Distribution {
    switch family {
    case .exponential: return .exponential(mean: 5)
    case .gamma: return .gamma(shape: 3, scale: 2)
    case .lognormal: return .lognormal(mu: 1, sigma: 0.8)
    case .weibull: return .weibull(scale: 4, shape: 0.7)
    }
  }

  /// The true parameter values of `truth(family)`, in the order of `family.parameterNames`.
  static func trueParameters(_ family: Family) -> [Double] {
    switch truth(family) {
    case .exponential(let mean): return [mean]
    case .gamma(let shape, let scale): return [shape, scale]
    case .lognormal(let mu, let sigma): return [mu, sigma]
    case .weibull(let scale, let shape): return [scale, shape]
    default: return []
    }
  }

  /// A tiny fixed sample for checks against reference values computed with SciPy.
  static let tiny: [Double] = [0.42, 1.37, 0.81, 2.95, 0.16, 1.08, 3.61, 0.57]
}
