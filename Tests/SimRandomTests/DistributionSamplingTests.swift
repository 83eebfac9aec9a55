import SimRandom
import Testing
import TestSupport

/// Sample moments of every distribution family against the analytic values.
///
/// Each check draws 40 batches of 5,000 values from a fixed seed; the analytic mean and
/// variance must lie within the 99.9% Student-t interval of the batch means and batch
/// variances.
@Suite struct DistributionSamplingTests {
  static let cases: [(String, Distribution)] = [
    ("deterministic", .deterministic(7.5)),
    ("exponential", .exponential(mean: 4)),
    ("gamma", .gamma(shape: 2.5, scale: 3)),
    ("erlang", .erlang(k: 3, mean: 9)),
    ("lognormal mean/sd", .lognormal(mean: 4, sd: 3)),
    ("lognormal mean/cv", .lognormal(mean: 10, cv: 0.5)),
    ("lognormal mu/sigma", .lognormal(mu: 2.191, sigma: 0.472)),
    ("weibull", .weibull(scale: 10, shape: 1.7)),
    ("truncated normal, far from zero", .truncatedNormal(mean: 20, sd: 4)),
    ("truncated normal, cut", .truncatedNormal(mean: 2, sd: 4)),
    ("truncated normal, mostly cut", .truncatedNormal(mean: -3, sd: 2)),
    ("uniform", .uniform(min: 2, max: 8)),
    ("triangular", .triangular(min: 1, mode: 2, max: 6)),
    ("discrete", .discrete(values: [1, 5, 30], weights: [0.6, 0.3, 0.1])),
    ("piecewise", .piecewise(breaks: [0, 5, 10, 60], weights: [2, 1, 1])),
  ]

  @Test(arguments: cases)
  func momentsMatchTheory(name: String, distribution: Distribution) {
    #expect(distribution.problems.isEmpty)
    let stream = RandomStream(master: 2025, replication: 0, key: StreamKey("moments", name.hashValue & 0))
    let sampler = Sampler(distribution)
    var batchMeans = SampleStatistics()
    var batchVariances = SampleStatistics()
    for _ in 0..<40 {
      var batch = SampleStatistics()
      for _ in 0..<5_000 {
        let x = stream.sample(sampler)
        #expect(x >= distribution.lowerBound)
        batch.add(x)
      }
      batchMeans.add(batch.mean)
      batchVariances.add(batch.variance)
    }
    if distribution.variance == 0 {
      #expect(batchMeans.mean == distribution.mean)
      #expect(batchVariances.mean == 0)
    } else {
      #expect(batchMeans.covers(distribution.mean), "\(name): mean \(batchMeans.mean) ± \(batchMeans.halfWidth(level: 0.999)) vs \(distribution.mean)")
      #expect(batchVariances.covers(distribution.variance), "\(name): variance \(batchVariances.mean) ± \(batchVariances.halfWidth(level: 0.999)) vs \(distribution.variance)")
    }
  }

  @Test func lognormalFromMeanAndSDHasThatMeanAndSD() {
    let d = Distribution.lognormal(mean: 4, sd: 3)
    #expect(abs(d.mean - 4) < 1e-12)
    #expect(abs(d.variance - 9) < 1e-9)
    guard case .lognormal(let mu, let sigma) = d else { Issue.record("not lognormal"); return }
    // domain.md §4 gives (1.163, 0.668) for 4 / 3 minutes.
    #expect(abs(mu - 1.163) < 5e-4)
    #expect(abs(sigma - 0.668) < 5e-4)
  }

  @Test func erlangIsGammaWithIntegerShape() {
    #expect(Distribution.erlang(k: 4, mean: 8) == .gamma(shape: 4, scale: 2))
    #expect(Distribution.gamma(mean: 8, sd: 4) == .gamma(shape: 4, scale: 2))
  }

  @Test func weibullMomentsUseGammaFunction() {
    // Shape 1 is the exponential with mean = scale.
    let d = Distribution.weibull(scale: 3, shape: 1)
    #expect(abs(d.mean - 3) < 1e-12)
    #expect(abs(d.variance - 9) < 1e-9)
  }

  @Test func deterministicSamplerConsumesNoRandomNumbers() {
    let a = RandomStream(seed: 99)
    let b = RandomStream(seed: 99)
    _ = a.sample(Sampler(.deterministic(3)))
    #expect(a.uniform() == b.uniform())
    let constant = Sampler(.deterministic(3)).isConstant
    let exponentialIsConstant = Sampler(.exponential(mean: 3)).isConstant
    #expect(constant)
    #expect(!exponentialIsConstant)
  }

  @Test func pickFollowsWeights() {
    let table = DiscreteTable(weights: [1, 0, 3])
    let stream = RandomStream(seed: 7)
    var counts = [0, 0, 0]
    for _ in 0..<40_000 { counts[stream.pick(table)] += 1 }
    #expect(counts[1] == 0)
    // Binomial(40000, 0.25): sd ≈ 86.6; 4 sd.
    #expect(abs(counts[0] - 10_000) < 347)
  }
}
