import Fitting
import SimRandom
import Testing

/// The index-of-dispersion test of arrival counts.
@Suite struct IndexOfDispersionTests {
  /// Poisson counts: arrivals of a rate-12 Poisson process in 300 unit intervals, from
  /// exponential gaps drawn with a seeded stream.
  static func poissonCounts(mean: Double, intervals: Int, seed: UInt64) -> [Int] {
    let stream = RandomStream(master: seed, replication: 0, key: StreamKey("poisson-counts"))
    return (0..<intervals).map { _ in
      var count = 0
      var t = stream.exponential(mean: 1 / mean)
      while t < 1 {
        count += 1
        t += stream.exponential(mean: 1 / mean)
      }
      return count
    }
  }

  @Test func acceptsPoissonCounts() throws {
    let counts = Self.poissonCounts(mean: 12, intervals: 300, seed: 17)
    let result = try IndexOfDispersion.test(counts: counts)
    #expect(result.pValue > 0.01, "\(result)")
    #expect(result.verdict == .consistentWithPoisson)
    #expect(result.degreesOfFreedom == 299)
    #expect(abs(result.statistic - 299 * result.index) < 1e-9)
  }

  /// Four times a Poisson(3) count has mean 12 and variance 48, four times the mean.
  @Test func rejectsOverdispersedCounts() throws {
    let counts = Self.poissonCounts(mean: 3, intervals: 300, seed: 19).map { 4 * $0 }
    let result = try IndexOfDispersion.test(counts: counts)
    #expect(result.pValue < 0.001, "\(result)")
    #expect(result.verdict == .overdispersed)
  }

  /// Counts of 10 and 11 in turn are far more regular than Poisson.
  @Test func flagsUnderdispersedCounts() throws {
    let counts = (0..<100).map { 10 + $0 % 2 }
    let result = try IndexOfDispersion.test(counts: counts)
    #expect(result.verdict == .underdispersed)
    #expect(abs(result.mean - 10.5) < 1e-12)
    #expect(abs(result.variance - 25.0 / 99) < 1e-12)
  }

  /// The index and statistic by hand: counts 2, 4, 6 have mean 4, variance 4, D = 1.
  @Test func indexByHand() throws {
    let result = try IndexOfDispersion.test(counts: [2, 4, 6])
    #expect(result.index == 1)
    #expect(result.statistic == 2)
  }

  @Test func invalidCounts() {
    #expect(throws: DispersionTestError.tooFewIntervals(count: 1)) { try IndexOfDispersion.test(counts: [3]) }
    #expect(throws: DispersionTestError.negativeCount(SampleValue(index: 1, value: -1))) {
      try IndexOfDispersion.test(counts: [3, -1, 2])
    }
    #expect(throws: DispersionTestError.noArrivals(intervals: 3)) { try IndexOfDispersion.test(counts: [0, 0, 0]) }
  }
}
