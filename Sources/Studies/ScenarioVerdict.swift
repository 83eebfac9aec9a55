//===----------------------------------------------------------------------===//
// `onestop validate`: whether a scenario file loads, and every problem it has.
//===----------------------------------------------------------------------===//

import CentreModel
import Reporting
import ScenarioFormat

/// A scenario file checked without running it: loaded with the study's changes, or
/// refused, with every issue found (errors and warnings).
public struct ScenarioVerdict: Sendable {
  /// The file as named.
  public var file: String
  /// The scenario, when it is valid.
  public var loaded: LoadedScenario?
  /// Every error and warning, in the loader's order.
  public var issues: [ScenarioIssue]
  public var isValid: Bool { loaded != nil }

  /// Reads `path` (with `read`: by default the file) and loads it with `changes`.
  public static func check(_ path: String, changes: ScenarioChanges,
                           reading read: (String) throws(ScenarioError) -> ScenarioDocument = { (p: String) throws(ScenarioError) in
                             try ScenarioDocument.read(path: p)
                           }) -> ScenarioVerdict {
    do throws(ScenarioError) {
      let loaded = try changes.load(read(path))
      return ScenarioVerdict(file: path, loaded: loaded, issues: loaded.warnings)
    } catch {
      return ScenarioVerdict(file: path, loaded: nil, issues: error.issues)
    }
  }

  /// What `onestop validate --json` prints for the file: whether it is valid, its size
  /// when it is, and every issue with its position, key path, expected and found.
  public func json() -> JSONValue {
    var members: [(String, JSONValue)] = [("file", .string(file)), ("valid", .bool(isValid))]
    if let loaded {
      let s = loaded.scenario
      members += [("scenario_sha256", .string(loaded.sha256)), ("name", .string(s.name)), ("centres", .number(Double(s.centres.count))),
                  ("procedures", .number(Double(s.procedures.count))), ("days", .number(Double(s.horizon.days)))]
    }
    members.append(("issues", .array(issues.map(Self.json))))
    return .object(members)
  }

  /// An issue as JSON: its position (line and column, or a spreadsheet's cell), key path,
  /// expected, found, hint, and the message as printed.
  static func json(_ issue: ScenarioIssue) -> JSONValue {
    var line = JSONValue.null, column = JSONValue.null, cell = JSONValue.null
    if let p = issue.position, p.line > 0 {
      if p.notation == .cell {
        cell = .string(SourcePosition.cellName(row: p.line, column: p.column))
      } else {
        line = .number(Double(p.line))
        column = .number(Double(p.column))
      }
    }
    let file: JSONValue = issue.position.map { .string($0.file) } ?? .null
    let hint: JSONValue = issue.hint.map { .string($0) } ?? .null
    return .object([
      ("severity", .string(issue.severity.rawValue)), ("code", .string(issue.code.rawValue)), ("file", file),
      ("line", line), ("column", column), ("cell", cell), ("key_path", .string(issue.keyPath)), ("expected", .string(issue.expected)),
      ("found", .string(issue.found)), ("hint", hint), ("message", .string(issue.description)),
    ])
  }
}
