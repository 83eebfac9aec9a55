//===----------------------------------------------------------------------===//
// Why an XLSX file could not be read.
//===----------------------------------------------------------------------===//

/// An XLSX file that cannot be read as a workbook: what was expected and what was
/// found, and where (the part of the ZIP, such as `xl/worksheets/sheet1.xml`, and the
/// line in it for malformed XML).
public struct XLSXError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of problem, for tools and tests.
  public enum Code: String, Sendable, Hashable {
    /// The bytes are not a ZIP archive (or a truncated or damaged one).
    case notZIP
    /// A ZIP archive without the parts of a workbook.
    case notWorkbook
    /// The workbook names no worksheet, or a worksheet part that is not there.
    case missingSheet
    /// A part whose XML is not well-formed (or not UTF-8, or has a DOCTYPE).
    case malformedXML
    /// XML that is well-formed but not what SpreadsheetML writes there (a shared
    /// string index out of range, a bad cell reference ...).
    case unexpectedContent
    /// The parts read would inflate beyond the limit (a ZIP bomb, or too large a sheet).
    case tooLarge
  }

  /// What kind of problem.
  public var code: Code
  /// The part of the archive (and line), or `nil` for the archive as a whole.
  public var part: String?
  /// What a readable workbook has there.
  public var expected: String
  /// What the file has.
  public var found: String

  /// A problem in `part`.
  public init(_ code: Code, part: String?, expected: String, found: String) {
    self.code = code
    self.part = part
    self.expected = expected
    self.found = found
  }

  /// `xl/worksheets/sheet1.xml, line 3: expected ..., found ...`.
  public var description: String { "\(part.map { "\($0): " } ?? "")expected \(expected), found \(found)" }
}
