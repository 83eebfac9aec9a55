//===----------------------------------------------------------------------===//
// A city's staff budget, allocated centre by centre.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Dispatch
import Synchronization

/// What a city's extra staff should buy.
public enum StaffingObjective: String, Sendable, CaseIterable {
  /// The fewest overdue dossiers (completed late or open past due), summed over centres.
  case overdue
  /// The most dossiers completed on time, summed over centres.
  case onTime = "on-time"
  /// The shortest 90th-percentile counter wait at the worst centre.
  case waitP90 = "wait-p90"
  /// The least staff that meets every centre's targets (`centre.` targets).
  case targets

  /// The city-wide KPI the objective is judged on.
  public var cityMeasure: RunMeasure {
    switch self {
    case .overdue, .targets: .overdue
    case .onTime: .onTimeRate
    case .waitP90: .counterWaitP90
    }
  }

}

/// One person of a separable allocation: where they go and what they buy, from the
/// centre's curve (paired over replications on common random numbers).
public struct MarginalStep: Sendable {
  /// The centre's index and id.
  public var centre: Int
  public var centreID: String
  /// The centre's extra staff after this person (negative: given up by a transfer).
  public var level: Int
  /// How the centre's extra staff split over its pools after this person, `pool=+n`.
  public var split: String
  /// The change of the centre's objective KPI this person makes (for overdue, dossiers
  /// avoided: positive is better), with its 95% interval.
  public var gain: Estimate
}

/// Why a centre of a separable allocation got nobody, or that it reached the cap.
public struct CentreNote: Sendable {
  public enum Reason: Sendable {
    /// It meets its targets already.
    case onTarget
    /// A first person buys nothing there (the gain, paired, 95% interval).
    case buysNothing(Estimate)
    /// A first person buys less than the last person placed elsewhere.
    case buysLess(Estimate)
    /// It got the most extra staff a centre may get.
    case capped(Int)
  }

  public var centreID: String
  public var reason: Reason

  /// Caps first, then the centres whose first person would buy most, then the others.
  var order: (Int, Double) {
    switch reason {
    case .capped: (0, 0)
    case .buysLess(let g): (1, -g.mean)
    case .buysNothing: (2, 0)
    case .onTarget: (3, 0)
    }
  }

  public var description: String {
    switch reason {
    case .onTarget: "\(centreID) gets nobody: already on target"
    case .buysNothing(let g): "\(centreID) gets nobody: a first person buys nothing there (\(plainFigure(g.mean)) ± \(plainFigure(g.halfWidth)))"
    case .buysLess(let g): "\(centreID) gets nobody: a first person buys \(plainFigure(g.mean)) ± \(plainFigure(g.halfWidth)), less than the last person placed elsewhere"
    case .capped(let k): "\(centreID) reached the cap of \(k) extra staff a centre (--max-per-centre)"
    }
  }
}

private func plainFigure(_ x: Double) -> String { x.isFinite ? String((x * 100).rounded() / 100) : "n/a" }

/// The separable allocation of a city's staff: when centres share nothing but a staff
/// budget (each centre's dossiers stay in that centre), the city's objective is a sum
/// (or, for the worst centre's wait, a maximum) of per-centre objectives, each of which
/// depends only on that centre's staff.
///
/// Each centre's curve (its objective against 0, +1, +2 ... extra staff in the pools
/// allowed, and -1, -2 with transfers) is read from a few city runs in which *every*
/// centre gets the same offsets: one run per offset gives every centre's point, on the
/// common random numbers of its own streams. The budget is then allocated exactly by
/// dynamic programming over the budget (optimal for any curves; for concave ones it
/// equals greedy marginal analysis, whose order the marginal table shows), and the
/// answer is confirmed by a simulation of the whole city with the allocation.
///
/// Centres are coupled only through noise: outages shared by several centres are
/// exogenous (their timing does not depend on staff), and the work streams of a
/// procedure are shared by the centres, so a change at one centre can shift which draw
/// another centre's resubmitted dossier gets; the expected values, which the allocation
/// uses, stay separable, and the confirmation runs the real allocation.
public enum SeparableAllocation {
  /// The allocation's settings.
  public struct Settings: Sendable {
    public var objective: StaffingObjective
    /// Centre targets (for ``StaffingObjective/targets``, and checked by the confirmation).
    public var targets: [StaffingTarget]
    /// Extra staff at most (nil: as many as the targets need, within the cap per centre).
    public var budget: Int?
    /// Whether staff may be taken from centres with slack (up to `transferLimit` a pool).
    public var transfers: Bool
    /// Extra staff at most in one centre.
    public var maxPerCentre: Int
    public var transferLimit = 1
    public var minimumStaff = 1
    /// Replications of the curves (nil: the scenario's) and of the confirmation.
    public var curveReplications: Int?
    public var confirmReplications: Int?

