//===----------------------------------------------------------------------===//
// A scenario file read and parsed once, decoded with any overrides.
//===----------------------------------------------------------------------===//

import Foundation
import Yams

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A scenario file read and parsed, not yet validated: the scenarios it gives with
/// different overrides (a sweep's design points) are decoded from one parse, so the
/// file is read, hashed and parsed once however many points there are.
///
/// Sendable: its only non-Sendable part, Yams's `Node`, is a value type (an enum of
/// strings, arrays and mappings) held in a `let` and never mutated in place.
public struct ScenarioDocument: @unchecked Sendable {
  /// The file as named by the user.
  public let file: String
  /// SHA-256 of the file's bytes, lowercase hex.
  public let sha256: String
  /// The parsed YAML.
  let root: Node
  /// Whether its data files must lie beside it or below (``confiningDataFiles()``).
  var confinesDataFiles = false
  /// For a city made from a table of centres (``city(name:centres:file:)``): where each
  /// centre's row and cells are (`centres.list[3]`, `centres.list[3].id` ...), since the
  /// nodes made from cells have no position of their own. The loader's issues at those
  /// key paths that have no position are reported there.
  var tablePositions: [String: SourcePosition] = [:]

  /// The largest scenario file read (a city of 5,000 centres written out is a few MiB).
  static let fileLimit = 64 << 20

  /// Reads and parses the file at `path`.
  ///
  /// Only a regular file of at most ``fileLimit`` bytes is read (see
  /// ``contents(ofRegularFile:limit:)``): a directory, a FIFO, a device or a symbolic
  /// link is refused by name without being read.
  public static func read(path: String) throws(ScenarioError) -> ScenarioDocument {
    func refuse(_ expected: String, _ found: String) -> ScenarioError {
      ScenarioError(issues: [ScenarioIssue(.error, .unreadableFile, at: nil, keyPath: "", expected: expected, found: found)])
    }
    let data: Data
    switch contents(ofRegularFile: path, limit: fileLimit) {
    case .success(let bytes): data = Data(bytes)
    case .failure(.missing): throw refuse("a readable scenario file", "no file at '\(path)'")
    case .failure(.notRegular(let kind)):
      throw refuse("a scenario file", "'\(path)', which is not a regular file but \(kind)")
    case .failure(.tooLarge(let size)):
      throw refuse("a scenario file of at most \(fileLimit >> 20) MiB", "'\(path)' of \(size >> 20) MiB")
    case .failure(.unreadable(let reason)): throw refuse("a readable scenario file", "'\(path)' cannot be read (\(reason))")
    }
    return try parse(data: data, file: path)
  }

