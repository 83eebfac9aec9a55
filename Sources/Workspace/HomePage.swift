//===----------------------------------------------------------------------===//
// The first page: the scenarios, an upload, the studies under way.
//===----------------------------------------------------------------------===//

import Localization
import Reporting
import ScenarioFormat

/// The scenarios offered (saved and shipped), a form to upload one, and the jobs.
struct HomePage {
  let store: WorkspaceStore
  let jobs: [JobQueue.Snapshot]

  func html(_ layout: Layout, message: String? = nil) -> String {
    let t = layout.language
    var body = "<h1>\(escapeHTML(t(.scenariosHeading)))</h1>"
    if let message { body += "<p class=\"error\" id=\"upload-error\">\(escapeHTML(message))</p>" }
    body += "<table id=\"scenarios\"><tr><th>\(escapeHTML(t(.scenariosHeading)))</th><th></th><th></th></tr>"
    for entry in store.scenarios() {
      let description = (try? store.document(entry))?.writtenDescription ?? ""
      body += "<tr><td><a href=\"/scenarios/\(entry.id)\">\(escapeHTML(entry.id))</a></td><td>\(escapeHTML(t(entry.shipped ? .shipped : .saved)))</td>"
        + "<td class=\"note\">\(escapeHTML(String(description.prefix(220))))</td></tr>"
    }
    body += "</table>"
    let bases = store.scenarios().map { "<option value=\"\($0.id)\"\($0.id == "default" ? " selected" : "")>\(escapeHTML($0.id))</option>" }.joined()
    body += """
      <h2>\(escapeHTML(t(.uploadHeading)))</h2>
      <form method="post" action="/scenarios" enctype="multipart/form-data" id="upload">\(layout.csrfField)
      <p><label for="scenario-file">\(escapeHTML(t(.uploadScenario)))</label> <input type="file" id="scenario-file" name="scenario" accept=".yaml,.yml"></p>
      <p class="note">\(escapeHTML(t(.uploadHint)))</p>
      <p><button type="submit">\(escapeHTML(t(.uploadButton)))</button></p></form>
      <h2>\(escapeHTML(t(.cityHeading)))</h2>
      <form method="post" action="/cities" enctype="multipart/form-data" id="city">\(layout.csrfField)
      <p><label for="centres-file">\(escapeHTML(t(.centresTable)))</label> <input type="file" id="centres-file" name="centres" accept=".csv,.xlsx"></p>
      <p><label for="city-name">\(escapeHTML(t(.cityName)))</label> <input type="text" id="city-name" name="name"></p>
      <p><label for="city-base">\(escapeHTML(t(.cityBase)))</label> <select id="city-base" name="base">\(bases)</select></p>
      <p class="note">\(escapeHTML(t(.uploadCentresHint)))</p>
      <p><button type="submit">\(escapeHTML(t(.uploadButton)))</button></p></form>
      """
    if !jobs.isEmpty {
      body += "<h2>\(escapeHTML(t(.resultsHeading)))</h2><ul>"
      for job in jobs.prefix(20) {
        body += "<li><a href=\"/jobs/\(job.id)\">#\(job.id) \(escapeHTML(job.kind)) \(escapeHTML(job.title))</a>: \(escapeHTML(JobPage.state(job, t)))</li>"
      }
      body += "</ul>"
    }
    return layout.page(title: t(.workspaceTitle), body: body)
  }
}

/// A job's progress, live (server-sent events) with a cancel button; without script the
/// page refreshes itself.
struct JobPage {
  let job: JobQueue.Snapshot

  static func state(_ job: JobQueue.Snapshot, _ t: Language) -> String {
    switch job.state {
    case .queued: t(.queued(ahead: job.ahead))
    case .running: job.total > 0 ? t(.running(done: job.done, total: job.total)) : t(.searching(job.detail ?? ""))
    case .finished: t(.finished)
    case .failed: t(.failed) + (job.message.map { ": \($0)" } ?? "")
    case .cancelled: t(.cancelled)
    }
  }

  func html(_ layout: Layout) -> String {
    let t = layout.language
    let active = job.state == .queued || job.state == .running
    var body = "<h1>\(escapeHTML(t.study(job.kind, job.title)))</h1>"
    body += "<div id=\"job\" data-events=\"/jobs/\(job.id)/events\" data-state=\"\(job.state.rawValue)\">"
    let value = job.total > 0 || !active ? " value=\"\(job.total > 0 ? job.done : 1)\"" : ""
    body += "<p><progress id=\"progress\" max=\"\(max(1, job.total))\"\(value)></progress> "
      + "<span id=\"status\">\(escapeHTML(Self.state(job, t)))</span></p>"
    body += "<p id=\"result-link\">\(job.result.map { "<a class=\"button\" href=\"\($0)\" id=\"open-result\">\(escapeHTML(t(.resultOf(job.title))))</a>" } ?? "")</p>"
    body += "</div>"
    if active {
      body += "<form method=\"post\" action=\"/jobs/\(job.id)/cancel\" class=\"actions\" id=\"cancel-form\">\(layout.csrfField)"
        + "<button type=\"submit\" class=\"secondary\" id=\"cancel\">\(escapeHTML(t(.cancel)))</button></form>"
      body += "<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>"
    }
    return layout.page(title: t.study(job.kind, job.title), body: body, script: active)
  }
}

extension Language {
  /// A study's title: `kind` (`run`, `compare`, `optimize`, `calibrate`) of scenario `name`.
  func study(_ kind: String, _ name: String) -> String {
    switch kind {
    case "compare": self(.studyCompare(name))
    case "optimize": self(.studyOptimize(name))
    case "calibrate": self(.studyCalibrate(name))
    default: self(.studyRun(name))
    }
  }
}
