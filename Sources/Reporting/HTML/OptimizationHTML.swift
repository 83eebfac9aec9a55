//===----------------------------------------------------------------------===//
// report.html of `onestop optimize`.
//===----------------------------------------------------------------------===//

import CentreSimulation
import Experiments
import Localization

/// A step of the optimiser's search, read from its log.
struct SearchStep {
  enum Move {
    case add(String), remove(String), transfer(from: String, to: String)
  }

  var move: Move
  /// The shortfall after the move (nil after a removal, which keeps the targets met).
  var shortfall: Double?
}

extension StaffingPlan {
  /// The shortfall at the start and the moves of the search, as its log records them
  /// (`start: shortfall X with ...`, `+1 unit: shortfall X`, `-1 unit: targets still
  /// met`, `move 1 from a to b: shortfall X`).
  var searchSteps: (start: Double?, steps: [SearchStep]) {
    func shortfall(_ line: Substring) -> Double? {
      guard let range = line.range(of: "shortfall ") else { return nil }
      return Double(line[range.upperBound...].prefix { !$0.isWhitespace })
    }
    var start: Double?
    var steps: [SearchStep] = []
    for entry in log {
      let line = Substring(entry)
      if line.hasPrefix("start: ") {
        start = shortfall(line)
      } else if line.hasPrefix("+1 "), let colon = line.range(of: ": shortfall ") {
        steps.append(SearchStep(move: .add(String(line[line.index(line.startIndex, offsetBy: 3)..<colon.lowerBound])), shortfall: shortfall(line)))
      } else if line.hasPrefix("-1 "), let colon = line.range(of: ": ") {
        steps.append(SearchStep(move: .remove(String(line[line.index(line.startIndex, offsetBy: 3)..<colon.lowerBound])), shortfall: nil))
      } else if line.hasPrefix("move 1 from "), let to = line.range(of: " to "), let colon = line.range(of: ": shortfall ") {
        let from = String(line[line.index(line.startIndex, offsetBy: 12)..<to.lowerBound])
        steps.append(SearchStep(move: .transfer(from: from, to: String(line[to.upperBound..<colon.lowerBound])), shortfall: shortfall(line)))
      }
    }
    return (start, steps)
  }
}

