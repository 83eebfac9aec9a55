//===----------------------------------------------------------------------===//
// Loading a scenario file.
//===----------------------------------------------------------------------===//

import CentreModel
import Foundation
import Yams

/// A scenario read from a file, with what is needed to cite it.
public struct LoadedScenario: Sendable {
  /// The validated scenario.
  public var scenario: Scenario
  /// Problems that do not prevent a run.
  public var warnings: [ScenarioIssue]
  /// The file as named by the user.
  public var file: String
  /// SHA-256 of the file's bytes, lowercase hex.
  public var sha256: String
}

/// Reads YAML scenario files into validated ``Scenario`` values.
///
/// Every problem in the file is reported, each with its file, line, column, key path,
/// what was expected and what was found; nothing is half-accepted. See
/// `ScenarioFileFormat.md` (and `README.md`) for the schema.
public enum ScenarioLoader {
  /// Loads and validates the scenario at `path`, with `overrides` applied first.
  public static func load(path: String, overrides: [Override] = []) throws(ScenarioError) -> LoadedScenario {
    try ScenarioDocument.read(path: path).load(overrides: overrides)
  }

  /// Loads and validates a scenario from YAML text, with `overrides` applied first;
  /// `file` names it in messages. Problems in an override's value are reported at the
  /// command line (`--set 'key=value'`) rather than in the file.
  public static func load(yaml: String, file: String, overrides: [Override] = []) throws(ScenarioError) -> LoadedScenario {
    try ScenarioDocument.parse(yaml: yaml, file: file).load(overrides: overrides)
  }

  /// Issues without a position inside an override's value are reported at that override.
  static func locate(_ issues: [ScenarioIssue], _ overrides: [(path: String, override: Override)]) -> [ScenarioIssue] {
    issues.map { issue in
      guard issue.position == nil,
        let match = overrides.last(where: { issue.keyPath == $0.path || issue.keyPath.hasPrefix($0.path + ".")
          || issue.keyPath.hasPrefix($0.path + "[") })
      else { return issue }
      var located = issue
      located.position = match.override.origin
      return located
    }
  }

  /// A located issue for a YAML syntax error.
  static func syntaxIssue(_ error: Error, file: String) -> ScenarioIssue {
    func issue(_ line: Int, _ column: Int, _ problem: String) -> ScenarioIssue {
      ScenarioIssue(.error, .malformedYAML, at: SourcePosition(file: file, line: line, column: column),
                    keyPath: "", expected: "well-formed YAML", found: problem)
    }
    switch error as? YamlError {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let where_ = context.map { " \($0.text)" } ?? ""
      return issue(mark.line, mark.column, "\(problem)\(where_)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return issue(context.mark.line, context.mark.column,
                   "the key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) twice in one mapping")
    case .reader(let problem, let offset, let value, let yaml):
      // A character the YAML reader refuses (a control character ...), located by its offset.
      let (line, column) = offset.map { position(ofCharacter: $0, in: yaml) } ?? (1, 1)
      let character = value >= 0 ? " (U+\(String(value, radix: 16, uppercase: true)))" : ""
      return issue(line, column, "\(problem)\(character)")
    default:
      return issue(1, 1, "\(error)")
    }
  }

  /// The line and column (counted in Unicode scalars, as Yams counts them) of the
  /// character at `offset`.
  static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for character in text.prefix(offset) {
      if character.isNewline {
        line += 1
        column = 1
      } else {
        column += character.unicodeScalars.count
      }
    }
    return (line, column)
  }
}
