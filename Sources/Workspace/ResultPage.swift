//===----------------------------------------------------------------------===//
// A study's result: the verdict, the figures, the downloads, the command line.
//===----------------------------------------------------------------------===//

import CentreSimulation
import Localization
import Reporting

/// The page of a result directory, from its `study.json`: a verdict in words, the key
/// figures with their 95% intervals (or the paired differences of a comparison), the
/// files to download and the CLI command that redoes it.
struct ResultPage {
  let id: String
  let record: StudyRecord
  let files: [String]

  func html(_ layout: Layout) -> String {
    let t = layout.language
    var body = "<h1>\(escapeHTML(t(.resultOf(record.scenarioName))))</h1>"
    if !record.changes.isEmpty {
      body += "<p class=\"note\" id=\"changes\">\(escapeHTML(t(.changes(record.changes.count)))): "
        + record.changes.map { "<code>\(escapeHTML($0))</code>" }.joined(separator: " ") + "</p>"
    }
    switch record.kind {
    case "compare": body += comparison(t)
    case "optimize": body += optimization(t)
    case "calibrate": body += calibration(t)
    default: body += run(t)
    }
    if !record.warnings.isEmpty {
      body += "<details><summary>\(escapeHTML(t(.warnings))) (\(record.warnings.count))</summary><ul>"
        + record.warnings.prefix(30).map { "<li>\(escapeHTML($0))</li>" }.joined() + "</ul></details>"
    }
    body += "<h2>\(escapeHTML(t(.downloads)))</h2><ul id=\"downloads\">"
    if files.contains("report.html") {
      body += "<li><a href=\"/results/\(id)/report.html\" id=\"full-report\">\(escapeHTML(t(.fullReport)))</a></li>"
    }
    body += files.map { "<li><a href=\"/results/\(id)/\($0)\" download>\(escapeHTML($0))</a></li>" }.joined() + "</ul>"
    body += "<h2>\(escapeHTML(t(.redoWithCLI)))</h2><p><code id=\"command\">\(escapeHTML(record.command))</code></p>"
    return layout.page(title: t(.resultOf(record.scenarioName)), body: body)
  }

  private func run(_ t: Language) -> String {
    verdict(record.verdicts[t.rawValue] ?? []) + figures(t, heading: t(.figuresHeading))
  }

  private func verdict(_ lines: [String]) -> String {
    "<div class=\"verdict\" id=\"verdict\">" + lines.map { "<p>\(escapeHTML($0))</p>" }.joined() + "</div>"
  }

  /// The recommendation, the staff of each pool before and after (those that change, or
  /// all of a small scenario), and what the recommended staffing achieves.
  private func optimization(_ t: Language) -> String {
    var html = verdict(record.verdicts[t.rawValue] ?? [])
    html += "<h2>\(escapeHTML(t(.staffBeforeAndAfter)))</h2><table id=\"staffing\"><tr><th>\(escapeHTML(t(.staffPool)))</th>"
      + "<th>\(escapeHTML(t(.staffBefore)))</th><th>\(escapeHTML(t(.staffAfter)))</th></tr>"
    for row in record.staffing where row.before != row.after || record.staffing.count <= 20 {
      let change = row.after - row.before
      html += "<tr data-unit=\"\(escapeHTML(row.unit))\"><td>\(escapeHTML(row.unit))</td><td class=\"num\">\(row.before)</td>"
        + "<td class=\"num\">\(row.after)\(change == 0 ? "" : " (\(change > 0 ? "+" : "")\(change))")</td></tr>"
    }
    html += "</table>"
    if !record.marginal.isEmpty {
      html += "<h2>\(escapeHTML(t(.separableHeading)))</h2><table id=\"marginal\"><tr><th>\(escapeHTML(t(.personColumn)))</th>"
        + "<th>\(escapeHTML(t(.centreColumn)))</th><th>\(escapeHTML(t(.poolsChangeColumn)))</th><th>\(escapeHTML(t(.gainHeading(objective: record.objective))))</th></tr>"
      for (n, m) in record.marginal.enumerated() {
        html += "<tr><td class=\"num\">\(n + 1)</td><td>\(escapeHTML(m.centre))</td><td>\(escapeHTML(m.pools))</td>"
          + "<td class=\"num\">\(escapeHTML(Self.interval(m.gain, "", t)))</td></tr>"
      }
      html += "</table>"
    }
    let notes = record.allocationNotes[t.rawValue] ?? []
    if !notes.isEmpty {
      html += "<details><summary>\(escapeHTML(t(.whyNobodyHeading))) (\(notes.count))</summary><ul>"
        + notes.map { "<li>\(escapeHTML($0))</li>" }.joined() + "</ul></details>"
    }
    return html + figures(t, heading: t(.confirmedWith(record.replications)))
  }

