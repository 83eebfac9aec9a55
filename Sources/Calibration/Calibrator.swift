//===----------------------------------------------------------------------===//
// Simulation-based calibration: the settings that reproduce published figures.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Experiments
import Fitting
import ScenarioFormat
import SimRandom

/// How hard a calibration searches.
public struct CalibrationSettings: Sendable {
  /// Nelder–Mead searches from the middle of the bounds and from `starts − 1` more points
  /// of a Latin hypercube.
  public var starts = 3
  /// Replications per candidate during the search (`nil`: the scenario's, at most 4: two
  /// rounds on two cores).
  public var searchReplications: Int?
  /// Replications of the best candidates re-run at the end, so that noise does not pick
  /// the answer, and of the calibrated scenario's confirmation.
  public var confirmReplications = 20
  /// Candidates simulated in the search at most (over all starts).
  public var maxEvaluations = 300
  /// Points of each parameter's profile and of each axis of the trade-off map.
  public var profilePoints = 7
  /// Nelder–Mead iterations re-fitting the other parameters at each point of a profile.
  public var profileEvaluations = 20
  /// Nelder–Mead iterations polishing the best with the confirmation's replications.
  public var polishEvaluations = 20
  /// Bisection steps locating each end of a parameter's range between profile points.
  public var boundarySteps = 4
  /// Seed of the starts (the simulations use the scenario's seed: common random numbers).
  public var seed: UInt64 = 1

  public init() {}
}

/// The value of one free parameter and how far the targets pin it down.
public struct ParameterEstimate: Sendable {
  public var parameter: FreeParameter
  /// The calibrated value.
  public var value: Double
  /// The values whose distance is within 3.84 (χ² with one degree of freedom, 95%) of
  /// the best, the others re-fitted at each (`low`, `high` of that range: a profile
  /// interval, when the tolerances are standard errors).
  public var low: Double
  public var high: Double
  /// The profile: (value, distance) along the parameter's range, the others re-fitted.
  public var profile: [(value: Double, distance: Double)]
  /// Whether the range above covers less than half of the bounds: the targets pin it.
  public var isPinned: Bool { (high - low) < 0.5 * (parameter.high - parameter.low) }
}

/// How well one target is reproduced.
public struct TargetResidual: Sendable {
  public var target: CalibrationTarget
  /// The calibrated scenario's value over the confirmation's replications.
  public var simulated: Estimate
  /// (simulated mean − target) / √(tolerance² + se²), se the standard error of the simulated mean.
  public var z: Double
}

/// The trade-off the targets leave open between the two free parameters they pin down least: the
/// distance on a grid over their bounds, the others at their calibrated values.
public struct TradeOffMap: Sendable {
  public var x: FreeParameter
  public var y: FreeParameter
  public var xValues: [Double]
  public var yValues: [Double]
  /// `distance[i][j]` at (`xValues[i]`, `yValues[j]`).
  public var distance: [[Double]]
  /// For each x of the first parameter's profile, the y fitted with it, and the distance:
  /// the ridge.
  public var ridge: [(x: Double, y: Double, distance: Double)]
  /// The ridge's points within 3.84 of the best: the band of equally good values.
  public var band: [(x: Double, y: Double)]
}

/// What a calibration found.
public struct CalibrationResult: Sendable {
  public var targets: [CalibrationTarget]
  public var parameters: [ParameterEstimate]
  /// Σ z² over the targets at the calibrated values, on the confirmation.
  public var distance: Double
  public var residuals: [TargetResidual]
  /// Whether every parameter is pinned down by the targets (and there are at least as
  /// many targets as free parameters).
  public var identifiable: Bool
  /// Why not, in words, when not.
  public var identifiability: String
  /// With two free parameters or more, the trade-off between the two pinned down least (the widest ranges for their bounds).
  public var tradeOff: TradeOffMap?
  /// The calibrated scenario's run with the confirmation's replications.
  public var confirmation: ExperimentResult
  /// The overrides that give the calibrated scenario (the base's and the fitted values).
  public var overrides: [Override]
  /// Candidates simulated.
  public var evaluations: Int
  /// Whether the search was stopped (Ctrl-C) before it finished: the values are the best
  /// found so far, not confirmed.
  public var interrupted: Bool
  /// Each step of the search, for people.
  public var log: [String]
}

