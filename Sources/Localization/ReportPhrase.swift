//===----------------------------------------------------------------------===//
// The phrases of the HTML reports and the console summary.
//===----------------------------------------------------------------------===//

import CentreModel

/// How a significant change is sized in a comparison's verdict.
public enum ChangeAmount: Sendable, Hashable {
  /// A share's change in percentage points (size, half-width).
  case points(Double, Double)
  /// A day number's change in days.
  case days(Double, Double)
  /// A trend's change in dossiers a week.
  case perWeek(Double, Double)
  /// A change relative to the base, in percent.
  case relative(Double, Double)
  /// A change in the KPI's unit.
  case absolute(Double, Double)
}

/// A phrase of the reports (headings, captions, verdicts, table headers). Phrases that
/// carry figures take them as associated values, formatted by the table's language.
public enum ReportPhrase: Sendable, Hashable {
  case verdict
  case keyFigures
  case kpi
  case meanWithInterval
  case unit
  case provenance
  case pageFooter(version: String)
  case heatMapCells(String)

  // MARK: - The verdict

  case backlogGrowing(trend: Double, halfWidth: Double, weeks: Int, start: Double?, end: Double, startUp: Bool)
  case backlogShrinking(trend: Double, halfWidth: Double, weeks: Int, start: Double?, end: Double)
  case backlogStable(trend: Double, halfWidth: Double, weeks: Int)
  case backlogUnknown
  case initialBacklogCleared(clearedIn: Int, replications: Int, end: CivilDate, day: Double, halfWidth: Double, about: CivilDate, earliest: CivilDate, median: CivilDate, latest: CivilDate)
  case initialBacklogNotCleared(end: CivilDate, replications: Int)
  case deadlinesAllMet(target: Double)
  case deadlinesMissed(count: Int, target: Double)
  case deadlineMiss(procedure: String, deadline: Deadline, onTime: Double, halfWidth: Double, overdue: Double)
  case waitWithinTarget(p90: Double, target: Double)
  case waitOverTarget(p90: Double, halfWidth: Double, target: Double)
  case waitCentresWithinTarget(centres: Int, target: Double)
  case waitCentresOverTarget(count: Int, centres: Int, target: Double)
  case waitCentre(centre: String, p90: Double, halfWidth: Double)
  case andMore(Int)

  // MARK: - What was simulated

  case scenarioLine(name: String, start: CivilDate, end: CivilDate, days: Int, replications: Int, seed: UInt64)
  case runIntro(start: CivilDate, end: CivilDate, days: Int, centres: Int, procedures: Int, replications: Int)
  case staffCount(permanent: Int, temporary: Int)
  case staffOfCentre(centre: String, counter: String, backOffice: String)
  case staffLine(items: [String], centres: Int)
  case demandReplayed
  case demandSpread(weekly: Double, weekdays: [Weekday], shares: [Double], rule: ExtraDayDemand?)
  case sizesDrawnOnce(seed: UInt64)
  case sizesDrawnPerReplication
  case initialBacklogSetting(count: Int, pastDue: Int, earliest: CivilDate, latest: CivilDate, holidays: [CivilDate])
  case warningsIntro

  // MARK: - Tables of the run

  case kpiAtWindowEnd
  case windowHeading(from: CivilDate, to: CivilDate)
  case windowConsoleHeading(from: CivilDate, to: CivilDate)
  case workingDaysWithHours(Double)
  case workingHoursWithDays(Double)
  case deadline(Deadline)
  case procedureColumn
  case deadlineColumn
  case arrivalsColumn
  case onTimeColumn
  case waitMinutesColumn
  case turnaroundWDColumn
  case turnaroundWorkingDaysColumn

  // MARK: - Charts of the run