  /// Parses a scenario's bytes (a file's, or standard input's); `file` names it in
  /// messages, and its data files' paths are relative to its directory.
  public static func parse(data: Data, file path: String) throws(ScenarioError) -> ScenarioDocument {
    guard let text = String(data: data, encoding: .utf8) else {
      let (line, column, byte) = firstInvalidUTF8(data)
      let found = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        ? "a UTF-16 byte-order mark: the file is UTF-16, save it as UTF-8"
        : "the byte 0x\(byte < 16 ? "0" : "")\(String(byte, radix: 16, uppercase: true)), which is not UTF-8 (save the file as UTF-8)"
      throw ScenarioError(issues: [
        ScenarioIssue(.error, .unreadableFile, at: SourcePosition(file: path, line: line, column: column), keyPath: "",
                      expected: "a UTF-8 text file", found: found)
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
      guard let node = try Yams.compose(yaml: text, .default, .default, .utf8) else {
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

  /// This document, reading data files (arrival logs, pending dossiers) only from its own
  /// directory and below: a name that is absolute or holds `..` is an error. For
  /// scenarios that come from elsewhere (uploaded to the workspace).
  public func confiningDataFiles() -> ScenarioDocument {
    var copy = self
    copy.confinesDataFiles = true
    return copy
  }

  /// `keyPath` with list elements named by position, as validation messages name them
  /// (`procedures[land].share` becomes `procedures[7].share`).
  public func resolvedKeyPath(_ keyPath: String) -> String {
    Override(keyPath: keyPath, value: "").resolvedKeyPath(in: root)
  }

  /// The directory of the file, which its data files' paths are relative to.
  public var baseDirectory: String { file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : "." }

  /// The parsed document with `overrides` applied (and shares rescaled), and each
  /// override's key path as the validator names it.
  func applying(_ overrides: [Override], rescalingShares: Bool) throws(ScenarioError) -> (Node, [(path: String, override: Override)]) {
    var root = self.root
    var resolved: [(path: String, override: Override)] = []
    for override in overrides {
      // The path as the items were before the override: one that replaces an item named
      // by id (`procedures[land]=…`) takes the id away. An item it adds exists only after.
      let before = override.resolvedKeyPath(in: root)
      root = try override.apply(to: root)
      resolved.append((before != override.keyPath ? before : override.resolvedKeyPath(in: root), override))
    }
    if rescalingShares { root = try ShareRescaling.rescale(root, after: resolved) }
    return (root, resolved)
  }

  /// The document as YAML text with `overrides` applied (a calibrated scenario written out
  /// for `onestop run`); comments are not kept, and paths of data files stay relative to
  /// this file's directory.
  public func yaml(overrides: [Override], rescalingShares: Bool = false) throws(ScenarioError) -> String {
    let (root, _) = try applying(overrides, rescalingShares: rescalingShares)
    do {
      return try Yams.serialize(node: root, width: 100, allowUnicode: true)
    } catch {
      throw ScenarioError(issues: [ScenarioIssue(.error, .malformedYAML, at: nil, keyPath: "", expected: "a scenario that can be written",
                                                 found: "\(error)")])
    }
  }

  /// The validated scenario with `overrides` applied first. Problems in an override's
  /// value are reported at the command line (`--set 'key=value'`) rather than in the file.
  ///
  /// With `rescalingShares`, an override of a procedure's share (`procedures[id].share`,
  /// or a centre's `procedure_shares.id`) keeps its value and the other procedures' shares
  /// are scaled so that they still sum to 1.
  public func load(overrides: [Override] = [], rescalingShares: Bool = false) throws(ScenarioError) -> LoadedScenario {
    let (root, resolved) = try applying(overrides, rescalingShares: rescalingShares)
    let reader = NodeReader(file: file)
    reader.confinesDataFiles = confinesDataFiles
    let directory = baseDirectory
    let scenario = reader.scenario(Located(node: root, path: ""), baseDirectory: directory)
    let issues = locatedInTable(ScenarioLoader.locate(reader.distinctIssues, resolved))
    guard let scenario, !reader.hasErrors else { throw ScenarioError(issues: issues) }
    return LoadedScenario(scenario: scenario, warnings: issues, file: file, sha256: sha256)
  }

  /// `issues`, those without a position that are about a centre made from a table's row
  /// put at its cell (`centres.list[3].id`) or else at its row (``tablePositions``).
  func locatedInTable(_ issues: [ScenarioIssue]) -> [ScenarioIssue] {
    guard !tablePositions.isEmpty else { return issues }
    return issues.map { issue in
      guard issue.position == nil else { return issue }
      var path = Substring(issue.keyPath)
      while !path.isEmpty {
        if let position = tablePositions[String(path)] {
          var located = issue
          located.position = position
          return located
        }
        guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
        path = path[..<cut]
      }
      return issue
    }
  }
}

// MARK: - Reading input files

extension ScenarioDocument {
  /// Why an input file was not read.
  enum ReadFailure: Error, Equatable {
    /// Nothing at the path.
    case missing
    /// Something other than a regular file: "a directory", "a FIFO", "a device", "a
    /// socket" or "a symbolic link".
    case notRegular(String)
    /// A file of more bytes than the limit.
    case tooLarge(Int)
    /// The system's reason (`strerror`).
    case unreadable(String)
  }

  /// The bytes of the regular file at `path`, of at most `limit` bytes.
  ///
  /// Anything else is refused without reading it: `/dev/zero` would be read for ever, a
  /// FIFO or `/dev/stdin` would wait for ever, and a symbolic link is not followed (name
  /// the file itself). The type is checked with `lstat(2)` before opening, so that no
  /// device is opened, and again with `fstat(2)` on the descriptor opened with
  /// `O_NOFOLLOW | O_NONBLOCK`, so that a file swapped in between is refused too; at
  /// most `limit + 1` bytes are read, however the file grows meanwhile.
  static func contents(ofRegularFile path: String, limit: Int) -> Result<[UInt8], ReadFailure> {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(String(cString: strerror(errno))))
    }
    if let kind = nonRegularKind(info.st_mode) { return .failure(.notRegular(kind)) }
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      return .failure(errno == ELOOP ? .notRegular("a symbolic link") : .unreadable(String(cString: strerror(errno))))
    }
    defer { close(descriptor) }
    guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
    if let kind = nonRegularKind(info.st_mode) { return .failure(.notRegular(kind)) }
    guard info.st_size <= limit else { return .failure(.tooLarge(Int(info.st_size))) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(info.st_size))
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count <= limit {
      let wanted = min(chunk.count, limit + 1 - bytes.count)
      let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, wanted) }
      if count > 0 {
        bytes.append(contentsOf: chunk[..<count])
      } else if count == 0 {
        break
      } else if errno != EINTR {
        return .failure(.unreadable(String(cString: strerror(errno))))
      }
    }
    return bytes.count <= limit ? .success(bytes) : .failure(.tooLarge(bytes.count))
  }

  /// What a file of `mode` is, unless it is a regular file.
  private static func nonRegularKind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: nil
    case S_IFDIR: "a directory"
    case S_IFLNK: "a symbolic link"
    case S_IFIFO: "a FIFO"
    case S_IFCHR, S_IFBLK: "a device"
    case S_IFSOCK: "a socket"
    default: "something else"
    }
  }
}

#if canImport(Glibc)
  private let systemRead = Glibc.read
#else
  private let systemRead = Darwin.read
#endif
