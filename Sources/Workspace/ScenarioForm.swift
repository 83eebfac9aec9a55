//===----------------------------------------------------------------------===//
// A scenario's levers as a form, and a submitted form as overrides.
//===----------------------------------------------------------------------===//

import CentreModel
import Localization
import Reporting
import ScenarioFormat

/// The form of a scenario's levers: the values shown (the file's, or those submitted),
/// the overrides the changed ones make, and the loader's errors placed at their fields.
struct ScenarioForm {
  let entry: ScenarioEntry
  let document: ScenarioDocument
  let levers: [ScenarioLever]
  /// Submitted values by key path, as the file would hold them.
  var submitted: [String: String] = [:]
  /// The loader's messages by key path, and those that belong to no field.
  var errors: [String: [String]] = [:]
  var otherErrors: [String] = []

  init(entry: ScenarioEntry, document: ScenarioDocument) {
    self.entry = entry
    self.document = document
    levers = document.levers().filter { FormField(rawValue: $0.field) != nil }
  }

  /// The levers that set up the study rather than the centre: a comparison applies
  /// them to both alternatives.
  static let studySettings: Set<String> = ["horizon.start", "horizon.days", "replications", "seed"]

  /// The form field's name for a lever.
  static func name(_ lever: ScenarioLever) -> String { "f:" + lever.keyPath }

  /// Takes the submitted values of the levers (in either language's writing), and an
  /// initial backlog to add when the scenario has none.
  mutating func take(_ form: FormData) {
    for lever in levers {
      if let value = form[Self.name(lever)] { submitted[lever.keyPath] = Self.fileValue(value) }
    }
    for name in Self.backlogFields { if let value = form[name] { submitted[name] = value.trimmingSpaces } }
  }

  /// The fields that add an initial backlog: how many, of which procedure, at which
  /// centre (a city), received how many working days before the first day.
  static let backlogFields = ["b:count", "b:procedure", "b:centre", "b:age"]

  /// An override for each lever whose submitted value differs from the file's, and the
  /// initial backlog added.
  var overrides: [Override] {
    levers.compactMap { lever in
      guard let value = submitted[lever.keyPath], value != lever.value else { return nil }
      return Override(keyPath: lever.keyPath, value: value, option: "form")
    } + (addedBacklog.map { [$0] } ?? [])
  }