  case backlogHeading
  case seriesBacklog
  case seriesOpenPastDue
  case seriesInitialOpen
  case chartDossiersAtMidnight
  case captionDossiersAtMidnight
  case chartBackOfficeQueue
  case seriesBackOfficeQueue
  case captionBackOfficeQueue
  case chartDossiersPerDay
  case seriesArrived
  case seriesCompleted
  case axisDossiersPerDay
  case captionDossiersPerDay
  case markersCaption
  case waitingHeading
  case chartCounterWait
  case axisMinutes
  case captionCounterWait
  case chartWaitDistribution
  case seriesShareServed
  case captionWaitDistribution
  case hourHeading
  case chartQueueByHour
  case seriesCitizensWaiting
  case captionTypicalDay(afterWarmUp: Bool)
  case chartStaffByHour
  case seriesCounterStaff
  case captionStaffByHour
  case hourColumn
  case walkInArrivalsColumn
  case waitingColumn
  case staffPresentColumn
  case waitProbabilityColumn
  case waitColumn
  case hourTableNote
  case chartLongestQueue
  case seriesLongestQueue
  case captionLongestQueue
  case utilisationHeading
  case chartUtilisationPerPool
  case poolName(counter: Bool, name: String)
  case axisBusyShare
  case captionUtilisationPerPool
  case chartBackOfficePerCentre(busiest: Int?)
  case captionBackOfficePerCentre
  case onTimeHeading
  case chartOnTime
  case axisOnTimeShare
  case captionOnTime
  case staffingHeading
  case centreColumn
  case poolColumn
  case staffColumn
  case servesColumn
  case servesAll
  case openingHours
  case crew(count: Int, from: CivilDate?, to: CivilDate?, hours: String?, speed: Double, absence: Double, note: String)
  case moreCentres(Int)
  case centresHeading
  case overdueColumn
  case backlogAtEndColumn
  case waitP90Column
  case centresNote
  case theoryHeading
  case theoryIntro(centre: String, model: String, single: Bool)
  case arrivalsPerHourColumn
  case loadColumn
  case utilisationColumn
  case meanWaitTheoryColumn
  case correctedWaitColumn
  case squareRootColumn
  case simulatedWaitProbabilityColumn
  case simulatedWaitColumn
  case theorySimulatedWait(String)
  case theoryCaveat(String)
  case provenanceFile
  case provenanceDigest
  case provenanceSeed
  case provenanceReplications
  case provenanceGenerator
  case provenanceGeneratorValue
  case provenanceVersion
  case provenanceEvents

  // MARK: - Markers on the time charts

  case markerHoliday(days: Int)
  case markerStaff(joining: Int, leaving: Int, note: String)
  case markerOutagesStart(String)
  case markerOutagesEnd(String)
  case markerSurgeStart(factor: Double)
  case markerSurgeEnd
  case legendHoliday
  case legendStaffChange
  case legendOutages
  case legendSurge

  // MARK: - Comparisons

  case comparisonTitle(base: String)
  case comparisonIntro(base: String, seed: UInt64, replications: Int)
  case comparisonBase(base: String, replications: Int, seed: UInt64)
  case variantSummary(variant: String, base: String, better: [String], worse: [String])
  case againstBase(variant: String, base: String)
  case noSignificantChange(variant: String, kpi: String, difference: Double, halfWidth: Double)
  case significantChange(variant: String, kpi: String, up: Bool, better: Bool, amount: ChangeAmount, from: Double, to: Double, share: Bool)
  case chartChangeWith(String)
  case axisChangeAgainst(String)
  case captionDifferenceChart
  case absoluteChange(change: String, unit: String)
  case points
  case legendBetter
  case legendWorse
  case legendNotSignificant
  case differenceColumn
  case whichIsBest
  case selectionHitLimit(best: String)
  case selectionKN(best: String, confidence: Double, zone: Double)
  case alternativeColumn
  case meanColumn
  case replicationsColumn
  case outcomeColumn
  case selectionOutcome(eliminatedAfter: Int?, selected: Bool)
  case selectionTextHitLimit(best: String)
  case selectionText(delta: String, confidence: Double, best: String)
  case selectionLine(label: String, mean: Double, eliminatedAfter: Int?)

  // MARK: - Sweeps

  case sweepIntro(points: Int, factors: [String])
  case sweepBest(kpi: String, point: String, settings: String, value: String, unit: String)
  case averagedOverOthers
  case againstFactor(String)
  case pointsHeading
  case pointColumn

  // MARK: - Optimisation

