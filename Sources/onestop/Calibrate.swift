//===----------------------------------------------------------------------===//
// onestop calibrate
//===----------------------------------------------------------------------===//

import ArgumentParser
import Calibration
import Experiments
import Reporting
import ScenarioFormat
import Studies

struct Calibrate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Fit free settings of a scenario to published figures (simulation-based calibration).",
    discussion: """
      Searches the values of the --free settings (within their bounds) that bring the \
      simulated --target figures closest to the observed ones: Σ z², z = (mean − value) / \
      √(tolerance² + se²) with se the simulated mean's standard error, every candidate on the scenario's seed (common random numbers), by \
      Nelder–Mead from several starts, the best candidates re-run with more replications. \
      Reports each target's residual, each parameter's range (values within 3.84 of the \
      best distance, the others re-fitted), and whether the targets pin the parameters down; \
      when they do not (one figure, two unknowns), the trade-off between the two it pins down least \
      parameters as a map. Writes the calibrated scenario (<name>-calibrated.yaml, with its \
      provenance), calibration.json and report.html into --out. Progress goes to stderr; \
      Ctrl-C keeps the best values found so far, says they are not confirmed, and exits \
      with 130.

      Targets: kpi[FROM..TO]=value[+-tolerance|+-percent%]; a window KPI is of the dossiers \
      that arrived in the window, at its end (arrivals, online_share, processed_share, \
      completed, overdue, on_time_rate ...); without a window, the whole horizon; any \
      run-level KPI without a window. Default tolerance: 1% of the value.
      Free settings: key.path=low:high as --vary names them, or back_office_time_scale, \
      counter_time_scale, volume_scale; whole-number bounds make a whole-number setting; a \
      procedure's share is changed with the others rescaled.

      Example:
        onestop calibrate scenarios/haiphong-first-week.yaml \\
          --target 'arrivals[2025-07-01..2025-07-08]=38321+-1%' \\
          --target 'processed_share[2025-07-01..2025-07-08]=0.8788+-0.005' \\
          --free 'volume_scale=0.8:1.2' --free 'back_office_time_scale=0.3:1.5'
      """
  )

  @Argument(help: "The scenario file (YAML).")
  var scenario: String

  @Option(name: .customLong("target"), help: ArgumentHelp("A figure to reproduce (repeatable).", valueName: "kpi[FROM..TO]=value[+-tol]"))
  var targets: [String] = []

  @Option(name: .customLong("free"), help: ArgumentHelp("A setting to estimate, with bounds (repeatable).", valueName: "key.path=low:high"))
  var free: [String] = []

  @OptionGroup var changes: ScenarioChanges

  @Option(help: "Nelder–Mead starts (the middle of the bounds, then a Latin hypercube).")
  var starts = 3

  @Option(help: "Replications per candidate in the search (default: the scenario's, at most 4).")
  var searchReplications: Int?

  @Option(help: "Replications of the best candidates and of the calibrated scenario.")
  var confirmReplications = 20

  @Option(help: "Candidates simulated in the search at most.")
  var maxEvaluations = 300

  @Option(help: "Points of each parameter's profile and of each axis of the trade-off map.")
  var profilePoints = 7

  @Option(help: ArgumentHelp("Output directory (default: results/calibrate-<scenario name>).", valueName: "dir"))
  var out: String?

  @Option(help: ArgumentHelp(
    "Also write the calibrated scenario to this file, or into this directory as <name>-calibrated.yaml (e.g. scenarios/, beside the original, so that its data files' relative paths still hold).",
    valueName: "file"))
  var scenarioOut: String?

  @OptionGroup var execution: ExecutionOptions

  @OptionGroup var language: LanguageOption

  @OptionGroup var output: JSONOption

  func validate() throws {
    try checkOut(out, fallback: "results/calibrate-<name>")
    guard !targets.isEmpty else { throw ValidationError("give at least one --target (kpi[FROM..TO]=value).") }
    guard !free.isEmpty else { throw ValidationError("give at least one --free setting (key.path=low:high).") }
    guard starts >= 1, confirmReplications >= 2, maxEvaluations >= 10, profilePoints >= 2 else {
      throw ValidationError("need --starts ≥ 1, --confirm-replications ≥ 2, --max-evaluations ≥ 10, --profile-points ≥ 2.")
    }
    if let searchReplications, searchReplications < 1 { throw ValidationError("--search-replications must be at least 1.") }
  }

  func run() throws {
    let document = try readScenario(scenario)
    let loaded = try changes.load(document)
    let parsed: (targets: [CalibrationTarget], free: [FreeParameter])
    do {
      parsed = try CalibrateStudy.parse(targets: targets, free: free, city: loaded.scenario.centres.count > 1)
    } catch {
      report(error, "calibrate")
      throw invalidScenarioExitCode
    }
    // Checked now, not after minutes of simulation.
    let calibratedName = CalibrateStudy.calibratedName(loaded.scenario.name)
    let fileName = "\(outputFolderName(calibratedName)).yaml"
    let scenarioPath = scenarioOut.map { AtomicFile.isDirectory($0) ? "\($0.hasSuffix("/") ? String($0.dropLast()) : $0)/\(fileName)" : $0 }
    if let scenarioPath { _ = try writingOutputs { () throws(OutputError) in try AtomicFile.checkWritable(scenarioPath) } }
    var settings = CalibrationSettings()
    settings.starts = starts
    settings.searchReplications = searchReplications
    settings.confirmReplications = confirmReplications
    settings.maxEvaluations = maxEvaluations
    settings.profilePoints = profilePoints
    Interruption.install()
    let quiet = execution.quiet
    let calibration: CalibrationReport
    do {
      calibration = try CalibrateStudy.run(document, loaded, changes: try changes.study(), targets: parsed.targets, free: parsed.free,
                                      settings: settings, jobs: execution.jobs,
                                      progress: { line in if !quiet { printError("calibrate: \(line)") } },
                                      shouldStop: { Interruption.requested })
    } catch let error as ScenarioError {
      report(error, scenario)
      throw invalidScenarioExitCode
    }
    let directory = out ?? "results/calibrate-\(outputFolderName(loaded.scenario.name))"
    let written = try writingOutputs { () throws(OutputError) -> [String] in
      var paths = try calibration.write(to: directory, name: outputFolderName(calibratedName), language: language.language)
      if let scenarioPath {
        try AtomicFile.write(calibration.calibratedYAML(), to: scenarioPath)
        paths.append(scenarioPath)
      }
      return paths
    }
    if output.json {
      print(calibration.json().rendered(), terminator: "")
    } else if !quiet {
      print(calibration.rendered(language: language.language), terminator: "")
      print("\nWrote \(written.joined(separator: ", "))")
    }
    if calibration.result.interrupted { throw interruptedExitCode }
  }
}
