import Experiments
import Foundation
import SimRandom
import Testing

/// MSER-5 on series with a known transient.
@Suite struct WarmUpTests {
  /// 500 observations: mean 10 + `bias` e^{−t/τ}, with independent normal noise (sd 1).
  func series(bias: Double, tau: Double, seed: UInt64) -> [Double] {
    let stream = RandomStream(seed: seed)
    let noise = Sampler(.truncatedNormal(mean: 100, sd: 1))  // truncation at 0 never bites
    return (0..<500).map { t in 10 + bias * exp(-Double(t) / tau) + stream.sample(noise) - 100 }
  }

  @Test func dropsTheTransientAndNoMore() throws {
    // The bias falls below the noise's standard error of a batch (0.45) after τ ln(20/0.45) ≈ 76 observations.
    for seed in 1...5 as ClosedRange<UInt64> {
      let rule = try #require(MSER5(series(bias: 20, tau: 20, seed: seed)))
      #expect((40...150).contains(rule.truncation), "seed \(seed): truncation \(rule.truncation)")
      #expect(abs(rule.truncatedMean - 10) < 0.3, "seed \(seed): mean kept \(rule.truncatedMean)")
      #expect(rule.mean > rule.truncatedMean + 0.5)
      #expect(rule.truncation % 5 == 0)
    }
  }

  @Test func keepsAlmostEverythingOfAStationarySeries() throws {
    for seed in 1...5 as ClosedRange<UInt64> {
      let rule = try #require(MSER5(series(bias: 0, tau: 1, seed: seed)))
      #expect(rule.truncation <= 100, "seed \(seed): truncation \(rule.truncation)")
      #expect(abs(rule.truncatedMean - 10) < 0.3)
    }
  }

  @Test func needsTwoBatches() {
    #expect(MSER5(Array(repeating: 1, count: 9)) == nil)
    #expect(MSER5([1, 2, 3, 4, 5, .nan, .nan, .nan, .nan, .nan]) == nil)
    #expect(MSER5([1, 1, .nan, 1, 1, 1, 1, 1, 1, 1])?.truncatedMean == 1)
    #expect(MSER5(Array(repeating: 1, count: 10))?.truncation == 0)
  }

  @Test func flagsASeriesThatNeverSettles() throws {
    // A steady climb: the minimum is at the end of the half searched.
    let rule = try #require(MSER5((0..<100).map(Double.init)))
    #expect(rule.atSearchLimit)
  }
}
