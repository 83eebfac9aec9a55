import Fitting
import Testing

/// Samples that cannot be fitted give the right error, for every family.
@Suite struct FitErrorTests {
  @Test(arguments: Family.allCases)
  func emptySample(family: Family) {
    #expect(throws: FitError.emptySample) { try InputModel.fit([], family: family) }
  }

  @Test(arguments: Family.allCases)
  func nonPositiveValuesAreCountedAndListed(family: Family) {
    let sample = [1.5, -2, 3, 0, 4, -1, -1, -1, -1, 7]
    let first = [SampleValue(index: 1, value: -2), SampleValue(index: 3, value: 0), SampleValue(index: 5, value: -1),
                 SampleValue(index: 6, value: -1), SampleValue(index: 7, value: -1)]
    #expect(throws: FitError.nonPositiveValues(count: 6, sampleSize: 10, first: first)) {
      try InputModel.fit(sample, family: family)
    }
  }

  @Test(arguments: Family.allCases)
  func nonFiniteValues(family: Family) {
    let sample = [1.0, .nan, 2, .infinity]
    #expect {
      try InputModel.fit(sample, family: family)
    } throws: { error in
      guard case FitError.nonFiniteValues(let count, let size, let first) = error else { return false }
      return count == 2 && size == 4 && first.map(\.index) == [1, 3] && first[1].value == .infinity
    }
  }

  @Test(arguments: Family.allCases)
  func singleValue(family: Family) {
    #expect(throws: FitError.sampleTooSmall(count: 1, minimum: 2)) { try InputModel.fit([3.2], family: family) }
  }

  @Test(arguments: Family.allCases)
  func allEqualValues(family: Family) {
    #expect(throws: FitError.degenerateSample(value: 2.5, count: 3)) { try InputModel.fit([2.5, 2.5, 2.5], family: family) }
  }

  /// Non-finite values are reported before non-positive ones (NaN is not "negative").
  @Test func nonFiniteBeforeNonPositive() {
    #expect(throws: FitError.nonFiniteValues(count: 1, sampleSize: 3, first: [SampleValue(index: 2, value: -.infinity)])) {
      try InputModel.fit([-1, 2, -.infinity], family: .gamma)
    }
  }

  /// Messages name how many values are at fault and where (positions from 1).
  @Test func messagesNameTheValues() {
    let message = FitError.nonPositiveValues(
      count: 7, sampleSize: 40,
      first: (0..<5).map { SampleValue(index: $0 * 2, value: -Double($0)) }
    ).description
    #expect(message.contains("7 of 40 values are zero or negative"))
    #expect(message.contains("0 at position 1, -1 at position 3"))
    #expect(message.contains("and 2 more"))
  }

  /// Ranking an invalid sample gives no fits rather than an error.
  @Test func rankOfInvalidSampleIsEmpty() {
    #expect(InputModel.rank([]).isEmpty)
    #expect(InputModel.rank([1, 1, 1]).isEmpty)
  }
}