  case optimizeTitle(String)
  case optimizeRecommendation(feasible: Bool, confirmed: Bool, added: Int, removed: Int, before: Int, after: Int)
  case optimizeChange(unit: String, before: Int, after: Int)
  case optimizeTargets([String])
  case optimizeTextHeading(feasible: Bool, confirmed: Bool)
  case optimizeTotal(before: Int, after: Int)
  case optimizeAchieves(replications: Int)
  case optimizeWorstCentre(target: String, centre: String, value: String)
  case optimizeByCentre
  case optimizeByPool
  case counterBeforeColumn
  case counterAfterColumn
  case backOfficeBeforeColumn
  case backOfficeAfterColumn
  case optimizeChangedCentresOnly(Int, Int)
  case beforeColumn
  case afterColumn
  case changeColumn
  case totalRow
  case optimizeMarginalHeading
  case stepColumn
  case moveColumn
  case shortfallBeforeColumn
  case shortfallAfterColumn
  case marginalValueColumn
  case moveAdd(String)
  case moveRemove(String)
  case moveTransfer(from: String, to: String)
  case optimizeMarginalNote
  case optimizeAchievesHeading(replications: Int)
  case targetColumn
  case achievedColumn
  case holdsColumn
  case worstCentreValue(centre: String, value: String)
  case yesNo(Bool)
  case optimizeBeforeNote
  case optimizeLogHeading
  case optimizeInterrupted(replications: Int)
  case separableHeading, separableNote(objective: String), personColumn, poolsChangeColumn, gainColumn(objective: String)
  case nobodyOnTarget(centre: String), nobodyBuysNothing(centre: String, gain: String), nobodyBuysLess(centre: String, gain: String)
  case centreCapped(centre: String, cap: Int), whyNobodyHeading
  case objectiveGain(String)
  /// `objective`: a ``StaffingObjective`` raw value (`overdue`, `on-time`, `wait-p90`).
  case allocationVerdict(added: Int, objective: String, kpi: String, from: String, to: String, change: String, replications: Int)
  /// `objective`: a ``StaffingObjective`` raw value.
  case allocationHeading(objective: String)
}

