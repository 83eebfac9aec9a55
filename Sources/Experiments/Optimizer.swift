//===----------------------------------------------------------------------===//
// The smallest staffing that meets service targets.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation

/// A staff pool whose permanent headcount the optimiser may change: a counter group or
/// a back-office pool of one centre.
public struct StaffingUnit: Sendable, Hashable, CustomStringConvertible {
  /// Centre index.
  public var centre: Int
  /// Whether it is a counter group (else a back-office pool).
  public var isCounter: Bool
  /// Index of the group or pool in its centre.
  public var index: Int
  /// `centre/pool` for people.
  public var name: String

  public var description: String { name }

  /// Every unit of `scenario`, counters first, centre by centre.
  public static func all(in scenario: Scenario) -> [StaffingUnit] {
    scenario.centres.enumerated().flatMap { c, centre in
      centre.counters.indices.map { StaffingUnit(centre: c, isCounter: true, index: $0, name: "\(centre.id)/\(centre.counters[$0].id)") }
        + centre.backOffice.indices.map {
          StaffingUnit(centre: c, isCounter: false, index: $0, name: "\(centre.id)/\(centre.backOffice[$0].id)")
        }
    }
  }

  /// The permanent staff of this unit in `scenario` (members with no dates or hours).
  public func permanentStaff(in scenario: Scenario) -> Int {
    let centre = scenario.centres[self.centre]
    let staffing = isCounter ? centre.counters[index].staffing : centre.backOffice[index].staffing
    return staffing.crews.filter(\.isPermanent).reduce(0) { $0 + $1.count }
  }

  /// `scenario` with this unit's permanent staff set to `count` (temporary crews kept).
  public func setting(_ count: Int, in scenario: Scenario) -> Scenario {
    var s = scenario
    func adjust(_ staffing: inout Staffing) {
      let others = staffing.crews.filter { !$0.isPermanent }
      let template = staffing.crews.first(where: \.isPermanent) ?? Crew(count: 0)
      var permanent = template
      permanent.count = count
      staffing.crews = (count > 0 ? [permanent] : []) + others
    }
    if isCounter { adjust(&s.centres[centre].counters[index].staffing) } else { adjust(&s.centres[centre].backOffice[index].staffing) }
    return s
  }
}

extension Crew {
  /// Whether the crew is on duty whenever its pool works (no dates, weekdays or hours).
  public var isPermanent: Bool { from == nil && to == nil && weekdays == nil && hours == nil }
}

/// A service target, on a run-level KPI or on a KPI of every centre.
public struct StaffingTarget: Sendable, Hashable, CustomStringConvertible {
  /// What is measured.
  public enum Quantity: Sendable, Hashable {
    case total(RunMeasure)
    case everyCentre(CentreMeasure)
  }

  public var quantity: Quantity
  /// `true` for ≥, `false` for ≤.
  public var atLeast: Bool
  public var value: Double

  /// Parses `on_time_rate>=0.95`, `counter_wait_p90<=30`, `centre.counter_wait_p90<=30`;
  /// the value is a finite number (`nan`, `inf` or `1e999` is no target).
  public init?(parsing text: String) {
    let atLeast = text.contains(">=")
    guard let range = text.firstRange(of: atLeast ? ">=" : "<="),
      let value = Double(String(text[range.upperBound...]).trimmingSpaces), value.isFinite
    else { return nil }
    let name = String(text[..<range.lowerBound]).trimmingSpaces
    if name.hasPrefix("centre.") {
      guard let measure = CentreMeasure.allCases.first(where: { $0.id == name.dropFirst(7) }) else { return nil }
      quantity = .everyCentre(measure)
    } else {
      guard let measure = RunMeasure.allCases.first(where: { $0.id == name }) else { return nil }
      quantity = .total(measure)
    }
    self.atLeast = atLeast
    self.value = value
  }

  public var description: String { "\(kpi) \(atLeast ? "≥" : "≤") \(value)" }

