import SimEngine
import Testing

@Suite struct TallyTests {
  @Test func meanVarianceExtremes() {
    var tally = Tally()
    for x in [2.0, 4, 4, 4, 5, 5, 7, 9] { tally.record(x) }
    #expect(tally.count == 8)
    #expect(tally.mean == 5)
    #expect(abs(tally.variance - 32.0 / 7) < 1e-12)
    #expect(tally.minimum == 2)
    #expect(tally.maximum == 9)
    #expect(tally.sum == 40)
  }

  @Test func emptyTally() {
    let tally = Tally()
    #expect(tally.count == 0)
    #expect(tally.variance.isNaN)
  }

  @Test func accurateWithALargeOffset() {
    var tally = Tally()
    for i in 0..<1_000 { tally.record(1e9 + Double(i % 2)) }
    #expect(abs(tally.variance - 0.25025) < 1e-6)
  }
}

@Suite struct TimeWeightedTests {
  @Test func integratesAPiecewiseConstantPath() {
    var queue = TimeWeighted(0, at: .zero)
    queue.set(2, at: SimTime(minutes: 10))
    queue.add(1, at: SimTime(minutes: 15))
    queue.set(0, at: SimTime(minutes: 20))
    // 0·10 + 2·5 + 3·5 + 0·5
    #expect(queue.integral(upTo: SimTime(minutes: 25)) == 25)
    #expect(queue.maximum == 3)
    #expect(queue.value == 0)
  }
}

@Suite struct QuantileHistogramTests {
  @Test(arguments: [0.5, 0.9, 0.95, 0.99])
  func quantilesWithinBucketResolution(p: Double) {
    var histogram = QuantileHistogram()
    var values: [Double] = []
    var state: UInt64 = 12_345
    for _ in 0..<50_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let u = Double(state >> 11) / Double(1 << 53)
      let value = -30 * (1 - u).squareRoot().squareRoot() + 30 + (u < 0.3 ? -100 : 0)  // a spread with zeros
      let clipped = max(0, value)
      values.append(clipped)
      histogram.record(clipped)
    }
    values.sort()
    let exact = values[Int((p * Double(values.count)).rounded(.up)) - 1]
    let estimate = histogram.quantile(p)
    // Half a bucket: 1/256 relative above 0.25 min, 1/2048 min absolute below.
    #expect(abs(estimate - exact) <= max(exact / 256, 1.0 / 2048) + 1e-12, "p=\(p): \(estimate) vs \(exact)")
  }

  @Test func exactZerosAndExtremes() {
    var histogram = QuantileHistogram()
    for _ in 0..<70 { histogram.record(0) }
    for x in stride(from: 1.0, through: 30, by: 1) { histogram.record(x) }
    #expect(histogram.quantile(0.5) == 0)
    #expect(histogram.quantile(0.7) == 0)
    #expect(histogram.quantile(1) == 30)
    #expect(histogram.minimum == 0)
    #expect(histogram.maximum == 30)
    #expect(abs(histogram.fraction(atMost: 0) - 0.7) < 1e-12)
    #expect(QuantileHistogram().quantile(0.5).isNaN)
  }

  @Test func hugeValuesAreClampedToTheMaximum() {
    var histogram = QuantileHistogram()
    histogram.record(1e12)
    #expect(histogram.quantile(0.5) == 1e12)
  }
}
