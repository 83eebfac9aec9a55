//===----------------------------------------------------------------------===//
// Tidy CSV tables.
//===----------------------------------------------------------------------===//

/// A CSV table: a header row and data rows (RFC 4180 quoting, `\n` line ends).
///
/// Undefined numbers (NaN) are written as empty fields, which pandas reads as NaN and R
/// as NA.
///
/// Text that a spreadsheet would run as a formula is neutralised as OWASP advises
/// against [CSV injection](https://owasp.org/www-community/attacks/CSV_Injection): a
/// field (header or row) that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
/// is written with a leading `'` (then quoted if it must be), unless it is a number.
/// A number here is what ``field(_:)`` and `String(Int)` write: a sign, digits, a point
/// and an exponent that `Double` parses (`-3.5`, `-1e-05`, `-12`), or `-inf`; such
/// fields are written as they are. The rows keep the values as appended: the guard is
/// applied when rendering.
public struct CSVTable: Sendable {
  /// Column names.
  public var columns: [String]
  /// Rows of already-formatted fields.
  public private(set) var rows: [[String]] = []

  /// An empty table with `columns`.
  public init(columns: [String]) { self.columns = columns }

  /// Appends a row; it must have one field per column.
  public mutating func append(_ fields: [String]) {
    precondition(fields.count == columns.count, "CSV row has \(fields.count) fields for \(columns.count) columns")
    rows.append(fields)
  }

  /// A field for `value`: empty when NaN.
  public static func field(_ value: Double) -> String { value.isNaN ? "" : formatNumber(value) }

  /// The CSV text.
  public func rendered() -> String {
    var out = TextBuffer()
    Self.append(columns, to: &out)
    for row in rows { Self.append(row, to: &out) }
    return out.text
  }

  static func append(_ row: [String], to out: inout TextBuffer) {
    for (i, field) in row.enumerated() {
      if i > 0 { out.append(ascii: UInt8(ascii: ",")) }
      append(field, to: &out)
    }
    out.append(ascii: UInt8(ascii: "\n"))
  }

  /// `field` as written in a CSV file: guarded against formulas and quoted as
  /// ``rendered()`` writes it (for writers that build CSV lines themselves).
  static func escaped(_ field: String) -> String {
    var field = field
    let isPlain = field.withUTF8 { utf8 in
      !(utf8.first.map(Self.startsFormula) ?? false) && !utf8.contains(where: Self.needsQuotes)
    }
    if isPlain { return field }
    var out = TextBuffer()
    append(field, to: &out)
    return out.text
  }

  /// A field as is, or quoted with its quotes doubled when it holds a comma, a quote or a
  /// line break (tested byte by byte: as a `Character`, "\r\n" is neither "\r" nor "\n");
  /// with a leading `'` when it would start a formula.
  private static func append(_ field: String, to out: inout TextBuffer) {
    var field = field
    field.withUTF8 { utf8 in
      let guarded = utf8.first.map(Self.startsFormula) == true && !isNumber(utf8)
      guard utf8.contains(where: Self.needsQuotes) else {
        if guarded { out.append(ascii: UInt8(ascii: "'")) }
        out.append(utf8)
        return
      }
      out.append(ascii: 0x22)
      if guarded { out.append(ascii: UInt8(ascii: "'")) }
      for byte in utf8 {
        out.append(ascii: byte)
        if byte == 0x22 { out.append(ascii: 0x22) }
      }
      out.append(ascii: 0x22)
    }
  }

  /// A comma, a quote or a line break.
  private static func needsQuotes(_ byte: UInt8) -> Bool { byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D }

  /// `=`, `+`, `-`, `@`, tab or carriage return: a spreadsheet reads a cell starting so
  /// as a formula.
  private static func startsFormula(_ byte: UInt8) -> Bool {
    byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
  }

  /// Whether `utf8` is a number as ``field(_:)`` or `String(Int)` writes it.
  private static func isNumber(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    let text = String(decoding: utf8, as: UTF8.self)
    if text == "-inf" { return true }
    let allowed = utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x65 || $0 == 0x45 || $0 == 0x2B || $0 == 0x2D }
    return allowed && Double(text) != nil
  }
}

/// A CSV file written row by row, in pieces of about 64 KB, for tables too long to hold
/// (one row per replication): the same text ``CSVTable/rendered()`` gives.
public struct CSVStream {
  private let file: AtomicFile.Pending
  private let width: Int
  private var out = TextBuffer()

  /// Starts `file` with the header `columns`.
  public init(columns: [String], to file: AtomicFile.Pending) {
    self.file = file
    width = columns.count
    CSVTable.append(columns, to: &out)
  }

  /// Appends a row; it must have one field per column.
  public mutating func append(_ fields: [String]) throws(OutputError) {
    precondition(fields.count == width, "CSV row has \(fields.count) fields for \(width) columns")
    CSVTable.append(fields, to: &out)
    if out.count >= 1 << 16 { try out.flush(to: file) }
  }

  /// Writes what is left.
  public mutating func finish() throws(OutputError) { try out.flush(to: file) }
}
