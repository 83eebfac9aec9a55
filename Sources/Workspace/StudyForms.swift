//===----------------------------------------------------------------------===//
// The optimiser's and the calibration's questions, as parts of the scenario form.
//===----------------------------------------------------------------------===//

import Calibration
import CentreSimulation
import Experiments
import Localization
import Reporting
import ScenarioFormat
import Studies

/// The optimiser's question on the form: up to three service targets (a KPI, the whole
/// scenario or every centre, a value in the KPI's unit, shares in percent), the pools
/// that may change, extra staff at most, whether staff may move, and the confirmation's
/// replications. Blank rows are not targets.
struct OptimizeForm {
  /// A KPI a target can be set on, and which way is better.
  struct Choice {
    var id: String
    var atLeast: Bool
  }

  static let choices = [
    Choice(id: "on_time_rate", atLeast: true), Choice(id: "overdue", atLeast: false),
    Choice(id: "counter_wait_p90", atLeast: false), Choice(id: "counter_wait_mean", atLeast: false),
    Choice(id: "backlog_end", atLeast: false), Choice(id: "processed_share", atLeast: true),
  ]
  static let rows = 3

  /// The submitted values by field name (`o:kpi1`, `o:value1`, `o:units`...).
  var values: [String: String] = ["o:kpi1": "on_time_rate", "o:value1": "95", "o:scope1": "total", "o:units": "all"]
  /// Messages by field name.
  var errors: [String: String] = [:]

  init() {}

  init(_ form: FormData) {
    values = [:]
    for name in Self.fieldNames { if let value = form[name] { values[name] = value.trimmingSpaces } }
  }

  static let fieldNames = (1...rows).flatMap { ["o:kpi\($0)", "o:scope\($0)", "o:value\($0)"] }
    + ["o:objective", "o:units", "o:budget", "o:transfers", "o:confirm"]

  /// The settings the form asks for, or nil with ``errors`` filled in.
  mutating func settings(_ t: Language) -> OptimizeSettings? {
    var targets: [StaffingTarget] = []
    for row in 1...Self.rows {
      guard let text = values["o:value\(row)"], !text.isEmpty else { continue }
      guard let choice = Self.choices.first(where: { $0.id == values["o:kpi\(row)"] }) else {
        errors["o:kpi\(row)"] = t(.chooseKPI)
        continue
      }
      guard let typed = Double(ScenarioForm.fileValue(text).replacing("%", with: "")), typed.isFinite, typed >= 0 else {
        errors["o:value\(row)"] = t(.expectedNumber(text))
        continue
      }
      let share = RunMeasure.allCases.first { $0.id == choice.id }?.unit == "share"
      if share && typed > 100 {
        errors["o:value\(row)"] = t(.expectedPercent(text))
        continue
      }
      let prefix = values["o:scope\(row)"] == "centre" ? "centre." : ""
      let value = share ? typed / 100 : typed
      guard let target = StaffingTarget(parsing: "\(prefix)\(choice.id)\(choice.atLeast ? ">=" : "<=")\(value)") else {
        errors["o:kpi\(row)"] = t(.chooseKPI)
        continue
      }
      targets.append(target)
    }
    let objective = StaffingObjective(rawValue: values["o:objective"] ?? "targets") ?? .targets
    if objective == .targets && targets.isEmpty && errors.isEmpty { errors["o:value1"] = t(.targetNeeded) }
    let budget = wholeNumber("o:budget", t, minimum: 0)
    if objective != .targets && (values["o:budget"] ?? "").isEmpty { errors["o:budget"] = t(.budgetNeeded) }
    let confirm = wholeNumber("o:confirm", t, minimum: 2)
    let units = values["o:units"] ?? "all"
    if !OptimizeSettings.unitSelections.contains(units) { errors["o:units"] = t(.chooseKPI) }
    guard errors.isEmpty else { return nil }
    return OptimizeSettings(targets: targets, units: units, budget: budget ?? nil, transfers: values["o:transfers"] == "on",
                            confirm: confirm ?? nil, objective: objective)
  }

  /// The whole number in field `name`: nil (no error) when blank, `.some(nil)` after an error.
  private mutating func wholeNumber(_ name: String, _ t: Language, minimum: Int) -> Int?? {
    guard let text = values[name], !text.isEmpty else { return .some(nil) }
    guard let value = Int(text), value >= minimum, value <= 10_000 else {
      errors[name] = t(.expectedWholeNumber(text, minimum: minimum))
      return nil
    }
    return value
  }