  /// `initial_backlog` with one row of counts, when the backlog fields are filled in. The
  /// values go in as quoted YAML strings or digits, so nothing typed can add other keys;
  /// the loader checks them as it checks the file.
  private var addedBacklog: Override? {
    guard !document.hasInitialBacklog, let count = submitted["b:count"], !count.isEmpty else { return nil }
    func number(_ text: String?) -> String {
      guard let text, !text.isEmpty else { return yamlQuoted("") }
      return text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) && text.utf8.count <= 9 ? text : yamlQuoted(text)
    }
    var row = ["procedure: \(yamlQuoted(submitted["b:procedure"] ?? ""))", "count: \(number(count))",
               "age_working_days: \(number(submitted["b:age"]))"]
    if let centre = submitted["b:centre"], !centre.isEmpty { row.append("centre: \(yamlQuoted(centre))") }
    return Override(keyPath: "initial_backlog", value: "{counts: [{\(row.joined(separator: ", "))}]}", option: "form")
  }

  /// Places each issue of `error` at the field of the lever it concerns.
  mutating func place(_ error: ScenarioError) {
    let paths = Dictionary(levers.map { (document.resolvedKeyPath($0.keyPath), $0.keyPath) }, uniquingKeysWith: { a, _ in a })
    for issue in error.issues where issue.severity == .error {
      let message = issue.found.isEmpty ? issue.description : "expected \(issue.expected), found \(issue.found)"
      if let field = paths[issue.keyPath] ?? levers.first(where: { $0.keyPath == issue.keyPath })?.keyPath {
        errors[field, default: []].append(message)
      } else if issue.keyPath.hasPrefix("initial_backlog") && addedBacklog != nil {
        errors["initial_backlog", default: []].append(message)
      } else {
        otherErrors.append(issue.description)
      }
    }
  }

  /// A value typed in the form as the scenario file writes it: a decimal comma becomes
  /// a point (`0,45`), a date `dd/mm/yyyy` becomes `yyyy-mm-dd`.
  static func fileValue(_ typed: String) -> String {
    let text = typed.trimmingSpaces
    let digits = text.drop { $0 == "-" }
    if let comma = digits.firstIndex(of: ","), digits.filter({ $0 == "," }).count == 1,
      digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ",") }), comma != digits.startIndex {
      return text.replacingOccurrences(",", ".")
    }
    let parts = text.split(separator: "/")
    if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4,
      let date = CivilDate(year: y, month: m, day: d) {
      return date.description
    }
    return text
  }

  /// A file's value as the form shows it in `language`.
  static func shownValue(_ value: String, _ language: Language) -> String {
    guard language == .vi else { return value }
    if let date = CivilDate(iso: value) { return language.date(date) }
    let digits = value.drop { $0 == "-" }
    if digits.filter({ $0 == "." }).count == 1, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      digits.first != "." {
      return value.replacingOccurrences(".", ",")
    }
    return value
  }

  /// The form, its fields grouped by what they belong to.
  /// `studies` (the optimiser's and the calibration's parts) closes the form, after its
  /// buttons, so that they study the scenario with the changes made above.
  func html(_ layout: Layout, scenario: Scenario?, studies: String = "") -> String {
    let t = layout.language
    var html = ""
    if !otherErrors.isEmpty || !errors.isEmpty {
      html += "<div class=\"error\" id=\"form-errors\"><p>\(escapeHTML(t(.fixErrors(errors.values.reduce(0) { $0 + $1.count } + otherErrors.count))))</p>"
      html += otherErrors.isEmpty ? "" : "<ul>" + otherErrors.map { "<li>\(escapeHTML($0))</li>" }.joined() + "</ul>"
      html += "</div>"
    }
    html += "<form method=\"post\" action=\"/scenarios/\(entry.id)/run\" id=\"levers\">\(layout.csrfField)"
    var groups: [(ScenarioLever.Scope, [ScenarioLever])] = []
    for lever in levers {
      let scope = Self.group(lever.scope)
      if let i = groups.firstIndex(where: { $0.0 == scope }) { groups[i].1.append(lever) } else { groups.append((scope, [lever])) }
    }
    let procedures = groups.filter { if case .procedure = $0.0 { true } else { false } }.flatMap(\.1)
    for (scope, levers) in groups {
      if case .procedure = scope { continue }
      html += "<fieldset><legend>\(escapeHTML(legend(scope, t, scenario)))</legend>"
      var crew = -1
      for lever in levers {
        if case .crew(_, _, _, let index) = lever.scope, index != crew {
          crew = index
          let temporary = levers.contains { $0.scope == lever.scope && ($0.field == "from" || $0.field == "to") }
          html += "<div class=\"note\">\(escapeHTML(t(.crewHeading(index + 1, temporary: temporary))))</div>"
        }
        html += field(lever, t)
      }
      html += "</fieldset>"
    }
    if !procedures.isEmpty {
      html += "<fieldset><legend>\(escapeHTML(t(.procedures)))</legend><table><tr><th>\(escapeHTML(t(.procedure)))</th>"
        + "<th>\(escapeHTML(t(.field(.share))))</th><th>\(escapeHTML(t(.field(.onlineShare))))</th></tr>"
      var ids: [String] = []
      for lever in procedures { if case .procedure(let id) = lever.scope, !ids.contains(id) { ids.append(id) } }
      for id in ids {
        let name = scenario?.procedures.first { $0.id == id }?.name ?? id
        html += "<tr><td>\(escapeHTML(name))</td>"
        for fieldName in ["share", "online_share"] {
          let lever = procedures.first { $0.scope == .procedure(id) && $0.field == fieldName }
          html += "<td>\(lever.map { input($0, t, labelled: false) } ?? "")</td>"
        }
        html += "</tr>"
      }
      html += "</table></fieldset>"
    }
    html += backlog(t, scenario)
    html += """
      <p class="actions"><button type="submit" id="run">\(escapeHTML(t(.run)))</button>
      <button type="submit" formaction="/scenarios/\(entry.id)/compare" id="compare">\(escapeHTML(t(.compare)))</button>
      <button type="submit" class="secondary" formaction="/scenarios/\(entry.id)/save" id="save">\(escapeHTML(t(.saveCopy)))</button>
      <button type="submit" class="secondary" formaction="/scenarios/\(entry.id)/yaml" id="download-yaml">\(escapeHTML(t(.downloadYAML)))</button></p>
      \(studies)</form>
      """
    return html
  }

  /// The initial backlog: read from a file (said so), given as counts (their levers are
  /// above), or none yet, with the fields that add one.
  private func backlog(_ t: Language, _ scenario: Scenario?) -> String {
    let legend = "<fieldset id=\"backlog\"><legend>\(escapeHTML(t(.pendingHeading)))</legend>"
    if document.hasInitialBacklog {
      let fromFile = !levers.contains { if case .backlog = $0.scope { true } else { false } }
      return fromFile ? legend + "<p class=\"note\">\(escapeHTML(t(.backlogFromFile)))</p></fieldset>" : ""
    }
    guard let scenario else { return "" }
    func select(_ name: String, _ options: [(String, String)]) -> String {
      "<select name=\"\(name)\" id=\"\(name.replacing(":", with: "-"))\">" + options.map { value, label in
        "<option value=\"\(escapeHTML(value))\"\(submitted[name] == value ? " selected" : "")>\(escapeHTML(label))</option>"
      }.joined() + "</select>"
    }
    func text(_ name: String) -> String {
      "<input type=\"text\" name=\"\(name)\" id=\"\(name.replacing(":", with: "-"))\" value=\"\(escapeHTML(submitted[name] ?? ""))\">"
    }
    let messages = errors["initial_backlog"] ?? []
    var html = legend + "<p class=\"note\">\(escapeHTML(t(.addBacklogHint)))</p>"
    html += "<div class=\"field\(messages.isEmpty ? "" : " invalid")\"><label for=\"b-count\">\(escapeHTML(t(.pendingCount)))</label> \(text("b:count"))</div>"
    html += "<div class=\"field\"><label for=\"b-procedure\">\(escapeHTML(t(.procedure)))</label> "
      + select("b:procedure", scenario.procedures.map { ($0.id, $0.name) }) + "</div>"
    if scenario.centres.count > 1 {
      html += "<div class=\"field\"><label for=\"b-centre\">\(escapeHTML(t(.centre(""))).trimmingSpaces)</label> "
        + select("b:centre", scenario.centres.map { ($0.id, $0.id) }) + "</div>"
    }
    html += "<div class=\"field\"><label for=\"b-age\">\(escapeHTML(t(.field(.ageWorkingDays))))</label> \(text("b:age"))</div>"
    for message in messages { html += "<div class=\"error\" id=\"backlog-error\">\(escapeHTML(message))</div>" }
    return html + "</fieldset>"
  }

  /// Crews are shown under their pool.
  private static func group(_ scope: ScenarioLever.Scope) -> ScenarioLever.Scope {
    if case .crew(let centre, let kind, let pool, _) = scope { return .pool(centre: centre, kind: kind, id: pool) }
    return scope
  }

  private func legend(_ scope: ScenarioLever.Scope, _ t: Language, _ scenario: Scenario?) -> String {
    func centreName(_ id: String) -> String { id }
    switch scope {
    case .scenario: return t(.horizonAndCalendar)
    case .centre(let id): return t(.centre(centreName(id)))
    case .pool(let centre, let kind, let id):
      let pool = kind == .counter ? t(.counterPool(id)) : t(.backOfficePool(id))
      return scenario.map { $0.centres.count > 1 } == true ? "\(centreName(centre)) · \(pool)" : pool
    case .crew: return ""
    case .procedure(let id): return id
    case .outage(let id): return t(.outage(id))
    case .backlog(let index):
      let row = document.backlogRow(index)
      let procedure = row.procedure.map { id in scenario?.procedures.first { $0.id == id }?.name ?? id } ?? ""
      return t(.backlogRow(procedure: procedure, centre: row.centre))
    }
  }

  private func field(_ lever: ScenarioLever, _ t: Language) -> String {
    let messages = errors[lever.keyPath] ?? []
    let id = Self.domID(lever.keyPath)
    let label = if case .backlog = lever.scope, lever.field == "count" { t(.pendingCount) } else { t(.field(FormField(rawValue: lever.field)!)) }
    var html = "<div class=\"field\(messages.isEmpty ? "" : " invalid")\"><label for=\"\(id)\">"
      + "\(escapeHTML(label))</label> " + input(lever, t, labelled: true)
    if lever.value.hasPrefix("[") { html += " <span class=\"note\">\(escapeHTML(t(.listHint)))</span>" }
    if CivilDate(iso: lever.value) != nil { html += " <span class=\"note\">\(escapeHTML(t(.dateHint)))</span>" }
    for message in messages { html += "<div class=\"error\" id=\"\(id)-error\">\(escapeHTML(message))</div>" }
    return html + "</div>"
  }

  private func input(_ lever: ScenarioLever, _ t: Language, labelled: Bool) -> String {
    let value = submitted[lever.keyPath].map { Self.shownValue($0, t) } ?? Self.shownValue(lever.value, t)
    let invalid = errors[lever.keyPath] != nil
    return "<input type=\"text\"\(lever.value.hasPrefix("[") ? " class=\"wide\"" : "") id=\"\(Self.domID(lever.keyPath))\" name=\"\(escapeHTML(Self.name(lever)))\" value=\"\(escapeHTML(value))\""
      + (labelled ? "" : " aria-label=\"\(escapeHTML(lever.keyPath))\"") + (invalid ? " aria-invalid=\"true\"" : "")
      + " data-key=\"\(escapeHTML(lever.keyPath))\">"
      + (!labelled && invalid ? (errors[lever.keyPath] ?? []).map { "<div class=\"error\">\(escapeHTML($0))</div>" }.joined() : "")
  }

  /// An element id for a key path: letters and digits kept, anything else `-`.
  static func domID(_ keyPath: String) -> String {
    "f-" + String(keyPath.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "-" })
  }
}

extension String {
  fileprivate func replacingOccurrences(_ a: Character, _ b: Character) -> String { String(map { $0 == a ? b : $0 }) }
}
