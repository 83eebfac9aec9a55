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
  /// What the staff should buy (``StaffingObjective/targets``: the least staff that
  /// meets the targets).
  public var objective: StaffingObjective
  /// Extra staff at most in one centre (a separable allocation).
  public var maxPerCentre: Int
  /// How to search.
  public var method: Method

  /// How to search: centre by centre when the problem allows (`auto`), or always by
  /// the marginal search over the whole scenario.
  public enum Method: String, Sendable, CaseIterable { case auto, separable, search }

  public init(targets: [StaffingTarget], units: String = "all", budget: Int? = nil, transfers: Bool = false, confirm: Int? = nil,
              objective: StaffingObjective = .targets, maxPerCentre: Int = 6, method: Method = .auto) {
    self.targets = targets
    self.units = units
    self.budget = budget
    self.transfers = transfers
    self.confirm = confirm
    self.objective = objective
    self.maxPerCentre = maxPerCentre
    self.method = method
  }

  /// Whether the allocation goes centre by centre (``SeparableAllocation``): asked to,
  /// or, with `auto`, for a city whose targets are all centre targets, and for any
  /// objective but the targets'. Otherwise the marginal search over the whole scenario.
  public func isSeparable(_ scenario: Scenario) -> Bool {
    switch method {
    case .separable: true
    case .search: false
    case .auto: objective != .targets || (scenario.centres.count > 1 && SeparableAllocation.isSeparable(targets))
    }
  }

  /// Why these settings cannot be searched, or nil.
  public func problem(_ scenario: Scenario) -> String? {
    if objective != .targets && budget == nil { return "--objective \(objective.rawValue) needs --budget: how many extra staff to place" }
    if objective == .targets && targets.isEmpty { return "give at least one --target, or an --objective with a --budget" }
    if isSeparable(scenario) && !SeparableAllocation.isSeparable(targets) {
      return "a centre-by-centre allocation checks only centre targets (centre.KPI...): use --method search for run-level targets"
    }
    if !isSeparable(scenario) && objective != .targets { return "--objective \(objective.rawValue) is allocated centre by centre: drop --method search" }
    if chosenUnits(in: scenario).isEmpty { return "--units '\(units)' matches no pool" }
    return nil
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
  /// What identifies an optimisation for its ``OptimizationJournal``: the version, the
  /// scenario file and its SHA-256, the changes, every setting, the seed and the
  /// replications. (Data files the scenario reads are not in it, as for a sweep.)
  public static func specification(_ loaded: LoadedScenario, _ settings: OptimizeSettings, changes: [String]) -> JSONValue {
    .object([
      ("onestop_version", .string(onestopVersion)),
      ("scenario_file", .string(loaded.file)),
      ("scenario_sha256", .string(loaded.sha256)),
      ("overrides", .array(changes.map { .string($0) })),
      ("targets", .array(settings.targets.map { .string($0.description) })),
      ("units", .string(settings.units)),
      ("budget", settings.budget.map { .number(Double($0)) } ?? .null),
      ("transfers", .bool(settings.transfers)),
      ("confirm", settings.confirm.map { .number(Double($0)) } ?? .null),
      ("objective", .string(settings.objective.rawValue)),
      ("max_per_centre", .number(Double(settings.maxPerCentre))),
      ("method", .string(settings.method.rawValue)),
      ("seed", .string(String(loaded.scenario.seed))),
      ("replications", .number(Double(loaded.scenario.replications))),
    ])
  }

  /// Searches the staffing of `loaded` for `settings` on `jobs` workers. A search stopped
  /// by `shouldStop` still reports the best staffing found so far (marked interrupted,
  /// not confirmed); it is `.interrupted` only when stopped before the first evaluation.
  /// The pools `settings` selects must not be empty (``OptimizeSettings/chosenUnits(in:)``);
  /// `changes` (`key=value`) are recorded in the provenance. Evaluations are kept in, and
  /// recalled from, `memory` (see ``EvaluationMemory``): a stopped search resumes.
  public static func run(_ loaded: LoadedScenario, _ settings: OptimizeSettings, changes: [String] = [], jobs: Int = Experiment.defaultJobs,
                         memory: EvaluationMemory? = nil, progress: ((String) -> Void)? = nil,
                         shouldStop: (@Sendable () -> Bool)? = nil) -> StudyOutcome<OptimizationReport> {
    let scenario = loaded.scenario
    let provenance = Provenance(scenarioFile: loaded.file, scenarioSHA256: loaded.sha256, overrides: changes)
    if settings.isSeparable(scenario) {
      let separable = SeparableAllocation.Settings(objective: settings.objective, targets: settings.targets, budget: settings.budget,
                                                   transfers: settings.transfers, maxPerCentre: settings.maxPerCentre,
                                                   confirmReplications: settings.confirm ?? 4 * scenario.replications)
      guard let plan = SeparableAllocation.allocate(scenario, units: settings.chosenUnits(in: scenario), settings: separable, jobs: jobs,
                                                    memory: memory, progress: progress, shouldStop: shouldStop)
      else { return .interrupted(done: 0) }
      if let message = RunStudy.overload(plan.confirmation, scenario.name) { return .overloaded(message) }
      return .finished(OptimizationReport(plan: plan, targets: settings.targets, provenance: provenance))
    }
    guard let plan = StaffingOptimizer.optimize(
      scenario, units: settings.chosenUnits(in: scenario), targets: settings.targets, budget: settings.budget,
      allowTransfers: settings.transfers, confirmReplications: settings.confirm ?? 4 * scenario.replications, jobs: jobs,
      memory: memory, progress: progress, shouldStop: shouldStop)
    else { return .interrupted(done: 0) }
    if let message = RunStudy.overload(plan.confirmation, scenario.name) { return .overloaded(message) }
    return .finished(OptimizationReport(plan: plan, targets: settings.targets, provenance: provenance))
  }
}
