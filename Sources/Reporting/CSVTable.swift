//===----------------------------------------------------------------------===//
// Tidy CSV tables.
//===----------------------------------------------------------------------===//

/// A CSV table: a header row and data rows (RFC 4180 quoting, `\n` line ends).
///
/// Undefined numbers (NaN) are written as empty fields, which pandas reads as NaN and R
/// as NA.
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

  private static func append(_ row: [String], to out: inout TextBuffer) {
    for (i, field) in row.enumerated() {
      if i > 0 { out.append(ascii: UInt8(ascii: ",")) }
      append(field, to: &out)
    }
    out.append(ascii: UInt8(ascii: "\n"))
  }

  /// A field as is, or quoted with its quotes doubled when it holds a comma, a quote or a
  /// line break (tested byte by byte: as a `Character`, "\r\n" is neither "\r" nor "\n").
  private static func append(_ field: String, to out: inout TextBuffer) {
    var field = field
    field.withUTF8 { utf8 in
      guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
        out.append(utf8)
        return
      }
      out.append(ascii: 0x22)
      for byte in utf8 {
        out.append(ascii: byte)
        if byte == 0x22 { out.append(ascii: 0x22) }
      }
      out.append(ascii: 0x22)
    }
  }
}
