import CentreModel
import Foundation
import CentreSimulation
import Localization
import Testing

/// One example of every report phrase, with figures where it takes them.
private let date = CivilDate(year: 2025, month: 7, day: 1)!
private let later = CivilDate(year: 2025, month: 9, day: 7)!
let examplePhrases: [ReportPhrase] = [
  .verdict, .keyFigures, .kpi, .meanWithInterval, .unit, .provenance, .pageFooter(version: "1.0"), .heatMapCells("Overdue, dossiers"),
  .backlogGrowing(trend: 12.3, halfWidth: 2.1, weeks: 4, start: nil, end: 1234, startUp: true),
  .backlogShrinking(trend: 3.2, halfWidth: 0.5, weeks: 4, start: 300, end: 12),
  .backlogStable(trend: 0.02, halfWidth: 0.26, weeks: 4), .backlogUnknown,
  .initialBacklogCleared(clearedIn: 3, replications: 4, end: later, day: 12.5, halfWidth: 1.5, about: date, earliest: date, median: date, latest: later),
  .initialBacklogNotCleared(end: later, replications: 4),
  .deadlinesAllMet(target: 0.95), .deadlinesMissed(count: 2, target: 0.95),
  .deadlineMiss(procedure: "land", deadline: .workingDays(15), onTime: 0.712, halfWidth: 0.031, overdue: 45),
  .waitWithinTarget(p90: 3.3, target: 30), .waitOverTarget(p90: 41.2, halfWidth: 3.5, target: 30),
  .waitCentresWithinTarget(centres: 5, target: 30), .waitCentresOverTarget(count: 2, centres: 5, target: 30),
  .waitCentre(centre: "x", p90: 35.5, halfWidth: 2.5), .andMore(3),
  .scenarioLine(name: "s", start: date, end: later, days: 92, replications: 20, seed: 1),
  .runIntro(start: date, end: later, days: 92, centres: 1, procedures: 9, replications: 20),
  .staffCount(permanent: 3, temporary: 2), .staffOfCentre(centre: "c", counter: "3", backOffice: "5"), .staffLine(items: ["c: 3"], centres: 1),
  .demandReplayed, .demandSpread(weekly: 240, weekdays: [.monday, .tuesday], shares: [0.24, 0.2], rule: .shifted),
  .sizesDrawnOnce(seed: 7), .sizesDrawnPerReplication,
  .initialBacklogSetting(count: 300, pastDue: 40, earliest: date, latest: later, holidays: [date]), .warningsIntro,
  .kpiAtWindowEnd, .windowHeading(from: date, to: later), .windowConsoleHeading(from: date, to: later),
  .workingDaysWithHours(0.8), .workingHoursWithDays(0.04), .deadline(.workingDays(3)),
  .procedureColumn, .deadlineColumn, .arrivalsColumn, .onTimeColumn, .waitMinutesColumn, .turnaroundWDColumn, .turnaroundWorkingDaysColumn,
  .backlogHeading, .seriesBacklog, .seriesOpenPastDue, .seriesInitialOpen, .chartDossiersAtMidnight, .captionDossiersAtMidnight,
  .chartBackOfficeQueue, .seriesBackOfficeQueue, .captionBackOfficeQueue, .chartDossiersPerDay, .seriesArrived, .seriesCompleted,
  .axisDossiersPerDay, .captionDossiersPerDay, .markersCaption, .waitingHeading, .chartCounterWait, .axisMinutes, .captionCounterWait,
  .chartWaitDistribution, .seriesShareServed, .captionWaitDistribution, .hourHeading, .chartQueueByHour, .seriesCitizensWaiting,
  .captionTypicalDay(afterWarmUp: true), .chartStaffByHour, .seriesCounterStaff, .captionStaffByHour, .hourColumn, .walkInArrivalsColumn,
  .waitingColumn, .staffPresentColumn, .waitProbabilityColumn, .waitColumn, .hourTableNote, .chartLongestQueue, .seriesLongestQueue,
  .captionLongestQueue, .utilisationHeading, .chartUtilisationPerPool, .poolName(counter: true, name: "main"), .axisBusyShare,
  .captionUtilisationPerPool, .chartBackOfficePerCentre(busiest: 30), .captionBackOfficePerCentre, .onTimeHeading, .chartOnTime,
  .axisOnTimeShare, .captionOnTime, .staffingHeading, .centreColumn, .poolColumn, .staffColumn, .servesColumn, .servesAll, .openingHours,
  .crew(count: 2, from: date, to: later, hours: "08:00-12:00", speed: 0.6, absence: 0.05, note: "campaign"), .moreCentres(3),
  .centresHeading, .overdueColumn, .backlogAtEndColumn, .waitP90Column, .centresNote, .theoryHeading,
  .theoryIntro(centre: "c", model: "Erlang C", single: true), .arrivalsPerHourColumn, .loadColumn, .utilisationColumn,
  .meanWaitTheoryColumn, .correctedWaitColumn, .squareRootColumn, .simulatedWaitProbabilityColumn, .simulatedWaitColumn,
  .theorySimulatedWait("0.48 ± 0.06"), .theoryCaveat("x"), .provenanceFile, .provenanceDigest, .provenanceSeed, .provenanceReplications,
  .provenanceGenerator, .provenanceGeneratorValue, .provenanceVersion, .provenanceEvents,
  .markerHoliday(days: 2), .markerStaff(joining: 0, leaving: 4, note: "campaign"), .markerOutagesStart("portal"), .markerOutagesEnd("portal"),
  .markerSurgeStart(factor: 1.5), .markerSurgeEnd, .legendHoliday, .legendStaffChange, .legendOutages, .legendSurge,
  .comparisonTitle(base: "base"), .comparisonIntro(base: "base", seed: 1, replications: 20), .comparisonBase(base: "base", replications: 20, seed: 1),
  .variantSummary(variant: "v", base: "base", better: ["a"], worse: ["b"]), .againstBase(variant: "v", base: "base"),
  .noSignificantChange(variant: "v", kpi: "k", difference: 0.1, halfWidth: 0.3),
  .significantChange(variant: "v", kpi: "k", up: false, better: true, amount: .relative(12.5, 3.2), from: 4.5, to: 3.9, share: false),
  .chartChangeWith("v"), .axisChangeAgainst("base"), .captionDifferenceChart, .absoluteChange(change: "+3 ± 2", unit: "dossiers"), .points,
  .legendBetter, .legendWorse, .legendNotSignificant, .differenceColumn, .whichIsBest, .selectionHitLimit(best: "v"),
  .selectionKN(best: "v", confidence: 0.95, zone: 0.5), .alternativeColumn, .meanColumn, .replicationsColumn, .outcomeColumn,
  .selectionOutcome(eliminatedAfter: 5, selected: false), .selectionTextHitLimit(best: "v"), .selectionText(delta: "0.5", confidence: 0.95, best: "v"),
  .selectionLine(label: "v", mean: 1.5, eliminatedAfter: nil),
  .sweepIntro(points: 9, factors: ["a", "b"]), .sweepBest(kpi: "k", point: "3", settings: "a = 1", value: "4 ± 1", unit: "dossiers"),
  .averagedOverOthers, .againstFactor("a"), .pointsHeading, .pointColumn,
  .optimizeTitle("s"), .optimizeRecommendation(feasible: true, confirmed: true, added: 2, removed: 0, before: 8, after: 10),
  .optimizeChange(unit: "c/back", before: 3, after: 5), .optimizeTargets(["on_time_rate ≥ 0.95"]),
  .optimizeTextHeading(feasible: true, confirmed: false), .optimizeTotal(before: 8, after: 10), .optimizeAchieves(replications: 80),
  .optimizeWorstCentre(target: "t", centre: "c", value: "3"), .optimizeByCentre, .optimizeByPool, .counterBeforeColumn, .counterAfterColumn,
  .backOfficeBeforeColumn, .backOfficeAfterColumn, .optimizeChangedCentresOnly(3, 126), .beforeColumn, .afterColumn, .changeColumn,
  .totalRow, .optimizeMarginalHeading, .stepColumn, .moveColumn, .shortfallBeforeColumn, .shortfallAfterColumn, .marginalValueColumn,
  .moveAdd("c/back"), .moveRemove("c/back"), .moveTransfer(from: "a", to: "b"), .optimizeMarginalNote,
  .optimizeAchievesHeading(replications: 80), .targetColumn, .achievedColumn, .holdsColumn, .worstCentreValue(centre: "c", value: "3"),
  .yesNo(true), .optimizeBeforeNote, .optimizeLogHeading, .optimizeInterrupted(replications: 4),
  .separableHeading, .separableNote(objective: "overdue"), .personColumn, .poolsChangeColumn, .gainColumn(objective: "x"),
  .nobodyOnTarget(centre: "c"), .nobodyBuysNothing(centre: "c", gain: "0 ± 1"), .nobodyBuysLess(centre: "c", gain: "2 ± 1"),
  .centreCapped(centre: "c", cap: 6), .whyNobodyHeading, .objectiveGain("overdue"),
  .allocationVerdict(added: 10, objective: "o", kpi: "k", from: "1", to: "2", change: "-1 ± 1", replications: 40), .allocationHeading(objective: "o"),
]

