//===----------------------------------------------------------------------===//
// The files and text of `onestop optimize`.
//===----------------------------------------------------------------------===//

import CentreSimulation
import Experiments

/// Renders a ``StaffingPlan``: the staffing before and after, the targets and the KPIs
/// the recommendation achieves, with their 95% intervals.
public struct OptimizationReport: Sendable {
  public var plan: StaffingPlan
  public var targets: [StaffingTarget]

  public init(plan: StaffingPlan, targets: [StaffingTarget]) {
    self.plan = plan
    self.targets = targets
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
    return .object([
      ("targets", .array(targets.map { .string($0.description) })),
      ("feasible", .bool(plan.feasible)),
      ("confirmed", .bool(plan.confirmed)),
      ("confirmation_replications", .number(Double(plan.confirmation.replications.count))),
      ("staffing", .array(plan.units.indices.map { i in
        .object([("unit", .string(plan.units[i].name)), ("before", .number(Double(plan.before[i]))),
                 ("after", .number(Double(plan.after[i])))])
      })),
      ("kpis", .object(RunMeasure.allCases.map { m in
        (m.id, .object([("mean", .finite(totals[m].mean)), ("ci95_low", .finite(totals[m].low)), ("ci95_high", .finite(totals[m].high))]))
      })),
      ("log", .array(plan.log.map { .string($0) })),
    ])
  }

  public func write(to directory: String) throws(OutputError) -> [String] {
    try AtomicFile.makeDirectory(directory)
    let csv = "\(directory)/optimize.csv"
    let json = "\(directory)/optimize.json"
    try AtomicFile.write(table().rendered(), to: csv)
    try AtomicFile.write(self.json().rendered(), to: json)
    return [csv, json]
  }

  public func rendered() -> String {
    var out = "Targets: \(targets.map(\.description).joined(separator: "; "))\n"
    out += plan.feasible
      ? (plan.confirmed ? "Recommended staffing (targets confirmed at the 95% level):\n\n"
        : "Recommended staffing (targets met on the means, NOT confirmed at the 95% level: run with more replications):\n\n")
      : "The targets could not be met within the budget or the step limit; best staffing found:\n\n"
    let rows = plan.units.indices.filter { plan.before[$0] != plan.after[$0] || plan.units.count <= 20 }.map { i -> [String] in
      let change = plan.after[i] - plan.before[i]
      return [plan.units[i].name, String(plan.before[i]), String(plan.after[i]), change == 0 ? "" : (change > 0 ? "+\(change)" : "\(change)")]
    }
    out += textTable(header: ["pool", "before", "after", "change"], rows: rows, rightAligned: [1, 2, 3])
    let total = (plan.before.reduce(0, +), plan.after.reduce(0, +))
    out += "\nTotal permanent staff: \(total.0) → \(total.1)\n\nWhat it achieves (\(plan.confirmation.replications.count) replications, mean ± 95% CI):\n\n"
    var kpis: [RunMeasure] = [.onTimeRate, .overdue, .counterWaitMean, .counterWaitP90, .backlogEnd, .counterUtilisation, .backOfficeUtilisation]
    for target in targets { if case .total(let m) = target.quantity, !kpis.contains(m) { kpis.append(m) } }
    let summary = ConsoleSummary(result: plan.confirmation)
    out += textTable(header: ["KPI", "mean ± 95% CI"], rows: kpis.map { [$0.label, summary.format(plan.confirmation.totals[$0], unit: $0.unit)] },
                 rightAligned: [1])
    for target in targets {
      if case .everyCentre(let m) = target.quantity {
        let worst = plan.confirmation.centres.enumerated().max { a, b in
          target.atLeast ? a.element[m].mean > b.element[m].mean : a.element[m].mean < b.element[m].mean
        }
        if let worst {
          out += "\nWorst centre for \(target): \(plan.scenario.centres[worst.offset].id), \(summary.format(worst.element[m], unit: m.unit))"
        }
      }
    }
    return out + "\n"
  }
}
