//===----------------------------------------------------------------------===//
// The phrases of the analysis commands: calibrate, warmup, optimize --by-hour, and the
// queueing theory beside the simulation.
//===----------------------------------------------------------------------===//

import CentreSimulation

/// A phrase of `onestop calibrate` (its console text and report.html), `onestop warmup`,
/// `onestop optimize --by-hour`, and the closed-form queueing theory of a centre's
/// counters (its text table and the caveats the run report shows). Figures are associated
/// values, formatted by the table's language; the English table writes them as these
/// reports always did.
public enum AnalysisPhrase: Sendable, Hashable {
  // MARK: - Shared

  case notePrefix
  case yesOrNo(Bool)
  /// `low to high` with `digits` decimals.
  case range(low: Double, high: Double, digits: Int)
  case distanceColumn

  // MARK: - onestop calibrate

  case calibrationInterruptedConsole
  case calibrationTargetsConsole(replications: Int)
  case calibrationTargetColumn
  case observedValueColumn
  case toleranceColumn
  case simulatedValueColumn
  case freeParametersConsole
  case parameterColumn
  case calibratedColumn
  case parameterRangeColumn
  case pinnedDownColumn
  case boundsColumn
  case rangeWithinColumn
  case allPinnedDown
  case notIdentifiableConsole(reasons: String)
  case tradeOffConsole(x: String, y: String)
  case candidatesSimulated(Int)
  case calibrationTitle(String)
  case calibrationInterrupted
  case notIdentifiableMap(reasons: String)
  case targetsHeading
  case freeParametersHeading
  case profileTitle(String)
  case profileCaption(String)
  case profileAxis
  case profileThreshold(String)
  case tradeOffHeading(x: String, y: String)
  case tradeOffChart
  case tradeOffCells
  case tradeOffCaption
  case fittedWith(String)
  case searchHeading
  case candidatesSimulatedRow
  case changesRow
  /// Why the targets do not pin the parameters down: fewer targets than parameters.
  case fewerTargets(targets: Int, free: Int)
  /// Parameters whose range is wide (name, low, high; `to` in the table's words).
  case looseParameters([String])
  case looseParameter(name: String, low: Double, high: Double)
  case ridge(x: String, xFrom: Double, xTo: Double, y: String, yFrom: Double, yTo: Double)
  case everyParameterPinned

  // MARK: - onestop warmup

  case mserIntro(batchSize: Int, replications: Int, days: Int)
  case dailyMeasureColumn
  case measureUnitColumn
  case warmUpColumn
  case meanAllDaysColumn
  case meanAfterWarmUpColumn
  case tooShort
  case dayCount(Int)
  case dayMeasure(DayMeasure)
  case suggestedWarmUp(days: Int)
  case applyWarmUp(days: Int)
  case noWarmUp(unsettled: [String])

  // MARK: - onestop optimize --by-hour

  case byHourHeading(scenario: String, alpha: Double)
  case isaOutcome(steps: Int, converged: Bool, oscillated: Bool)
  case clockHourColumn
  case hourlyArrivalsColumn
  case erlangCStaffColumn
  case simulatedDelayColumn
  case isaStaffColumn
  case meanWaitMinutesColumn
  case staffHoursLine(erlangC: Int, isa: Int)
  case worstHourLine(erlangC: Double, isa: Double, alpha: Double)
  case erlangCLags
  case helpsBackOffice

  // MARK: - Queueing theory beside the simulation

  case theoryTextHeading(centre: String, meanService: Double, scv: Double, model: String)
  case serversColumn
  case offeredLoadColumn
  case delayProbabilityColumn
  case meanWaitColumn
  case scvCorrectedWaitColumn
  case abandonmentColumn
  case squareRootStaffColumn
  case overloadedHours([String])
  case caveatTimeVarying
  case caveatNotExponential(scv: Double)
  case caveatBreak
  case caveatReturnNextDay
  case caveatSkills
  case caveatIrregularStaff
  case caveatPatienceShape
  case caveatBalking
  case caveatBalkingOnly
  case caveatBackOffice
}