extension ReportPhrase {
  /// The name of the phrase's case (an exhaustive switch: a new case must be named here).
  public var name: String {
    switch self {
    case .verdict: "verdict"
    case .keyFigures: "keyFigures"
    case .kpi: "kpi"
    case .meanWithInterval: "meanWithInterval"
    case .unit: "unit"
    case .provenance: "provenance"
    case .pageFooter: "pageFooter"
    case .heatMapCells: "heatMapCells"
    case .backlogGrowing: "backlogGrowing"
    case .backlogShrinking: "backlogShrinking"
    case .backlogStable: "backlogStable"
    case .backlogUnknown: "backlogUnknown"
    case .initialBacklogCleared: "initialBacklogCleared"
    case .initialBacklogNotCleared: "initialBacklogNotCleared"
    case .deadlinesAllMet: "deadlinesAllMet"
    case .deadlinesMissed: "deadlinesMissed"
    case .deadlineMiss: "deadlineMiss"
    case .waitWithinTarget: "waitWithinTarget"
    case .waitOverTarget: "waitOverTarget"
    case .waitCentresWithinTarget: "waitCentresWithinTarget"
    case .waitCentresOverTarget: "waitCentresOverTarget"
    case .waitCentre: "waitCentre"
    case .andMore: "andMore"
    case .scenarioLine: "scenarioLine"
    case .runIntro: "runIntro"
    case .staffCount: "staffCount"
    case .staffOfCentre: "staffOfCentre"
    case .staffLine: "staffLine"
    case .demandReplayed: "demandReplayed"
    case .demandSpread: "demandSpread"
    case .sizesDrawnOnce: "sizesDrawnOnce"
    case .sizesDrawnPerReplication: "sizesDrawnPerReplication"
    case .initialBacklogSetting: "initialBacklogSetting"
    case .warningsIntro: "warningsIntro"
    case .kpiAtWindowEnd: "kpiAtWindowEnd"
    case .windowHeading: "windowHeading"
    case .windowConsoleHeading: "windowConsoleHeading"
    case .workingDaysWithHours: "workingDaysWithHours"
    case .workingHoursWithDays: "workingHoursWithDays"
    case .deadline: "deadline"
    case .procedureColumn: "procedureColumn"
    case .deadlineColumn: "deadlineColumn"
    case .arrivalsColumn: "arrivalsColumn"
    case .onTimeColumn: "onTimeColumn"
    case .waitMinutesColumn: "waitMinutesColumn"
    case .turnaroundWDColumn: "turnaroundWDColumn"
    case .turnaroundWorkingDaysColumn: "turnaroundWorkingDaysColumn"
    case .backlogHeading: "backlogHeading"
    case .seriesBacklog: "seriesBacklog"
    case .seriesOpenPastDue: "seriesOpenPastDue"
    case .seriesInitialOpen: "seriesInitialOpen"
    case .chartDossiersAtMidnight: "chartDossiersAtMidnight"
    case .captionDossiersAtMidnight: "captionDossiersAtMidnight"
    case .chartBackOfficeQueue: "chartBackOfficeQueue"
    case .seriesBackOfficeQueue: "seriesBackOfficeQueue"
    case .captionBackOfficeQueue: "captionBackOfficeQueue"
    case .chartDossiersPerDay: "chartDossiersPerDay"
    case .seriesArrived: "seriesArrived"
    case .seriesCompleted: "seriesCompleted"
    case .axisDossiersPerDay: "axisDossiersPerDay"
    case .captionDossiersPerDay: "captionDossiersPerDay"
    case .markersCaption: "markersCaption"
    case .waitingHeading: "waitingHeading"
    case .chartCounterWait: "chartCounterWait"
    case .axisMinutes: "axisMinutes"
    case .captionCounterWait: "captionCounterWait"
    case .chartWaitDistribution: "chartWaitDistribution"
    case .seriesShareServed: "seriesShareServed"
    case .captionWaitDistribution: "captionWaitDistribution"
    case .hourHeading: "hourHeading"
    case .chartQueueByHour: "chartQueueByHour"
    case .seriesCitizensWaiting: "seriesCitizensWaiting"
    case .captionTypicalDay: "captionTypicalDay"
    case .chartStaffByHour: "chartStaffByHour"
    case .seriesCounterStaff: "seriesCounterStaff"
    case .captionStaffByHour: "captionStaffByHour"
    case .hourColumn: "hourColumn"
    case .walkInArrivalsColumn: "walkInArrivalsColumn"
    case .waitingColumn: "waitingColumn"
    case .staffPresentColumn: "staffPresentColumn"
    case .waitProbabilityColumn: "waitProbabilityColumn"
    case .waitColumn: "waitColumn"
    case .hourTableNote: "hourTableNote"
    case .chartLongestQueue: "chartLongestQueue"
    case .seriesLongestQueue: "seriesLongestQueue"
    case .captionLongestQueue: "captionLongestQueue"
    case .utilisationHeading: "utilisationHeading"
    case .chartUtilisationPerPool: "chartUtilisationPerPool"
    case .poolName: "poolName"
    case .axisBusyShare: "axisBusyShare"
    case .captionUtilisationPerPool: "captionUtilisationPerPool"
    case .chartBackOfficePerCentre: "chartBackOfficePerCentre"
    case .captionBackOfficePerCentre: "captionBackOfficePerCentre"
    case .onTimeHeading: "onTimeHeading"
    case .chartOnTime: "chartOnTime"
    case .axisOnTimeShare: "axisOnTimeShare"
    case .captionOnTime: "captionOnTime"
    case .staffingHeading: "staffingHeading"
    case .centreColumn: "centreColumn"
    case .poolColumn: "poolColumn"
    case .staffColumn: "staffColumn"
    case .servesColumn: "servesColumn"
    case .servesAll: "servesAll"
    case .openingHours: "openingHours"
    case .crew: "crew"
    case .moreCentres: "moreCentres"
    case .centresHeading: "centresHeading"
    case .overdueColumn: "overdueColumn"
    case .backlogAtEndColumn: "backlogAtEndColumn"
    case .waitP90Column: "waitP90Column"
    case .centresNote: "centresNote"
    case .theoryHeading: "theoryHeading"
    case .theoryIntro: "theoryIntro"
    case .arrivalsPerHourColumn: "arrivalsPerHourColumn"
    case .loadColumn: "loadColumn"
    case .utilisationColumn: "utilisationColumn"
    case .meanWaitTheoryColumn: "meanWaitTheoryColumn"
    case .correctedWaitColumn: "correctedWaitColumn"
    case .squareRootColumn: "squareRootColumn"
    case .simulatedWaitProbabilityColumn: "simulatedWaitProbabilityColumn"
    case .simulatedWaitColumn: "simulatedWaitColumn"
    case .theorySimulatedWait: "theorySimulatedWait"
    case .theoryCaveat: "theoryCaveat"
    case .provenanceFile: "provenanceFile"
    case .provenanceDigest: "provenanceDigest"
    case .provenanceSeed: "provenanceSeed"
    case .provenanceReplications: "provenanceReplications"
    case .provenanceGenerator: "provenanceGenerator"
    case .provenanceGeneratorValue: "provenanceGeneratorValue"
    case .provenanceVersion: "provenanceVersion"
    case .provenanceEvents: "provenanceEvents"
    case .markerHoliday: "markerHoliday"
    case .markerStaff: "markerStaff"
    case .markerOutagesStart: "markerOutagesStart"
    case .markerOutagesEnd: "markerOutagesEnd"
    case .markerSurgeStart: "markerSurgeStart"
    case .markerSurgeEnd: "markerSurgeEnd"
    case .legendHoliday: "legendHoliday"
    case .legendStaffChange: "legendStaffChange"
    case .legendOutages: "legendOutages"
    case .legendSurge: "legendSurge"
    case .comparisonTitle: "comparisonTitle"
    case .comparisonIntro: "comparisonIntro"
    case .comparisonBase: "comparisonBase"
    case .variantSummary: "variantSummary"
    case .againstBase: "againstBase"
    case .noSignificantChange: "noSignificantChange"
    case .significantChange: "significantChange"
    case .chartChangeWith: "chartChangeWith"
    case .axisChangeAgainst: "axisChangeAgainst"
    case .captionDifferenceChart: "captionDifferenceChart"
    case .absoluteChange: "absoluteChange"
    case .points: "points"
    case .legendBetter: "legendBetter"
    case .legendWorse: "legendWorse"
    case .legendNotSignificant: "legendNotSignificant"
    case .differenceColumn: "differenceColumn"
    case .whichIsBest: "whichIsBest"
    case .selectionHitLimit: "selectionHitLimit"
    case .selectionKN: "selectionKN"
    case .alternativeColumn: "alternativeColumn"
    case .meanColumn: "meanColumn"
    case .replicationsColumn: "replicationsColumn"
    case .outcomeColumn: "outcomeColumn"
    case .selectionOutcome: "selectionOutcome"
    case .selectionTextHitLimit: "selectionTextHitLimit"
    case .selectionText: "selectionText"
    case .selectionLine: "selectionLine"
    case .sweepIntro: "sweepIntro"
    case .sweepBest: "sweepBest"
    case .averagedOverOthers: "averagedOverOthers"
    case .againstFactor: "againstFactor"
    case .pointsHeading: "pointsHeading"
    case .pointColumn: "pointColumn"
    case .optimizeTitle: "optimizeTitle"
    case .optimizeRecommendation: "optimizeRecommendation"
    case .optimizeChange: "optimizeChange"
    case .optimizeTargets: "optimizeTargets"
    case .optimizeTextHeading: "optimizeTextHeading"
    case .optimizeTotal: "optimizeTotal"
    case .optimizeAchieves: "optimizeAchieves"
    case .optimizeWorstCentre: "optimizeWorstCentre"
    case .optimizeByCentre: "optimizeByCentre"
    case .optimizeByPool: "optimizeByPool"
    case .counterBeforeColumn: "counterBeforeColumn"
    case .counterAfterColumn: "counterAfterColumn"
    case .backOfficeBeforeColumn: "backOfficeBeforeColumn"
    case .backOfficeAfterColumn: "backOfficeAfterColumn"
    case .optimizeChangedCentresOnly: "optimizeChangedCentresOnly"
    case .beforeColumn: "beforeColumn"
    case .afterColumn: "afterColumn"
    case .changeColumn: "changeColumn"
    case .totalRow: "totalRow"
    case .optimizeMarginalHeading: "optimizeMarginalHeading"
    case .stepColumn: "stepColumn"
    case .moveColumn: "moveColumn"
    case .shortfallBeforeColumn: "shortfallBeforeColumn"
    case .shortfallAfterColumn: "shortfallAfterColumn"
    case .marginalValueColumn: "marginalValueColumn"
    case .moveAdd: "moveAdd"
    case .moveRemove: "moveRemove"
    case .moveTransfer: "moveTransfer"
    case .optimizeMarginalNote: "optimizeMarginalNote"
    case .optimizeAchievesHeading: "optimizeAchievesHeading"
    case .targetColumn: "targetColumn"
    case .achievedColumn: "achievedColumn"
    case .holdsColumn: "holdsColumn"
    case .worstCentreValue: "worstCentreValue"
    case .yesNo: "yesNo"
    case .optimizeBeforeNote: "optimizeBeforeNote"
    case .optimizeLogHeading: "optimizeLogHeading"
    case .optimizeInterrupted: "optimizeInterrupted"
    case .separableHeading: "separableHeading"
    case .separableNote: "separableNote"
    case .personColumn: "personColumn"
    case .poolsChangeColumn: "poolsChangeColumn"
    case .gainColumn: "gainColumn"
    case .nobodyOnTarget: "nobodyOnTarget"
    case .nobodyBuysNothing: "nobodyBuysNothing"
    case .nobodyBuysLess: "nobodyBuysLess"
    case .centreCapped: "centreCapped"
    case .whyNobodyHeading: "whyNobodyHeading"
    case .objectiveGain: "objectiveGain"
    case .allocationVerdict: "allocationVerdict"
    case .allocationHeading: "allocationHeading"
    }
  }