@Suite struct ReportPhraseTests {
  @Test func aLineOfFiguresReadsTheSameInBothLanguages() {
    #expect(Language.vi(.optimizeChange(unit: "c/back", before: 3, after: 5)) == "– c/back: 3 → 5 (+2)")
    #expect(Language.en(.optimizeChange(unit: "c/back", before: 3, after: 5)) == "– c/back: 3 → 5 (+2)")
  }

  @Test func theExamplesCoverEveryPhrase() {
    let named = Set(examplePhrases.map(\.name))
    let missing = ReportPhrase.allNames.filter { !named.contains($0) }
    #expect(missing.isEmpty, "no example of \(missing)")
    #expect(Set(ReportPhrase.allNames).count == ReportPhrase.allNames.count)
  }

  /// Every phrase has a Vietnamese text of its own: not empty, and not the English one
  /// (but for a line of figures only, the same in both).
  @Test func everyPhraseHasAVietnameseTextThatIsNotTheEnglishOne() {
    let figuresOnly: Set<String> = ["optimizeChange"]
    for phrase in examplePhrases where !figuresOnly.contains(phrase.name) {
      let vi = Language.vi(phrase), en = Language.en(phrase)
      #expect(!vi.trimmingCharacters(in: .whitespaces).isEmpty, "\(phrase.name) is empty in Vietnamese")
      #expect(!en.trimmingCharacters(in: .whitespaces).isEmpty, "\(phrase.name) is empty in English")
      #expect(vi != en, "\(phrase.name) is not translated: \(vi)")
    }
  }

