import SimRandom
import Testing

@Suite struct DistributionValidationTests {
  @Test func validDistributionsHaveNoProblems() {
    for d: Distribution in [
      .exponential(mean: 1), .gamma(shape: 1, scale: 1), .uniform(min: 0, max: 1),
      .triangular(min: 0, mode: 0, max: 1), .discrete(values: [1], weights: [1]),
      .piecewise(breaks: [0, 1], weights: [1]),
    ] {
      #expect(d.problems.isEmpty, "\(d)")
    }
  }

  @Test func problemsNameTheParameterAndTheValue() {
    #expect(Distribution.exponential(mean: -2).problems == [
      .init(parameter: "mean", expected: "a positive number", found: "-2")
    ])
    #expect(Distribution.lognormal(mu: 1, sigma: 0).problems.map(\.parameter) == ["sigma"])
    #expect(Distribution.gamma(shape: .nan, scale: 1).problems.map(\.parameter) == ["shape"])
    #expect(Distribution.uniform(min: 5, max: 5).problems.map(\.parameter) == ["max"])
    #expect(Distribution.triangular(min: 0, mode: 9, max: 5).problems.map(\.parameter) == ["mode"])
    #expect(Distribution.truncatedNormal(mean: -50, sd: 1).problems.map(\.parameter) == ["mean"])
  }

  @Test func tablesAreChecked() {
    #expect(Distribution.discrete(values: [], weights: []).problems.map(\.parameter).contains("values"))
    #expect(Distribution.discrete(values: [1, 2], weights: [1]).problems.map(\.parameter) == ["weights"])
    #expect(Distribution.discrete(values: [1, 2], weights: [0, 0]).problems.map(\.found) == ["a sum of 0"])
    #expect(Distribution.discrete(values: [1], weights: [-1]).problems.map(\.parameter).contains("weights"))
    #expect(Distribution.piecewise(breaks: [0], weights: []).problems.map(\.parameter).contains("breaks"))
    #expect(Distribution.piecewise(breaks: [0, 2, 1], weights: [1, 1]).problems.map(\.parameter) == ["breaks"])
  }

  @Test func lowerBounds() {
    #expect(Distribution.exponential(mean: 3).lowerBound == 0)
    #expect(Distribution.uniform(min: -1, max: 3).lowerBound == -1)
    #expect(Distribution.discrete(values: [4, 2], weights: [1, 1]).lowerBound == 2)
  }
}