  /// How the calibrated scenario reproduces each observed figure, the values found and
  /// whether the figures pin them down, and the way to the calibrated scenario.
  private func calibration(_ t: Language) -> String {
    guard let c = record.calibration else { return "" }
    let within = c.residuals.count { ($0.z.map(abs) ?? .infinity) <= 2 }
    var html = verdict([t(.calibrateVerdict(within: within, of: c.residuals.count)), c.identifiability])
    html += "<p id=\"calibrated-scenario\">" + (c.savedScenario.map {
      "<a class=\"button\" href=\"/scenarios/\($0)\" id=\"open-calibrated\">\(escapeHTML(t(.calibratedSaved)))</a>"
    } ?? "<span class=\"note\">\(escapeHTML(t(.calibratedNotSaved)))</span>") + "</p>"
    html += "<h2>\(escapeHTML(t(.residualsHeading)))</h2><table id=\"residuals\"><tr><th>\(escapeHTML(t(.figureColumn)))</th>"
      + "<th>\(escapeHTML(t(.observedColumn)))</th><th>\(escapeHTML(t(.simulatedColumn)))</th><th>\(escapeHTML(t(.zColumn)))</th></tr>"
    for r in c.residuals {
      let observed = StudyRecord.Figure(kpi: "", mean: r.observed, low: r.observed - r.tolerance, high: r.observed + r.tolerance)
      html += "<tr><td><code>\(escapeHTML(r.target))</code></td><td class=\"num\">\(escapeHTML(Self.interval(observed, "", t)))</td>"
        + "<td class=\"num\">\(escapeHTML(Self.interval(r.simulated, "", t)))</td>"
        + "<td class=\"num\">\(r.z.map { escapeHTML(t.number($0, decimals: 2)) } ?? "–")</td></tr>"
    }
    html += "</table><h2>\(escapeHTML(t(.parametersHeading)))</h2><table id=\"parameters\"><tr><th>\(escapeHTML(t(.settingColumn)))</th>"
      + "<th>\(escapeHTML(t(.valueColumn)))</th><th>\(escapeHTML(t(.rangeColumn)))</th><th></th></tr>"
    for p in c.parameters {
      html += "<tr><td><code>\(escapeHTML(p.setting))</code></td><td class=\"num\" data-value=\"\(p.value)\">\(escapeHTML(t.number(p.value, decimals: 4)))</td>"
        + "<td class=\"num\">\(escapeHTML(t.number(p.low, decimals: 4))) – \(escapeHTML(t.number(p.high, decimals: 4)))</td>"
        + "<td>\(escapeHTML(t(.pinnedDown(p.pinned))))</td></tr>"
    }
    return html + "</table>" + figures(t, heading: t(.confirmedWith(record.replications)))
  }

