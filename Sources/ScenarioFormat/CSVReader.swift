//===----------------------------------------------------------------------===//
// Reading CSV files exported by other software, with every field located.
//===----------------------------------------------------------------------===//

/// A CSV text split into rows and fields, each field with the line and column it starts
/// at, so that a problem in an exported table is reported at its cell.
///
/// Reads RFC 4180 CSV as spreadsheets and the centres' software export it: fields
/// separated by commas (or by semicolons, when the header has semicolons and no commas, as
/// spreadsheets set to a Vietnamese or European locale write them), optionally quoted with
/// `"` (a quote inside doubled), quoted fields may hold separators and line breaks; LF or
/// CRLF line ends; a UTF-8 byte-order mark is ignored; blank lines are skipped. Spaces
/// around unquoted fields are trimmed.
public struct CSVReader: Sendable {
  /// One field and where it starts (1-based line and column, in characters).
  public struct Field: Sendable, Hashable {
    public var text: String
    public var line: Int
    public var column: Int
  }

  /// One row: its fields, and the line it starts on.
  public struct Row: Sendable, Hashable {
    public var fields: [Field]
    public var line: Int

    /// The field at `index`, or `nil` beyond the row's end.
    public subscript(index: Int) -> Field? { index < fields.count ? fields[index] : nil }
  }

  /// The first row, lower-cased and trimmed (column names).
  public let header: [String]
  /// The header row as read.
  public let headerRow: Row?
  /// The rows after the header.
  public let rows: [Row]
  /// The field separator found.
  public let separator: Character
  /// Where the text stopped making sense (a quote left open), if anywhere.
  public let problem: (line: Int, column: Int, text: String)?

  /// Splits `text`.
  public init(_ text: String) {
    var source = Substring(text)
    if source.hasPrefix("\u{FEFF}") { source = source.dropFirst() }
    let firstLine = source.prefix { $0 != "\n" && $0 != "\r\n" }
    let separator: Character = !firstLine.contains(",") && firstLine.contains(";") ? ";" : ","
    var rows: [Row] = []
    var fields: [Field] = []
    var current = ""
    var quoted = false
    var inQuotes = false
    var line = 1, column = 1
    var rowLine = 1
    var fieldLine = 1, fieldColumn = 1
    var problem: (line: Int, column: Int, text: String)?
    var quoteLine = 1, quoteColumn = 1
    func endField() {
      fields.append(Field(text: quoted ? current : current.trimming(" \t"), line: fieldLine, column: fieldColumn))
      current = ""
      quoted = false
    }
    func endRow() {
      endField()
      if !(fields.count == 1 && fields[0].text.isEmpty && !quoted) { rows.append(Row(fields: fields, line: rowLine)) }
      fields = []
    }
    var iterator = source.makeIterator()
    var pending: Character? = nil
    var atFieldStart = true
    while let character = pending ?? iterator.next() {
      pending = nil
      if inQuotes {
        if character == "\"" {
          let next = iterator.next()
          if next == "\"" {
            current.append("\"")
            column += 2
            continue
          }
          inQuotes = false
          column += 1
          pending = next
          continue
        }
        current.append(character)
        if character == "\n" || character == "\r\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
        continue
      }
      if atFieldStart {
        fieldLine = line
        fieldColumn = column
        atFieldStart = false
      }
      switch character {
      case "\"" where current.allSatisfy({ $0 == " " || $0 == "\t" }):
        current = ""
        quoted = true
        inQuotes = true
        quoteLine = line
        quoteColumn = column
        column += 1
      case separator:
        endField()
        column += 1
        atFieldStart = true
      case "\n", "\r\n", "\r":
        endRow()
        line += 1
        column = 1
        rowLine = line
        atFieldStart = true
      default:
        current.append(character)
        column += 1
      }
    }
    if inQuotes {
      problem = (quoteLine, quoteColumn, "a quoted field that is never closed")
    }
    if !fields.isEmpty || !current.isEmpty || quoted { endRow() }
    self.separator = separator
    self.problem = problem
    self.headerRow = rows.first
    self.header = rows.first?.fields.map { $0.text.trimming(" \t").lowercased() } ?? []
    self.rows = Array(rows.dropFirst())
  }

  /// The position of the column named `name` (case-insensitive), if the header has it.
  public func column(_ name: String) -> Int? { header.firstIndex(of: name.lowercased()) }
}

extension String {
  /// The string without leading and trailing characters of `set`.
  func trimming(_ set: String) -> String {
    var scalars = Substring(self)
    while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
    while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
    return String(scalars)
  }
}
