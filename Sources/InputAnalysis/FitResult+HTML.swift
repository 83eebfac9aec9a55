//===----------------------------------------------------------------------===//
// report.html: the fit for people, self-contained (inline SVG, no scripts).
//===----------------------------------------------------------------------===//

import ScenarioFormat
import CentreModel
import Fitting
import Reporting
import SimRandom

extension FitResult {
  /// The content of `report.html`: provenance, the rows with problems, per centre the
  /// demand and its heat map and the Poisson check, per procedure the histograms with the
  /// fitted densities, the Q–Q plots and the families compared, and the table of every
  /// choice. Every text is escaped; nothing is fetched.
  public func html() -> String {
    let e = escapeHTML
    var body = ""
    func heading(_ text: String, _ level: Int = 2) { body += "<h\(level)>\(e(text))</h\(level)>\n" }
    func paragraph(_ text: String, _ cls: String? = nil) { body += "<p\(cls.map { " class=\"\($0)\"" } ?? "")>\(e(text))</p>\n" }
    func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) {
      body += "<table><thead><tr>" + header.enumerated().map { "<th\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(e($0.element))</th>" }.joined()
        + "</tr></thead><tbody>\n"
      for row in rows {
        body += "<tr>" + row.enumerated().map { "<td\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(e($0.element))</td>" }.joined() + "</tr>\n"
      }
      body += "</tbody></table>\n"
    }
    func list(_ items: [String]) { body += "<ul>" + items.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n" }
    let f = InputFit.format
    let pm = InputFit.plusMinus

    paragraph("Log \(logFile) (SHA-256 \(logSHA256)): \(rows.rowsRead) rows read, \(rows.rowsUsed) used, \(rows.rowsDropped) dropped, "
      + "\(rows.rowsWithProblems) with problems. Period \(firstDay) to \(lastDay) (\(periodDays) days)"
      + (replications.count > 1 ? ", \(replications.count) replications" : "") + ". Base scenario \(baseFile) (SHA-256 \(baseSHA256)). "
      + "Bootstrap \(options.bootstrapSamples) samples, seed \(options.seed); tests at \(Int((options.significance * 100).rounded()))%. "
      + "The fitted scenario is fitted.yaml; every figure here is in fit.json.")
    heading("What comes from the base")
    list(notes)

    heading("Rows with problems")
    if rows.problems.isEmpty {
      paragraph("None: every row was read and used.")
    } else {
      paragraph("\(rows.rowsWithProblems) rows have problems; \(rows.rowsDropped) are left out of every estimate, the others only out of those they would corrupt.")
      table(["estimate", "rows left out"], rows.excludedByUse.map { [$0.use.label, "\($0.rows)"] }, numeric: [1])
      list(rows.listing)
    }

    for d in centres {
      heading("Centre \(d.source.id)")
      paragraph("\(d.dossiers) dossiers (log centre '\(d.source.logID)'; staff and settings of the base centre '\(d.source.template)').")
      var rowsOut: [[String]] = [["daily volume (all channels, weekday factor 1)", pm(d.dailyVolume)],
                                 ["arrivals a week (all channels)", pm(d.weeklyArrivals)]]
      for day in Weekday.allCases {
        if let factor = d.weekdayFactors[day.rawValue] {
          rowsOut.append(["weekday factor, \(day.name) (\(d.daysObserved[day.rawValue]) days)", pm(factor)])
        }
      }
      table(["estimate", "value ± 95% CI"], rowsOut, numeric: [1])
      let hours = (0..<24).filter { d.hourlyWeights[$0] != nil }
      if d.hourlyProfileKept == nil, !hours.isEmpty {
        table(["hour"] + hours.map { "\($0):00" }, [["weight"] + hours.map { f(d.hourlyWeights[$0]!.value) }, ["± 95%"] + hours.map { f(d.hourlyWeights[$0]!.halfWidth) }])
      } else if let kept = d.hourlyProfileKept {
        paragraph(kept, "note")
      }
      let openHours = (0..<24).filter { h in d.arrivalsByWeekdayHour.contains { $0[h] > 0 } || hours.contains(h) }
      let openDays = Weekday.allCases.filter { d.daysObserved[$0.rawValue] > 0 || d.arrivalsByWeekdayHour[$0.rawValue].contains { $0 > 0 } }
      if !openHours.isEmpty && !openDays.isEmpty {
        let values = openDays.map { day in
          openHours.map { h in Double(d.arrivalsByWeekdayHour[day.rawValue][h]) / Double(max(1, d.daysObserved[day.rawValue])) }
        }
        body += "<figure>" + FitPlots.heatMap(title: "Walk-ins per day, by weekday and hour", values: values, rows: openDays.map(\.shortName),
                                               columns: openHours.map { "\($0)h" }, caption: { f($0) })
          + "<figcaption>Mean walk-ins per regular open day in each hour (over every replication).</figcaption></figure>\n"
      }
      heading("Are the walk-ins Poisson?", 3)
      paragraph(d.poisson.summary)
      let rejected = d.poisson.cells.filter { $0.test.verdict != .consistentWithPoisson }
      if !d.poisson.cells.isEmpty {
        let level = "\(Int((d.poisson.significance * 100).rounded()))%"
        paragraph(rejected.isEmpty ? "No cell is rejected at \(level)." : "The cells rejected at \(level):", "note")
        if !rejected.isEmpty {
          table(["weekday", "hour", "days", "mean", "variance", "index", "p", "verdict"], rejected.map { c in
            [Weekday(rawValue: c.weekday)!.name, "\(c.hour):00", "\(c.test.intervals)", f(c.test.mean), f(c.test.variance),
             f(c.test.index), f(c.test.pValue), c.test.verdict.rawValue]
          }, numeric: [2, 3, 4, 5, 6])
        }
      }
    }

    heading("Procedures")
    table(["procedure", "dossiers", "share", "online", "service point", "at counter", "in back office", "deadline"], procedures.map { p in
      [p.id, "\(p.dossiers)", pm(p.share), p.onlineShare.map(pm) ?? "–", p.servicePointShare.map(pm) ?? "–",
       f(p.incompleteAtCounter.value) + (p.incompleteAtCounter.estimate == nil ? " (base)" : ""),
       f(p.incompleteInBackOffice.value) + (p.incompleteInBackOffice.estimate == nil ? " (base)" : ""),
       "\(p.deadline.deadline)" + (p.deadline.fromLog ? "" : " (base)")]
    }, numeric: [1, 2, 3, 4, 5, 6])
    for p in procedures {
      for duration in [p.counterTime, p.backOfficeWork] where !duration.sample.isEmpty || !duration.ranking.isEmpty {
        heading(duration.what.prefix(1).uppercased() + duration.what.dropFirst(), 3)
        paragraph("\(duration.sample.count) observations (minutes\(duration.parameter.hasSuffix("back_office_time") ? " of open working time" : "")). "
          + "Decision: \(duration.decision.rawValue.replacingOccurrences(of: "_", with: " ")), \(DurationFit.describe(duration.distribution)). \(duration.reason).")
        if !duration.ranking.isEmpty {
          table(["family", "parameters (± SE)", "mean ± 95% CI", "AIC", "BIC", "KS", "KS p", "AD", "AD p"], duration.ranking.map { fit in
            let fd = fit.fitted
            return [DurationFit.familyName(fd.family),
                    fd.parameters.map { "\($0.name) \(f($0.value)) ± \(f($0.standardError))" }.joined(separator: ", "),
                    pm(FittedValue(fd.mean, standardError: fd.meanStandardError)), f(fd.aic), f(fd.bic),
                    fit.goodness.map { f($0.kolmogorovSmirnov) } ?? "–", fit.goodness.map { f($0.kolmogorovSmirnovPValue) } ?? "–",
                    fit.goodness.map { f($0.andersonDarling) } ?? "–", fit.goodness.map { f($0.andersonDarlingPValue) } ?? "–"]
          }, numeric: [3, 4, 5, 6, 7, 8])
        }
        let positive = duration.positive
        if !positive.isEmpty {
          var curves: [(name: String, density: (Double) -> Double)] = duration.ranking.map { fit in
            (DurationFit.familyName(fit.fitted.family), { fit.fitted.density($0) })
          }
          if curves.isEmpty, DurationFit.family(of: duration.base) != nil, let base = try? InputModel.fit(positive, family: DurationFit.family(of: duration.base)!) {
            curves = [("base family, refitted", { base.density($0) })]
          }
          body += "<figure>" + FitPlots.histogram(title: "\(duration.what): histogram and fitted densities", sample: positive,
                                                   curves: curves, xLabel: "minutes")
            + "<figcaption>Bars: the observations (to the 99th percentile); lines: the families fitted, the best by AIC first.</figcaption></figure>\n"
          if let best = duration.chosenFit?.fitted ?? duration.ranking.first?.fitted {
            body += "<figure>" + FitPlots.quantilePlot(title: "\(duration.what): Q–Q plot against the \(DurationFit.familyName(best.family))",
                                                        points: InputModel.qqPoints(sample: positive, fitted: best), unit: "min")
              + "<figcaption>Points on the dashed line y = x mean a good fit; a bend at the right is a tail the family does not follow.</figcaption></figure>\n"
          }
        }
      }
      if let t = p.turnaround {
        paragraph("Observed turnaround of \(p.id) (received to completed, \(t.count) dossiers without a supplement): mean "
          + "\(f(t.meanWorkingMinutes)) open working minutes (\(f(t.meanHours)) h); quantiles "
          + t.quantiles.map { "p\(Int($0.p * 100)) \(f($0.workingMinutes))" }.joined(separator: ", ") + " working minutes."
          + (p.calibrationNote.map { " " + $0 } ?? ""), "note")
      }
    }

    heading("Every choice made")
    table(["parameter", "value", "from", "why"], choices.map { [$0.parameter, $0.value, $0.source.rawValue, $0.reason] })

    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(e("Input analysis: \(logFile)"))</title>
      <style>
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; max-width: 980px; margin: 2em auto; padding: 0 1em; color: #111; line-height: 1.4; }
      h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #bbb; } h3 { font-size: 1.05em; margin-top: 1.2em; }
      table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.88em; } th, td { padding: 3px 8px; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
      th { background: #f2f2f2; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
      figure { margin: 1em 0; page-break-inside: avoid; } figcaption { font-size: 0.88em; color: #333; }
      svg { width: 100%; height: auto; font-size: 11px; } svg .title { font-size: 13px; font-weight: 600; } svg .label { font-size: 12px; }
      svg .grid { stroke: #e2e2e2; } svg .axis { stroke: #333; } .note { color: #444; font-size: 0.9em; }
      @media print { body { max-width: none; } h2 { page-break-after: avoid; } }
      </style>
      </head>
      <body>
      <h1>\(e("Input analysis: \(logFile)"))</h1>
      \(body)<p class="note">Made by onestop \(e(onestopVersion)) (onestop fit). Intervals are 95% normal-theory intervals (estimate ± 1.96 SE).</p>
      </body>
      </html>

      """
  }
}
