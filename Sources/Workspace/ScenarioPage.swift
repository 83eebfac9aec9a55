//===----------------------------------------------------------------------===//
// A scenario: its description, warnings and the form of its levers.
//===----------------------------------------------------------------------===//

import Localization
import Reporting
import ScenarioFormat

/// A scenario's page: what it is, the loader's warnings, and its levers to change, run,
/// compare, save or download.
struct ScenarioPage {
  let form: ScenarioForm
  let loaded: LoadedScenario?
  /// The optimiser's and the calibration's questions, as shown (the defaults, or what
  /// was submitted), and which of them to show open.
  var optimize = OptimizeForm()
  var calibrate = CalibrateForm()
  var open: String?

  func html(_ layout: Layout) -> String {
    let t = layout.language
    let s = loaded?.scenario
    var body = "<h1>\(escapeHTML(s?.name ?? form.entry.id))</h1>"
    if let s {
      body += "<p>\(escapeHTML(s.description))</p><p class=\"note\">\(escapeHTML(t.date(s.horizon.start))) – \(escapeHTML(t.date(s.horizon.end))) · "
        + escapeHTML(t(.scenarioFacts(centres: s.centres.count, procedures: s.procedures.count, replications: s.replications, seed: String(s.seed))))
        + "</p>"
    }
    if let warnings = loaded?.warnings, !warnings.isEmpty {
      body += "<details><summary>\(escapeHTML(t(.warnings))) (\(warnings.count))</summary><ul>"
        + warnings.prefix(30).map { "<li>\(escapeHTML($0.description))</li>" }.joined() + "</ul></details>"
    }
    body += "<h2>\(escapeHTML(t(.levers)))</h2><p class=\"note\">\(escapeHTML(t(.leversHint)))</p>"
    if s.map({ $0.centres.count > 1 }) == true && !form.levers.contains(where: { if case .centre = $0.scope { true } else { false } }) {
      body += "<p class=\"note\">\(escapeHTML(t(.cityGenerated)))</p>"
    }
    body += form.html(layout, scenario: s, studies: optimize.html(t, entry: form.entry.id, open: open == "optimize")
      + calibrate.html(t, entry: form.entry.id, open: open == "calibrate"))
    return layout.page(title: s?.name ?? form.entry.id, body: body)
  }
}
