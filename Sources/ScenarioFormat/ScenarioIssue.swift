//===----------------------------------------------------------------------===//
// Problems found in a scenario file, as data.
//===----------------------------------------------------------------------===//

/// A place in a scenario file (1-based line and column), or a command-line argument
/// (line and column 0, shown as the argument alone).
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The file as the user named it.
  public var file: String
  /// Line, from 1.
  public var line: Int
  /// Column, from 1.
  public var column: Int
  /// How the position reads: a text file's line and column, or a spreadsheet's cell.
  public var notation: Notation

  /// How a position is written.
  public enum Notation: Sendable, Hashable {
    /// `file:line:column`, for text files (YAML, CSV).
    case text
    /// `file, cell C3`: `line` is the row and `column` the column (1 is A), for a
    /// spreadsheet.
    case cell
  }

  /// A position in `file`.
  public init(file: String, line: Int, column: Int, notation: Notation = .text) {
    self.file = file
    self.line = line
    self.column = column
    self.notation = notation
  }

  /// A command-line argument (`--set 'key=value'`), which has no line or column.
  public static func argument(_ text: String) -> SourcePosition { SourcePosition(file: text, line: 0, column: 0) }

  /// `file:line:column` (`file, cell C3` in a spreadsheet), or the argument alone.
  public var description: String {
    line == 0 ? file : notation == .cell ? "\(file), cell \(Self.cellName(row: line, column: column))" : "\(file):\(line):\(column)"
  }

  /// A spreadsheet cell's name: row 3, column 2 is `B3`.
  public static func cellName(row: Int, column: Int) -> String {
    var n = max(column, 1)
    var letters = ""
    while n > 0 {
      letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters
      n = (n - 1) / 26
    }
    return "\(letters)\(row)"
  }

  public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
    (a.file, a.line, a.column) < (b.file, b.line, b.column)
  }
}

/// One problem with a scenario: where it is, which key, what was expected and found.
public struct ScenarioIssue: Sendable, Hashable, CustomStringConvertible {
  /// Whether the scenario can still run.
  public enum Severity: String, Sendable, Hashable {
    /// The scenario is rejected.
    case error
    /// The scenario runs, but something looks wrong.
    case warning
  }

  /// A stable classification, for tools and tests.
  public enum Code: String, Sendable, Hashable {
    /// The file cannot be read.
    case unreadableFile
    /// The text is not well-formed YAML.
    case malformedYAML
    /// A key the schema does not know.
    case unknownKey
    /// A required key is absent.
    case missingKey
    /// A value of the wrong kind (a list where a number is expected ...).
    case wrongType
    /// A number or count outside its allowed range.
    case outOfRange
    /// Procedure shares that do not add up to 1.
    case sharesDoNotSumToOne
    /// A reference to a procedure (or other item) that does not exist.
    case unknownReference
    /// Two items with the same identifier.
    case duplicateIdentifier
    /// A date, time or interval that cannot be read.
    case invalidDate
    /// Opening intervals that overlap or are out of order.
    case overlappingIntervals
    /// A distribution with invalid parameters.
    case invalidDistribution
    /// Part of the model that can never do its work (no staff, never open ...).
    case unservable
  }

  /// Error or warning.
  public var severity: Severity
  /// What kind of problem.
  public var code: Code
  /// Where in the file (nil when the file could not be read).
  public var position: SourcePosition?
  /// The key path, e.g. `procedures[2].counter_time.lognormal.sd`.
  public var keyPath: String
  /// What a valid value looks like.
  public var expected: String
  /// What the file has.
  public var found: String
  /// A suggestion ("did you mean 'daily_volume'?").
  public var hint: String?

  /// A problem at `keyPath`.
  public init(
    _ severity: Severity = .error, _ code: Code, at position: SourcePosition?, keyPath: String,
    expected: String, found: String, hint: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.position = position
    self.keyPath = keyPath
    self.expected = expected
    self.found = found
    self.hint = hint
  }

  /// Compiler-style: `file:line:col: error: key.path: expected X, found Y (hint)`.
  public var description: String {
    var text = position.map { "\($0): " } ?? ""
    text += "\(severity.rawValue): "
    if !keyPath.isEmpty { text += "\(keyPath): " }
    text += "expected \(expected), found \(found)"
    if let hint { text += " (\(hint))" }
    return text
  }
}

/// A scenario that cannot be run, with every problem found in it.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
  /// All problems, errors and warnings, sorted by position.
  public var issues: [ScenarioIssue]

  /// An error made of `issues`.
  public init(issues: [ScenarioIssue]) {
    self.issues = issues.sorted { ($0.position?.line ?? 0, $0.position?.column ?? 0) < ($1.position?.line ?? 0, $1.position?.column ?? 0) }
  }

  /// The problems that prevent a run.
  public var errors: [ScenarioIssue] { issues.filter { $0.severity == .error } }

  /// One line per problem.
  public var description: String { issues.map(\.description).joined(separator: "\n") }
}