  /// The optimiser's part of the scenario form, open when it was the one submitted.
  func html(_ t: Language, entry: String, open: Bool) -> String {
    var html = "<details id=\"optimize-section\"\(open ? " open" : "")><summary>\(escapeHTML(t(.optimizeHeading)))</summary>"
    let objective = values["o:objective"] ?? "targets"
    html += "<p class=\"note\">\(escapeHTML(t(.optimizeHint)))</p>"
    html += "<div class=\"field\"><label for=\"o-objective\">\(escapeHTML(t(.objectiveField)))</label> <select name=\"o:objective\" id=\"o-objective\">"
      + StaffingObjective.allCases.map { "<option value=\"\($0.rawValue)\"\($0.rawValue == objective ? " selected" : "")>\(escapeHTML(t(.objectiveChoice($0.rawValue))))</option>" }
      .joined() + "</select>\(error("o:objective"))</div><table id=\"optimize-targets\"><tr><th>\(escapeHTML(t(.kpiColumn)))</th>"
      + "<th>\(escapeHTML(t(.targetScope)))</th><th>\(escapeHTML(t(.targetValue)))</th></tr>"
    for row in 1...Self.rows {
      let chosen = values["o:kpi\(row)"] ?? ""
      let options = ["<option value=\"\"></option>"] + Self.choices.map { choice -> String in
        let measure = RunMeasure.allCases.first { $0.id == choice.id }!
        let label = "\(t.label(measure)) \(choice.atLeast ? "≥" : "≤") (\(measure.unit == "share" ? "%" : t.unit(measure.unit)))"
        return "<option value=\"\(choice.id)\"\(choice.id == chosen ? " selected" : "")>\(escapeHTML(label))</option>"
      }
      let centre = values["o:scope\(row)"] == "centre"
      html += "<tr><td><select name=\"o:kpi\(row)\" id=\"o-kpi\(row)\" aria-label=\"\(escapeHTML(t(.kpiColumn))) \(row)\">\(options.joined())</select>"
        + error("o:kpi\(row)") + "</td>"
      html += "<td><select name=\"o:scope\(row)\" aria-label=\"\(escapeHTML(t(.targetScope))) \(row)\">"
        + "<option value=\"total\"\(centre ? "" : " selected")>\(escapeHTML(t(.scopeTotal)))</option>"
        + "<option value=\"centre\"\(centre ? " selected" : "")>\(escapeHTML(t(.scopeEveryCentre)))</option></select></td>"
      html += "<td>\(input("o:value\(row)", label: "\(t(.targetValue)) \(row)"))\(error("o:value\(row)"))</td></tr>"
    }
    html += "</table>"
    let units = values["o:units"] ?? "all"
    html += "<div class=\"field\"><label for=\"o-units\">\(escapeHTML(t(.optimizeUnits)))</label> <select name=\"o:units\" id=\"o-units\">"
      + OptimizeSettings.unitSelections.map { "<option value=\"\($0)\"\($0 == units ? " selected" : "")>\(escapeHTML(t(.unitSelection($0))))</option>" }.joined()
      + "</select>\(error("o:units"))</div>"
    html += field("o:budget", t(.optimizeBudget), t(.optimizeBudgetHint))
    html += "<div class=\"field\"><label for=\"o-transfers\">\(escapeHTML(t(.optimizeTransfers)))</label> "
      + "<input type=\"checkbox\" name=\"o:transfers\" id=\"o-transfers\"\(values["o:transfers"] == "on" ? " checked" : "")></div>"
    html += field("o:confirm", t(.confirmReplications), t(.optimizeConfirmHint))
    html += "<p class=\"actions\"><button type=\"submit\" formaction=\"/scenarios/\(entry)/optimize\" id=\"optimize\">"
      + "\(escapeHTML(t(.optimize)))</button></p></details>"
    return html
  }

  private func input(_ name: String, label: String) -> String {
    "<input type=\"text\" name=\"\(name)\" id=\"\(domID(name))\" value=\"\(escapeHTML(values[name] ?? ""))\" aria-label=\"\(escapeHTML(label))\""
      + (errors[name] == nil ? "" : " aria-invalid=\"true\"") + ">"
  }

  private func field(_ name: String, _ label: String, _ hint: String) -> String {
    "<div class=\"field\(errors[name] == nil ? "" : " invalid")\"><label for=\"\(domID(name))\">\(escapeHTML(label))</label> "
      + input(name, label: label) + " <span class=\"note\">\(escapeHTML(hint))</span>\(error(name))</div>"
  }

  private func error(_ name: String) -> String { fieldError(name, errors) }
}

/// The calibration's question on the form: the observed figures to reproduce and the
/// free settings with their bounds, one per line as `onestop calibrate` takes them, and
/// the effort of the search.
struct CalibrateForm {
  var values: [String: String] = ["c:starts": "3", "c:evaluations": "150", "c:confirm": "20"]
  var errors: [String: String] = [:]