  /// The target as `--target` takes it (`on_time_rate>=0.95`).
  public var argument: String { "\(kpi)\(atLeast ? ">=" : "<=")\(value)" }

  /// The KPI's id, `centre.`-prefixed for a target on every centre.
  private var kpi: String {
    switch quantity {
    case .total(let m): m.id
    case .everyCentre(let m): "centre.\(m.id)"
    }
  }

  /// The estimates the target is judged on (one, or one per centre).
  func estimates(_ result: ExperimentResult) -> [Estimate] {
    switch quantity {
    case .total(let m): return [result.totals[m]]
    case .everyCentre(let m): return result.centres.map { $0[m] }
    }
  }

  /// How far the means miss the target, relative to it (0 when met).
  func shortfall(_ result: ExperimentResult) -> Double {
    let scale = value != 0 ? abs(value) : 1  // a target of 0 counts misses in the KPI's own unit
    return estimates(result).reduce(0) { total, e in
      guard !e.mean.isNaN else { return total }
      return total + max(0, atLeast ? (value - e.mean) / scale : (e.mean - value) / scale)
    }
  }

  /// Whether the target holds at the pessimistic end of every 95% interval.
  func holdsWithConfidence(_ result: ExperimentResult) -> Bool {
    estimates(result).allSatisfy { e in
      guard !e.mean.isNaN else { return true }
      let bound = e.halfWidth.isNaN ? e.mean : (atLeast ? e.low : e.high)
      return atLeast ? bound >= value : bound <= value
    }
  }
}

/// The result of a staffing optimisation.
public struct StaffingPlan: Sendable {
  /// The units, in order.
  public var units: [StaffingUnit]
  /// Permanent staff of each unit before and after.
  public var before: [Int]
  public var after: [Int]
  /// The scenario with the recommended staffing.
  public var scenario: Scenario
  /// Its confirmation run.
  public var confirmation: ExperimentResult
  /// Whether every target holds at the pessimistic end of its 95% interval.
  public var confirmed: Bool
  /// Whether the search met the targets on the means (else the budget or the step limit
  /// ran out first).
  public var feasible: Bool
  /// Each move the search made, for people.
  public var log: [String]
  /// Whether the search was stopped on request: the staffing is the best found so far,
  /// and `confirmation` is its search run, not a confirmation.
  public var interrupted = false
  /// How the staffing was found.
  public var method = Method.search
  /// For a separable allocation: each person, where they go and what they buy.
  public var marginal: [MarginalStep] = []
  /// For a separable allocation: why centres got nobody, caps reached.
  public var notes: [CentreNote] = []
  /// For a separable allocation: what it optimised.
  public var objective = StaffingObjective.targets
  /// For a separable allocation with an objective: the staffing as given, run like the
  /// confirmation (same replications, same random numbers), to say what the allocation changes.
  public var baseline: ExperimentResult?

  /// How a staffing was found.
  public enum Method: String, Sendable {
    /// Marginal search over the whole scenario, one candidate staffing at a time.
    case search
    /// Centre by centre (``SeparableAllocation``).
    case separable
  }
}