/// Simulation-based calibration: the values of the free parameters that bring the
/// simulated targets closest to the observed ones.
///
/// The distance is Σ z² over the targets, z = (mean − value) / √(tolerance² + se²) with se
/// the standard error of the simulated mean. Every candidate runs
/// on the scenario's seed (common random numbers), so the distance changes with the
/// parameters, not with the noise. Nelder–Mead (`gsl_multimin_fminimizer_nmsimplex2`)
/// searches from several starts in the unit cube of the bounds, with few replications;
/// the best few candidates are re-run with more, the best of them is kept (whole-number
/// parameters are then tried one step either way) and polished with those replications. Each parameter's profile (the others
/// re-fitted at each of its values) gives the range within 3.84 of the best distance; with
/// two parameters or more, the first parameter's profile traces the ridge of equally good
/// values with the second, and a grid over the two maps it, so that a trade-off the targets
/// leave open is shown rather than one arbitrary point of it.
public enum Calibrator {
  public static func calibrate(
    _ document: ScenarioDocument, base: [Override] = [], targets: [CalibrationTarget], free: [FreeParameter],
    settings: CalibrationSettings = CalibrationSettings(), jobs: Int = Experiment.defaultJobs,
    progress: ((String) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil
  ) throws(ScenarioError) -> CalibrationResult {
    precondition(!targets.isEmpty && !free.isEmpty, "targets and free parameters")
    var log: [String] = []
    func note(_ line: String) {
      log.append(line)
      progress?(line)
    }
    let rescaling = free.contains { $0.isShare }
    let baseScenario = try document.load(overrides: base, rescalingShares: rescaling).scenario
    let windows = targets.compactMap { $0.window(in: baseScenario) }
    for window in windows where window.from < baseScenario.horizon.start || window.to > baseScenario.horizon.end {
      throw ScenarioError(issues: [ScenarioIssue(.error, .outOfRange, at: .argument("--target"), keyPath: "windows",
                                                 expected: "target windows within the horizon (\(baseScenario.horizon.start) to \(baseScenario.horizon.end))",
                                                 found: "\(window)")])
    }
    let search = settings.searchReplications ?? min(baseScenario.replications, 4)
    var cache: [[Double]: (distance: Double, result: ExperimentResult?)] = [:]
    var evaluations = 0
    var interrupted = false

    /// The scenario with the free parameters at `values`, or nil when they make it invalid.
    func scenario(_ values: [Double], replications: Int) -> Scenario? {
      let overrides = base + zip(free, values).map { $0.override($1) }
      guard var s = try? document.load(overrides: overrides, rescalingShares: rescaling).scenario else { return nil }
      for window in windows where !s.windows.contains(window) { s.windows.append(window) }
      s.replications = replications
      s.seed = baseScenario.seed
      return s
    }
    /// The distance at `values` with `replications`.
    func evaluate(_ values: [Double], replications: Int) -> (distance: Double, result: ExperimentResult?) {
      let key = values + [Double(replications)]
      if let known = cache[key] { return known }
      evaluations += 1
      guard let s = scenario(values, replications: replications) else {
        cache[key] = (.infinity, nil)
        return (.infinity, nil)
      }
      let result = Experiment.run(s, jobs: jobs)
      let distance = result.stopped.isEmpty ? targets.reduce(0) { $0 + $1.squaredResidual(result) } : .infinity
      cache[key] = (distance, result)
      return (distance, result)
    }
    func values(_ u: [Double]) -> [Double] { zip(free, u).map { $0.value(at: $1) } }
    func text(_ values: [Double]) -> String {
      zip(free, values).map { "\($0.name)=\($0.isInteger ? String(Int($1)) : fixed($1))" }.joined(separator: ", ")
    }

    // The search: Nelder–Mead in the unit cube from several starts.
    var starts = [Array(repeating: 0.5, count: free.count)]
    if settings.starts > 1 {
      let stream = RandomStream(master: settings.seed, replication: 0, key: StreamKey("calibration-starts"))
      // A Latin hypercube: each axis cut into n strata, one point in each, the strata of
      // the axes paired by random permutations.
      let n = settings.starts - 1
      let columns = free.indices.map { _ -> [Double] in
        var strata = (0..<n).map { (Double($0) + stream.uniform()) / Double(n) }
        for i in stride(from: n - 1, to: 0, by: -1) { strata.swapAt(i, Int(stream.uniform() * Double(i + 1))) }
        return strata
      }
      for i in 0..<n { starts.append(free.indices.map { columns[$0][i] }) }
    }
    var candidates: [(values: [Double], distance: Double)] = []
    let budget = max(10, settings.maxEvaluations / starts.count)
    for (k, start) in starts.enumerated() {
      let before = evaluations
      let minimum = NelderMead.minimise(start: start, steps: Array(repeating: 0.25, count: free.count), tolerance: 1e-3,
                                        maxIterations: budget) { u in
        if shouldStop?() == true { return nil }
        if evaluations - before >= budget { return nil }
        let outside = u.reduce(0.0) { $0 + ($1 < 0 ? -$1 : $1 > 1 ? $1 - 1 : 0) }
        return evaluate(values(u), replications: search).distance + 1e6 * outside * outside
      }
      if shouldStop?() == true { interrupted = true }
      let best = values(minimum.point)
      candidates.append((best, evaluate(best, replications: search).distance))
      note("start \(k + 1) of \(starts.count): \(text(best)), distance \(fixed(candidates.last!.distance)) after \(evaluations) candidates")
      if interrupted { break }
    }
    // Whole numbers: one step either way from the best.
    if !interrupted, free.contains(where: \.isInteger), var best = candidates.min(by: { $0.distance < $1.distance }) {
      var improved = true
      while improved && shouldStop?() != true {
        improved = false
        for (i, parameter) in free.enumerated() where parameter.isInteger {
          for delta in [-1.0, 1.0] {
            var trial = best.values
            trial[i] = min(parameter.high, max(parameter.low, trial[i] + delta))
            let d = evaluate(trial, replications: search).distance
            if d < best.distance {
              best = (trial, d)
              improved = true
            }
          }
        }
      }
      candidates.append(best)
      if shouldStop?() == true { interrupted = true }
    }
    // Re-run the best few with more replications and keep the best of them.
    var distinct: [(values: [Double], distance: Double)] = []
    for candidate in candidates.sorted(by: { $0.distance < $1.distance }) where !distinct.contains(where: { $0.values == candidate.values }) {
      distinct.append(candidate)
    }
    let confirm = max(search, settings.confirmReplications)
    var chosen = distinct.first!
    if !interrupted {
      chosen = distinct.prefix(3).map { ($0.values, evaluate($0.values, replications: confirm).distance) }
        .min { $0.1 < $1.1 }.map { ($0.0, $0.1) }!
      note("best of the \(min(3, distinct.count)) best re-run with \(confirm) replications: \(text(chosen.values)), distance \(fixed(chosen.distance))")
    }
    // Polish the best with the confirmation's replications: the search's few replications
    // carry their own noise, which the optimum found with them may fit.
    if !interrupted && confirm > search {
      let start = zip(free, chosen.values).map { ($1 - $0.low) / ($0.high - $0.low) }
      let minimum = NelderMead.minimise(start: start, steps: Array(repeating: 0.03, count: free.count), tolerance: 1e-3,
                                        maxIterations: settings.polishEvaluations) { u in
        if shouldStop?() == true { return nil }
        let outside = u.reduce(0.0) { $0 + ($1 < 0 ? -$1 : $1 > 1 ? $1 - 1 : 0) }
        return evaluate(values(u), replications: confirm).distance + 1e6 * outside * outside
      }
      let polished = values(minimum.point)
      let d = evaluate(polished, replications: confirm).distance
      if d < chosen.distance { chosen = (polished, d) }
      note("polished with \(confirm) replications: \(text(chosen.values)), distance \(fixed(chosen.distance))")
    }
    let bestValues = chosen.values

    // How far the targets pin each parameter down: each parameter's profile, the others
    // re-fitted at every point (warm-started from the neighbouring point), and the map of
    // the two pinned down least.
    let threshold = 3.84
    var estimates: [ParameterEstimate] = []
    var ridgeOthers: [[Double: [Double]]] = Array(repeating: [:], count: free.count)
    /// The distance with parameter `i` at `value` and the others re-fitted from `others`.
    func profilePoint(_ i: Int, _ value: Double, from others: [Double]) -> (distance: Double, fitted: [Double]) {
      var fitted = others
      fitted[i] = value
      var d = evaluate(fitted, replications: search).distance
      guard free.count > 1 else { return (d, fitted) }
      // A ridge can bend faster than the re-fit follows from the neighbour: also start
      // from the best candidate already simulated near this value (the searches' points),
      // whichever is closer to the targets.
      let unit = (value - free[i].low) / (free[i].high - free[i].low)
      let near = cache.filter { key, known in
        key.last == Double(search) && abs((key[i] - free[i].low) / (free[i].high - free[i].low) - unit) <= 0.5 / Double(settings.profilePoints)
      }.min { $0.value.distance < $1.value.distance || ($0.value.distance == $1.value.distance && $0.key.lexicographicallyPrecedes($1.key)) }
      if let near, near.value.distance < d {
        var other = Array(near.key.dropLast())
        other[i] = value
        let alternative = evaluate(other, replications: search).distance
        if alternative < d {
          d = alternative
          fitted = other
        }
      }
      let rest = free.indices.filter { $0 != i }
      let start = rest.map { j in (fitted[j] - free[j].low) / (free[j].high - free[j].low) }
      let minimum = NelderMead.minimise(start: start, steps: Array(repeating: 0.1, count: rest.count), tolerance: 1e-3,
                                        maxIterations: settings.profileEvaluations) { u in
        if shouldStop?() == true { return nil }
        var trial = fitted
        for (k, j) in rest.enumerated() { trial[j] = free[j].value(at: u[k]) }
        let outside = u.reduce(0.0) { $0 + ($1 < 0 ? -$1 : $1 > 1 ? $1 - 1 : 0) }
        return evaluate(trial, replications: search).distance + 1e6 * outside * outside
      }
      var trial = fitted
      for (k, j) in rest.enumerated() { trial[j] = free[j].value(at: minimum.point[k]) }
      let refit = evaluate(trial, replications: search).distance
      if refit < d {
        d = refit
        fitted = trial
      }
      return (d, fitted)
    }
    for (i, parameter) in free.enumerated() {
      let points = Self.profileAxis(parameter, around: bestValues[i], points: settings.profilePoints)
      var profile: [(value: Double, distance: Double, fitted: [Double])] = []
      // Outward from the best, each point starting from its neighbour's fitted others.
      let upward = points.filter { $0 >= bestValues[i] }, downward = points.filter { $0 < bestValues[i] }.reversed()
      for direction in [Array(upward), Array(downward)] {
        var others = bestValues
        for value in direction {
          if shouldStop?() == true { interrupted = true }
          if interrupted { break }
          let point = profilePoint(i, value, from: others)
          profile.append((value, point.distance, point.fitted))
          others = point.fitted
        }
      }
      profile.sort { $0.value < $1.value }
      let floor = profile.map(\.distance).min() ?? .infinity
      // Each end of the range within 3.84 of the best, found between the last point within
      // and the first beyond it by bisection (so the range is not the grid's).
      var ends: [Double] = []
      let grid = profile
      for upward in [false, true] where !interrupted {
        let ordered = upward ? grid : grid.reversed()
        guard let last = ordered.lastIndex(where: { $0.distance <= floor + threshold }) else { continue }
        var inside = ordered[last]
        guard last + 1 < ordered.count else {
          ends.append(inside.value)
          continue
        }
        var outside = ordered[last + 1]
        for _ in 0..<settings.boundarySteps where !interrupted {
          let middle = parameter.value(at: ((inside.value + outside.value) / 2 - parameter.low) / (parameter.high - parameter.low))
          if middle == inside.value || middle == outside.value { break }
          let point = profilePoint(i, middle, from: inside.fitted)
          if point.distance <= floor + threshold { inside = (middle, point.distance, point.fitted) } else { outside = (middle, point.distance, point.fitted) }
          profile.append((middle, point.distance, point.fitted))
          if shouldStop?() == true { interrupted = true }
        }
        ends.append(inside.value)
      }
      profile.sort { $0.value < $1.value }
      for point in profile { ridgeOthers[i][point.value] = point.fitted }
      let low = ends.first ?? bestValues[i], high = ends.last ?? bestValues[i]
      estimates.append(ParameterEstimate(parameter: parameter, value: bestValues[i], low: min(low, high), high: max(low, high),
                                         profile: profile.map { ($0.value, $0.distance) }))
      note("profile of \(parameter.name): \(fixed(min(low, high))) to \(fixed(max(low, high))) within 3.84 of the best (\(evaluations) candidates)")
    }
    var tradeOff: TradeOffMap?
    if free.count >= 2 && !interrupted {
      // The two parameters the targets pin down least (the widest ranges for their bounds),
      // in their order on the command line.
      let loosest = free.indices.sorted {
        (estimates[$0].high - estimates[$0].low) / (free[$0].high - free[$0].low) > (estimates[$1].high - estimates[$1].low) / (free[$1].high - free[$1].low)
      }.prefix(2).sorted()
      let (a, b) = (loosest[0], loosest[1])
      let xs = Self.axis(free[a], points: settings.profilePoints), ys = Self.axis(free[b], points: settings.profilePoints)
      var grid: [[Double]] = []
      for x in xs {
        var column: [Double] = []
        for y in ys {
          if shouldStop?() == true { interrupted = true }
          if interrupted { column.append(.nan); continue }
          var trial = bestValues
          trial[a] = x
          trial[b] = y
          column.append(evaluate(trial, replications: search).distance)
        }
        grid.append(column)
      }
      if !interrupted {
        let floor = estimates[a].profile.map(\.distance).min() ?? .infinity
        let ridge = estimates[a].profile.compactMap { point -> (x: Double, y: Double, distance: Double)? in
          ridgeOthers[a][point.value].map { (point.value, $0[b], point.distance) }
        }
        let band = ridge.filter { $0.distance <= floor + threshold }.map { (x: $0.x, y: $0.y) }
        tradeOff = TradeOffMap(x: free[a], y: free[b], xValues: xs, yValues: ys, distance: grid, ridge: ridge, band: band)
      }
    }

    // The calibrated scenario, confirmed.
    let confirmation = evaluate(bestValues, replications: confirm).result ?? Experiment.run(scenario(bestValues, replications: confirm)!)
    let residuals = targets.map { target -> TargetResidual in
      let e = Estimate(target.values(in: confirmation))
      return TargetResidual(target: target, simulated: e, z: target.z(e))
    }
    let distance = residuals.reduce(0) { $0 + $1.z * $1.z }
    var reasons: [String] = []
    if targets.count < free.count {
      reasons.append("\(targets.count) target\(targets.count == 1 ? "" : "s") for \(free.count) free parameters: the figures cannot pin them all down")
    }
    let loose = estimates.filter { !$0.isPinned }
    if !loose.isEmpty {
      reasons.append("values of \(loose.map { "\($0.parameter.name) from \(fixed($0.low)) to \(fixed($0.high))" }.joined(separator: ", ")) fit the targets about as well")
    }
    if let tradeOff, let first = tradeOff.band.first, let last = tradeOff.band.last,
      let x = estimates.first(where: { $0.parameter.keyPath == tradeOff.x.keyPath }), !x.isPinned,
      abs(last.y - first.y) > 0.1 * (tradeOff.y.high - tradeOff.y.low)
    {
      reasons.append("a ridge: \(tradeOff.x.name) from \(fixed(first.x)) to \(fixed(last.x)) goes with \(tradeOff.y.name) from \(fixed(first.y)) to \(fixed(last.y))")
    }
    let identifiable = reasons.isEmpty && !interrupted
    note(interrupted ? "interrupted: the values are the best found so far, not confirmed"
      : "calibrated: \(text(bestValues)); distance \(fixed(distance)) over \(targets.count) target\(targets.count == 1 ? "" : "s")")
    return CalibrationResult(
      targets: targets, parameters: estimates, distance: distance, residuals: residuals, identifiable: identifiable,
      identifiability: reasons.isEmpty ? "every free parameter is pinned down by the targets" : reasons.joined(separator: "; "),
      tradeOff: tradeOff, confirmation: confirmation, overrides: base + zip(free, bestValues).map { $0.override($1) },
      evaluations: evaluations, interrupted: interrupted, log: log)
  }

  /// The values of a parameter's profile: `points` across its bounds, and as many again
  /// between the grid's neighbours of `best`, so that the range near the best is resolved
  /// finer than the grid.
  static func profileAxis(_ parameter: FreeParameter, around best: Double, points: Int) -> [Double] {
    let coarse = axis(parameter, points: points)
    guard !parameter.isInteger || coarse.count < Int(parameter.high - parameter.low) + 1 else { return coarse }
    let below = coarse.last { $0 < best } ?? parameter.low, above = coarse.first { $0 > best } ?? parameter.high
    let n = max(points, 2)
    let fine = (0..<n).map { k -> Double in
      let x = below + (above - below) * Double(k) / Double(n - 1)
      return parameter.isInteger ? x.rounded() : x
    }
    return Array(Set(coarse + fine + [best])).sorted()
  }

  /// `points` values across a parameter's bounds (every whole number when there are few).
  static func axis(_ parameter: FreeParameter, points: Int) -> [Double] {
    if parameter.isInteger && parameter.high - parameter.low + 1 <= Double(max(points, 2)) {
      return stride(from: parameter.low, through: parameter.high, by: 1).map { $0 }
    }
    let n = max(points, 2)
    return (0..<n).map { parameter.value(at: Double($0) / Double(n - 1)) }
  }
}

/// `x` with 4 significant decimals, for logs.
func fixed(_ x: Double) -> String {
  guard x.isFinite else { return x.isNaN ? "n/a" : "∞" }
  let scaled = (x * 10_000).rounded() / 10_000
  return "\(scaled)"
}