  init() {}

  init(_ form: FormData) {
    values = [:]
    for name in ["c:targets", "c:free", "c:starts", "c:evaluations", "c:confirm"] {
      if let value = form[name] { values[name] = value }
    }
  }

  /// The lines of a text area, blank ones dropped.
  private func lines(_ name: String) -> [String] {
    (values[name] ?? "").split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
  }

  /// The targets, free settings and search settings the form asks for, or nil with
  /// ``errors`` filled in; `city` when the scenario has several centres.
  mutating func question(_ t: Language, city: Bool)
    -> (targets: [CalibrationTarget], free: [FreeParameter], settings: CalibrationSettings)?
  {
    var targets: [CalibrationTarget] = [], free: [FreeParameter] = []
    for (name, parse) in [("c:targets", { (line: String) throws(ScenarioError) in targets.append(try CalibrationTarget(parsing: line)) }),
                          ("c:free", { (line: String) throws(ScenarioError) in free.append(try FreeParameter(parsing: line, city: city)) })]
    {
      let given = lines(name)
      if given.isEmpty { errors[name] = t(name == "c:targets" ? .calibrateTargetsNeeded : .calibrateFreeNeeded) }
      for (number, line) in given.enumerated() {
        do throws(ScenarioError) {
          try parse(line)
        } catch {
          let message = error.issues.first.map { $0.found.isEmpty ? $0.description : "expected \($0.expected), found \($0.found)" } ?? ""
          errors[name] = (errors[name].map { $0 + " " } ?? "") + t(.lineProblem(number + 1, message))
        }
      }
    }
    var settings = CalibrationSettings()
    for (name, minimum) in [("c:starts", 1), ("c:evaluations", 10), ("c:confirm", 2)] {
      let text = (values[name] ?? "").trimmingSpaces
      guard !text.isEmpty else { continue }
      guard let value = Int(text), value >= minimum, value <= 5_000 else {
        errors[name] = t(.expectedWholeNumber(text, minimum: minimum))
        continue
      }
      switch name {
      case "c:starts": settings.starts = value
      case "c:evaluations": settings.maxEvaluations = value
      default: settings.confirmReplications = value
      }
    }
    guard errors.isEmpty else { return nil }
    return (targets, free, settings)
  }

  func html(_ t: Language, entry: String, open: Bool) -> String {
    var html = "<details id=\"calibrate-section\"\(open ? " open" : "")><summary>\(escapeHTML(t(.calibrateHeading)))</summary>"
    html += "<p class=\"note\">\(escapeHTML(t(.calibrateHint)))</p>"
    for (name, label, example) in [("c:targets", t(.calibrateTargets), "arrivals[2025-07-01..2025-07-08]=38321+-1%\nprocessed_share[2025-07-01..2025-07-08]=0.8788+-0.005"),
                                   ("c:free", t(.calibrateFree), "volume_scale=0.8:1.2\nback_office_time_scale=0.3:1.5")] {
      html += "<div class=\"field\(errors[name] == nil ? "" : " invalid")\"><label for=\"\(domID(name))\">\(escapeHTML(label))</label><br>"
        + "<textarea name=\"\(name)\" id=\"\(domID(name))\" rows=\"3\" cols=\"60\" placeholder=\"\(escapeHTML(example))\""
        + (errors[name] == nil ? "" : " aria-invalid=\"true\"") + ">\(escapeHTML(values[name] ?? ""))</textarea>"
        + fieldError(name, errors) + "</div>"
    }
    for (name, label) in [("c:starts", t(.calibrateStarts)), ("c:evaluations", t(.calibrateEvaluations)), ("c:confirm", t(.confirmReplications))] {
      html += "<div class=\"field\(errors[name] == nil ? "" : " invalid")\"><label for=\"\(domID(name))\">\(escapeHTML(label))</label> "
        + "<input type=\"text\" name=\"\(name)\" id=\"\(domID(name))\" value=\"\(escapeHTML(values[name] ?? ""))\">"
        + fieldError(name, errors) + "</div>"
    }
    html += "<p class=\"actions\"><button type=\"submit\" formaction=\"/scenarios/\(entry)/calibrate\" id=\"calibrate\">"
      + "\(escapeHTML(t(.calibrate)))</button></p></details>"
    return html
  }
}

/// An element id for a study form's field name (`o:value1` → `o-value1`).
private func domID(_ name: String) -> String { name.replacing(":", with: "-") }

/// The message at field `name`, if any.
private func fieldError(_ name: String, _ errors: [String: String]) -> String {
  errors[name].map { "<div class=\"error\" id=\"\(domID(name))-error\">\(escapeHTML($0))</div>" } ?? ""
}
