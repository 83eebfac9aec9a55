//===----------------------------------------------------------------------===//
// report.html of a run.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Experiments
import Localization

extension RunReport {
  /// A self-contained HTML report of the run, in `language`: the verdict (the backlog,
  /// the procedures that miss their deadlines, the counter waits against their target),
  /// key figures, the backlog and overdue trajectory with its confidence band and the
  /// scenario's dated events, waits, utilisation per pool and centre, on-time rate per
  /// procedure, the staffing, theory beside the simulation, and provenance.
  public func html(language t: Language = .en) -> String {
    let s = result.scenario
    let calendar = s.calendarTable()
    var page = HTMLPage(title: "onestop: \(s.name)", language: t)
    page.paragraph((s.description.isEmpty ? "" : s.description + " ")
      + t.report(.runIntro(start: s.horizon.start, end: s.horizon.end, days: s.horizon.days, centres: s.centres.count,
                    procedures: s.procedures.count, replications: result.replications.count)))

    page.heading(t.report(.verdict))
    page.verdict(verdictLines(result, t))
    let initial = InitialBacklogSummary(result)
    if let initial { page.paragraph(initial.clearedSentence(s, language: t)) }
    if !warnings.isEmpty {
      page.paragraph(t.report(.warningsIntro), className: "warn")
      page.list(warnings.map(\.message))
    }
    for line in ConsoleSummary.setting(s, language: t) { page.paragraph(line, className: "note") }

    page.heading(t.report(.keyFigures))
    let summary = ConsoleSummary(result: result, language: t)
    let workingDay = ConsoleSummary.workingDayHours(s)
    page.table([t.report(.kpi), t.report(.meanWithInterval), t.report(.unit)], summary.shown.map {
      [t.label($0), cell(result.totals[$0], unit: $0.unit, t), ConsoleSummary.unitColumn($0, result.totals[$0], workingDay, t)]
    }, numeric: [1])

    for (window, e) in zip(s.windows, result.windows) {
      page.heading(t.report(.windowHeading(from: window.from, to: window.to)))
      page.table([t.report(.kpiAtWindowEnd), t.report(.meanWithInterval), t.report(.unit)], WindowMeasure.allCases.map { m in
        [t.label(m), cell(e[m], unit: m.unit, t), m.unit == "share" ? "" : t.unit(m.unit)]
      }, numeric: [1])
    }

    page.heading(t.report(.backlogHeading))
    let dates = (0..<s.horizon.days).map { t.shortDate(calendar.date(ofDay: $0)) }
    let markers = timeMarkers(s, t)
    let names = markerNames(t)
    func timeChart(_ title: String, _ series: [Series], _ yLabel: String) -> String {
      lineChart(title: title, xLabels: dates, series: series, yLabel: yLabel, markers: markers, markerNames: names, language: t)
    }
    let markersNote = markers.isEmpty ? "" : " " + t.report(.markersCaption)
    var stocks = [
      Series(t.report(.seriesBacklog), result.days.map { $0[.backlog] }),
      Series(t.report(.seriesOpenPastDue), result.days.map { $0[.overdueOpen] }),
    ]
    if initial != nil { stocks.append(Series(t.report(.seriesInitialOpen), result.days.map { $0[.initialOpen] })) }
    page.figure(timeChart(t.report(.chartDossiersAtMidnight), stocks, t.unit("dossiers")), caption: t.report(.captionDossiersAtMidnight) + markersNote)
    page.figure(timeChart(t.report(.chartBackOfficeQueue), [Series(t.report(.seriesBackOfficeQueue), result.days.map { $0[.backOfficeQueue] })],
                          t.unit("dossiers")),
                caption: t.report(.captionBackOfficeQueue) + markersNote)
    page.figure(timeChart(t.report(.chartDossiersPerDay), [
      Series(t.report(.seriesArrived), result.days.map { $0[.arrivals] }),
      Series(t.report(.seriesCompleted), result.days.map { $0[.completed] }),
    ], t.report(.axisDossiersPerDay)), caption: t.report(.captionDossiersPerDay) + markersNote)

    page.heading(t.report(.waitingHeading))
    let waits: [RunMeasure] = [.counterWaitMean, .counterWaitP50, .counterWaitP90, .counterWaitP95, .counterWaitMax]
    page.figure(barChart(title: t.report(.chartCounterWait), categories: waits.map { t.label($0) }, values: waits.map { result.totals[$0].mean },
                         low: waits.map { max(0, result.totals[$0].low) }, high: waits.map { result.totals[$0].high },
                         xLabel: t.report(.axisMinutes), language: t),
                caption: t.report(.captionCounterWait))
    let bands = WaitBand.allCases
    page.figure(lineChart(title: t.report(.chartWaitDistribution), xLabels: bands.map { "≤ \(Int($0.minutes))" },
                          series: [Series(t.report(.seriesShareServed), bands.map { result.waitShares[$0] }, scale: 100, range: 0...100)],
                          yLabel: t.report(.seriesShareServed), headroom: 0.1, language: t),
                caption: t.report(.captionWaitDistribution))

    page.heading(t.report(.hourHeading))
    let hours = (0..<24).filter { h in result.hours[h][.counterStaffMean].mean > 0 || result.hours[h][.counterQueueMean].mean > 0 }
    if !hours.isEmpty {
      let hourLabels = hours.map { format2($0) + ":00" }
      let typical = t.report(.captionTypicalDay(afterWarmUp: s.horizon.warmUpDays > 0))
      page.figure(lineChart(title: t.report(.chartQueueByHour), xLabels: hourLabels, series: [
        Series(t.report(.seriesCitizensWaiting), hours.map { result.hours[$0][.counterQueueMean] }),
      ], yLabel: t.unit("citizens"), language: t), caption: typical)
      page.figure(lineChart(title: t.report(.chartStaffByHour), xLabels: hourLabels, series: [
        Series(t.report(.seriesCounterStaff), hours.map { result.hours[$0][.counterStaffMean] }),
      ], yLabel: t.unit("staff"), headroom: 0.08, language: t), caption: t.report(.captionStaffByHour))
      page.table([t.report(.hourColumn), t.report(.walkInArrivalsColumn), t.report(.waitingColumn), t.report(.staffPresentColumn), t.report(.waitProbabilityColumn),
                  t.report(.waitColumn)], hours.map { h in
        let e = result.hours[h]
        return [format2(h) + ":00", t.figure(e[.walkInArrivals].mean, 1), cell(e[.counterQueueMean], unit: "citizens", t),
                cell(e[.counterStaffMean], unit: "staff", t), cell(e[.delayProbability], unit: "share", t), cell(e[.counterWaitMean], unit: "min", t)]
      }, numeric: [1, 2, 3, 4, 5])
      page.paragraph(t.report(.hourTableNote), className: "note")
    }

    page.figure(timeChart(t.report(.chartLongestQueue), [Series(t.report(.seriesLongestQueue), result.days.map { $0[.counterQueueMax] })],
                          t.unit("citizens")),
                caption: t.report(.captionLongestQueue) + markersNote)

    page.heading(t.report(.utilisationHeading))
    page.figure(barChart(title: t.report(.chartUtilisationPerPool), categories: result.poolNames.map { t.report(.poolName(counter: $0.kind == "counter", name: $0.name)) },
                         values: result.pools.map { $0[.utilisation].mean * 100 }, low: result.pools.map { max(0, $0[.utilisation].low * 100) },
                         high: result.pools.map { min(100, $0[.utilisation].high * 100) }, xLabel: t.report(.axisBusyShare), maximum: 100, language: t),
                caption: t.report(.captionUtilisationPerPool))
    let shown = Array(result.centres.indices.sorted { result.centres[$0][.backOfficeUtilisation].mean > result.centres[$1][.backOfficeUtilisation].mean }.prefix(30))
    if s.centres.count > 1 {
      page.figure(barChart(title: t.report(.chartBackOfficePerCentre(busiest: s.centres.count > 30 ? 30 : nil)),
                           categories: shown.map { s.centres[$0].id }, values: shown.map { result.centres[$0][.backOfficeUtilisation].mean * 100 },
                           xLabel: t.report(.axisBusyShare), maximum: 100, language: t), caption: t.report(.captionBackOfficePerCentre))
    }

    page.heading(t.report(.onTimeHeading))
    page.figure(barChart(title: t.report(.chartOnTime), categories: s.procedures.map(\.name),
                         values: result.procedures.map { $0[.onTimeRate].mean * 100 }, low: result.procedures.map { max(0, $0[.onTimeRate].low * 100) },
                         high: result.procedures.map { min(100, $0[.onTimeRate].high * 100) }, xLabel: t.report(.axisOnTimeShare), maximum: 100, language: t),
                caption: t.report(.captionOnTime))
    page.table([t.report(.procedureColumn), t.report(.deadlineColumn), t.report(.arrivalsColumn), t.report(.onTimeColumn), t.report(.waitMinutesColumn), t.report(.turnaroundWorkingDaysColumn)],
               zip(s.procedures, result.procedures).map { p, e in
                 [p.name, t.report(.deadline(p.deadline)), t.figure(e[.arrivals].mean, 0), cell(e[.onTimeRate], unit: "share", t),
                  cell(e[.counterWaitMean], unit: "min", t), cell(e[.turnaroundWorkingDays], unit: "working days", t)]
               }, numeric: [2, 3, 4, 5])

    page.heading(t.report(.staffingHeading))
    var staffing: [[String]] = []
    for centre in s.centres.prefix(40) {
      for group in centre.counters {
        staffing.append([centre.id, t.report(.poolName(counter: true, name: group.id)), describe(group.staffing, t), group.serves?.joined(separator: ", ") ?? t.report(.servesAll)])
      }
      for pool in centre.backOffice {
        staffing.append([centre.id, t.report(.poolName(counter: false, name: pool.id)), describe(pool.staffing, t),
                         pool.hours.map { $0.map(\.description).joined(separator: ", ") } ?? t.report(.openingHours)])
      }
    }
    page.table([t.report(.centreColumn), t.report(.poolColumn), t.report(.staffColumn), t.report(.servesColumn)], staffing)
    if s.centres.count > 40 { page.paragraph(t.report(.moreCentres(s.centres.count - 40)), className: "note") }

    if s.centres.count > 1 {
      page.heading(t.report(.centresHeading))
      let worst = result.centres.indices.sorted { result.centres[$0][.overdue].mean > result.centres[$1][.overdue].mean }.prefix(30)
      page.table([t.report(.centreColumn), t.report(.arrivalsColumn), t.report(.onTimeColumn), t.report(.overdueColumn), t.report(.backlogAtEndColumn), t.report(.waitP90Column)], worst.map { c in
        let e = result.centres[c]
        return [s.centres[c].id, t.figure(e[.arrivals].mean, 0), cell(e[.onTimeRate], unit: "share", t), cell(e[.overdue], unit: "dossiers", t),
                cell(e[.backlogEnd], unit: "dossiers", t), cell(e[.counterWaitP90], unit: "min", t)]
      }, numeric: [1, 2, 3, 4, 5])
      page.paragraph(t.report(.centresNote), className: "note")
    }

    page.heading(t.report(.theoryHeading))
    let single = s.centres.count == 1
    for theory in CounterTheory.analyse(s, limit: 3) {
      page.paragraph(t.report(.theoryIntro(centre: theory.centre, model: theory.model, single: single)))
      page.table([t.report(.hourColumn), t.report(.arrivalsPerHourColumn), t.report(.staffColumn), t.report(.loadColumn), t.report(.utilisationColumn), t.report(.waitProbabilityColumn),
                  t.report(.meanWaitTheoryColumn), t.report(.correctedWaitColumn), t.report(.squareRootColumn)]
                   + (single ? [t.report(.simulatedWaitProbabilityColumn), t.report(.simulatedWaitColumn)] : []),
                 theory.hours.map { h in
                   [format2(h.hour) + ":00", t.figure(h.arrivalsPerHour, 1), String(h.servers), t.figure(h.offeredLoad, 2),
                    "\(Int((h.utilisation * 100).rounded()))%",
                    h.utilisation < 1 || h.abandonment != nil ? t.figure(h.probabilityOfWaiting * 100, 1) + "%" : "100%",
                    h.meanWait.isFinite ? t.figure(h.meanWait, 1) : "∞",
                    h.correctedWait.isNaN ? "–" : h.correctedWait.isFinite ? t.figure(h.correctedWait, 1) : "∞",
                    "\(h.squareRootStaffing.0)–\(h.squareRootStaffing.1)"]
                     + (single ? [cell(result.hours[h.hour][.delayProbability], unit: "share", t), cell(result.hours[h.hour][.counterWaitMean], unit: "min", t)] : [])
                 }, numeric: Set(1...10))
      page.paragraph(t.report(.theorySimulatedWait(cell(result.totals[.counterWaitMean], unit: "min", t))))
      for caveat in theory.caveats(t) { page.paragraph(t.report(.theoryCaveat(caveat)), className: "note") }
    }

    page.heading(t.report(.provenance))
    var provenanceRows = [
      [t.report(.provenanceFile), provenance.scenarioFile], [t.report(.provenanceDigest), provenance.scenarioSHA256], [t.report(.provenanceSeed), String(s.seed)],
      [t.report(.provenanceReplications), String(result.replications.count)], [t.report(.provenanceGenerator), t.report(.provenanceGeneratorValue)],
      [t.report(.provenanceVersion), onestopVersion], [t.report(.provenanceEvents), String(result.events)],
    ]
    if !provenance.overrides.isEmpty { provenanceRows.append(["--set", provenance.overrides.joined(separator: "; ")]) }
    page.table(["", ""], provenanceRows)
    return page.rendered()
  }

  private func describe(_ staffing: Staffing, _ t: Language) -> String {
    staffing.crews.map { crew in
      t.report(.crew(count: crew.count, from: crew.from, to: crew.to, hours: crew.hours.map { $0.map(\.description).joined(separator: ", ") },
              speed: crew.speed, absence: crew.absence, note: crew.note))
    }.joined(separator: "; ")
  }
}
