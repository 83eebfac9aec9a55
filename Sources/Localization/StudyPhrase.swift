//===----------------------------------------------------------------------===//
// The phrases of the workspace's optimiser and calibration.
//===----------------------------------------------------------------------===//

/// A phrase of the workspace's optimiser and calibration: their parts of the scenario
/// form, their messages and their result pages.
public enum StudyPhrase: Sendable, Hashable {
  // The optimiser's form.
  case optimizeHeading, optimizeHint, targetScope, targetValue, scopeTotal, scopeEveryCentre
  case optimizeUnits, unitSelection(String), optimizeBudget, optimizeBudgetHint, optimizeTransfers
  case confirmReplications, optimizeConfirmHint, optimize, objectiveField, objectiveChoice(String), budgetNeeded
  // The calibration's form.
  case calibrateHeading, calibrateHint, calibrateTargets, calibrateFree, calibrateStarts, calibrateEvaluations, calibrate
  // Messages at a field.
  case chooseKPI, expectedNumber(String), expectedPercent(String), expectedWholeNumber(String, minimum: Int)
  case targetNeeded, noPools, calibrateTargetsNeeded, calibrateFreeNeeded, lineProblem(Int, String)
  // Jobs and results.
  case searching(String), studyOptimize(String), studyCalibrate(String)
  /// The marginal table's gain column, in the unit of `objective` (a `StaffingObjective`
  /// raw value; nil: no unit).
  case gainHeading(objective: String?)
  case staffBeforeAndAfter, staffPool, staffBefore, staffAfter, confirmedWith(Int)
  case calibrateVerdict(within: Int, of: Int), residualsHeading, figureColumn, observedColumn, simulatedColumn, zColumn
  case parametersHeading, settingColumn, valueColumn, rangeColumn, pinnedDown(Bool)
  case calibratedSaved, calibratedNotSaved
}
