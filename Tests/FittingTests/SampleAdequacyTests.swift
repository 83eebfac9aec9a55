import Fitting
import Testing

/// When a sample is too small to fit, or to rank families.
@Suite struct SampleAdequacyTests {
  @Test(arguments: [(0, SampleAdequacy.Verdict.tooSmallToFit), (9, .tooSmallToFit), (10, .enoughToFit),
                    (29, .enoughToFit), (30, .enoughToRank), (5000, .enoughToRank)])
  func verdictBySize(size: Int, verdict: SampleAdequacy.Verdict) {
    let adequacy = SampleAdequacy(sampleSize: size)
    #expect(adequacy.verdict == verdict)
    #expect(adequacy.canFit == (size >= 10))
    #expect(adequacy.canRank == (size >= 30))
    #expect(adequacy.reason.hasPrefix("\(size) observation"))
  }

  @Test func reasonExplainsTheRule() {
    #expect(InputModel.adequacy(of: [1, 2, 3]).reason.contains("at least 10"))
    #expect(SampleAdequacy(sampleSize: 12).reason.contains("at least 30"))
  }
}
