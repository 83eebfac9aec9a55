//===----------------------------------------------------------------------===//
// A scenario file read and parsed once, decoded with any overrides.
//===----------------------------------------------------------------------===//

import Foundation
import Yams

/// A scenario file read and parsed, not yet validated: the scenarios it gives with
/// different overrides (a sweep's design points) are decoded from one parse, so the
/// file is read, hashed and parsed once however many points there are.
public struct ScenarioDocument {
  /// The file as named by the user.
  public let file: String
  /// SHA-256 of the file's bytes, lowercase hex.
  public let sha256: String
  /// The parsed YAML.
  let root: Node

  /// The largest scenario file read (a city of 5,000 centres written out is a few MiB).
  static let fileLimit = 64 << 20

  /// Reads and parses the file at `path`.
  public static func read(path: String) throws(ScenarioError) -> ScenarioDocument {
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
    return try parse(yaml: text, file: path, sha256: SHA256.hex(data))
  }

  /// Parses YAML text; `file` names it in messages.
  public static func parse(yaml: String, file: String) throws(ScenarioError) -> ScenarioDocument {
    try parse(yaml: yaml, file: file, sha256: SHA256.hex(Array(yaml.utf8)))
  }

  private static func parse(yaml original: String, file: String, sha256: String) throws(ScenarioError) -> ScenarioDocument {
    // A byte-order mark (as some Windows editors write) is not part of the YAML: libyaml,
    // told the encoding, would read it as content and fail at line 2.
    let text = original.hasPrefix("\u{FEFF}") ? String(original.unicodeScalars.dropFirst()) : original
    let root: Node
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
      throw ScenarioError(issues: [ScenarioLoader.syntaxIssue(error, file: file)])
    }
    return ScenarioDocument(file: file, sha256: sha256, root: root)
  }

  /// The validated scenario with `overrides` applied first. Problems in an override's
  /// value are reported at the command line (`--set 'key=value'`) rather than in the file.
  public func load(overrides: [Override] = []) throws(ScenarioError) -> LoadedScenario {
    var root = self.root
    var resolved: [(path: String, override: Override)] = []
    for override in overrides {
      root = try override.apply(to: root)
      resolved.append((override.resolvedKeyPath(in: root), override))
    }
    let reader = NodeReader(file: file)
    let directory = file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : "."
    let scenario = reader.scenario(Located(node: root, path: ""), baseDirectory: directory)
    guard let scenario, !reader.hasErrors else {
      throw ScenarioError(issues: ScenarioLoader.locate(reader.distinctIssues, resolved))
    }
    return LoadedScenario(scenario: scenario, warnings: ScenarioLoader.locate(reader.distinctIssues, resolved), file: file,
                          sha256: sha256)
  }
}
