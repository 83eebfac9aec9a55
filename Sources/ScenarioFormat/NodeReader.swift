//===----------------------------------------------------------------------===//
// Reading a YAML node tree with positions, reporting every problem found.
//===----------------------------------------------------------------------===//

import CentreModel
import Foundation
import Yams

/// A YAML node and the key path that leads to it (`procedures[2].deadline`).
struct Located {
  let node: Node
  let path: String

  func child(_ key: String, _ node: Node) -> Located {
    Located(node: node, path: path.isEmpty ? key : "\(path).\(key)")
  }

  func element(_ index: Int, _ node: Node) -> Located {
    Located(node: node, path: "\(path)[\(index)]")
  }
}

/// Settings noted while decoding, each with where it is written, for the checks that
/// need the whole scenario: dates outside the horizon, crews never on duty.
struct NotedSettings {
  /// A date range (a surge, a crew, a staff-plan level, an outage window).
  var ranges: [(what: String, node: Located, from: CivilDate?, to: CivilDate?)] = []
  /// A single date (a holiday, a make-up day).
  var dates: [(what: String, node: Located, date: CivilDate)] = []
  /// A crew and the pool's own hours (`counter`: a counter group's crew).
  var crews: [(node: Located, crew: Crew, counter: Bool, poolHours: [OpeningInterval]?)] = []
  /// A procedure's channel share (`online_share`, `service_point_share`), by procedure id.
  var channelShares: [(node: Located, procedure: String)] = []
}

/// A value kept in ``NodeReader``'s memo.
private final class Box<T> {
  let value: T
  init(_ value: T) { self.value = value }
}

/// The issues of a file, at most ``limit`` of them: beyond that, one more issue counts
/// the rest (a file can hold thousands of mistakes, and a check repeated for each centre
/// of a city would multiply them).
struct IssueList: Sequence {
  static let limit = 1000

  private(set) var stored: [ScenarioIssue] = []
  /// Errors reported, listed or not.
  private(set) var errors = 0
  private var dropped = 0
  private var droppedErrors = 0
  private var firstDropped: ScenarioIssue?

  /// Whether issues are being dropped: long checks can stop.
  var isFull: Bool { dropped > 0 }

  mutating func append(_ issue: ScenarioIssue) {
    if issue.severity == .error { errors += 1 }
    guard stored.count < Self.limit else {
      dropped += 1
      if issue.severity == .error { droppedErrors += 1 }
      firstDropped = firstDropped ?? issue
      return
    }
    stored.append(issue)
  }

  /// The issue that stands for the dropped ones.
  var overflow: ScenarioIssue? {
    guard let first = firstDropped else { return nil }
    return ScenarioIssue(droppedErrors > 0 ? .error : .warning, first.code, at: first.position, keyPath: first.keyPath,
                         expected: "at most \(Self.limit) problems listed",
                         found: "more from here on (not listed, and no longer looked for): fix the first ones and load again")
  }

  func makeIterator() -> IndexingIterator<[ScenarioIssue]> { stored.makeIterator() }
}

/// The entries of a YAML mapping whose keys have been checked against a schema.
struct Fields {
  let owner: Located
  let entries: [(key: String, value: Located)]

  subscript(key: String) -> Located? {
    entries.first { $0.key == key }?.value
  }

  func has(_ key: String) -> Bool { self[key] != nil }
}

/// Walks a YAML node tree and converts values, collecting a located ``ScenarioIssue``
/// for every problem instead of stopping at the first.
///
/// Every accessor returns `nil` after reporting when the value is unusable, so decoding
/// can go on and report the other problems of the file in the same run.
final class NodeReader {
  let file: String
  /// The problems found so far (up to ``IssueList/limit``).
  var issues = IssueList()
  /// The pool that checks online dossiers (decoded before the centres).
  var onlineIntakePool = BackOfficePool.onlineIntakeID
  /// How a generated city's volume scales are drawn (set while decoding the centres).
  var volumeDraw: VolumeDraw?
  /// The calendar (decoded before the centres, whose counter crews are checked against it).
  var calendar = WorkingCalendar()
  /// Settings whose effect depends on the horizon, noted while decoding and checked once
  /// the scenario is whole (``warnAboutIneffectiveSettings(_:)``).
  var noted = NotedSettings()
  /// Where each centre's counters and back office are written, for later warnings.
  var centreNodes: [String: (counters: Located, backOffice: Located)] = [:]
  /// Did-you-mean hints computed so far (see ``suggestion(for:among:)``).
  var hintsGiven = 0
  /// The counter groups and pools last checked by ``checkCentre``, and the summary of the groups.
  var lastCounterSummary: (counters: [CounterGroup], backOffice: [BackOfficePool], path: String?, summary: CounterSummary)?