  /// The name of every case, in declaration order.
  public static let allNames: [String] = [
    "verdict",
    "keyFigures",
    "kpi",
    "meanWithInterval",
    "unit",
    "provenance",
    "pageFooter",
    "heatMapCells",
    "backlogGrowing",
    "backlogShrinking",
    "backlogStable",
    "backlogUnknown",
    "initialBacklogCleared",
    "initialBacklogNotCleared",
    "deadlinesAllMet",
    "deadlinesMissed",
    "deadlineMiss",
    "waitWithinTarget",
    "waitOverTarget",
    "waitCentresWithinTarget",
    "waitCentresOverTarget",
    "waitCentre",
    "andMore",
    "scenarioLine",
    "runIntro",
    "staffCount",
    "staffOfCentre",
    "staffLine",
    "demandReplayed",
    "demandSpread",
    "sizesDrawnOnce",
    "sizesDrawnPerReplication",
    "initialBacklogSetting",
    "warningsIntro",
    "kpiAtWindowEnd",
    "windowHeading",
    "windowConsoleHeading",
    "workingDaysWithHours",
    "workingHoursWithDays",
    "deadline",
    "procedureColumn",
    "deadlineColumn",
    "arrivalsColumn",
    "onTimeColumn",
    "waitMinutesColumn",
    "turnaroundWDColumn",
    "turnaroundWorkingDaysColumn",
    "backlogHeading",
    "seriesBacklog",
    "seriesOpenPastDue",
    "seriesInitialOpen",
    "chartDossiersAtMidnight",
    "captionDossiersAtMidnight",
    "chartBackOfficeQueue",
    "seriesBackOfficeQueue",
    "captionBackOfficeQueue",
    "chartDossiersPerDay",
    "seriesArrived",
    "seriesCompleted",
    "axisDossiersPerDay",
    "captionDossiersPerDay",
    "markersCaption",
    "waitingHeading",
    "chartCounterWait",
    "axisMinutes",
    "captionCounterWait",
    "chartWaitDistribution",
    "seriesShareServed",
    "captionWaitDistribution",
    "hourHeading",
    "chartQueueByHour",
    "seriesCitizensWaiting",
    "captionTypicalDay",
    "chartStaffByHour",
    "seriesCounterStaff",
    "captionStaffByHour",
    "hourColumn",
    "walkInArrivalsColumn",
    "waitingColumn",
    "staffPresentColumn",
    "waitProbabilityColumn",
    "waitColumn",
    "hourTableNote",
    "chartLongestQueue",
    "seriesLongestQueue",
    "captionLongestQueue",
    "utilisationHeading",
    "chartUtilisationPerPool",
    "poolName",
    "axisBusyShare",
    "captionUtilisationPerPool",
    "chartBackOfficePerCentre",
    "captionBackOfficePerCentre",
    "onTimeHeading",
    "chartOnTime",
    "axisOnTimeShare",
    "captionOnTime",
    "staffingHeading",
    "centreColumn",
    "poolColumn",
    "staffColumn",
    "servesColumn",
    "servesAll",
    "openingHours",
    "crew",
    "moreCentres",
    "centresHeading",
    "overdueColumn",
    "backlogAtEndColumn",
    "waitP90Column",
    "centresNote",
    "theoryHeading",
    "theoryIntro",
    "arrivalsPerHourColumn",
    "loadColumn",
    "utilisationColumn",
    "meanWaitTheoryColumn",
    "correctedWaitColumn",
    "squareRootColumn",
    "simulatedWaitProbabilityColumn",
    "simulatedWaitColumn",
    "theorySimulatedWait",
    "theoryCaveat",
    "provenanceFile",
    "provenanceDigest",
    "provenanceSeed",
    "provenanceReplications",
    "provenanceGenerator",
    "provenanceGeneratorValue",
    "provenanceVersion",
    "provenanceEvents",
    "markerHoliday",
    "markerStaff",
    "markerOutagesStart",
    "markerOutagesEnd",
    "markerSurgeStart",
    "markerSurgeEnd",
    "legendHoliday",
    "legendStaffChange",
    "legendOutages",
    "legendSurge",
    "comparisonTitle",
    "comparisonIntro",
    "comparisonBase",
    "variantSummary",
    "againstBase",
    "noSignificantChange",
    "significantChange",
    "chartChangeWith",
    "axisChangeAgainst",
    "captionDifferenceChart",
    "absoluteChange",
    "points",
    "legendBetter",
    "legendWorse",
    "legendNotSignificant",
    "differenceColumn",
    "whichIsBest",
    "selectionHitLimit",
    "selectionKN",
    "alternativeColumn",
    "meanColumn",
    "replicationsColumn",
    "outcomeColumn",
    "selectionOutcome",
    "selectionTextHitLimit",
    "selectionText",
    "selectionLine",
    "sweepIntro",
    "sweepBest",
    "averagedOverOthers",
    "againstFactor",
    "pointsHeading",
    "pointColumn",
    "optimizeTitle",
    "optimizeRecommendation",
    "optimizeChange",
    "optimizeTargets",
    "optimizeTextHeading",
    "optimizeTotal",
    "optimizeAchieves",
    "optimizeWorstCentre",
    "optimizeByCentre",
    "optimizeByPool",
    "counterBeforeColumn",
    "counterAfterColumn",
    "backOfficeBeforeColumn",
    "backOfficeAfterColumn",
    "optimizeChangedCentresOnly",
    "beforeColumn",
    "afterColumn",
    "changeColumn",
    "totalRow",
    "optimizeMarginalHeading",
    "stepColumn",
    "moveColumn",
    "shortfallBeforeColumn",
    "shortfallAfterColumn",
    "marginalValueColumn",
    "moveAdd",
    "moveRemove",
    "moveTransfer",
    "optimizeMarginalNote",
    "optimizeAchievesHeading",
    "targetColumn",
    "achievedColumn",
    "holdsColumn",
    "worstCentreValue",
    "yesNo",
    "optimizeBeforeNote",
    "optimizeLogHeading",
    "optimizeInterrupted",
    "separableHeading",
    "separableNote",
    "personColumn",
    "poolsChangeColumn",
    "gainColumn",
    "nobodyOnTarget",
    "nobodyBuysNothing",
    "nobodyBuysLess",
    "centreCapped",
    "whyNobodyHeading",
    "objectiveGain",
    "allocationVerdict",
    "allocationHeading",
  ]
}
