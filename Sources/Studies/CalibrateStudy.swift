//===----------------------------------------------------------------------===//
// A study of calibration: free settings fitted to published figures.
//===----------------------------------------------------------------------===//

import Calibration
import ScenarioFormat
import Reporting

/// `onestop calibrate` and the workspace's Calibrate button.
public enum CalibrateStudy {
  /// The targets (`kpi[FROM..TO]=value[+-tol]`) and free settings (`key.path=low:high`)
  /// as `--target` and `--free` write them; `city` when the scenario has several centres.
  public static func parse(targets: [String], free: [String], city: Bool)
    throws(ScenarioError) -> (targets: [CalibrationTarget], free: [FreeParameter])
  {
    (try targets.map { (text: String) throws(ScenarioError) in try CalibrationTarget(parsing: text) },
     try free.map { (text: String) throws(ScenarioError) in try FreeParameter(parsing: text, city: city) })
  }

  /// The name of the calibrated scenario of scenario `name`: a name of its own, so that
  /// its runs do not overwrite the original's.
  public static func calibratedName(_ name: String) -> String { "\(name)-calibrated" }

  /// Calibrates `document` (loaded with `changes` as `loaded`) on `jobs` workers: the
  /// report with the calibrated scenario's YAML. A search stopped by `shouldStop` keeps
  /// the best values found so far (``CalibrationResult/interrupted``).
  public static func run(_ document: ScenarioDocument, _ loaded: LoadedScenario, changes: ScenarioChanges,
                         targets: [CalibrationTarget], free: [FreeParameter], settings: CalibrationSettings,
                         jobs: Int, progress: ((String) -> Void)? = nil,
                         shouldStop: (@Sendable () -> Bool)? = nil) throws(ScenarioError) -> CalibrationReport {
    var base = changes.overrides
    if let seed = changes.seed { base.append(Override(keyPath: "seed", value: String(seed), option: "--seed")) }
    var settings = settings
    settings.seed = loaded.scenario.seed
    let result = try Calibrator.calibrate(document, base: base, targets: targets, free: free, settings: settings, jobs: jobs,
                                          progress: progress, shouldStop: shouldStop)
    let renamed = result.overrides + [Override(keyPath: "name", value: calibratedName(loaded.scenario.name), option: "calibrate")]
    let yaml = try document.yaml(overrides: renamed, rescalingShares: free.contains { $0.isShare })
    return CalibrationReport(result: result, provenance: Provenance(scenarioFile: loaded.file, scenarioSHA256: loaded.sha256,
                                                                   overrides: changes.recorded), scenarioYAML: yaml)
  }
}
