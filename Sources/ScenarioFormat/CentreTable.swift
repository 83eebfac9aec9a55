//===----------------------------------------------------------------------===//
// A table of centres (as a spreadsheet exports it) made into a city scenario.
//===----------------------------------------------------------------------===//

import Yams

extension ScenarioDocument {
  /// The columns of a table of centres: `id`, `daily_volume`, `counter_staff` and
  /// `back_office_staff`, every one required.
  public static let centreTableColumns = ["id", "daily_volume", "counter_staff", "back_office_staff"]

  /// This scenario as a city named `name` whose centres are the rows of `csv` (a table
  /// of centres, read from `file`): each centre is this scenario's `centre` with the
  /// row's id, daily volume and staff. Every bad row is reported at its line and column.
  public func city(name: String, centres csv: String, file: String) throws(ScenarioError) -> ScenarioDocument {
    var issues: [ScenarioIssue] = []
    /// A cell as the YAML scalar it would be in a file (so `300` reads as a number).
    func scalar(_ text: String) -> Node { ((try? Yams.compose(yaml: text)) ?? nil).flatMap { $0.scalar != nil ? $0 : nil } ?? Node(text) }
    func problem(_ line: Int, _ column: Int, _ key: String, _ expected: String, _ found: String, _ code: ScenarioIssue.Code = .wrongType) {
      issues.append(ScenarioIssue(.error, code, at: SourcePosition(file: file, line: line, column: column), keyPath: key,
                                  expected: expected, found: found))
    }
    guard var top = root.mapping, case .mapping(let template)? = top["centre"] else {
      throw ScenarioError(issues: [ScenarioIssue(.error, .missingKey, at: nil, keyPath: "centre",
                                                 expected: "a base scenario with one 'centre' to copy for every row", found: "none")])
    }
    let table = CSVReader(csv)
    if let bad = table.problem { problem(bad.line, bad.column, "", "a CSV table", bad.text, .malformedYAML) }
    let unknown = table.header.filter { !Self.centreTableColumns.contains($0) }
    let missing = Self.centreTableColumns.filter { !table.header.contains($0) }
    if !unknown.isEmpty || !missing.isEmpty {
      problem(1, 1, "", "the columns \(Self.centreTableColumns.joined(separator: ", "))",
              "\(missing.isEmpty ? "" : "no \(missing.joined(separator: ", "))")\(!missing.isEmpty && !unknown.isEmpty ? "; " : "")"
                + "\(unknown.isEmpty ? "" : "unknown \(unknown.map { "'\(String($0.prefix(40)))'" }.joined(separator: ", "))")")
      throw ScenarioError(issues: issues)
    }
    if table.rows.isEmpty { problem(2, 1, "", "at least one centre", "no rows", .missingKey) }
    var list: [Node] = []
    var seen: [String: Int] = [:]
    for row in table.rows {
      func field(_ name: String) -> CSVReader.Field? { table.column(name).flatMap { row[$0] } }
      var centre = template
      for key in ["counters", "back_office", "counter_staff", "back_office_staff"] { centre[Node(key)] = nil }
      guard let id = field("id"), !id.text.isEmpty else {
        problem(row.line, 1, "id", "a centre id", "an empty cell")
        continue
      }
      if let first = seen[id.text] {
        problem(id.line, id.column, "id", "a new centre id", "'\(String(id.text.prefix(40)))', already on line \(first)", .duplicateIdentifier)
      }
      seen[id.text] = id.line
      centre[Node("id")] = Node(id.text)
      if let volume = field("daily_volume") {
        if let value = Double(volume.text), value.isFinite, value > 0 {
          var arrivals = centre[Node("arrivals")]?.mapping ?? Node.Mapping([])
          arrivals[Node("daily_volume")] = scalar(volume.text)
          centre[Node("arrivals")] = .mapping(arrivals)
        } else {
          problem(volume.line, volume.column, "daily_volume", "a positive number of dossiers a working day", "'\(String(volume.text.prefix(40)))'")
        }
      }
      for key in ["counter_staff", "back_office_staff"] {
        guard let cell = field(key) else { continue }
        if let count = Int(cell.text), count >= 1 {
          centre[Node(key)] = scalar(String(count))
        } else {
          problem(cell.line, cell.column, key, "a whole number of staff, at least 1", "'\(String(cell.text.prefix(40)))'")
        }
      }
      list.append(.mapping(centre))
    }
    guard issues.isEmpty else { throw ScenarioError(issues: issues) }
    top[Node("centre")] = nil
    // A name holds no spaces (it names the output folder): "Thành phố Huế" is "Thành-phố-Huế".
    top[Node("name")] = Node(name.split(whereSeparator: \.isWhitespace).joined(separator: "-"))
    top[Node("centres")] = .mapping(Node.Mapping([(Node("list"), .sequence(Node.Sequence(list)))]))
    var city = ScenarioDocument(file: self.file, sha256: SHA256.hex(Array(csv.utf8) + Array(sha256.utf8)), root: .mapping(top))
    city.confinesDataFiles = confinesDataFiles
    return city
  }
}
