import CentreSimulation
import Localization
import Testing

/// One example of every phrase of calibrate, warmup, optimize --by-hour and the theory.
let exampleAnalysisPhrases: [AnalysisPhrase] = [
  .notePrefix, .yesOrNo(true), .yesOrNo(false), .range(low: 0.9375, high: 1.0875, digits: 4), .distanceColumn,
  .calibrationInterruptedConsole, .calibrationTargetsConsole(replications: 20), .calibrationTargetColumn, .observedValueColumn,
  .toleranceColumn, .simulatedValueColumn, .freeParametersConsole, .parameterColumn, .calibratedColumn, .parameterRangeColumn,
  .pinnedDownColumn, .boundsColumn, .rangeWithinColumn, .allPinnedDown, .notIdentifiableConsole(reasons: "x"),
  .tradeOffConsole(x: "volume_scale", y: "back_office_time_scale"), .candidatesSimulated(1234), .calibrationTitle("s"),
  .calibrationInterrupted, .notIdentifiableMap(reasons: "x"), .targetsHeading, .freeParametersHeading, .profileTitle("volume_scale"),
  .profileCaption("volume_scale"), .profileAxis, .profileThreshold("3.84"), .tradeOffHeading(x: "a", y: "b"), .tradeOffChart,
  .tradeOffCells, .tradeOffCaption, .fittedWith("b"), .searchHeading, .candidatesSimulatedRow, .changesRow,
  .fewerTargets(targets: 1, free: 2), .looseParameters(["x"]), .looseParameter(name: "volume_scale", low: 0.5, high: 1.25),
  .ridge(x: "a", xFrom: 0.8, xTo: 1.2, y: "b", yFrom: 0.5, yTo: 1.5), .everyParameterPinned,
  .mserIntro(batchSize: 5, replications: 10, days: 240), .mserIntro(batchSize: 7, replications: 10, days: 240), .dailyMeasureColumn,
  .measureUnitColumn, .warmUpColumn, .meanAllDaysColumn, .meanAfterWarmUpColumn, .tooShort, .dayCount(14), .dayMeasure(.backlog),
  .suggestedWarmUp(days: 1), .suggestedWarmUp(days: 14), .applyWarmUp(days: 14), .noWarmUp(unsettled: ["x"]),
  .byHourHeading(scenario: "s", alpha: 0.2), .isaOutcome(steps: 3, converged: true, oscillated: false),
  .isaOutcome(steps: 8, converged: false, oscillated: true), .isaOutcome(steps: 20, converged: false, oscillated: false),
  .clockHourColumn, .hourlyArrivalsColumn, .erlangCStaffColumn, .simulatedDelayColumn, .isaStaffColumn, .meanWaitMinutesColumn,
  .staffHoursLine(erlangC: 61, isa: 69), .worstHourLine(erlangC: 0.487, isa: 0.214, alpha: 0.2), .erlangCLags, .helpsBackOffice,
  .theoryTextHeading(centre: "c", meanService: 9, scv: 0.5, model: "Erlang C"), .serversColumn, .offeredLoadColumn,
  .delayProbabilityColumn, .meanWaitColumn, .scvCorrectedWaitColumn, .abandonmentColumn, .squareRootStaffColumn,
  .overloadedHours(["09:00"]), .caveatTimeVarying, .caveatNotExponential(scv: 0.36), .caveatBreak, .caveatReturnNextDay,
  .caveatSkills, .caveatIrregularStaff, .caveatPatienceShape, .caveatBalking, .caveatBalkingOnly, .caveatBackOffice,
]

@Suite struct AnalysisPhraseTests {
  @Test func theExamplesCoverEveryPhrase() {
    let named = Set(exampleAnalysisPhrases.map(\.name))
    let missing = AnalysisPhrase.allNames.filter { !named.contains($0) }
    #expect(missing.isEmpty, "no example of \(missing)")
    #expect(Set(AnalysisPhrase.allNames).count == AnalysisPhrase.allNames.count)
    #expect(named.count == AnalysisPhrase.allNames.count, "a case is missing from allNames")
  }

  /// Every phrase has a Vietnamese text of its own: not empty, and not the English one.
  @Test func everyPhraseHasAVietnameseTextThatIsNotTheEnglishOne() {
    for phrase in exampleAnalysisPhrases {
      let vi = Language.vi(phrase), en = Language.en(phrase)
      #expect(!vi.trimmingCharacters(in: .whitespaces).isEmpty, "\(phrase.name) is empty in Vietnamese")
      #expect(!en.trimmingCharacters(in: .whitespaces).isEmpty, "\(phrase.name) is empty in English")
      #expect(vi != en, "\(phrase.name) is not translated: \(vi)")
    }
    for measure in DayMeasure.allCases {
      #expect(Language.vi(.dayMeasure(measure)) != measure.label, "\(measure.id)")
      #expect(Language.en(.dayMeasure(measure)) == measure.label)
    }
  }

  @Test func vietnamesePhrasesFormatTheirFiguresTheVietnameseWay() {
    #expect(Language.vi(.range(low: 0.9375, high: 1.0875, digits: 4)) == "0,9375 đến 1,0875")
    #expect(Language.vi(.candidatesSimulated(1234)) == "Đã mô phỏng 1.234 phương án.")
    #expect(Language.vi(.worstHourLine(erlangC: 0.487, isa: 0.214, alpha: 0.2))
      == "P(phải chờ) của giờ tệ nhất: Erlang C 48,7%, ISA 21,4% (mục tiêu 20%).")
    #expect(Language.vi(.looseParameter(name: "x", low: 0.5, high: 1.25)) == "của x từ 0,5 đến 1,25")
    #expect(Language.vi(.caveatNotExponential(scv: 0.36)).contains("SCV 0,36"))
    // English keeps the figures as the reports always wrote them.
    #expect(Language.en(.range(low: 0.9375, high: 1.0875, digits: 4)) == "0.9375 to 1.0875")
    #expect(Language.en(.candidatesSimulated(1234)) == "1234 candidates simulated.")
    #expect(Language.en(.looseParameter(name: "x", low: 0.5, high: 1.25)) == "x from 0.5 to 1.25")
    #expect(Language.en(.suggestedWarmUp(days: 1)) == "Suggested warm-up: 1 day.")
  }
}