  /// Whether data files must lie in the scenario file's directory or below it (a
  /// scenario uploaded to the workspace): absolute names and `..` are refused.
  var confinesDataFiles = false

  init(file: String) { self.file = file }

  /// Values decoded once per place in the file (see ``memoized(_:_:)``).
  private var memo: [String: AnyObject] = [:]

  /// The issues, each reported once (a problem in the defaults of a city would otherwise
  /// be reported for every centre), and a last one counting those beyond the limit.
  var distinctIssues: [ScenarioIssue] {
    var seen = Set<ScenarioIssue>()
    return issues.stored.filter { seen.insert($0).inserted } + (issues.overflow.map { [$0] } ?? [])
  }

  var hasErrors: Bool { issues.errors > 0 }

  /// `decode()` the first time `key` is asked for, its result after that.
  ///
  /// The key names a place in the file (a key path) and whatever else the result depends
  /// on: the defaults of a city are then decoded once, not once per centre of its list.
  /// Issues are reported the first time only; they would be the same each time.
  func memoized<T>(_ key: String, _ decode: () -> T) -> T {
    if let box = memo[key] as? Box<T> { return box.value }
    let value = decode()
    memo[key] = Box(value)
    return value
  }

  // MARK: - Reporting

  func position(_ node: Node) -> SourcePosition? {
    node.mark.map { SourcePosition(file: file, line: $0.line, column: $0.column) }
  }

  func report(
    _ code: ScenarioIssue.Code, at located: Located, expected: String, found: String? = nil, hint: String? = nil,
    severity: ScenarioIssue.Severity = .error
  ) {
    issues.append(ScenarioIssue(severity, code, at: position(located.node), keyPath: located.path,
                                expected: expected, found: found ?? describe(located.node), hint: hint))
  }

