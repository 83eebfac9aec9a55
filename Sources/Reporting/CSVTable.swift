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
    var out = columns.map(Self.escape).joined(separator: ",") + "\n"
    for row in rows { out += row.map(Self.escape).joined(separator: ",") + "\n" }
    return out
  }

  private static func escape(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacing("\"", with: "\"\"") + "\""
  }
}