  @Test func vietnamesePhrasesFormatTheirFiguresTheVietnameseWay() {
    #expect(Language.vi(.backlogGrowing(trend: 12.3, halfWidth: 2.1, weeks: 4, start: nil, end: 1234, startUp: false))
      == "Tồn đọng tăng 12 ± 2,1 hồ sơ mỗi tuần trong 4 tuần cuối (từ 0 hồ sơ lúc đầu kỳ đến 1.234 hồ sơ cuối kỳ): với số cán bộ hiện có, trung tâm không theo kịp.")
    #expect(Language.vi(.windowHeading(from: date, to: later)) == "Hồ sơ đến từ 01/07/2025 đến 07/09/2025")
    #expect(Language.vi(.deadlineMiss(procedure: "Đất đai", deadline: .workingDays(15), onTime: 0.712, halfWidth: 0.031, overdue: 45))
      == "– Đất đai (thời hạn: 15 ngày làm việc): đúng hạn 71,2% ± 3,1, 45 hồ sơ quá hạn")
    // English keeps the figures as the reports always wrote them.
    #expect(Language.en(.backlogStable(trend: 0.02, halfWidth: 0.26, weeks: 4))
      == "The backlog is stable over the last 4 weeks (trend +0.0 ± 0.3 dossiers a week).")
    #expect(Language.en(.deadline(.workingDays(0))) == "same working day")
    #expect(Language.vi(.deadline(.workingDays(0))) == "trong ngày làm việc")
  }
}

