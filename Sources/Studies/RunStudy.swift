//===----------------------------------------------------------------------===//
// A study of one scenario: run its replications, report, write the result directory.
//===----------------------------------------------------------------------===//

import CentreSimulation
import Experiments
import Localization
import Reporting
import ScenarioFormat

/// How a study ended.
public enum StudyOutcome<Report: Sendable>: Sendable {
  /// Every replication ran: the report.
  case finished(Report)
  /// Stopped on request after `done` replications; nothing is reported.
  case interrupted(done: Int)
  /// A replication held more dossiers than the guard allows (the demand is far beyond
  /// what the staff can process): what to say.
  case overloaded(String)
}

/// One scenario's replications, as `onestop run` and the workspace's Run button do them.
public enum RunStudy {
  /// Runs `loaded` (changed by `changes`, which provenance records) on `jobs` workers;
  /// the report speaks `language`.
  public static func run(_ loaded: LoadedScenario, changes: [String] = [], language: Language = .en, jobs: Int = Experiment.defaultJobs,
                         observer: DossierObserver? = nil, tracedReplications: Int = 1,
                         progress: (@Sendable (Int) -> Void)? = nil,
                         shouldStop: (@Sendable () -> Bool)? = nil) -> StudyOutcome<RunReport> {
    let result = Experiment.run(loaded.scenario, jobs: jobs, observer: observer, tracedReplications: tracedReplications,
                                progress: progress, shouldStop: shouldStop)
    if shouldStop?() == true && result.replications.count < loaded.scenario.replications {
      return .interrupted(done: result.replications.count)
    }
    return report(result, of: loaded, changes: changes, language: language)
  }

  /// The report of `result`, a run of `loaded`, or why there is none.
  public static func report(_ result: ExperimentResult, of loaded: LoadedScenario, changes: [String],
                            language: Language = .en) -> StudyOutcome<RunReport> {
    if let message = overload(result, loaded.scenario.name) { return .overloaded(message) }
    return .finished(RunReport(result: result,
                               provenance: Provenance(scenarioFile: loaded.file, scenarioSHA256: loaded.sha256, overrides: changes),
                               warnings: loaded.reportedWarnings, language: language))
  }

  /// What to say when a replication of `result` was stopped by the guard on dossiers in
  /// the system; nil when every replication ran to the end.
  public static func overload(_ result: ExperimentResult, _ what: String) -> String? {
    guard let first = result.stopped.first else { return nil }
    let date = result.scenario.calendarTable().date(ofDay: first.day)
    return "\(what): replication \(first.replication) held more than "
      + "\(ModelPlan.defaultMaxInSystem) dossiers at once on day \(first.day) (\(date)) and was stopped so as not to exhaust "
      + "memory (\(result.stopped.count) of \(result.replications.count) replications stopped). The demand is far beyond what the "
      + "staff can process: add staff, lower the volume or shorten the horizon. Nothing was written."
  }
}

extension LoadedScenario {
  /// The loader's warnings, as the outputs record them.
  public var reportedWarnings: [ReportedWarning] {
    warnings.map { ReportedWarning(location: $0.position?.description ?? "", keyPath: $0.keyPath, message: $0.description) }
  }
}