/// Marginal allocation with common random numbers.
///
/// From the scenario's staffing, while some target is missed, the search tries one more
/// member in each unit and keeps the one that reduces the total shortfall most (the sum
/// over targets of how far the mean misses, relative to the target); every candidate is
/// run on the same random numbers, so the comparison is paired. Once the targets are met
/// it tries one fewer in each unit and keeps removals that leave them met, so the answer
/// is locally smallest. With a budget (extra staff for a city), additions stop at the
/// budget; with `allowTransfers`, it then tries moving one member between units while
/// that lowers the shortfall. The winner is confirmed with more replications: each
/// target must hold at the pessimistic end of its 95% interval.
///
/// Once `shouldStop` answers `true` (asked before each replication), the search ends
/// with the best staffing it had fully evaluated, marked ``StaffingPlan/interrupted``
/// and not confirmed; nil when it is stopped before the staffing as given was evaluated
/// (or, resumed, before the staffing it had reached was simulated again).
///
/// Each candidate's shortfall is kept in `memory` as it finishes and recalled from it
/// instead of simulated, so a stopped search started again resumes; the staffing it had
/// reached is simulated again once (its full figures are not kept).
public enum StaffingOptimizer {
  public static func optimize(
    _ scenario: Scenario, units: [StaffingUnit], targets: [StaffingTarget], budget: Int? = nil,
    allowTransfers: Bool = false, minimumStaff: Int = 1, confirmReplications: Int? = nil, maxSteps: Int = 200,
    jobs: Int = Experiment.defaultJobs, memory: EvaluationMemory? = nil, progress: ((String) -> Void)? = nil,
    shouldStop: (@Sendable () -> Bool)? = nil
  ) -> StaffingPlan? {
    var log: [String] = []
    func note(_ line: String) {
      log.append(line)
      progress?(line)
    }
    let before = units.map { $0.permanentStaff(in: scenario) }
    var staff = before
    /// A candidate's shortfall, and its result unless the shortfall was recalled.
    typealias Value = (shortfall: Double, result: ExperimentResult?)
    var cache: [[Int]: Value] = [:]
    var stopped = false
    var recalled = 0
    func key(_ levels: [Int]) -> String { "search replications=\(scenario.replications) staff=\(levels.map(String.init).joined(separator: ","))" }
    func staffed(_ levels: [Int]) -> Scenario { zip(units, levels).reduce(scenario) { s, setting in setting.0.setting(setting.1, in: s) } }
    /// Runs `candidates` on one pool of workers (the same results as one by one, without
    /// waiting for each one's last replication), keeping each in the cache and memory.
    func simulate(_ candidates: [[Int]]) {
      guard !candidates.isEmpty, !stopped else { return }
      Experiment.run(points: candidates.map(staffed), jobs: jobs, shouldStop: shouldStop) { (i: Int, result: ExperimentResult) in
        let shortfall = targets.reduce(0) { $0 + $1.shortfall(result) }
        cache[candidates[i]] = (shortfall, result)
        memory?.record(key(candidates[i]), [[shortfall]])
      }
      if candidates.contains(where: { cache[$0]?.result == nil }) { stopped = true }
    }
    /// Evaluates the candidates not yet known: recalled from memory, or simulated. The
    /// staffing reached (`staff`), when recalled, is simulated with them: the plan needs
    /// its figures if the search stops.
    func evaluate(all candidates: [[Int]]) {
      var unknown: [[Int]] = []
      for levels in candidates where cache[levels] == nil && !unknown.contains(levels) {
        if let rows = memory?.recall(key(levels)), rows.count == 1, rows[0].count == 1 {
          cache[levels] = (rows[0][0], nil)
          recalled += 1
        } else {
          unknown.append(levels)
        }
      }
      if !unknown.isEmpty, !unknown.contains(staff), cache[staff].map({ $0.result == nil }) == true { unknown.insert(staff, at: 0) }
      simulate(unknown)
    }
    /// The candidate's value; nil once the search is stopped.
    func evaluate(_ levels: [Int]) -> Value? {
      evaluate(all: [levels])
      return cache[levels]
    }
    guard var current = evaluate(staff) else { return nil }
    if recalled > 0 { note("resuming: the staffing as given kept from the stopped run") }
    var added = 0
    var steps = 0
    note("start: shortfall \(fmt(current.shortfall)) with \(describe(staff, units))")
    // Add where it helps most.
    while current.shortfall > 0 && steps < maxSteps && (budget.map { added < $0 } ?? true) && !stopped {
      steps += 1
      var best: (unit: Int, value: Value)?
      evaluate(all: units.indices.map { u in staff.enumerated().map { $0.offset == u ? $0.element + 1 : $0.element } })
      for u in units.indices {
        var candidate = staff
        candidate[u] += 1
        guard let value = evaluate(candidate) else { break }
        if best == nil || value.shortfall < best!.value.shortfall { best = (u, value) }
      }
      if stopped { break }
      guard let best, best.value.shortfall < current.shortfall else {
        note("no single addition lowers the shortfall; stopping")
        break
      }
      staff[best.unit] += 1
      added += 1
      current = best.value
      note("+1 \(units[best.unit]): shortfall \(fmt(current.shortfall))")
    }
    // Remove what is not needed.
    if current.shortfall == 0 && budget == nil {
      var removed = true
      while removed && steps < maxSteps && !stopped {
        removed = false
        steps += 1
        for u in units.indices.reversed() where staff[u] > minimumStaff {
          var candidate = staff
          candidate[u] -= 1
          guard let value = evaluate(candidate) else { break }
          if value.shortfall == 0 {
            staff = candidate
            current = value
            removed = true
            note("-1 \(units[u]): targets still met")
            break
          }
        }
      }
    }
    // Move staff between units while it helps.
    if allowTransfers && current.shortfall > 0 {
      var moved = true
      while moved && steps < maxSteps && !stopped {
        moved = false
        steps += 1
        var best: (from: Int, to: Int, value: Value)?
        var moves: [[Int]] = []
        for from in units.indices where staff[from] > minimumStaff {
          for to in units.indices where to != from {
            var candidate = staff
            candidate[from] -= 1
            candidate[to] += 1
            moves.append(candidate)
          }
        }
        evaluate(all: moves)
        if stopped { break }
        for from in units.indices where staff[from] > minimumStaff {
          for to in units.indices where to != from {
            var candidate = staff
            candidate[from] -= 1
            candidate[to] += 1
            guard let value = evaluate(candidate) else { continue }
            if value.shortfall < (best?.value.shortfall ?? current.shortfall) { best = (from, to, value) }
          }
        }
        if let best {
          staff[best.from] -= 1
          staff[best.to] += 1
          current = best.value
          moved = true
          note("move 1 from \(units[best.from]) to \(units[best.to]): shortfall \(fmt(current.shortfall))")
        }
      }
    }
    var final = scenario
    for (unit, level) in zip(units, staff) { final = unit.setting(level, in: final) }
    var confirmation: ExperimentResult
    if let confirm = confirmReplications, !stopped {
      final.replications = confirm
      confirmation = Experiment.run(final, jobs: jobs, progress: nil, shouldStop: shouldStop)
      if confirmation.replications.count < confirm { stopped = true }
    } else {
      if !stopped && cache[staff]?.result == nil { simulate([staff]) }
      // Stopped before the staffing reached after a resume was simulated again: nothing
      // new to report (the memory keeps every evaluation).
      guard let result = cache[staff]?.result else { return nil }
      confirmation = result
    }
    if stopped {
      note("stopped on request: the best staffing found so far, not confirmed")
      guard let result = cache[staff]?.result else { return nil }
      return StaffingPlan(units: units, before: before, after: staff, scenario: final, confirmation: result,
                          confirmed: false, feasible: current.shortfall == 0, log: log, interrupted: true)
    }
    let confirmed = targets.allSatisfy { $0.holdsWithConfidence(confirmation) }
    note(confirmed ? "confirmed with \(confirmation.replications.count) replications"
      : "not confirmed at the 95% level with \(confirmation.replications.count) replications")
    return StaffingPlan(units: units, before: before, after: staff, scenario: final, confirmation: confirmation,
                        confirmed: confirmed, feasible: current.shortfall == 0, log: log)
  }

  private static func describe(_ levels: [Int], _ units: [StaffingUnit]) -> String {
    zip(units, levels).map { "\($0.name)=\($1)" }.joined(separator: ", ")
  }

  private static func fmt(_ x: Double) -> String {
    let scaled = (x * 10_000).rounded() / 10_000
    return "\(scaled)"
  }
}