@Suite struct MeasureLabelTests {
  @Test func everyKPIHasAVietnameseLabelThatIsNotTheEnglishOne() {
    for m in RunMeasure.allCases {
      #expect(!Language.vi.label(m).isEmpty && Language.vi.label(m) != Language.en.label(m), "\(m.id)")
    }
    for m in WindowMeasure.allCases {
      #expect(!Language.vi.label(m).isEmpty && Language.vi.label(m) != Language.en.label(m), "\(m.id)")
    }
    for m in CentreMeasure.allCases {
      #expect(!Vietnamese().label(m).isEmpty && Vietnamese().label(m) != English().label(m), "\(m.id)")
    }
    for m in ProcedureMeasure.allCases {
      #expect(!Vietnamese().label(m).isEmpty && Vietnamese().label(m) != English().label(m), "\(m.id)")
    }
  }

  @Test func everyUnitOfTheKPIsHasAVietnameseName() {
    let units = Set(RunMeasure.allCases.map(\.unit) + WindowMeasure.allCases.map(\.unit) + CentreMeasure.allCases.map(\.unit))
    for unit in units {
      #expect(Language.vi.unit(unit) != unit, "unit \(unit) is not translated")
      #expect(Language.en.unit(unit) == unit)
    }
  }
}

@Suite struct LocalFormatTests {
  @Test func numbersGroupThousandsAndUseTheLanguagesDecimalMark() {
    #expect(Language.vi.number(1234.5, decimals: 1) == "1.234,5")
    #expect(Language.en.number(1234.5, decimals: 1) == "1,234.5")
    #expect(Language.vi.number(1_234_567) == "1.234.567")
    #expect(Language.vi.number(-0.25, decimals: 2) == "−0,25")
    #expect(Language.vi.number(0.04, decimals: 1) == "0,0")
  }

  @Test func sharesArePercentages() {
    #expect(Language.vi.percent(0.8788) == "87,9%")
    #expect(Language.en.percent(0.8788) == "87.9%")
  }

  @Test func datesAreDayMonthYearInVietnamese() {
    #expect(Language.vi.date(date) == "01/07/2025")
    #expect(Language.vi.date(CivilDate(year: 2025, month: 12, day: 31)!) == "31/12/2025")
    #expect(Language.en.date(date) == "2025-07-01")
    #expect(Language.vi.shortDate(later) == "07/09")
    #expect(Language.en.shortDate(later) == "09-07")
  }
}

/// The workspace's optimiser and calibration speak Vietnamese of their own.
@Suite struct StudyPhraseTests {
  static let examples: [StudyPhrase] = [
    .optimizeHeading, .optimizeHint, .targetScope, .targetValue, .scopeTotal, .scopeEveryCentre, .optimizeUnits,
    .unitSelection("all"), .unitSelection("counters"), .unitSelection("back-office"), .optimizeBudget, .optimizeBudgetHint,
    .optimizeTransfers, .confirmReplications, .optimizeConfirmHint, .optimize, .objectiveField, .objectiveChoice("overdue"),
    .objectiveChoice("on-time"), .objectiveChoice("wait-p90"), .objectiveChoice("targets"), .budgetNeeded, .gainHeading(objective: "overdue"), .gainHeading(objective: nil), .calibrateHeading, .calibrateHint, .calibrateTargets,
    .calibrateFree, .calibrateStarts, .calibrateEvaluations, .calibrate, .chooseKPI, .expectedNumber("x"), .expectedPercent("120"),
    .expectedWholeNumber("-2", minimum: 0), .targetNeeded, .noPools, .calibrateTargetsNeeded, .calibrateFreeNeeded,
    .lineProblem(2, "expected a number"), .searching(""), .searching("+1 c/back"), .studyOptimize("s"), .studyCalibrate("s"),
    .staffBeforeAndAfter, .staffPool, .staffBefore, .staffAfter, .confirmedWith(12), .calibrateVerdict(within: 1, of: 2),
    .residualsHeading, .figureColumn, .observedColumn, .simulatedColumn, .parametersHeading, .settingColumn, .valueColumn,
    .rangeColumn, .pinnedDown(true), .pinnedDown(false), .calibratedSaved, .calibratedNotSaved,
  ]

  @Test func everyPhraseHasAVietnameseTextThatIsNotTheEnglishOne() {
    for phrase in Self.examples {
      let vi = Language.vi(phrase), en = Language.en(phrase)
      #expect(!vi.isEmpty && !en.isEmpty)
      #expect(vi != en, "\(phrase) is not translated: \(vi)")
    }
    #expect(Language.vi(.confirmedWith(1200)).contains("1.200"), "Vietnamese numbers")
  }
}
