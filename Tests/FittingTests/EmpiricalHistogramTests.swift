import Foundation
import Fitting
import SimRandom
import Testing

/// The empirical fallback: an equal-count piecewise histogram.
@Suite struct EmpiricalHistogramTests {
  @Test func equalCountBinsKeepMinimumMaximumAndMean() throws {
    let sample = TestSamples.draw(.lognormal(mu: 1, sigma: 0.8), count: 1000, seed: 13)
    let distribution = try InputModel.empirical(sample)
    guard case .piecewise(let breaks, let weights) = distribution else {
      Issue.record("expected a piecewise distribution, got \(distribution)")
      return
    }
    #expect(distribution.problems.isEmpty)
    #expect(breaks.first == sample.min())
    #expect(breaks.last == sample.max())
    // min(20, max(5, ⌊√1000⌋ = 31)) = 20 equal-count bins of 50 observations: their breaks
    // are all there, and the tail bins are split (each holds at most 50).
    let sorted = sample.sorted()
    for j in 1..<20 { #expect(breaks.contains(sorted[j * 50])) }
    #expect(weights.allSatisfy { $0 <= 50 } && weights.reduce(0, +) == 1000)
    #expect(weights.count > 20 && weights.count <= 160)
    // The histogram's mean, from its bins, is the piecewise distribution's analytic mean.
    var histogramMean = 0.0
    for j in weights.indices { histogramMean += (breaks[j] + breaks[j + 1]) / 2 * weights[j] }
    histogramMean /= 1000
    #expect(abs(distribution.mean - histogramMean) <= 1e-12 * histogramMean)
    // And it is within half the widest bin of the sample mean.
    let widest = zip(breaks, breaks.dropFirst()).map { $1 - $0 }.max() ?? 0
    #expect(abs(distribution.mean - sample.reduce(0, +) / 1000) <= widest / 2)
  }

  /// The simulated mean is the sample's: a skewed sample (a civil-status counter time of
  /// 10 minutes, SD 5, 9,300 observations) whose last equal-count bin runs from its 95th
  /// percentile to its maximum keeps its mean within a tenth of the mean's standard error.
  @Test func theSampleMeanIsKept() throws {
    let sample = TestSamples.draw(.lognormal(mu: log(10) - 0.2231 / 2, sigma: 0.2231.squareRoot()), count: 9300, seed: 17)
    let distribution = try InputModel.empirical(sample)
    let mean = sample.reduce(0, +) / 9300
    let sd = (sample.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 9299).squareRoot()
    #expect(abs(distribution.mean - mean) <= 0.1 * sd / 9300.0.squareRoot(), "\(distribution.mean) vs \(mean)")
    #expect(distribution.problems.isEmpty)
  }

  @Test func defaultBinCount() {
    #expect(InputModel.defaultBinCount(forSampleSize: 3) == 5)
    #expect(InputModel.defaultBinCount(forSampleSize: 100) == 10)
    #expect(InputModel.defaultBinCount(forSampleSize: 10_000) == 20)
  }

  /// Ties merge bins, keeping the breaks strictly increasing and every bin non-empty.
  @Test func tiesMergeBins() throws {
    let sample: [Double] = [1, 1, 1, 1, 2, 2, 3, 0, 0, 0, 0, 0]
    let distribution = try InputModel.empirical(sample, bins: 6)
    #expect(distribution.problems.isEmpty)
    guard case .piecewise(let breaks, let weights) = distribution else {
      Issue.record("expected a piecewise distribution, got \(distribution)")
      return
    }
    #expect(breaks == [0, 1, 2, 3])
    #expect(weights == [5, 4, 3])
    #expect(abs(distribution.mean - (0.5 * 5 + 1.5 * 4 + 2.5 * 3) / 12) < 1e-15)
  }

  @Test func allEqualIsDeterministic() throws {
    #expect(try InputModel.empirical([4, 4, 4]) == .deterministic(4))
  }

  @Test func invalidSamples() {
    #expect(throws: FitError.emptySample) { try InputModel.empirical([]) }
    #expect(throws: FitError.nonFiniteValues(count: 1, sampleSize: 2, first: [SampleValue(index: 0, value: .infinity)])) {
      try InputModel.empirical([.infinity, 1])
    }
  }
}