  /// The key figures with their 95% intervals, under `heading`.
  private func figures(_ t: Language, heading: String) -> String {
    var html = "<h2>\(escapeHTML(heading))</h2><table id=\"figures\"><tr><th>\(escapeHTML(t(.kpiColumn)))</th><th>\(escapeHTML(t(.intervalColumn)))</th><th>\(escapeHTML(t(.unitColumn)))</th></tr>"
    for figure in record.figures {
      guard let measure = RunMeasure.allCases.first(where: { $0.id == figure.kpi }) else { continue }
      let mean = figure.mean.map { String($0) } ?? ""
      let unit = measure.unit == "share" ? "" : t.unit(measure.unit)
      html += "<tr data-kpi=\"\(figure.kpi)\"><td>\(escapeHTML(t.label(measure)))</td>"
      html += "<td class=\"num\" data-mean=\"\(mean)\">\(escapeHTML(Self.interval(figure, measure.unit, t)))</td><td>\(escapeHTML(unit))</td></tr>"
    }
    return html + "</table>"
  }

  private func comparison(_ t: Language) -> String {
    // The page's own words: the labels kept in study.json are those of the files.
    let base = t(.asSaved), variant = t(.withChanges)
    var html = "<p>\(escapeHTML(t(.compareIntro(base: base, seed: record.seed, replications: record.replications))))</p>"
    html += "<table id=\"differences\"><tr><th>\(escapeHTML(t(.kpiColumn)))</th><th>\(escapeHTML(base))</th><th>\(escapeHTML(variant))</th>"
      + "<th>\(escapeHTML(t(.difference)))</th><th>\(escapeHTML(t(.verdictColumn)))</th></tr>"
    for d in record.differences {
      guard let measure = RunMeasure.allCases.first(where: { $0.id == d.kpi }) else { continue }
      let word: WorkspacePhrase = d.judgement == "better" ? .better : d.judgement == "worse" ? .worse : .noChange
      let mean = d.difference.mean.map { String($0) } ?? ""
      html += "<tr data-kpi=\"\(d.kpi)\"><td>\(escapeHTML(t.label(measure)))</td>"
      html += "<td class=\"num\">\(escapeHTML(Self.interval(d.base, measure.unit, t)))</td>"
      html += "<td class=\"num\">\(escapeHTML(Self.interval(d.variant, measure.unit, t)))</td>"
      html += "<td class=\"num\" data-mean=\"\(mean)\">\(escapeHTML(Self.interval(d.difference, measure.unit, t, signed: true)))</td>"
      html += "<td class=\"\(d.judgement)\">\(escapeHTML(t(word)))</td></tr>"
    }
    return html + "</table>"
  }

  /// `mean ± half-width` in the language's writing; shares as percentages.
  static func interval(_ f: StudyRecord.Figure, _ unit: String, _ t: Language, signed: Bool = false) -> String {
    guard let mean = f.mean else { return "–" }
    let share = unit == "share"
    let scale = share ? 100.0 : 1.0
    let half = f.high.map { ($0 - mean) * scale }
    let magnitude = max(abs(mean * scale), half ?? 0)
    let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
    var text = (signed && mean > 0 ? "+" : "") + t.number(mean * scale, decimals: decimals)
    if let half, half.isFinite { text += " ± " + t.number(half, decimals: decimals) }
    return text + (share ? (signed ? " " + t(.percentagePoints) : "%") : "")
  }
}

/// Every result of the workspace, the newest first.
struct ResultsPage {
  let store: WorkspaceStore

  func html(_ layout: Layout) -> String {
    let t = layout.language
    var body = "<h1>\(escapeHTML(t(.resultsHeading)))</h1>"
    let ids = store.resultIDs()
    if ids.isEmpty { body += "<p>\(escapeHTML(t(.noResults)))</p>" }
    body += "<ul id=\"results\">"
    for id in ids.prefix(200) {
      guard let directory = store.result(id), let record = StudyRecord.read(directory) else { continue }
      let title = t.study(record.kind, record.scenarioName)
      body += "<li><a href=\"/results/\(id)\">#\(escapeHTML(id)) \(escapeHTML(title))</a>"
        + (record.changes.isEmpty ? "" : " <span class=\"note\">\(escapeHTML(record.changes.joined(separator: "; ")))</span>") + "</li>"
    }
    return layout.page(title: t(.resultsHeading), body: body + "</ul>")
  }
}