    public init(objective: StaffingObjective, targets: [StaffingTarget] = [], budget: Int? = nil, transfers: Bool = false,
                maxPerCentre: Int = 6, curveReplications: Int? = nil, confirmReplications: Int? = nil) {
      self.objective = objective
      self.targets = targets
      self.budget = budget
      self.transfers = transfers
      self.maxPerCentre = maxPerCentre
      self.curveReplications = curveReplications
      self.confirmReplications = confirmReplications
    }
  }

  /// Whether `targets` can be allocated centre by centre: every one is a centre target.
  public static func isSeparable(_ targets: [StaffingTarget]) -> Bool {
    targets.allSatisfy { if case .everyCentre = $0.quantity { true } else { false } }
  }

  /// Allocates the staff of `units` (pools of the scenario's centres) as `settings` asks.
  /// `progress` gets lines for people (about every few seconds, with an estimate of the
  /// time left); nil when stopped by `shouldStop` before the curves were complete.
  /// Each point of the curves is kept in `memory` as it finishes and recalled from it
  /// instead of simulated, so a stopped allocation started again resumes.
  public static func allocate(
    _ scenario: Scenario, units: [StaffingUnit], settings: Settings, jobs: Int = Experiment.defaultJobs,
    memory: EvaluationMemory? = nil, progress: ((String) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil
  ) -> StaffingPlan? {
    var log: [String] = []
    func note(_ line: String) {
      log.append(line)
      progress?(line)
    }
    let before = units.map { $0.permanentStaff(in: scenario) }
    // The roles (a counter group or back-office pool by its position in a centre) that may change.
    let roles = Array(Set(units.map { Role(isCounter: $0.isCounter, index: $0.index) })).sorted()
    let cap = max(0, min(settings.maxPerCentre, settings.budget ?? settings.maxPerCentre))
    let lower = settings.transfers ? -settings.transferLimit : 0
    var offsets = grid(roles: roles.count, lower: lower, cap: cap)
    if offsets.count > 120 {
      offsets = offsets.filter { $0.filter { $0 != 0 }.count <= 1 }
      note("more than 120 staffing levels for \(roles.count) pools a centre: one pool changes at a time")
    }
    var replications = settings.curveReplications ?? scenario.replications
    let centres = scenario.centres.count
    note("separable allocation: \(offsets.count) staffing levels × \(replications) replications of all \(centres) centres at once")
    guard var curves = readCurves(scenario, units, before, roles, offsets, replications, settings, jobs, memory, note, shouldStop) else {
      return nil
    }
    var allocation = solve(curves, settings)
    // Replications until the decision is resolved: when the last person placed and the
    // best one left out cannot be told apart, the curves are read again with twice as many.
    if let (placed, left) = boundary(curves, allocation, settings), overlaps(placed, left), replications < 4 * scenario.replications {
      replications *= 2
      note("the last person placed (at \(scenario.centres[placed.centre].id), buying \(describe(placed))) and the best left out "
        + "(at \(scenario.centres[left.centre].id), \(describe(left))) cannot be told apart: curves again with \(replications) replications")
      guard let again = readCurves(scenario, units, before, roles, offsets, replications, settings, jobs, memory, note, shouldStop) else {
        return nil
      }
      curves = again
      allocation = solve(curves, settings)
    }
    // The staffing that the allocation makes.
    var after = before
    for (u, unit) in units.enumerated() {
      guard let role = roles.firstIndex(of: Role(isCounter: unit.isCounter, index: unit.index)) else { continue }
      let change = curves[unit.centre][allocation[unit.centre]].offset[role]
      if change != 0 { after[u] = max(settings.minimumStaff, before[u] + change) }
    }
    let concave = curves.indices.allSatisfy { isConcave(curves[$0], settings.objective) }
    note(concave ? "every centre's curve is concave: greedy marginal analysis gives the same allocation"
      : "some curves are not concave: the allocation is the exact optimum over the budget (dynamic programming)")
    let (marginal, notes) = explain(scenario, curves, allocation, settings, roles)
    log += notes.map(\.description)
    var final = scenario
    for (unit, level) in zip(units, after) { final = unit.setting(level, in: final) }
    final.replications = settings.confirmReplications ?? 4 * scenario.replications
    let confirmation = Experiment.run(final, jobs: jobs, progress: nil, shouldStop: shouldStop)
    var baseline: ExperimentResult?
    if settings.objective != .targets && confirmation.replications.count == final.replications {
      var asGiven = scenario
      asGiven.replications = final.replications
      baseline = Experiment.run(asGiven, jobs: jobs, progress: nil, shouldStop: shouldStop)
    }
    let interrupted = confirmation.replications.count < final.replications
      || baseline.map { $0.replications.count < final.replications } == true
    let confirmed = !interrupted && !settings.targets.isEmpty && settings.targets.allSatisfy { $0.holdsWithConfidence(confirmation) }
    let feasible = settings.targets.allSatisfy { $0.shortfall(confirmation) == 0 }
    note(interrupted ? "stopped on request: the allocation is not confirmed"
      : settings.targets.isEmpty ? "confirmed with \(confirmation.replications.count) replications of the whole city"
      : confirmed ? "confirmed with \(confirmation.replications.count) replications" : "not confirmed at the 95% level with \(confirmation.replications.count) replications")
    return StaffingPlan(units: units, before: before, after: after, scenario: final, confirmation: confirmation,
                        confirmed: confirmed, feasible: feasible, log: log, interrupted: interrupted, method: .separable,
                        marginal: marginal, notes: notes, objective: settings.objective, baseline: interrupted ? nil : baseline)
  }

  // MARK: - Curves

  /// A pool of a centre by its kind and position.
  struct Role: Hashable, Comparable {
    var isCounter: Bool
    var index: Int
    static func < (a: Role, b: Role) -> Bool { (a.isCounter ? 0 : 1, a.index) < (b.isCounter ? 0 : 1, b.index) }
  }

  /// A point of a centre's curve: its best offsets for a total of `level` extra staff.
  public struct Point: Sendable {
    public var level: Int
    /// The extra staff of each pool allowed to change.
    public var offset: [Int]
    /// The objective's KPI, replication by replication.
    public var values: [Double]
    /// What the allocation minimises at this point (the KPI's mean, negated for what is
    /// better higher; a target's shortfall).
    public var cost: Double

    public init(level: Int, offset: [Int], values: [Double], cost: Double) {
      self.level = level
      self.offset = offset
      self.values = values
      self.cost = cost
    }
  }

  /// Every offset vector over `roles` pools with each offset in `lower...cap` and a total
  /// of at most `cap`.
  static func grid(roles: Int, lower: Int, cap: Int) -> [[Int]] {
    var result: [[Int]] = [[]]
    for _ in 0..<roles {
      result = result.flatMap { prefix in (lower...cap).map { prefix + [$0] } }.filter { $0.reduce(0, +) <= cap }
    }
    return result.sorted { ($0.reduce(0, +), $0.map(abs).reduce(0, +)) < ($1.reduce(0, +), $1.map(abs).reduce(0, +)) }
  }

  /// Each centre's curve, from one city run per offset vector (recalled from `memory`
  /// when it holds the run); nil when stopped.
  private static func readCurves(
    _ scenario: Scenario, _ units: [StaffingUnit], _ before: [Int], _ roles: [Role], _ offsets: [[Int]], _ replications: Int,
    _ settings: Settings, _ jobs: Int, _ memory: EvaluationMemory?, _ note: (String) -> Void, _ shouldStop: (@Sendable () -> Bool)?
  ) -> [[Point]]? {
    var runs: [Scenario] = []
    var valid: [[Bool]] = []  // valid[offset][centre]: no pool below the minimum
    for offset in offsets {
      var s = scenario
      s.replications = replications
      var ok = [Bool](repeating: true, count: scenario.centres.count)
      for (u, unit) in units.enumerated() {
        // An unchanged pool stays as it is (even below the minimum: a pool of temporary crews only).
        guard let role = roles.firstIndex(of: Role(isCounter: unit.isCounter, index: unit.index)), offset[role] != 0 else { continue }
        let level = before[u] + offset[role]
        if level < settings.minimumStaff { ok[unit.centre] = false }
        s = unit.setting(max(settings.minimumStaff, level), in: s)
      }
      runs.append(s)
      valid.append(ok)
    }
    // Each point's per-replication centre KPIs are kept as it finishes; its full result is not.
    let key = { (o: Int) in "curve replications=\(replications) offset=\(offsets[o].map(String.init).joined(separator: ","))" }
    var replicationValues: [[[Measurements<CentreMeasure>]]] = offsets.indices.map { o in
      memory?.recall(key(o)).flatMap { centreRows($0, centres: scenario.centres.count) } ?? []
    }
    let missing = offsets.indices.filter { replicationValues[$0].count != replications }
    if missing.count < offsets.count {
      note("resuming: \(offsets.count - missing.count) of \(offsets.count) staffing levels kept from the stopped run")
    }
    let total = missing.count * replications
    let done = Atomic(0)
    let started = ContinuousClock.now
    let reporter = ProgressReporter(every: .seconds(5))
    Experiment.run(points: missing.map { runs[$0] }, jobs: jobs, shouldStop: shouldStop,
                   replicationFinished: { _ = done.add(1, ordering: .relaxed) }, keepsCentres: true) {
      (point: Int, result: ExperimentResult) in
      let o = missing[point]
      replicationValues[o] = result.replications.map(\.centres)
      memory?.record(key(o), replicationValues[o].map { $0.flatMap(\.values) })
      let finished = done.load(ordering: .relaxed)
      if let line = reporter.line(done: finished, total: total, since: started) { note(line) }
    }
    guard replicationValues.allSatisfy({ $0.count == replications }) else { return nil }
    return scenario.centres.indices.map { c in
      var best: [Int: Point] = [:]
      for (o, offset) in offsets.enumerated() where valid[o][c] {
        let values = replicationValues[o].map { centreValue($0[c], settings.objective) }
        let cost = self.cost(replicationValues[o].map { $0[c] }, c, settings)
        let level = offset.reduce(0, +)
        if best[level].map({ cost < $0.cost }) ?? true { best[level] = Point(level: level, offset: offset, values: values, cost: cost) }
      }
      return best.values.sorted { $0.level < $1.level }
    }
  }

  /// A replication's centre KPIs from a row of ``readCurves``' memory (every centre's
  /// values one after the other); nil when the row is not that long.
  static func centreRows(_ rows: [[Double]], centres: Int) -> [[Measurements<CentreMeasure>]]? {
    let width = CentreMeasure.allCases.count
    guard rows.allSatisfy({ $0.count == centres * width }) else { return nil }
    return rows.map { row in
      (0..<centres).map { c in
        var m = Measurements<CentreMeasure>()
        m.values = Array(row[(c * width)..<((c + 1) * width)])
        return m
      }
    }
  }

  /// The objective's KPI of a centre in one replication (on-time: dossiers completed on time).
  static func centreValue(_ m: Measurements<CentreMeasure>, _ objective: StaffingObjective) -> Double {
    switch objective {
    case .overdue, .targets: m[.overdue]
    case .onTime: m[.onTimeRate].isNaN ? 0 : m[.onTimeRate] * m[.completed]
    case .waitP90: m[.counterWaitP90].isNaN ? 0 : m[.counterWaitP90]
    }
  }

  /// What the allocation minimises for centre `c` at a point: the mean KPI (negated when
  /// higher is better), or for targets the shortfall of the centre's means.
  static func cost(_ samples: [Measurements<CentreMeasure>], _ c: Int, _ settings: Settings) -> Double {
    let mean = { (m: CentreMeasure) in Estimate(samples.map { $0[m] }).mean }
    switch settings.objective {
    case .overdue, .waitP90: return Estimate(samples.map { centreValue($0, settings.objective) }).mean
    case .onTime: return -Estimate(samples.map { centreValue($0, .onTime) }).mean
    case .targets:
      return settings.targets.reduce(0.0) { total, target in
        guard case .everyCentre(let m) = target.quantity else { return total }
        let value = mean(m)
        guard !value.isNaN else { return total }
        let scale = target.value != 0 ? abs(target.value) : 1
        return total + max(0, target.atLeast ? (target.value - value) / scale : (value - target.value) / scale)
      }
    }
  }

  // MARK: - The allocation

  /// The level of each centre (an index into its curve) that minimises the city's cost
  /// (sum, or maximum for the worst wait) within the budget; among equal costs, the
  /// fewest moves with a budget (staff are taken from a centre only to buy something
  /// elsewhere), the fewest staff without one (the least staff that meets the targets).
  public static func solve(_ curves: [[Point]], _ settings: Settings) -> [Int] {
    let worst = settings.objective == .waitP90
    let budget = settings.budget ?? curves.reduce(0) { $0 + ($1.last?.level ?? 0) }
    let floor = curves.reduce(0) { $0 + min(0, $1.first?.level ?? 0) }
    let width = budget - floor + 1
    guard width > 0 else { return curves.map { $0.firstIndex { $0.level == 0 } ?? 0 } }
    struct Cost: Comparable {
      var value: Double
      var staff: Int
      static func < (a: Cost, b: Cost) -> Bool { a.value < b.value - 1e-9 || (abs(a.value - b.value) <= 1e-9 && a.staff < b.staff) }
    }
    // table[s - floor] after each centre: the best cost of a total s, and the choices.
    var table = [Cost?](repeating: nil, count: width)
    table[0 - floor] = Cost(value: 0, staff: 0)
    var choices: [[Int]] = []
    for curve in curves {
      var next = [Cost?](repeating: nil, count: width)
      var choice = [Int](repeating: -1, count: width)
      for (s, cost) in table.enumerated() {
        guard let cost else { continue }
        for (i, point) in curve.enumerated() {
          let t = s + point.level
          guard t >= 0 && t < width else { continue }
          let tie = settings.budget == nil ? point.level : abs(point.level)
          let combined = Cost(value: worst ? max(cost.value, point.cost) : cost.value + point.cost, staff: cost.staff + tie)
          if next[t].map({ combined < $0 }) ?? true {
            next[t] = combined
            choice[t] = i
          }
        }
      }
      table = next
      choices.append(choice)
    }
    var s = table.indices.filter { table[$0] != nil }.min { table[$0]! < table[$1]! }!
    var result = [Int](repeating: 0, count: curves.count)
    for c in curves.indices.reversed() {
      result[c] = choices[c][s]
      s -= curves[c][result[c]].level
    }
    return result
  }

  /// Whether a centre's marginal gains never grow with the level (what greedy needs).
  public static func isConcave(_ curve: [Point], _ objective: StaffingObjective) -> Bool {
    let gains = zip(curve, curve.dropFirst()).map { $0.cost - $1.cost }
    return zip(gains, gains.dropFirst()).allSatisfy { $0 >= $1 - 1e-9 }
  }

  /// The marginal step of centre `c` from curve point `i - 1` to `i`.
  static func step(_ scenario: Scenario, _ curves: [[Point]], _ c: Int, _ i: Int, _ objective: StaffingObjective,
                   _ roles: [Role]) -> MarginalStep {
    let from = curves[c][i - 1], to = curves[c][i]
    let sign = objective == .onTime ? 1.0 : -1.0
    let gain = Estimate(zip(to.values, from.values).map { sign * ($0 - $1) })
    return MarginalStep(centre: c, centreID: scenario.centres[c].id, level: to.level, split: split(scenario, c, to.offset, roles), gain: gain)
  }

  /// The centre's extra staff by pool, `back-office +2, counters -1`.
  static func split(_ scenario: Scenario, _ c: Int, _ offset: [Int], _ roles: [Role]) -> String {
    let centre = scenario.centres[c]
    return zip(offset, roles).filter { $0.0 != 0 }.map { extra, role in
      let id = role.isCounter ? centre.counters[role.index].id : centre.backOffice[role.index].id
      return "\(id) \(extra > 0 ? "+" : "")\(extra)"
    }.joined(separator: ", ")
  }

  /// The last person placed and the best one left out, by their marginal gains.
  static func boundary(_ curves: [[Point]], _ allocation: [Int], _ settings: Settings) -> (MarginalGain, MarginalGain)? {
    guard settings.budget != nil else { return nil }
    var placed: [MarginalGain] = [], left: [MarginalGain] = []
    for c in curves.indices {
      guard let zero = curves[c].firstIndex(where: { $0.level == 0 }) else { continue }
      let chosen = allocation[c]
      if chosen > zero { placed.append(MarginalGain(curves, c, chosen)) }
      if chosen + 1 < curves[c].count && chosen >= zero { left.append(MarginalGain(curves, c, chosen + 1)) }
    }
    guard let last = placed.min(by: { $0.mean < $1.mean }), let best = left.max(by: { $0.mean < $1.mean }) else { return nil }
    return (last, best)
  }

  /// A centre's marginal gain at a point, for the boundary check.
  struct MarginalGain {
    var centre: Int
    var mean: Double
    var halfWidth: Double
    init(_ curves: [[Point]], _ c: Int, _ i: Int) {
      let gain = Estimate(zip(curves[c][i - 1].values, curves[c][i].values).map { $0 - $1 })
      centre = c
      mean = curves[c][i - 1].cost - curves[c][i].cost
      halfWidth = gain.halfWidth.isNaN ? 0 : gain.halfWidth
    }
  }

  static func overlaps(_ a: MarginalGain, _ b: MarginalGain) -> Bool { a.mean - a.halfWidth < b.mean + b.halfWidth }
  static func describe(_ g: MarginalGain) -> String { "\(plainFigure(g.mean)) ± \(plainFigure(g.halfWidth))" }

  /// The marginal table (each person placed, in the order a greedy would place them) and,
  /// for the centres that get nobody, why.
  static func explain(_ scenario: Scenario, _ curves: [[Point]], _ allocation: [Int], _ settings: Settings, _ roles: [Role])
    -> ([MarginalStep], [CentreNote])
  {
    var steps: [MarginalStep] = []
    var notes: [CentreNote] = []
    for c in curves.indices {
      guard let zero = curves[c].firstIndex(where: { $0.level == 0 }) else { continue }
      let chosen = allocation[c]
      if chosen > zero {
        for i in (zero + 1)...chosen { steps.append(step(scenario, curves, c, i, settings.objective, roles)) }
        if curves[c][chosen].level == settings.maxPerCentre {
          notes.append(CentreNote(centreID: scenario.centres[c].id, reason: .capped(settings.maxPerCentre)))
        }
      } else if chosen < zero {
        // A person given up: what the centre loses (negative gain).
        for i in stride(from: zero, to: chosen, by: -1) {
          var s = step(scenario, curves, c, i, settings.objective, roles)
          s.gain.mean = -s.gain.mean
          s.level = curves[c][i - 1].level
          s.split = split(scenario, c, curves[c][i - 1].offset, roles)
          steps.append(s)
        }
      } else if settings.objective == .targets && curves[c][zero].cost == 0 {
        notes.append(CentreNote(centreID: scenario.centres[c].id, reason: .onTarget))
      } else if zero + 1 < curves[c].count {
        let first = step(scenario, curves, c, zero + 1, settings.objective, roles)
        let gain = curves[c][zero].cost - curves[c][zero + 1].cost
        notes.append(CentreNote(centreID: scenario.centres[c].id, reason: gain <= 0 ? .buysNothing(first.gain) : .buysLess(first.gain)))
      }
    }
    return (greedyOrder(steps), notes.sorted { $0.order < $1.order })
  }

  /// The people placed in the order greedy marginal analysis would place them: the next
  /// person of each centre (its levels in order) with the largest gain first; then the
  /// people given up by transfers, the cheapest first.
  static func greedyOrder(_ steps: [MarginalStep]) -> [MarginalStep] {
    var queues = Dictionary(grouping: steps.filter { $0.level > 0 }, by: \.centre).mapValues { $0.sorted { $0.level < $1.level } }
    var ordered: [MarginalStep] = []
    while let next = queues.values.compactMap(\.first).max(by: { ($0.gain.mean, -$0.centre) < ($1.gain.mean, -$1.centre) }) {
      ordered.append(next)
      queues[next.centre]!.removeFirst()
    }
    return ordered + steps.filter { $0.level <= 0 }.sorted { ($0.gain.mean, $0.centre) > ($1.gain.mean, $1.centre) }
  }
}

/// A progress line at most every `interval`, with an estimate of the time left.
final class ProgressReporter: Sendable {
  private let interval: Duration
  private let last = Mutex<ContinuousClock.Instant?>(nil)

  init(every interval: Duration) { self.interval = interval }

  func line(done: Int, total: Int, since start: ContinuousClock.Instant) -> String? {
    let now = ContinuousClock.now
    let due = last.withLock { last -> Bool in
      guard last.map({ now - $0 >= interval }) ?? true else { return false }
      last = now
      return true
    }
    guard due, total > 0, done > 0 else { return nil }
    let elapsed = now - start
    let left = elapsed * Double(total - done) / Double(done)
    let seconds = Int(left.components.seconds)
    return "\(done) of \(total) replications (\(100 * done / total)%), about \(seconds >= 60 ? "\(seconds / 60) min \(seconds % 60) s" : "\(seconds) s") left"
  }
}
