//===----------------------------------------------------------------------===//
// A study of staffing: the smallest staffing that meets service targets.
//===----------------------------------------------------------------------===//

import CentreModel
import Experiments
import Reporting
import ScenarioFormat

/// What a staffing optimisation is asked: the targets, the pools it may change, how many
/// extra staff it may place, whether it may move staff, and how hard it confirms.
public struct OptimizeSettings: Sendable {
  /// Service targets (`on_time_rate>=0.95`, `centre.overdue<=5`).
  public var targets: [StaffingTarget]
  /// The pools that may change: `all`, `counters`, `back-office` or a pool id.
  public var units: String
  /// The most extra staff placed; nil: as many as the targets need.
  public var budget: Int?
  /// Whether staff may also move between pools and centres.
  public var transfers: Bool
  /// Replications of the confirmation run; nil: four times the scenario's.
  public var confirm: Int?

  public init(targets: [StaffingTarget], units: String = "all", budget: Int? = nil, transfers: Bool = false, confirm: Int? = nil) {
    self.targets = targets
    self.units = units
    self.budget = budget
    self.transfers = transfers
    self.confirm = confirm
  }

  /// The pool selections every scenario understands (beside a pool's own id).
  public static let unitSelections = ["all", "counters", "back-office"]

  /// The pools of `scenario` that `units` selects; empty when it names none.
  public func chosenUnits(in scenario: Scenario) -> [StaffingUnit] {
    StaffingUnit.all(in: scenario).filter { unit in
      switch units {
      case "all": true
      case "counters": unit.isCounter
      case "back-office": !unit.isCounter
      default: unit.name.hasSuffix("/\(units)")
      }
    }
  }
}

/// `onestop optimize` and the workspace's Optimise button.
public enum OptimizeStudy {
  /// Searches the staffing of `loaded` for `settings` on `jobs` workers. A search stopped
  /// by `shouldStop` still reports the best staffing found so far (marked interrupted,
  /// not confirmed); it is `.interrupted` only when stopped before the first evaluation.
  /// The pools `settings` selects must not be empty (``OptimizeSettings/chosenUnits(in:)``).
  public static func run(_ loaded: LoadedScenario, _ settings: OptimizeSettings, jobs: Int = Experiment.defaultJobs,
                         progress: ((String) -> Void)? = nil,
                         shouldStop: (@Sendable () -> Bool)? = nil) -> StudyOutcome<OptimizationReport> {
    let scenario = loaded.scenario
    guard let plan = StaffingOptimizer.optimize(
      scenario, units: settings.chosenUnits(in: scenario), targets: settings.targets, budget: settings.budget,
      allowTransfers: settings.transfers, confirmReplications: settings.confirm ?? 4 * scenario.replications, jobs: jobs,
      progress: progress, shouldStop: shouldStop)
    else { return .interrupted(done: 0) }
    if let message = RunStudy.overload(plan.confirmation, scenario.name) { return .overloaded(message) }
    return .finished(OptimizationReport(plan: plan, targets: settings.targets))
  }
}
