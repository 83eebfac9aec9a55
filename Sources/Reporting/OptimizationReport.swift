//===----------------------------------------------------------------------===//
// The files and text of `onestop optimize`.
//===----------------------------------------------------------------------===//

import CentreSimulation
import Experiments
import Localization

/// Renders a ``StaffingPlan``: the staffing before and after, the targets and the KPIs
/// the recommendation achieves, with their 95% intervals.
public struct OptimizationReport: Sendable {
  public var plan: StaffingPlan
  public var targets: [StaffingTarget]
  /// Where the scenario came from (recorded in optimize.json).
  public var provenance: Provenance?

  public init(plan: StaffingPlan, targets: [StaffingTarget], provenance: Provenance? = nil) {
    self.plan = plan
    self.targets = targets
    self.provenance = provenance
  }

  public func table() -> CSVTable {
    var table = CSVTable(columns: ["unit", "before", "after", "change"])
    for (i, unit) in plan.units.enumerated() {
      table.append([unit.name, String(plan.before[i]), String(plan.after[i]), String(plan.after[i] - plan.before[i])])
    }
    return table
  }

  public func json() -> JSONValue {
    let totals = plan.confirmation.totals
    return .object((provenance.map { [("provenance", $0.json(plan.scenario))] } ?? []) + [
      ("targets", .array(targets.map { .string($0.description) })),
      ("feasible", .bool(plan.feasible)),
      ("interrupted", .bool(plan.interrupted)),
      ("confirmed", .bool(plan.confirmed)),
      ("confirmation_replications", .number(Double(plan.confirmation.replications.count))),
      ("staffing", .array(plan.units.indices.map { i in
        .object([("unit", .string(plan.units[i].name)), ("before", .number(Double(plan.before[i]))),
                 ("after", .number(Double(plan.after[i])))])
      })),
      ("kpis", .object(RunMeasure.allCases.map { m in
        (m.id, .object([("mean", .finite(totals[m].mean)), ("ci95_low", .finite(totals[m].low)), ("ci95_high", .finite(totals[m].high))]))
      })),
      ("method", .string(plan.method.rawValue)),
      ("objective", .string(plan.objective.rawValue)),
      ("marginal", .array(plan.marginal.enumerated().map { n, step in
        .object([("person", .number(Double(n + 1))), ("centre", .string(step.centreID)), ("level", .number(Double(step.level))),
                 ("pools", .string(step.split)), ("gain_mean", .finite(step.gain.mean)), ("gain_ci95_half_width", .finite(step.gain.halfWidth))])
      })),
      ("notes", .array(plan.notes.map { .string($0.description) })),
      ("log", .array(plan.log.map { .string($0) })),
    ])
  }

  /// What an allocation for an objective changes city-wide, against the staffing as given.
  func allocationVerdict(_ baseline: ExperimentResult, _ t: Language) -> [String] {
    let m = plan.objective.cityMeasure
    let added = zip(plan.before, plan.after).reduce(0) { $0 + max(0, $1.1 - $1.0) }
    let change = Estimate(zip(plan.confirmation.replications, baseline.replications).map { $0.totals[m] - $1.totals[m] })
    var lines = plan.interrupted ? [t.report(.optimizeInterrupted(replications: plan.confirmation.replications.count))] : []
    lines.append(t.report(.allocationVerdict(added: added, objective: plan.objective.rawValue,
                                             kpi: t.inSentence(t.label(m)), from: t.estimate(baseline.totals[m], unit: m.unit),
                                             to: t.estimate(plan.confirmation.totals[m], unit: m.unit), change: t.estimate(change, unit: m.unit),
                                             replications: plan.confirmation.replications.count)))
    lines += plan.units.indices.filter { plan.before[$0] != plan.after[$0] }.map { i in
      t.report(.optimizeChange(unit: plan.units[i].name, before: plan.before[i], after: plan.after[i]))
    }
    return lines
  }

  /// The marginal table of a separable allocation: person, centre, pools, what they buy.
  public func marginalTable() -> CSVTable {
    var table = CSVTable(columns: ["person", "centre", "centre_extra_staff", "pools", "gain_mean", "gain_ci95_half_width", "gain_unit"])
    for (n, step) in plan.marginal.enumerated() {
      table.append([String(n + 1), step.centreID, String(step.level), step.split, fixed(step.gain.mean, 4), fixed(step.gain.halfWidth, 4),
                    Language.en.report(.objectiveGain(plan.objective.rawValue))])
    }
    return table
  }

  /// The marginal table's rows and header for people, in `t`.
  func marginalRows(_ t: Language) -> (header: [String], rows: [[String]]) {
    let unit = t.report(.objectiveGain(plan.objective.rawValue))
    let header = [t.report(.personColumn), t.report(.centreColumn), t.report(.poolsChangeColumn), t.report(.gainColumn(objective: unit))]
    let rows = plan.marginal.enumerated().map { n, step in
      [String(n + 1), step.centreID, step.split, t.estimate(step.gain, unit: "")]
    }
    return (header, rows)
  }

  /// Why centres got nobody, and the caps reached, in `t`.
  public func noteLines(_ t: Language) -> [String] {
    plan.notes.map { note in
      switch note.reason {
      case .onTarget: t.report(.nobodyOnTarget(centre: note.centreID))
      case .buysNothing(let g): t.report(.nobodyBuysNothing(centre: note.centreID, gain: t.estimate(g, unit: "")))
      case .buysLess(let g): t.report(.nobodyBuysLess(centre: note.centreID, gain: t.estimate(g, unit: "")))
      case .capped(let k): t.report(.centreCapped(centre: note.centreID, cap: k))
      }
    }
  }

