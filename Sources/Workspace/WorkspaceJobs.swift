//===----------------------------------------------------------------------===//
// The studies a planner starts from the browser, as queued jobs.
//===----------------------------------------------------------------------===//

import Calibration
import CentreSimulation
import Experiments
import Localization
import Reporting
import ScenarioFormat
import Studies

/// Starts the library's studies as jobs and publishes each one's result directory, as
/// the CLI writes it, with `scenario.yaml` (the scenario as run) and `study.json`.
struct WorkspaceJobs: Sendable {
  let store: WorkspaceStore
  let queue: JobQueue
  /// Worker threads of each study.
  let threads: Int

  /// Queues a run of `entry` with `overrides`; the scenario was validated by the caller.
  func run(_ entry: ScenarioEntry, _ document: ScenarioDocument, _ loaded: LoadedScenario, overrides: [Override],
           language: Language) throws(JobQueue.Full) -> Int {
    let changes = overrides.map(\.description)
    let command = Self.command("run", entry, changes)
    return try queue.submit(kind: "run", title: loaded.scenario.name, total: loaded.scenario.replications) { [store, threads] control in
      let outcome = RunStudy.run(loaded, changes: changes, language: language, jobs: threads, progress: { control.progress($0) },
                                 shouldStop: { control.isCancelled })
      switch outcome {
      case .interrupted: return .cancelled
      case .overloaded(let message): return .failed(message)
      case .finished(let report):
        var record = StudyRecord(kind: "run", scenario: entry.id, scenarioName: loaded.scenario.name, changes: changes,
                                 seed: String(loaded.scenario.seed), replications: loaded.scenario.replications, command: command)
        record.verdicts = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, verdictLines(report.result, $0)) })
        record.figures = StudyRecord.runFigures.map { StudyRecord.figure($0.id, report.result.totals[$0]) }
        record.warnings = loaded.warnings.map(\.description)
        return Self.publish(store, "run", record, document, overrides) { directory throws(OutputError) in
          _ = try report.write(to: directory)
        }
      }
    }
  }

  /// Queues a comparison, on common random numbers, of `entry` as it is in its file
  /// (with the study's `shared` settings) against `variant`, which `changes` make.
  func compare(_ entry: ScenarioEntry, _ document: ScenarioDocument, base: LoadedScenario, variant: LoadedScenario,
               shared: [Override], changes variantChanges: [Override], language: Language) throws(JobQueue.Full) -> Int {
    let overrides = shared + variantChanges
    let changes = overrides.map(\.description)
    let baseLabel = language(.asSaved), variantLabel = language(.withChanges)
    let command = Self.command("compare", entry, shared.map(\.description),
                               variant: "\(variantLabel): " + variantChanges.map(\.description).joined(separator: "; "))
    let variants = [Variant(label: baseLabel, scenario: base.scenario), Variant(label: variantLabel, scenario: variant.scenario)]
    let provenance = [Provenance(scenarioFile: base.file, scenarioSHA256: base.sha256, overrides: shared.map(\.description)),
                      Provenance(scenarioFile: variant.file, scenarioSHA256: variant.sha256, overrides: changes)]
    return try queue.submit(kind: "compare", title: base.scenario.name, total: 2 * base.scenario.replications) { [store, threads] control in
      switch CompareStudy.run(variants, provenance: provenance, jobs: threads, progress: { control.progress($0) }, shouldStop: { control.isCancelled }) {
      case .interrupted: return .cancelled
      case .overloaded(let message): return .failed(message)
      case .finished(let report):
        var record = StudyRecord(kind: "compare", scenario: entry.id, scenarioName: base.scenario.name, changes: changes,
                                 seed: String(base.scenario.seed), replications: base.scenario.replications, command: command)
        record.baseLabel = baseLabel
        record.variantLabel = variantLabel
        record.differences = report.comparison.differences(1).filter { report.headline.contains($0.measure) }.map { d in
          let judgement = !d.isSignificant ? "same" : ((d.difference.mean > 0) == (Direction(d.measure) == .higherIsBetter) ? "better" : "worse")
          return StudyRecord.Difference(kpi: d.measure.id, base: StudyRecord.figure(d.measure.id, d.base),
                                        variant: StudyRecord.figure(d.measure.id, d.variant),
                                        difference: StudyRecord.figure(d.measure.id, d.difference), judgement: judgement)
        }
        return Self.publish(store, "compare", record, document, overrides) { directory throws(OutputError) in
          _ = try report.write(to: directory, language: language)
        }
      }
    }
  }

  /// Queues a staffing optimisation of `entry` with `overrides`, as `settings` asks.
  func optimize(_ entry: ScenarioEntry, _ document: ScenarioDocument, _ loaded: LoadedScenario, overrides: [Override],
                settings: OptimizeSettings, language: Language) throws(JobQueue.Full) -> Int {
    let changes = overrides.map(\.description)
    var arguments = settings.targets.flatMap { ["--target", Self.quoted($0.argument)] } + ["--units", settings.units]
    if let budget = settings.budget { arguments += ["--budget", String(budget)] }
    if settings.transfers { arguments.append("--transfers") }
    if let confirm = settings.confirm { arguments += ["--confirm", String(confirm)] }
    if settings.objective != .targets { arguments += ["--objective", settings.objective.rawValue] }
    let command = Self.command("optimize", entry, changes, extra: arguments)
    return try queue.submit(kind: "optimize", title: loaded.scenario.name, total: 0) { [store, threads] control in
      let outcome = OptimizeStudy.run(loaded, settings, changes: changes, jobs: threads, progress: { control.say($0) },
                                      shouldStop: { control.isCancelled })
      switch outcome {
      case .interrupted: return .cancelled
      case .overloaded(let message): return .failed(message)
      case .finished(let report):
        // A cancelled search keeps nothing in the workspace: the CLI is the place for a best-so-far.
        if report.plan.interrupted { return .cancelled }
        let plan = report.plan
        var record = StudyRecord(kind: "optimize", scenario: entry.id, scenarioName: loaded.scenario.name, changes: changes,
                                 seed: String(loaded.scenario.seed), replications: plan.confirmation.replications.count, command: command)
        record.verdicts = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, report.recommendation($0)) })
        record.figures = StudyRecord.runFigures.map { StudyRecord.figure($0.id, plan.confirmation.totals[$0]) }
        record.objective = plan.objective.rawValue
        record.marginal = plan.marginal.map { StudyRecord.Marginal(centre: $0.centreID, pools: $0.split, gain: StudyRecord.figure("", $0.gain)) }
        record.allocationNotes = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0.rawValue, report.noteLines($0)) })
        record.staffing = plan.units.indices.map { StudyRecord.Staffing(unit: plan.units[$0].name, before: plan.before[$0], after: plan.after[$0]) }
        record.warnings = loaded.warnings.map(\.description)
        return Self.publish(store, "optimize", record, document, overrides) { directory throws(OutputError) in
          _ = try report.write(to: directory, language: language)
        }
      }
    }
  }

  /// Queues a calibration of `entry` with `overrides`; the calibrated scenario is also
  /// saved in the workspace when its data files allow.
  func calibrate(_ entry: ScenarioEntry, _ document: ScenarioDocument, _ loaded: LoadedScenario, overrides: [Override],
                 targets: [CalibrationTarget], free: [FreeParameter], settings: CalibrationSettings) throws(JobQueue.Full) -> Int {
    let changes = overrides.map(\.description)
    let arguments = targets.flatMap { ["--target", Self.quoted($0.text)] } + free.flatMap { ["--free", Self.quoted($0.text)] }
      + ["--starts", String(settings.starts), "--max-evaluations", String(settings.maxEvaluations),
         "--confirm-replications", String(settings.confirmReplications)]
    let command = Self.command("calibrate", entry, changes, extra: arguments)
    return try queue.submit(kind: "calibrate", title: loaded.scenario.name, total: 0) { [store, threads] control in
      let report: CalibrationReport
      do throws(ScenarioError) {
        report = try CalibrateStudy.run(document, loaded, changes: ScenarioChanges(overrides: overrides), targets: targets, free: free,
                                        settings: settings, jobs: threads, progress: { control.say($0) },
                                        shouldStop: { control.isCancelled })
      } catch {
        return .failed(error.issues.filter { $0.severity == .error }.prefix(5).map(\.description).joined(separator: "; "))
      }
      let result = report.result
      if result.interrupted { return .cancelled }
      let name = CalibrateStudy.calibratedName(loaded.scenario.name)
      var record = StudyRecord(kind: "calibrate", scenario: entry.id, scenarioName: loaded.scenario.name, changes: changes,
                               seed: String(loaded.scenario.seed), replications: result.confirmation.replications.count, command: command)
      record.figures = StudyRecord.runFigures.map { StudyRecord.figure($0.id, result.confirmation.totals[$0]) }
      record.warnings = loaded.warnings.map(\.description)
      record.calibration = StudyRecord.Calibration(
        residuals: result.residuals.map { r in
          StudyRecord.Calibration.Residual(target: r.target.text, observed: r.target.value, tolerance: r.target.tolerance,
                                           simulated: StudyRecord.figure(r.target.kpi, r.simulated), z: r.z.isFinite ? r.z : nil)
        },
        parameters: result.parameters.map { p in
          StudyRecord.Calibration.Parameter(setting: p.parameter.text, value: p.value, low: p.low, high: p.high, pinned: p.isPinned)
        },
        identifiability: result.identifiability, identifiable: result.identifiable,
        savedScenario: store.saveChecked(yaml: report.calibratedYAML(), name: name))
      return Self.publish(store, "calibrate", record, document, overrides) { directory throws(OutputError) in
        try report.write(to: directory, name: outputFolderName(name).lowercased())
      }
    }
  }

  /// Writes a result directory whole (``ResultFolder``); the job's outcome.
  private static func publish(_ store: WorkspaceStore, _ kind: String, _ record: StudyRecord, _ document: ScenarioDocument,
                              _ overrides: [Override], write: (String) throws(OutputError) -> Void) -> JobQueue.Outcome {
    do {
      let path = try ResultFolder.publish(in: store.results, name: store.newResultName(kind)) { directory throws(OutputError) in
        try write(directory)
        if let yaml = try? document.yaml(overrides: overrides) { try AtomicFile.write(yaml, to: "\(directory)/scenario.yaml") }
        try AtomicFile.write(record.json(), to: "\(directory)/study.json")
      }
      return .finished(link: "/results/\(path.split(separator: "/").last!)")
    } catch {
      return .failed(error.description)
    }
  }

  /// The command line that redoes a study.
  static func command(_ verb: String, _ entry: ScenarioEntry, _ changes: [String], variant: String? = nil,
                      extra: [String] = []) -> String {
    var parts = ["onestop", verb, entry.shipped ? "scenarios/\(entry.id).yaml" : "\(entry.id).yaml"]
    for change in changes { parts += ["--set", quoted(change)] }
    if let variant { parts += ["--variant", quoted(variant)] }
    return (parts + extra).joined(separator: " ")
  }

  /// `s` quoted for a POSIX shell.
  static func quoted(_ s: String) -> String { "'" + s.replacing("'", with: "'\\''") + "'" }
}