extension OptimizationReport {
  /// The optimisation for people, in `language`: what the optimiser recommends, the
  /// staffing before and after per centre and per pool, what each extra person bought
  /// (the fall of the shortfall at each step of the search), what the recommendation
  /// achieves against each target, and the search's log.
  public func html(language t: Language = .en) -> String {
    var page = HTMLPage(title: t.report(.optimizeTitle(plan.scenario.name)), language: t)
    page.heading(t.report(.verdict))
    page.verdict(recommendation(t))

    // Per centre.
    let centres = plan.scenario.centres
    if centres.count > 1 || plan.units.contains(where: { $0.centre != 0 }) {
      page.heading(t.report(.optimizeByCentre))
      let byCentre = Dictionary(grouping: plan.units.indices, by: { plan.units[$0].centre })
      let rows = byCentre.keys.sorted().map { c -> [String] in
        let units = byCentre[c]!
        // A kind of pool the optimiser was not allowed to change is not counted: "–", not 0.
        func sum(_ counter: Bool, _ levels: [Int]) -> String {
          let chosen = units.filter { plan.units[$0].isCounter == counter }
          return chosen.isEmpty ? "–" : String(chosen.reduce(0) { $0 + levels[$1] })
        }
        let change = units.reduce(0) { $0 + plan.after[$1] - plan.before[$1] }
        return [centres[c].id, sum(true, plan.before), sum(true, plan.after), sum(false, plan.before),
                sum(false, plan.after), change == 0 ? "" : (change > 0 ? "+\(change)" : "\(change)")]
      }
      let changed = rows.filter { !$0[5].isEmpty }
      page.table([t.report(.centreColumn), t.report(.counterBeforeColumn), t.report(.counterAfterColumn), t.report(.backOfficeBeforeColumn), t.report(.backOfficeAfterColumn),
                  t.report(.changeColumn)], rows.count > 40 ? changed : rows, numeric: [1, 2, 3, 4, 5])
      if rows.count > 40 { page.paragraph(t.report(.optimizeChangedCentresOnly(changed.count, rows.count)), className: "note") }
    }

    // Per pool.
    page.heading(t.report(.optimizeByPool))
    let shownUnits = plan.units.indices.filter { plan.before[$0] != plan.after[$0] || plan.units.count <= 40 }
    page.table([t.report(.poolColumn), t.report(.beforeColumn), t.report(.afterColumn), t.report(.changeColumn)], shownUnits.map { i in
      let change = plan.after[i] - plan.before[i]
      return [plan.units[i].name, String(plan.before[i]), String(plan.after[i]), change == 0 ? "" : (change > 0 ? "+\(change)" : "\(change)")]
    } + [[t.report(.totalRow), String(plan.before.reduce(0, +)), String(plan.after.reduce(0, +)),
          String(plan.after.reduce(0, +) - plan.before.reduce(0, +))]], numeric: [1, 2, 3])

    // What each extra person bought.
    if plan.method == .separable {
      page.heading(t.report(.separableHeading))
      let table = marginalRows(t)
      if !table.rows.isEmpty { page.table(table.header, table.rows, numeric: [0, 3]) }
      page.paragraph(t.report(.separableNote(objective: t.report(.objectiveGain(plan.objective.rawValue)))), className: "note")
      let notes = noteLines(t)
      if !notes.isEmpty {
        page.heading(t.report(.whyNobodyHeading))
        page.list(notes.count > 60 ? Array(notes.prefix(60)) + [t.report(.andMore(notes.count - 60))] : notes)
      }
    }
    let search = plan.searchSteps
    if plan.method == .search, let start = search.start, !search.steps.isEmpty {
      page.heading(t.report(.optimizeMarginalHeading))
      var previous = start
      var rows: [[String]] = []
      for (k, step) in search.steps.enumerated() {
        let move: String
        switch step.move {
        case .add(let unit): move = t.report(.moveAdd(unit))
        case .remove(let unit): move = t.report(.moveRemove(unit))
        case .transfer(let from, let to): move = t.report(.moveTransfer(from: from, to: to))
        }
        let after = step.shortfall ?? previous
        rows.append([String(k + 1), move, t.figure(previous, 3), t.figure(after, 3), step.shortfall == nil ? "–" : t.figure(previous - after, 3)])
        previous = after
      }
      page.table([t.report(.stepColumn), t.report(.moveColumn), t.report(.shortfallBeforeColumn), t.report(.shortfallAfterColumn), t.report(.marginalValueColumn)], rows,
                 numeric: [0, 2, 3, 4])
      page.paragraph(t.report(.optimizeMarginalNote), className: "note")
    }

    // What it achieves.
    page.heading(t.report(.optimizeAchievesHeading(replications: plan.confirmation.replications.count)))
    if !targets.isEmpty {
      page.table([t.report(.targetColumn), t.report(.achievedColumn), t.report(.holdsColumn)], targets.map { target in
        let achieved: String
        let holds = target.holdsWithConfidenceForReport(plan.confirmation)
        switch target.quantity {
        case .total(let m): achieved = cell(plan.confirmation.totals[m], unit: m.unit, t)
        case .everyCentre(let m):
          achieved = worstCentre(target, m).map { t.report(.worstCentreValue(centre: centres[$0.offset].id, value: cell($0.element[m], unit: m.unit, t))) } ?? "–"
        }
        return [target.description, achieved, t.report(.yesNo(holds))]
      }, numeric: [1])
    }
    page.table([t.report(.kpi), t.report(.meanWithInterval), t.report(.unit)], shownKPIs.map { m in
      [t.label(m), cell(plan.confirmation.totals[m], unit: m.unit, t), m.unit == "share" ? "" : t.unit(m.unit)]
    }, numeric: [1])
    page.paragraph(t.report(.optimizeBeforeNote), className: "note")

    page.heading(t.report(.optimizeLogHeading))
    page.list(plan.log)
    return page.rendered()
  }
}

extension StaffingTarget {
  /// Whether the target holds at the pessimistic end of every 95% interval (as the
  /// optimiser confirms it).
  func holdsWithConfidenceForReport(_ result: ExperimentResult) -> Bool {
    let estimates: [Estimate]
    switch quantity {
    case .total(let m): estimates = [result.totals[m]]
    case .everyCentre(let m): estimates = result.centres.map { $0[m] }
    }
    return estimates.allSatisfy { e in
      guard !e.mean.isNaN else { return true }
      let bound = e.halfWidth.isNaN ? e.mean : (atLeast ? e.low : e.high)
      return atLeast ? bound >= value : bound <= value
    }
  }
}
