import Fitting
import Testing

/// Q–Q plot points.
@Suite struct QuantilePlotTests {
  @Test(arguments: Family.allCases)
  func pointsUsePlottingPositions(family: Family) throws {
    let sample = TestSamples.draw(TestSamples.truth(family), count: 50, seed: 37)
    let fitted = try InputModel.fit(sample, family: family)
    let points = InputModel.qqPoints(sample: sample, fitted: fitted)
    #expect(points.map(\.observed) == sample.sorted())
    for (i, point) in points.enumerated() {
      let p = (Double(i) + 0.5) / 50
      #expect(abs(fitted.cumulativeProbability(point.theoretical) - p) < 1e-9)
    }
    #expect(zip(points, points.dropFirst()).allSatisfy { $0.theoretical < $1.theoretical })
  }
}
