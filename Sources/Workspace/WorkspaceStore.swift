//===----------------------------------------------------------------------===//
// The workspace's folder: saved scenarios and the results of studies.
//===----------------------------------------------------------------------===//

import Foundation
import Reporting
import ScenarioFormat
import Studies

/// A scenario the workspace offers.
public struct ScenarioEntry: Sendable {
  /// Its id in URLs (`campaign-end`), letters, digits and dashes only.
  public var id: String
  /// Its file.
  public var file: String
  /// Shipped with onestop (read-only, trusted) or saved in the workspace (uploaded).
  public var shipped: Bool
}

/// The workspace's folder:
/// - `scenarios/`: scenarios uploaded or saved from a form, one YAML file each;
/// - `results/<n>/`: each study's result directory, as the CLI writes it, plus
///   `scenario.yaml` (the scenario as run) and `study.json` (what the pages show of it).
///
/// Every name that reaches the file system is made here from a checked id; no path
/// comes from a request.
public struct WorkspaceStore: Sendable {
  /// The workspace folder.
  public let root: String
  /// The folder of shipped scenarios (read, never written).
  public let shippedScenarios: String

  public init(root: String, shippedScenarios: String) {
    self.root = root
    self.shippedScenarios = shippedScenarios
  }

  var savedScenarios: String { "\(root)/scenarios" }
  var results: String { "\(root)/results" }

  /// Whether `id` is a valid scenario or result id: 1 to 64 lower-case ASCII letters,
  /// digits and dashes, starting with a letter or digit.
  static func isID(_ id: String) -> Bool {
    guard (1...64).contains(id.utf8.count), let first = id.utf8.first, first != UInt8(ascii: "-") else { return false }
    return id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }
  }

  /// The scenarios offered: saved ones first, then shipped ones, each by name.
  public func scenarios() -> [ScenarioEntry] {
    func entries(_ folder: String, shipped: Bool) -> [ScenarioEntry] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      return names.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { name in
        let id = String(name.dropLast(5))
        return Self.isID(id) ? ScenarioEntry(id: id, file: "\(folder)/\(name)", shipped: shipped) : nil
      }
    }
    let saved = entries(savedScenarios, shipped: false)
    return saved + entries(shippedScenarios, shipped: true).filter { s in !saved.contains { $0.id == s.id } }
  }

  /// The scenario `id`, or nil when there is none (or the id is not valid).
  public func scenario(_ id: String) -> ScenarioEntry? {
    guard Self.isID(id) else { return nil }
    return scenarios().first { $0.id == id }
  }

  /// Reads and parses a scenario; a saved one reads its data files only from the
  /// workspace's scenario folder.
  public func document(_ entry: ScenarioEntry) throws(ScenarioError) -> ScenarioDocument {
    let document = try ScenarioDocument.read(path: entry.file)
    return entry.shipped ? document : document.confiningDataFiles()
  }

  /// Saves `yaml` (already validated) as a new scenario named after `name`, never over
  /// another: `name`, `name-2`... Returns its id.
  public func save(yaml: String, name: String) throws(OutputError) -> String {
    try AtomicFile.makeDirectory(savedScenarios)
    let base = String(outputFolderName(name).lowercased().prefix(56))
    let stem = Self.isID(base) ? base : "scenario"
    let taken = Set(scenarios().map(\.id))
    var id = stem
    var n = 1
    while taken.contains(id) {
      n += 1
      id = "\(stem)-\(n)"
    }
    try AtomicFile.write(yaml, to: "\(savedScenarios)/\(id).yaml")
    return id
  }

  /// Saves `yaml` as ``save(yaml:name:)`` does if it loads as a saved scenario (its data
  /// files in the workspace's scenario folder); its id, or nil when it does not.
  func saveChecked(yaml: String, name: String) -> String? {
    guard (try? ScenarioDocument.parse(yaml: yaml, file: "\(savedScenarios)/\(name).yaml").confiningDataFiles().load()) != nil
    else { return nil }
    return try? save(yaml: yaml, name: name)
  }

  /// The result directory of result `id`, or nil.
  public func result(_ id: String) -> String? {
    guard Self.isID(id), !id.hasPrefix("."), AtomicFile.isDirectory("\(results)/\(id)") else { return nil }
    return "\(results)/\(id)"
  }

  /// The ids of the results, the newest first.
  public func resultIDs() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: results)) ?? []
    return names.filter(Self.isID).sorted { (Int($0.prefix { $0.isNumber }) ?? 0, $0) > (Int($1.prefix { $0.isNumber }) ?? 0, $1) }
  }

  /// A new result's id: one more than the largest so far, then the study's kind.
  func newResultName(_ kind: String) -> String {
    let last = resultIDs().compactMap { Int($0.prefix { $0.isNumber }) }.max() ?? 0
    return "\(last + 1)-\(kind)"
  }

  /// The files of a result a planner can download: regular files with a plain name.
  public func downloads(_ directory: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter(Self.isFileName).sorted()
  }

  /// Whether `name` is a result file's name: letters, digits, `_` and `-`, then `.csv`,
  /// `.json`, `.html` or `.yaml`.
  static func isFileName(_ name: String) -> Bool {
    let parts = name.split(separator: ".")
    guard parts.count == 2, ["csv", "json", "html", "yaml"].contains(parts[1]), (1...64).contains(parts[0].count) else { return false }
    return parts[0].utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D }
  }
}
