//===----------------------------------------------------------------------===//
// Back-office work inferred from the turnaround, when a log has no work_start.
//===----------------------------------------------------------------------===//

import Calibration
import Experiments
import ScenarioFormat

/// The scale on the base's back-office work that makes the simulated mean turnaround the
/// observed one: what a log without `work_start` can say of the work content (its
/// turnaround includes the queue, so it is never fitted as work).
public struct WorkInference: Sendable {
  /// The observed mean turnaround, working days, and the dossiers it is over.
  public var observedWorkingDays: Double
  public var dossiers: Int
  /// The scale, and its range (the values within 3.84 of the best distance).
  public var scale: Double
  public var low: Double
  public var high: Double
  /// The calibrated scenario's mean turnaround with its 95% half-width.
  public var simulatedWorkingDays: Double
  public var simulatedHalfWidth: Double
  /// Candidates simulated.
  public var evaluations: Int

  /// In words, for the notes, the console and the report.
  public var summary: String {
    "the log has no 'work_start', so its turnaround (which includes the back-office queue) is not fitted as work: "
      + "the base's back-office work × \(InputFit.format(scale)) (\(InputFit.format(low)) to \(InputFit.format(high))) "
      + "gives a simulated mean turnaround of \(InputFit.format(simulatedWorkingDays)) ± \(InputFit.format(simulatedHalfWidth)) "
      + "working days, as observed (\(InputFit.format(observedWorkingDays)) over \(dossiers) dossiers); inferred by simulation "
      + "(onestop calibrate, \(evaluations) candidates)"
  }
}

extension FitResult {
  /// This fit with the back-office work scale inferred, when the log has `received` and
  /// `completed` but no `work_start` (else unchanged): the fitted scenario is calibrated
  /// (``Calibrator``) on one target, its mean turnaround in working days within 5% of
  /// the observed one, with `scales.back_office_time` free from 0.1 to 1.9 (the base's work
  /// from a tenth to nearly twice; a value at a bound says the base is further off); the scale is
  /// written into the scenario and every note that advised it says what was done.
  public func inferringBackOfficeWork(jobs: Int, progress: ((String) -> Void)? = nil) throws(ScenarioError) -> FitResult {
    guard workInference == nil, let observed = observedTurnaround, observed.workingDays > 0,
      procedures.contains(where: { $0.calibrationNote != nil })
    else { return self }
    let document = try ScenarioDocument.parse(yaml: yaml, file: "fitted.yaml")
    let target = try CalibrationTarget(parsing: "turnaround_working_days=\(observed.workingDays)+-5%")
    // The search starts from the middle of the bounds: the base's work as it is.
    let free = try FreeParameter(parsing: "back_office_time_scale=0.1:1.9", city: scenario.centres.count > 1)
    var settings = CalibrationSettings()
    settings.starts = 3
    settings.maxEvaluations = 60
    settings.profilePoints = 5
    settings.seed = scenario.seed
    let result = try Calibrator.calibrate(document, targets: [target], free: [free], settings: settings, jobs: jobs, progress: progress)
    guard let estimate = result.parameters.first, let residual = result.residuals.first else { return self }
    var inferred = self
    let inference = WorkInference(
      observedWorkingDays: observed.workingDays, dossiers: observed.dossiers, scale: estimate.value, low: estimate.low,
      high: estimate.high, simulatedWorkingDays: residual.simulated.mean, simulatedHalfWidth: residual.simulated.halfWidth,
      evaluations: result.evaluations)
    inferred.workInference = inference
    for p in inferred.procedures.indices where inferred.procedures[p].calibrationNote != nil {
      inferred.procedures[p].calibrationNote = inference.summary
    }
    inferred.notes.append("Back-office work: \(inference.summary).")
    inferred.yaml = FittedScenarioFile.render(inferred)
      + "# Inferred from the observed turnaround (the log has no work_start): \(InputFit.format(inference.low)) to \(InputFit.format(inference.high)).\n"
      + "scales: {back_office_time: \(InputFit.round6(inference.scale))}\n"
    inferred.scenario = try ScenarioLoader.load(yaml: inferred.yaml, file: "fitted.yaml").scenario
    return inferred
  }
}