  /// Writes `optimize.csv`, `optimize.json`, `report.html` (in `language`) and, for a
  /// centre-by-centre allocation, `marginal.csv` into `directory`, then its manifest
  /// (``ResultDirectory``).
  public func write(to directory: String, language: Language = .en) throws(OutputError) -> [String] {
    var files: [(name: String, contents: String)] = [("optimize.csv", table().rendered()), ("optimize.json", json().rendered()), ("report.html", html(language: language))]
    if plan.method == .separable { files.append(("marginal.csv", marginalTable().rendered())) }
    return try ResultDirectory.write(files, to: directory)
  }

  /// The KPIs the report shows: the headline ones and those of the run-level targets.
  var shownKPIs: [RunMeasure] {
    var kpis: [RunMeasure] = [.onTimeRate, .overdue, .counterWaitMean, .counterWaitP90, .backlogEnd, .counterUtilisation, .backOfficeUtilisation]
    for target in targets { if case .total(let m) = target.quantity, !kpis.contains(m) { kpis.append(m) } }
    return kpis
  }

  /// The recommendation in plain words, then one line per pool that changes.
  public func recommendation(_ t: Language) -> [String] {
    if let baseline = plan.baseline, targets.isEmpty { return allocationVerdict(baseline, t) }
    let total = (plan.before.reduce(0, +), plan.after.reduce(0, +))
    let added = zip(plan.before, plan.after).reduce(0) { $0 + max(0, $1.1 - $1.0) }
    let removed = zip(plan.before, plan.after).reduce(0) { $0 + max(0, $1.0 - $1.1) }
    var lines = plan.interrupted ? [t.report(.optimizeInterrupted(replications: plan.confirmation.replications.count))] : []
    lines += [t.report(.optimizeRecommendation(feasible: plan.feasible, confirmed: plan.confirmed, added: added, removed: removed,
                                           before: total.0, after: total.1))]
    lines += plan.units.indices.filter { plan.before[$0] != plan.after[$0] }.map { i in
      t.report(.optimizeChange(unit: plan.units[i].name, before: plan.before[i], after: plan.after[i]))
    }
    lines.append(t.report(.optimizeTargets(targets.map(\.description))))
    return lines
  }

  /// The text, in `language`.
  public func rendered(language t: Language = .en) -> String {
    var out = ""
    if let baseline = plan.baseline, targets.isEmpty {
      out += allocationVerdict(baseline, t).prefix(plan.interrupted ? 2 : 1).joined(separator: "\n") + "\n"
      out += t.report(.allocationHeading(objective: plan.objective.rawValue)) + "\n\n"
    } else {
      out += t.report(.optimizeTargets(targets.map(\.description))) + "\n"
      if plan.interrupted { out += t.report(.optimizeInterrupted(replications: plan.confirmation.replications.count)) + "\n" }
      out += t.report(.optimizeTextHeading(feasible: plan.feasible, confirmed: plan.confirmed)) + "\n\n"
    }
    let rows = plan.units.indices.filter { plan.before[$0] != plan.after[$0] || plan.units.count <= 20 }.map { i -> [String] in
      let change = plan.after[i] - plan.before[i]
      return [plan.units[i].name, String(plan.before[i]), String(plan.after[i]), change == 0 ? "" : (change > 0 ? "+\(change)" : "\(change)")]
    }
    out += textTable(header: [t.report(.poolColumn), t.report(.beforeColumn), t.report(.afterColumn), t.report(.changeColumn)], rows: rows, rightAligned: [1, 2, 3])
    if plan.method == .separable && !plan.marginal.isEmpty {
      let table = marginalRows(t)
      out += "\n" + t.report(.separableHeading) + ":\n" + textTable(header: table.header, rows: table.rows, rightAligned: [0, 3])
    }
    let notes = noteLines(t)
    for line in notes.prefix(12) { out += line + "\n" }
    if notes.count > 12 { out += t.report(.andMore(notes.count - 12)) + "\n" }
    let total = (plan.before.reduce(0, +), plan.after.reduce(0, +))
    out += "\n" + t.report(.optimizeTotal(before: total.0, after: total.1)) + "\n\n"
      + t.report(.optimizeAchieves(replications: plan.confirmation.replications.count)) + "\n\n"
    let summary = ConsoleSummary(result: plan.confirmation, language: t)
    out += textTable(header: [t.report(.kpi), t.report(.meanWithInterval)], rows: shownKPIs.map { [t.label($0), summary.format(plan.confirmation.totals[$0], unit: $0.unit)] },
                     rightAligned: [1])
    for target in targets {
      if case .everyCentre(let m) = target.quantity, let worst = worstCentre(target, m) {
        out += "\n" + t.report(.optimizeWorstCentre(target: target.description, centre: plan.scenario.centres[worst.offset].id,
                                             value: summary.format(worst.element[m], unit: m.unit)))
      }
    }
    return out + "\n"
  }

  /// The centre furthest from a target on every centre.
  func worstCentre(_ target: StaffingTarget, _ m: CentreMeasure) -> (offset: Int, element: Estimates<CentreMeasure>)? {
    plan.confirmation.centres.enumerated().max { a, b in
      target.atLeast ? a.element[m].mean > b.element[m].mean : a.element[m].mean < b.element[m].mean
    }.map { ($0.offset, $0.element) }
  }
}