extension AnalysisPhrase {
  /// The name of the phrase's case (an exhaustive switch: a new case must be named here).
  public var name: String {
    switch self {
    case .notePrefix: "notePrefix"
    case .yesOrNo: "yesOrNo"
    case .range: "range"
    case .distanceColumn: "distanceColumn"
    case .calibrationInterruptedConsole: "calibrationInterruptedConsole"
    case .calibrationTargetsConsole: "calibrationTargetsConsole"
    case .calibrationTargetColumn: "calibrationTargetColumn"
    case .observedValueColumn: "observedValueColumn"
    case .toleranceColumn: "toleranceColumn"
    case .simulatedValueColumn: "simulatedValueColumn"
    case .freeParametersConsole: "freeParametersConsole"
    case .parameterColumn: "parameterColumn"
    case .calibratedColumn: "calibratedColumn"
    case .parameterRangeColumn: "parameterRangeColumn"
    case .pinnedDownColumn: "pinnedDownColumn"
    case .boundsColumn: "boundsColumn"
    case .rangeWithinColumn: "rangeWithinColumn"
    case .allPinnedDown: "allPinnedDown"
    case .notIdentifiableConsole: "notIdentifiableConsole"
    case .tradeOffConsole: "tradeOffConsole"
    case .candidatesSimulated: "candidatesSimulated"
    case .calibrationTitle: "calibrationTitle"
    case .calibrationInterrupted: "calibrationInterrupted"
    case .notIdentifiableMap: "notIdentifiableMap"
    case .targetsHeading: "targetsHeading"
    case .freeParametersHeading: "freeParametersHeading"
    case .profileTitle: "profileTitle"
    case .profileCaption: "profileCaption"
    case .profileAxis: "profileAxis"
    case .profileThreshold: "profileThreshold"
    case .tradeOffHeading: "tradeOffHeading"
    case .tradeOffChart: "tradeOffChart"
    case .tradeOffCells: "tradeOffCells"
    case .tradeOffCaption: "tradeOffCaption"
    case .fittedWith: "fittedWith"
    case .searchHeading: "searchHeading"
    case .candidatesSimulatedRow: "candidatesSimulatedRow"
    case .changesRow: "changesRow"
    case .fewerTargets: "fewerTargets"
    case .looseParameters: "looseParameters"
    case .looseParameter: "looseParameter"
    case .ridge: "ridge"
    case .everyParameterPinned: "everyParameterPinned"
    case .mserIntro: "mserIntro"
    case .dailyMeasureColumn: "dailyMeasureColumn"
    case .measureUnitColumn: "measureUnitColumn"
    case .warmUpColumn: "warmUpColumn"
    case .meanAllDaysColumn: "meanAllDaysColumn"
    case .meanAfterWarmUpColumn: "meanAfterWarmUpColumn"
    case .tooShort: "tooShort"
    case .dayCount: "dayCount"
    case .dayMeasure: "dayMeasure"
    case .suggestedWarmUp: "suggestedWarmUp"
    case .applyWarmUp: "applyWarmUp"
    case .noWarmUp: "noWarmUp"
    case .byHourHeading: "byHourHeading"
    case .isaOutcome: "isaOutcome"
    case .clockHourColumn: "clockHourColumn"
    case .hourlyArrivalsColumn: "hourlyArrivalsColumn"
    case .erlangCStaffColumn: "erlangCStaffColumn"
    case .simulatedDelayColumn: "simulatedDelayColumn"
    case .isaStaffColumn: "isaStaffColumn"
    case .meanWaitMinutesColumn: "meanWaitMinutesColumn"
    case .staffHoursLine: "staffHoursLine"
    case .worstHourLine: "worstHourLine"
    case .erlangCLags: "erlangCLags"
    case .helpsBackOffice: "helpsBackOffice"
    case .theoryTextHeading: "theoryTextHeading"
    case .serversColumn: "serversColumn"
    case .offeredLoadColumn: "offeredLoadColumn"
    case .delayProbabilityColumn: "delayProbabilityColumn"
    case .meanWaitColumn: "meanWaitColumn"
    case .scvCorrectedWaitColumn: "scvCorrectedWaitColumn"
    case .abandonmentColumn: "abandonmentColumn"
    case .squareRootStaffColumn: "squareRootStaffColumn"
    case .overloadedHours: "overloadedHours"
    case .caveatTimeVarying: "caveatTimeVarying"
    case .caveatNotExponential: "caveatNotExponential"
    case .caveatBreak: "caveatBreak"
    case .caveatReturnNextDay: "caveatReturnNextDay"
    case .caveatSkills: "caveatSkills"
    case .caveatIrregularStaff: "caveatIrregularStaff"
    case .caveatPatienceShape: "caveatPatienceShape"
    case .caveatBalking: "caveatBalking"
    case .caveatBalkingOnly: "caveatBalkingOnly"
    case .caveatBackOffice: "caveatBackOffice"
    }
  }

  /// The name of every case, in declaration order.
  public static let allNames: [String] = [
    "notePrefix", "yesOrNo", "range", "distanceColumn",
    "calibrationInterruptedConsole", "calibrationTargetsConsole", "calibrationTargetColumn", "observedValueColumn", "toleranceColumn",
    "simulatedValueColumn", "freeParametersConsole", "parameterColumn", "calibratedColumn", "parameterRangeColumn", "pinnedDownColumn",
    "boundsColumn", "rangeWithinColumn", "allPinnedDown", "notIdentifiableConsole", "tradeOffConsole", "candidatesSimulated",
    "calibrationTitle", "calibrationInterrupted", "notIdentifiableMap", "targetsHeading", "freeParametersHeading",
    "profileTitle", "profileCaption", "profileAxis", "profileThreshold", "tradeOffHeading", "tradeOffChart", "tradeOffCells",
    "tradeOffCaption", "fittedWith", "searchHeading", "candidatesSimulatedRow", "changesRow", "fewerTargets",
    "looseParameters", "looseParameter", "ridge", "everyParameterPinned",
    "mserIntro", "dailyMeasureColumn", "measureUnitColumn", "warmUpColumn", "meanAllDaysColumn", "meanAfterWarmUpColumn",
    "tooShort", "dayCount", "dayMeasure", "suggestedWarmUp", "applyWarmUp", "noWarmUp",
    "byHourHeading", "isaOutcome", "clockHourColumn", "hourlyArrivalsColumn", "erlangCStaffColumn",
    "simulatedDelayColumn", "isaStaffColumn", "meanWaitMinutesColumn", "staffHoursLine", "worstHourLine",
    "erlangCLags", "helpsBackOffice",
    "theoryTextHeading", "serversColumn", "offeredLoadColumn", "delayProbabilityColumn", "meanWaitColumn", "scvCorrectedWaitColumn",
    "abandonmentColumn", "squareRootStaffColumn", "overloadedHours", "caveatTimeVarying", "caveatNotExponential", "caveatBreak",
    "caveatReturnNextDay", "caveatSkills", "caveatIrregularStaff", "caveatPatienceShape", "caveatBalking",
    "caveatBalkingOnly", "caveatBackOffice",
  ]
}
