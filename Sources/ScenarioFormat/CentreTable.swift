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
    let table = CSVReader(csv)
    return try city(name: name, table: CentreTable(header: table.header, headerLine: table.headerRow?.line ?? 1, rows: table.rows,
                                                   problem: table.problem, notation: .text, source: Array(csv.utf8)), file: file)
  }

  /// This scenario as a city named `name` whose centres are `rows` (the cell texts of a
  /// spreadsheet's table of centres, read from `file`: `rows[i][j]` is row `i + 1`,
  /// column `j + 1`, as the `Spreadsheet` library reads an XLSX file). The same city as
  /// ``city(name:centres:file:)`` makes of the same table as CSV; a bad cell is reported
  /// by its name (`centres.xlsx, cell C3`). Cells are trimmed of spaces and tabs, and
  /// empty rows skipped; the first row that is not empty is the header.
  public func city(name: String, rows: [[String]], file: String) throws(ScenarioError) -> ScenarioDocument {
    var read: [CSVReader.Row] = []
    var source: [UInt8] = []
    for (i, cells) in rows.enumerated() {
      let fields = cells.enumerated().map { j, text in CSVReader.Field(text: text.trimming(" \t"), line: i + 1, column: j + 1) }
      source += Array(cells.joined(separator: "\u{1F}").utf8) + [0x1E]
      if fields.contains(where: { !$0.text.isEmpty }) { read.append(CSVReader.Row(fields: fields, line: i + 1)) }
    }
    let header = read.first
    // A spreadsheet leaves out a row's trailing empty cells; here they are empty cells, as in CSV.
    let width = header?.fields.count ?? 0
    for k in read.indices.dropFirst() where read[k].fields.count < width {
      read[k].fields += (read[k].fields.count..<width).map { CSVReader.Field(text: "", line: read[k].line, column: $0 + 1) }
    }
    return try city(name: name, table: CentreTable(header: header?.fields.map { $0.text.lowercased() } ?? [], headerLine: header?.line ?? 1,
                                                   rows: Array(read.dropFirst()), problem: nil, notation: .cell, source: source), file: file)
  }

  /// A table of centres however it was read: its column names (lower-case), the line
  /// or row of the header, the rows after it, and what to hash for the city's digest.
  private struct CentreTable {
    var header: [String]
    var headerLine: Int
    var rows: [CSVReader.Row]
    var problem: (line: Int, column: Int, text: String)?
    var notation: SourcePosition.Notation
    var source: [UInt8]

    func column(_ name: String) -> Int? { header.firstIndex(of: name) }
  }

  /// The city of `table`: the one implementation behind the CSV and the spreadsheet entry points.
  private func city(name: String, table: CentreTable, file: String) throws(ScenarioError) -> ScenarioDocument {
    var issues: [ScenarioIssue] = []
    let lineWord = table.notation == .cell ? "row" : "line"
    /// A cell as the YAML scalar it would be in a file (so `300` reads as a number).
    func scalar(_ text: String) -> Node { ((try? Yams.compose(yaml: text, .default, .default, .utf8)) ?? nil).flatMap { $0.scalar != nil ? $0 : nil } ?? Node(text) }
    func problem(_ line: Int, _ column: Int, _ key: String, _ expected: String, _ found: String, _ code: ScenarioIssue.Code = .wrongType) {
      issues.append(ScenarioIssue(.error, code, at: SourcePosition(file: file, line: line, column: column, notation: table.notation), keyPath: key,
                                  expected: expected, found: found))
    }
    guard var top = root.mapping, case .mapping(let template)? = top["centre"] else {
      throw ScenarioError(issues: [ScenarioIssue(.error, .missingKey, at: nil, keyPath: "centre",
                                                 expected: "a base scenario with one 'centre' to copy for every row", found: "none")])
    }
    if let bad = table.problem { problem(bad.line, bad.column, "", "a CSV table", bad.text, .malformedYAML) }
    let unknown = table.header.filter { !Self.centreTableColumns.contains($0) }
    let missing = Self.centreTableColumns.filter { !table.header.contains($0) }
    if !unknown.isEmpty || !missing.isEmpty {
      problem(table.headerLine, 1, "", "the columns \(Self.centreTableColumns.joined(separator: ", "))",
              "\(missing.isEmpty ? "" : "no \(missing.joined(separator: ", "))")\(!missing.isEmpty && !unknown.isEmpty ? "; " : "")"
                + "\(unknown.isEmpty ? "" : "unknown \(unknown.map { "'\(String($0.prefix(40)))'" }.joined(separator: ", "))")")
      throw ScenarioError(issues: issues)
    }
    if table.rows.isEmpty { problem(table.headerLine + 1, 1, "", "at least one centre", "no rows", .missingKey) }
    var list: [Node] = []
    var positions: [String: SourcePosition] = [:]
    func cell(_ field: CSVReader.Field) -> SourcePosition {
      SourcePosition(file: file, line: field.line, column: field.column, notation: table.notation)
    }
    var seen: [String: Int] = [:]
    for row in table.rows {
      func field(_ name: String) -> CSVReader.Field? { table.column(name).flatMap { row[$0] } }
      var centre = template
      for key in ["counters", "back_office", "counter_staff", "back_office_staff"] { centre[Node(key)] = nil }
      guard let id = field("id"), !id.text.isEmpty else {
        problem(row.line, field("id")?.column ?? 1, "id", "a centre id", "an empty cell")
        continue
      }
      if let first = seen[id.text] {
        problem(id.line, id.column, "id", "a new centre id", "'\(String(id.text.prefix(40)))', already on \(lineWord) \(first)", .duplicateIdentifier)
      }
      seen[id.text] = id.line
      centre[Node("id")] = Node(id.text)
      // Where the loader's issues with this centre's cells are reported (its nodes have no marks).
      let key = "centres.list[\(list.count)]"
      positions[key] = SourcePosition(file: file, line: row.line, column: 1, notation: table.notation)
      positions[key + ".id"] = cell(id)
      if let volume = field("daily_volume") { positions[key + ".arrivals.daily_volume"] = cell(volume) }
      for name in ["counter_staff", "back_office_staff"] { if let c = field(name) { positions[key + "." + name] = cell(c) } }
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
    var city = ScenarioDocument(file: self.file, sha256: SHA256.hex(table.source + Array(sha256.utf8)), root: .mapping(top))
    city.confinesDataFiles = confinesDataFiles
    city.tablePositions = positions
    return city
  }
}