  /// How a node reads in a message: `'abc'`, `-3`, `a list`, `a mapping`.
  func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar):
      if node.null != nil { return "nothing" }
      return Double(scalar.string) != nil && scalar.style == .plain ? scalar.string : "'\(scalar.string)'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }

  // MARK: - Structure

  /// The entries of a mapping, reporting keys not in `known` (with a did-you-mean hint).
  func fields(_ located: Located, known: [String]) -> Fields? {
    guard case .mapping(let mapping) = located.node else {
      report(.wrongType, at: located, expected: "a mapping with keys \(list(known))")
      return nil
    }
    var entries: [(String, Located)] = []
    for (keyNode, value) in mapping {
      guard let key = keyNode.scalar?.string else {
        report(.wrongType, at: located.child("?", keyNode), expected: "a plain key")
        continue
      }
      let child = located.child(key, value)
      if known.contains(key) {
        entries.append((key, child))
      } else {
        issues.append(ScenarioIssue(.error, .unknownKey, at: position(keyNode), keyPath: child.path,
                                    expected: "one of \(list(known))", found: "'\(key)'",
                                    hint: suggestion(for: key, among: known).map { "did you mean '\($0)'?" }))
      }
    }
    return Fields(owner: located, entries: entries)
  }

  /// The value of a required key, reporting its absence at the owning mapping.
  func required(_ fields: Fields, _ key: String, _ expected: String) -> Located? {
    if let value = fields[key] { return value }
    let owner = fields.owner
    issues.append(ScenarioIssue(.error, .missingKey, at: position(owner.node),
                                keyPath: owner.path.isEmpty ? key : "\(owner.path).\(key)",
                                expected: expected, found: "no '\(key)' key"))
    return nil
  }

  /// The elements of a list.
  func list(_ located: Located, of expected: String) -> [Located]? {
    guard case .sequence(let sequence) = located.node else {
      report(.wrongType, at: located, expected: "a list of \(expected)")
      return nil
    }
    return sequence.enumerated().map { located.element($0.offset, $0.element) }
  }

  // MARK: - Scalars

  func string(_ located: Located, _ expected: String = "text") -> String? {
    guard case .scalar(let scalar) = located.node, located.node.null == nil, !scalar.string.isEmpty else {
      report(.wrongType, at: located, expected: expected)
      return nil
    }
    return scalar.string
  }

  /// A finite number satisfying `isValid`, else an issue saying `expected`.
  func number(_ located: Located, _ expected: String = "a number", _ isValid: (Double) -> Bool = { _ in true }) -> Double? {
    guard case .scalar(let scalar) = located.node, scalar.style == .plain,
      let value = Double(scalar.string.replacingOccurrences(of: "_", with: "")), value.isFinite
    else {
      report(.wrongType, at: located, expected: expected)
      return nil
    }
    guard isValid(value) else {
      report(.outOfRange, at: located, expected: expected)
      return nil
    }
    return value
  }

  func nonNegative(_ located: Located) -> Double? {
    number(located, "a number ≥ 0") { $0 >= 0 }
  }

  func positive(_ located: Located) -> Double? {
    number(located, "a number > 0") { $0 > 0 }
  }

  /// A whole number within `range`.
  func integer(_ located: Located, in range: ClosedRange<Int>) -> Int? {
    let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
    guard case .scalar(let scalar) = located.node, scalar.style == .plain,
      let value = Int(scalar.string.replacingOccurrences(of: "_", with: ""))
    else {
      report(Double(describe(located.node)) != nil ? .outOfRange : .wrongType, at: located, expected: expected)
      return nil
    }
    guard range.contains(value) else {
      report(.outOfRange, at: located, expected: expected)
      return nil
    }
    return value
  }

  func boolean(_ located: Located) -> Bool? {
    guard let value = located.node.bool else {
      report(.wrongType, at: located, expected: "true or false")
      return nil
    }
    return value
  }

  func date(_ located: Located) -> CivilDate? {
    guard case .scalar(let scalar) = located.node, let date = CivilDate(iso: scalar.string) else {
      report(.invalidDate, at: located, expected: "a date YYYY-MM-DD")
      return nil
    }
    return date
  }

  func clockTime(_ located: Located) -> ClockTime? {
    guard case .scalar(let scalar) = located.node, let time = ClockTime(scalar.string) else {
      report(.invalidDate, at: located, expected: "a time of day HH:MM (00:00 to 24:00)")
      return nil
    }
    return time
  }

  /// One of `choices`.
  func choice(_ located: Located, _ choices: [String]) -> String? {
    guard case .scalar(let scalar) = located.node, choices.contains(scalar.string) else {
      let hint = located.node.scalar.flatMap { suggestion(for: $0.string, among: choices) }
      report(.wrongType, at: located, expected: "one of \(list(choices))", hint: hint.map { "did you mean '\($0)'?" })
      return nil
    }
    return scalar.string
  }

  // MARK: - Helpers

  func list(_ names: [String]) -> String {
    names.map { "'\($0)'" }.joined(separator: ", ")
  }

  /// The closest known word within edit distance 2 (or a quarter of its length).
  ///
  /// Hints are a courtesy, so their cost is bounded whatever the file: words longer than
  /// ``Self/hintLength`` get none, and after ``Self/hintLimit`` hints the rest of the file's
  /// problems go without (each hint compares against every candidate, and a city has
  /// thousands of centre ids).
  func suggestion(for word: String, among known: [String]) -> String? {
    guard hintsGiven < Self.hintLimit else { return nil }
    let word = Array(word.lowercased().unicodeScalars)
    guard word.count <= Self.hintLength else { return nil }
    hintsGiven += 1
    var best: (word: String, distance: Int)?
    for candidate in known {
      let letters = Array(candidate.unicodeScalars)
      // The distance is at least the difference in length: such a candidate cannot be
      // closer than the best so far (the first of equals wins, as before), nor, when
      // much longer than any hint, be a hint at all.
      let atLeast = abs(letters.count - word.count)
      if let best, atLeast >= best.distance { continue }
      if letters.count > 2 * Self.hintLength { continue }
      let distance = editDistance(word, letters)
      if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    guard let best else { return nil }
    return best.distance <= max(2, best.word.unicodeScalars.count / 4) ? best.word : nil
  }

  /// Words longer than this get no did-you-mean hint.
  static let hintLength = 64
  /// Hints computed per file, at most.
  static let hintLimit = 50
}

/// The closest of `candidates` to `word` when it is close enough to be what was meant
/// (within an edit distance of 2, or a quarter of the candidate's length), for
/// did-you-mean hints; `nil` otherwise. Case is ignored.
public func nearestWord(_ word: String, among candidates: [String]) -> String? {
  let letters = Array(word.lowercased().unicodeScalars)
  var best: (word: String, distance: Int)?
  for candidate in candidates {
    let distance = editDistance(letters, Array(candidate.lowercased().unicodeScalars))
    if best == nil || distance < best!.distance { best = (candidate, distance) }
  }
  guard let best else { return nil }
  return best.distance <= max(2, best.word.unicodeScalars.count / 4) ? best.word : nil
}

/// Edit distance between two strings (see the scalar version).
func editDistance(_ a: String, _ b: String) -> Int {
  editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
}

/// Edit distance between two sequences of Unicode scalars: insertions, deletions,
/// substitutions and transpositions of neighbours each count one (optimal string
/// alignment), so `rnu` is one step from `run`.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var beforePrevious = Array(repeating: 0, count: b.count + 1)
  var previous = Array(0...b.count)
  var current = Array(repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { current[j] = min(current[j], beforePrevious[j - 2] + 1) }
    }
    (beforePrevious, previous, current) = (previous, current, beforePrevious)
  }
  return previous[b.count]
}
