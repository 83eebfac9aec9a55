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
    body += record.kind == "compare" ? comparison(t) : run(t)
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
    let lines = record.verdicts[t.rawValue] ?? []
    var html = "<div class=\"verdict\" id=\"verdict\">" + lines.map { "<p>\(escapeHTML($0))</p>" }.joined() + "</div>"
    html += "<h2>\(escapeHTML(t(.figuresHeading)))</h2><table id=\"figures\"><tr><th>\(escapeHTML(t(.kpiColumn)))</th><th>\(escapeHTML(t(.intervalColumn)))</th><th>\(escapeHTML(t(.unitColumn)))</th></tr>"
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
      let title = record.kind == "compare" ? t(.studyCompare(record.scenarioName)) : t(.studyRun(record.scenarioName))
      body += "<li><a href=\"/results/\(id)\">#\(escapeHTML(id)) \(escapeHTML(title))</a>"
        + (record.changes.isEmpty ? "" : " <span class=\"note\">\(escapeHTML(record.changes.joined(separator: "; ")))</span>") + "</li>"
    }
    return layout.page(title: t(.resultsHeading), body: body + "</ul>")
  }
}
