import SimRandom
import Testing

/// A ``StreamBank`` draws uniforms, exponentials, lognormals and discrete indices in Swift
/// on GSL's generator state; ``RandomStream`` can draw them through GSL itself. Both must
/// give the same numbers.
@Suite struct StreamBankTests {
  static let keys = [StreamKey("a", 0), StreamKey("b", 3)]

  @Test func uniformsAndExponentialsMatchGSLBitForBit() {
    let bank = StreamBank(master: 42, replication: 2, keys: Self.keys)
    let reference = Self.keys.map { RandomStream(master: 42, replication: 2, key: $0) }
    // 5,000 draws per stream: the 624-word state is regenerated several times.
    for i in 0..<10_000 {
      let s = i % 2
      if i % 3 == 0 {
        #expect(bank.exponential(s, mean: 2.5).bitPattern == reference[s].exponential(mean: 2.5).bitPattern)
      } else {
        #expect(bank.uniform(s).bitPattern == reference[s].uniform().bitPattern)
      }
    }
  }

  /// Every kind of distribution, with parameters from narrow to wide (a lognormal's polar
  /// method rejects about one pair in five; a discrete table has columns with and
  /// without aliases).
  static let distributions: [Distribution] = [
    .deterministic(2), .exponential(mean: 0.5), .gamma(shape: 2, scale: 3), .lognormal(mu: 1, sigma: 0.4),
    .lognormal(mu: -2, sigma: 2.5), .weibull(scale: 2, shape: 1.5), .truncatedNormal(mean: 1, sd: 2),
    .uniform(min: -1, max: 3), .triangular(min: 0, mode: 1, max: 5),
    .discrete(values: [1, 2, 3, 10], weights: [0.1, 0.6, 0.05, 0.25]),
    .discrete(values: [5, 7], weights: [1, 1]), .piecewise(breaks: [0, 1, 4, 9], weights: [3, 1, 2]),
  ]

  @Test(arguments: distributions)
  func samplesMatchGSLsOwnFunctionsBitForBit(distribution: Distribution) {
    let sampler = Sampler(distribution)
    let bank = StreamBank(master: 11, replication: 1, keys: Self.keys)
    let reference = RandomStream(master: 11, replication: 1, key: Self.keys[0])
    for _ in 0..<5_000 {
      #expect(bank.sample(0, sampler).bitPattern == reference.sampleWithGSL(sampler).bitPattern)
    }
  }

  @Test func picksMatchGSLBitForBit() {
    // Weights that leave some columns full (cut-off 1) and give others an alias.
    for weights in [[1.0, 2, 3], [0.5, 0.5], [7, 0, 1, 1, 3, 0.01], [1]] {
      let table = DiscreteTable(weights: weights)
      let bank = StreamBank(master: 3, replication: 4, keys: Self.keys)
      let reference = RandomStream(master: 3, replication: 4, key: Self.keys[1])
      for _ in 0..<5_000 {
        #expect(bank.pick(1, table.unowned) == reference.pick(table))
      }
    }
  }

  @Test func gslSamplersContinueTheSameSequence() {
    // Draws done in Swift and draws done by GSL (gamma, discrete) share the state.
    let bank = StreamBank(master: 7, replication: 0, keys: Self.keys)
    let reference = RandomStream(master: 7, replication: 0, key: Self.keys[1])
    let gamma = Sampler(.gamma(shape: 2, scale: 3))
    let exponential = Sampler(.exponential(mean: 4))
    let table = DiscreteTable(weights: [1, 2, 3])
    for _ in 0..<2_000 {
      #expect(bank.sample(1, gamma) == reference.sample(gamma))
      #expect(bank.sample(1, exponential) == reference.exponential(mean: 4))
      #expect(bank.pick(1, table) == reference.pick(table))
      #expect(bank.bernoulli(1, 0.3) == reference.bernoulli(0.3))
      #expect(bank.stream(1).exponential(mean: 1) == reference.exponential(mean: 1))
      #expect(bank.stream(1).uniform() == reference.uniform())
    }
  }
}
