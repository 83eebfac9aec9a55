//===----------------------------------------------------------------------===//
// The studies a planner starts from the browser, as queued jobs.
//===----------------------------------------------------------------------===//

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
    return try queue.submit(kind: "compare", title: base.scenario.name, total: 2 * base.scenario.replications) { [store, threads] control in
      switch CompareStudy.run(variants, jobs: threads, progress: { control.progress($0) }, shouldStop: { control.isCancelled }) {
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
  static func command(_ verb: String, _ entry: ScenarioEntry, _ changes: [String], variant: String? = nil) -> String {
    func quoted(_ s: String) -> String { "'" + s.replacing("'", with: "'\\''") + "'" }
    var parts = ["onestop", verb, entry.shipped ? "scenarios/\(entry.id).yaml" : "\(entry.id).yaml"]
    for change in changes { parts += ["--set", quoted(change)] }
    if let variant { parts += ["--variant", quoted(variant)] }
    return parts.joined(separator: " ")
  }
}
