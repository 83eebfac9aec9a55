//===----------------------------------------------------------------------===//
// report.html of a run.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Experiments

extension RunReport {
  /// A self-contained HTML report of the run: key figures, the backlog and overdue
  /// trajectory with its confidence band, waits, utilisation per pool and centre, on-time
  /// rate per procedure, the staffing, theory beside the simulation, and provenance.
  public func html() -> String {
    let s = result.scenario
    let calendar = s.calendarTable()
    var page = HTMLPage(title: "onestop: \(s.name)")
    page.paragraph("\(s.description.isEmpty ? "" : s.description + " ")\(s.horizon.start) to \(s.horizon.end), \(s.horizon.days) days; "
      + "\(s.centres.count) centre\(s.centres.count == 1 ? "" : "s"), \(s.procedures.count) procedures; \(result.replications.count) replications.")

    for line in ConsoleSummary.setting(s) { page.paragraph(line, className: "note") }
    page.heading("Verdict")
    page.paragraph(BacklogVerdict(result).sentence)
    let initial = InitialBacklogSummary(result)
    if let initial { page.paragraph(initial.clearedSentence(s)) }
    if !warnings.isEmpty {
      page.paragraph("Warnings about the scenario (settings that have no effect, or look wrong):", className: "warn")
      page.list(warnings.map(\.message))
    }

    page.heading("Key figures")
    let summary = ConsoleSummary(result: result)
    let workingDay = ConsoleSummary.workingDayHours(s)
    page.table(["KPI", "mean ± 95% CI", "unit"], summary.shown.map {
      [$0.label, cell(result.totals[$0], unit: $0.unit), ConsoleSummary.unitColumn($0, result.totals[$0], workingDay)]
    }, numeric: [1])

    for (window, e) in zip(s.windows, result.windows) {
      page.heading("Dossiers that arrived from \(window.from) to \(window.to)")
      page.table(["KPI, at the window's end", "mean ± 95% CI", "unit"], WindowMeasure.allCases.map { m in
        [m.label, cell(e[m], unit: m.unit), m.unit == "share" ? "" : m.unit]
      }, numeric: [1])
    }

    page.heading("Backlog and overdue dossiers")
    let dates = (0..<s.horizon.days).map { calendar.date(ofDay: $0).description.dropFirst(5).description }
    let backlog = result.days.map { $0[.backlog] }
    let overdue = result.days.map { $0[.overdueOpen] }
    var stocks = [
      Series(name: "backlog (received, not completed)", values: backlog.map(\.mean), low: backlog.map(\.low), high: backlog.map(\.high)),
      Series(name: "open past their due date", values: overdue.map(\.mean), low: overdue.map(\.low), high: overdue.map(\.high)),
    ]
    if initial != nil {
      let open = result.days.map { $0[.initialOpen] }
      stocks.append(Series(name: "initial backlog still open", values: open.map(\.mean), low: open.map(\.low), high: open.map(\.high)))
    }
    page.figure(lineChart(title: "Dossiers at midnight", xLabels: dates, series: stocks, yLabel: "dossiers"),
                caption: "Mean over replications at the end of each day, with its 95% confidence band.")
    let queued = result.days.map { $0[.backOfficeQueue] }
    page.figure(lineChart(title: "Back-office queue at midnight", xLabels: dates, series: [
      Series(name: "dossiers waiting for back-office work", values: queued.map(\.mean), low: queued.map(\.low), high: queued.map(\.high)),
    ], yLabel: "dossiers"), caption: "Dossiers waiting in the back-office queues (not being worked on, not in a wait step) at the end of each day.")
    let arrivals = result.days.map { $0[.arrivals] }
    let completed = result.days.map { $0[.completed] }
    page.figure(lineChart(title: "Dossiers per day", xLabels: dates, series: [
      Series(name: "arrived", values: arrivals.map(\.mean), low: arrivals.map(\.low), high: arrivals.map(\.high)),
      Series(name: "completed", values: completed.map(\.mean), low: completed.map(\.low), high: completed.map(\.high)),
    ], yLabel: "dossiers per day"), caption: "When completions fall behind arrivals, the backlog grows.")

    page.heading("Waiting at the counter")
    let waits: [RunMeasure] = [.counterWaitMean, .counterWaitP50, .counterWaitP90, .counterWaitP95, .counterWaitMax]
    page.figure(barChart(title: "Counter wait", categories: waits.map(\.label), values: waits.map { result.totals[$0].mean },
                         low: waits.map { result.totals[$0].low }, high: waits.map { result.totals[$0].high }, xLabel: "minutes"),
                caption: "Mean, quantiles and maximum of the time citizens waited for a counter (quantiles within 0.4%).")
    let bands = WaitBand.allCases
    let within = bands.map { result.waitShares[$0] }
    page.figure(lineChart(title: "Share of citizens served within a wait of … minutes", xLabels: bands.map { "≤ \(Int($0.minutes))" },
                          series: [Series(name: "% of citizens served", values: within.map { $0.mean * 100 },
                                          low: within.map { $0.low * 100 }, high: within.map { min(100, $0.high * 100) })],
                          yLabel: "% of citizens served"),
                caption: "The distribution of the counter wait: the share of citizens served who waited at most 0, 5, 10 … 240 minutes, with its 95% band.")

    page.heading("The day hour by hour")
    let hours = (0..<24).filter { h in result.hours[h][.counterStaffMean].mean > 0 || result.hours[h][.counterQueueMean].mean > 0 }
    if !hours.isEmpty {
      let queue = hours.map { result.hours[$0][.counterQueueMean] }
      let staff = hours.map { result.hours[$0][.counterStaffMean] }
      page.figure(lineChart(title: "Counter queue by hour of the day", xLabels: hours.map { format2($0) + ":00" }, series: [
        Series(name: "citizens waiting", values: queue.map(\.mean), low: queue.map(\.low), high: queue.map(\.high)),
        Series(name: "counter staff present", values: staff.map(\.mean), low: staff.map(\.low), high: staff.map(\.high)),
      ], yLabel: "people"), caption: "A typical open day\(s.horizon.warmUpDays > 0 ? " after the warm-up" : ""): the mean over open days of samples taken every 10 minutes, all centres together, with 95% bands.")
      page.table(["hour", "walk-in arrivals", "waiting", "staff present", "P(wait)", "wait (min)"], hours.map { h in
        let e = result.hours[h]
        return [format2(h) + ":00", fixed(e[.walkInArrivals].mean, 1), cell(e[.counterQueueMean], unit: "citizens"),
                cell(e[.counterStaffMean], unit: "staff"), cell(e[.delayProbability], unit: "share"), cell(e[.counterWaitMean], unit: "min")]
      }, numeric: [1, 2, 3, 4, 5])
      page.paragraph("P(wait) and wait: citizens who took a ticket in that hour. hourly.csv has every column with its interval.", className: "note")
    }

    let queueMax = result.days.map { $0[.counterQueueMax] }
    page.figure(lineChart(title: "Longest counter queue of each day", xLabels: dates, series: [
      Series(name: "citizens waiting (maximum of the day)", values: queueMax.map(\.mean), low: queueMax.map(\.low), high: queueMax.map(\.high)),
    ], yLabel: "citizens"), caption: "The peak number of citizens waiting at the same time, day by day.")

    page.heading("Staff utilisation")
    page.figure(barChart(title: "Utilisation per pool", categories: result.poolNames.map { "\($0.kind == "counter" ? "counter" : "back office"): \($0.name)" },
                         values: result.pools.map { $0[.utilisation].mean * 100 }, low: result.pools.map { $0[.utilisation].low * 100 },
                         high: result.pools.map { $0[.utilisation].high * 100 }, xLabel: "% of staffed time busy", maximum: 100),
                caption: "Busy time over time on duty, each pool over all centres.")
    let shown = Array(result.centres.indices.sorted { result.centres[$0][.backOfficeUtilisation].mean > result.centres[$1][.backOfficeUtilisation].mean }.prefix(30))
    if s.centres.count > 1 {
      page.figure(barChart(title: "Back-office utilisation per centre\(s.centres.count > 30 ? " (30 busiest)" : "")",
                           categories: shown.map { s.centres[$0].id }, values: shown.map { result.centres[$0][.backOfficeUtilisation].mean * 100 },
                           xLabel: "% of staffed time busy", maximum: 100), caption: "Centres with the busiest back office first.")
    }

    page.heading("On-time rate per procedure")
    page.figure(barChart(title: "Dossiers completed on time", categories: s.procedures.map(\.name),
                         values: result.procedures.map { $0[.onTimeRate].mean * 100 }, low: result.procedures.map { $0[.onTimeRate].low * 100 },
                         high: result.procedures.map { min(100, $0[.onTimeRate].high * 100) }, xLabel: "% on time", maximum: 100),
                caption: "Completed on time over (completed + open past due at the end).")
    page.table(["procedure", "deadline", "arrivals", "on time", "wait (min)", "turnaround (working days)"], zip(s.procedures, result.procedures).map { p, e in
      [p.name, p.deadline.description, fixed(e[.arrivals].mean, 0), cell(e[.onTimeRate], unit: "share"), cell(e[.counterWaitMean], unit: "min"),
       cell(e[.turnaroundWorkingDays], unit: "working days")]
    }, numeric: [2, 3, 4, 5])

    page.heading("Staffing")
    var staffing: [[String]] = []
    for centre in s.centres.prefix(40) {
      for group in centre.counters { staffing.append([centre.id, "counter: \(group.id)", describe(group.staffing), group.serves?.joined(separator: ", ") ?? "all"]) }
      for pool in centre.backOffice { staffing.append([centre.id, "back office: \(pool.id)", describe(pool.staffing), pool.hours.map { $0.map(\.description).joined(separator: ", ") } ?? "opening hours"]) }
    }
    page.table(["centre", "pool", "staff", "serves / hours"], staffing)
    if s.centres.count > 40 { page.paragraph("… and \(s.centres.count - 40) more centres (see centres.csv).", className: "note") }

    if s.centres.count > 1 {
      page.heading("Centres")
      let worst = result.centres.indices.sorted { result.centres[$0][.overdue].mean > result.centres[$1][.overdue].mean }.prefix(30)
      page.table(["centre", "arrivals", "on time", "overdue", "backlog at end", "wait p90 (min)"], worst.map { c in
        let e = result.centres[c]
        return [s.centres[c].id, fixed(e[.arrivals].mean, 0), cell(e[.onTimeRate], unit: "share"), cell(e[.overdue], unit: "dossiers"),
                cell(e[.backlogEnd], unit: "dossiers"), cell(e[.counterWaitP90], unit: "min")]
      }, numeric: [1, 2, 3, 4, 5])
      page.paragraph("The 30 centres with the most overdue dossiers; every centre is in centres.csv.", className: "note")
    }

    page.heading("Theory beside the simulation")
    let single = s.centres.count == 1
    for theory in CounterTheory.analyse(s, limit: 3) {
      page.paragraph("Counters of \(theory.centre), hour by hour on a standard working day, as if each hour were a steady state (\(theory.model)"
        + (theory.model == "Erlang A" ? ": citizens are impatient, so P(wait) and Wq are of every arrival, served or not)" : ")")
        + (single ? ", beside what the simulation gave in the same hour." : "."))
      page.table(["hour", "arrivals/h", "staff", "load (Erl)", "utilisation", "P(wait)", "Wq (min)", "Wq, SCV-corrected", "√-staffing β=0.5–1"]
                   + (single ? ["P(wait), simulated", "wait (min), simulated"] : []),
                 theory.hours.map { h in
                   [format2(h.hour) + ":00", fixed(h.arrivalsPerHour, 1), String(h.servers), fixed(h.offeredLoad, 2),
                    "\(Int((h.utilisation * 100).rounded()))%",
                    h.utilisation < 1 || h.abandonment != nil ? fixed(h.probabilityOfWaiting * 100, 1) + "%" : "100%",
                    h.meanWait.isFinite ? fixed(h.meanWait, 1) : "∞",
                    h.correctedWait.isNaN ? "–" : h.correctedWait.isFinite ? fixed(h.correctedWait, 1) : "∞",
                    "\(h.squareRootStaffing.0)–\(h.squareRootStaffing.1)"]
                     + (single ? [cell(result.hours[h.hour][.delayProbability], unit: "share"), cell(result.hours[h.hour][.counterWaitMean], unit: "min")] : [])
                 }, numeric: Set(1...10))
      page.paragraph("Simulated over the whole horizon: mean counter wait \(cell(result.totals[.counterWaitMean], unit: "min")) min.")
      for caveat in theory.caveats { page.paragraph("Where the formula is unreliable here: \(caveat)", className: "note") }
    }

    page.heading("Provenance")
    var provenanceRows = [
      ["scenario file", provenance.scenarioFile], ["scenario SHA-256", provenance.scenarioSHA256], ["seed", String(s.seed)],
      ["replications", String(result.replications.count)], ["generator", "GSL mt19937, one stream per purpose"],
      ["onestop version", onestopVersion], ["events simulated", String(result.events)],
    ]
    if !provenance.overrides.isEmpty { provenanceRows.append(["--set", provenance.overrides.joined(separator: "; ")]) }
    page.table(["", ""], provenanceRows)
    return page.rendered()
  }

  private func describe(_ staffing: Staffing) -> String {
    staffing.crews.map { crew in
      var text = "\(crew.count)"
      if let from = crew.from { text += " from \(from)" }
      if let to = crew.to { text += " to \(to)" }
      if let hours = crew.hours { text += " (\(hours.map(\.description).joined(separator: ", ")))" }
      if crew.speed != 1 { text += " at speed \(fixed(crew.speed, 2))" }
      if crew.absence > 0 { text += ", absent \(Int((crew.absence * 100).rounded()))% of days" }
      if !crew.note.isEmpty { text += " [\(crew.note)]" }
      return text
    }.joined(separator: "; ")
  }
}
