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
  /// The largest scenario file read (a city of 5,000 centres written out is a few MiB).
  static let fileLimit = 64 << 20

  /// Loads and validates the scenario at `path`, with `overrides` applied first.
  public static func load(path: String, overrides: [Override] = []) throws(ScenarioError) -> LoadedScenario {
    // Only a regular file of bounded size: '/dev/zero' would be read forever, a FIFO or
    // '/dev/stdin' would wait forever, and no scenario needs more than a few megabytes.
    if let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
      let type = attributes[.type] as? FileAttributeType
      let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
      if type != .typeRegular && type != .typeDirectory {
        throw ScenarioError(issues: [
          ScenarioIssue(.error, .unreadableFile, at: nil, keyPath: "", expected: "a scenario file",
                        found: "'\(path)', which is not a regular file")
        ])
      }
      if size > Self.fileLimit {
        throw ScenarioError(issues: [
          ScenarioIssue(.error, .unreadableFile, at: nil, keyPath: "", expected: "a scenario file of at most \(Self.fileLimit >> 20) MiB",
                        found: "'\(path)' of \(size >> 20) MiB")
        ])
      }
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      throw ScenarioError(issues: [
        ScenarioIssue(.error, .unreadableFile, at: nil, keyPath: "", expected: "a readable scenario file",
                      found: exists ? (isDirectory.boolValue ? "a directory at '\(path)'" : "'\(path)' cannot be read")
                                    : "no file at '\(path)'")
      ])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ScenarioError(issues: [
        ScenarioIssue(.error, .unreadableFile, at: nil, keyPath: "", expected: "a UTF-8 text file",
                      found: "bytes that are not UTF-8 in '\(path)'")
      ])
    }
    var loaded = try load(yaml: text, file: path, overrides: overrides)
    loaded.sha256 = SHA256.hex(data)
    return loaded
  }

  /// Loads and validates a scenario from YAML text, with `overrides` applied first;
  /// `file` names it in messages. Problems in an override's value are reported at the
  /// command line (`--set key=value`) rather than in the file.
  public static func load(yaml original: String, file: String, overrides: [Override] = []) throws(ScenarioError)
    -> LoadedScenario
  {
    // A byte-order mark (as some Windows editors write) is not part of the YAML: libyaml,
    // told the encoding, would read it as content and fail at line 2.
    let text = original.hasPrefix("\u{FEFF}") ? String(original.unicodeScalars.dropFirst()) : original
    var root: Node
    if let overflow = AliasBudget.check(text) {
      throw ScenarioError(issues: [
        ScenarioIssue(.error, .outOfRange, at: SourcePosition(file: file, line: overflow.line, column: overflow.column),
                      keyPath: "", expected: "YAML aliases that repeat at most \(AliasBudget.limit) nodes in all",
                      found: "'*\(overflow.anchor)' taking the repeated nodes to \(overflow.nodes)",
                      hint: "write the values out, or share fewer of them")
      ])
    }
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw ScenarioError(issues: [
          ScenarioIssue(.error, .malformedYAML, at: SourcePosition(file: file, line: 1, column: 1), keyPath: "",
                        expected: "a YAML mapping with the scenario's keys", found: "an empty document")
        ])
      }
      root = node
    } catch let error as ScenarioError {
      throw error
    } catch {
      throw ScenarioError(issues: [syntaxIssue(error, file: file)])
    }
    var resolved: [(path: String, override: Override)] = []
    for override in overrides {
      root = try override.apply(to: root)
      resolved.append((override.resolvedKeyPath(in: root), override))
    }
    let reader = NodeReader(file: file)
    let directory = file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : "."
    let scenario = reader.scenario(Located(node: root, path: ""), baseDirectory: directory)
    guard let scenario, !reader.hasErrors else {
      throw ScenarioError(issues: locate(reader.distinctIssues, resolved))
    }
    return LoadedScenario(scenario: scenario, warnings: locate(reader.distinctIssues, resolved), file: file,
                          sha256: SHA256.hex(Array(original.utf8)))
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
