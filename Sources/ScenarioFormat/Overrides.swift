//===----------------------------------------------------------------------===//
// `--set key.path=value`: changing any scenario field from the command line.
//===----------------------------------------------------------------------===//

import Yams

/// A change to one field of a scenario file, applied to its YAML before validation, so
/// the new value is checked exactly as if it had been written in the file.
///
/// The key path names fields as error messages do: `centre.counter_staff`,
/// `horizon.days`, `procedures[2].share`; an element of a list of mappings with an `id`
/// can be named by it: `procedures[land].share`, `centres.list[ha-dong].counter_staff`.
/// The value is YAML: `4`, `2025-09-08`, `[08:00-12:00]`, `{exponential: {mean: 5}}`.
/// A missing key is added (so optional settings can be switched on); a missing list
/// element is an error.
public struct Override: Sendable, Hashable, CustomStringConvertible {
  /// The field, as a key path.
  public var keyPath: String
  /// The new value, as YAML text.
  public var value: String
  /// The command-line option it came from (`--set`, `--vary`, `--variant`), which names it
  /// in messages.
  public var option: String

  /// An override of `keyPath` with `value`, given with `option`.
  public init(keyPath: String, value: String, option: String = "--set") {
    self.keyPath = keyPath
    self.value = value
    self.option = option
  }

  /// Parses `key.path=value`, given with `option`.
  public init(parsing text: String, option: String = "--set") throws(ScenarioError) {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
      throw ScenarioError(issues: [
        ScenarioIssue(.error, .wrongType, at: Self.origin(option, text), keyPath: "", expected: "key.path=value",
                      found: "'\(text)'")
      ])
    }
    self.init(keyPath: String(text[..<equals]).trimmingSpaces, value: String(text[text.index(after: equals)...]), option: option)
  }

  public var description: String { "\(keyPath)=\(value)" }

  /// Where problems with this override are reported: the command line.
  var origin: SourcePosition { Self.origin(option, description) }

  /// The command-line argument `option 'text'`, as a place in messages (quoted, since a
  /// value may hold colons that would read as a line and column).
  static func origin(_ option: String, _ text: String) -> SourcePosition {
    .argument("\(option) '\(text)'")
  }

  enum Step: Equatable {
    case key(String)
    case index(Int)
    case id(String)
  }

  /// The key path as steps, or `nil` when it is malformed.
  var steps: [Step]? {
    var steps: [Step] = []
    for part in keyPath.split(separator: ".", omittingEmptySubsequences: false) {
      var name = Substring(part)
      var selectors: [Step] = []
      while name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
        let inner = name[name.index(after: open)..<name.index(before: name.endIndex)]
        guard !inner.isEmpty else { return nil }
        selectors.insert(Int(inner).map { .index($0) } ?? .id(String(inner)), at: 0)
        name = name[..<open]
      }
      guard !name.isEmpty || (!selectors.isEmpty && steps.isEmpty == false) else { return nil }
      if !name.isEmpty { steps.append(.key(String(name))) }
      steps += selectors
    }
    return steps.isEmpty ? nil : steps
  }

  /// The key path with list elements named by position, as the validator reports them
  /// (`procedures[land]` becomes `procedures[7]`), in `root`.
  func resolvedKeyPath(in root: Node) -> String {
    guard let steps else { return keyPath }
    var text = ""
    var node: Node? = root
    for step in steps {
      switch step {
      case .key(let key):
        text += text.isEmpty ? key : ".\(key)"
        node = node?.mapping?[key]
      case .index(let i):
        text += "[\(i)]"
        node = node?.sequence.flatMap { $0.indices.contains(i) ? $0[i] : nil }
      case .id(let id):
        let i = node?.sequence?.firstIndex { $0.mapping?["id"]?.string == id }
        text += "[\(i.map(String.init) ?? id)]"
        node = i.flatMap { node?.sequence?[$0] }
      }
    }
    return text
  }

  /// `root` with this override applied.
  func apply(to root: Node) throws(ScenarioError) -> Node {
    func fail(_ expected: String, _ found: String) -> ScenarioError {
      ScenarioError(issues: [ScenarioIssue(.error, .unknownReference, at: origin, keyPath: keyPath, expected: expected, found: found)])
    }
    guard let steps else { throw fail("a key path such as 'centre.counter_staff' or 'procedures[land].share'", "'\(keyPath)'") }
    let parsed: Node
    do {
      parsed = try Yams.compose(yaml: value, .default, .default, .utf8) ?? Node("", .init(.null))
    } catch {
      throw ScenarioError(issues: [ScenarioIssue(.error, .malformedYAML, at: origin, keyPath: keyPath,
                                                 expected: "a YAML value", found: "'\(value)'")])
    }
    return try set(Self.unmarked(parsed), at: steps[...], in: root, fail: fail)
  }

  private func set(_ value: Node, at steps: ArraySlice<Step>, in node: Node, fail: (String, String) -> ScenarioError)
    throws(ScenarioError) -> Node
  {
    guard let step = steps.first else { return value }
    let rest = steps.dropFirst()
    switch (step, node) {
    case (.key(let key), .mapping(var mapping)):
      Self.expandShorthand(key, in: &mapping)
      let child = mapping[key] ?? Node([(Node, Node)]())
      mapping[key] = try set(value, at: rest, in: child, fail: fail)
      return .mapping(mapping)
    case (.key(let key), .scalar) where node.null != nil:
      return try set(value, at: steps, in: Node([(Node(key), Node(""))]), fail: fail)
    case (.index(let i), .sequence(var sequence)):
      guard sequence.indices.contains(i) else {
        throw fail("an index from 0 to \(sequence.count - 1) in \(prefix(before: rest))", "\(i)")
      }
      sequence[i] = try set(value, at: rest, in: sequence[i], fail: fail)
      return .sequence(sequence)
    case (.id(let id), .sequence(var sequence)):
      let ids = sequence.compactMap { $0.mapping?["id"]?.string }
      guard let i = sequence.firstIndex(where: { $0.mapping?["id"]?.string == id }) else {
        throw fail("the id of an element of \(prefix(before: rest)) (\(ids.map { "'\($0)'" }.joined(separator: ", ")))", "'\(id)'")
      }
      sequence[i] = try set(value, at: rest, in: sequence[i], fail: fail)
      return .sequence(sequence)
    default:
      let what: String
      switch node {
      case .mapping: what = "a mapping"
      case .sequence: what = "a list"
      default: what = "a single value"
      }
      throw fail("a path that exists in the scenario", "\(what) at \(prefix(before: steps)) where '\(render(step))' was asked for")
    }
  }

  /// The staff shorthands and the groups they stand for: `counter_staff: N` is one
  /// counter group `{id: counter, staff: N}`, `back_office_staff: N` one pool
  /// `{id: back-office, staff: N}`.
  static let shorthands = [("counters", "counter_staff", "counter"), ("back_office", "back_office_staff", "back-office")]

  /// When an override reaches into `counters` or `back_office` of a centre written with
  /// the shorthand, the shorthand is first written out as the group it stands for, so that
  /// `--set 'centre.back_office[back-office].crews=[...]'` adds crews to it and
  /// `--set 'centre.back_office=[...]'` replaces it.
  static func expandShorthand(_ key: String, in mapping: inout Node.Mapping) {
    guard let (list, shorthand, id) = shorthands.first(where: { $0.0 == key }), mapping[list] == nil,
      let staff = mapping[shorthand]
    else { return }
    let group = Node([(Node("id"), Node(id)), (Node("staff"), unmarked(staff))])
    mapping[shorthand] = nil
    mapping[list] = Node([group])
  }

  /// The key path up to (not including) the steps `rest`.
  private func prefix(before rest: ArraySlice<Step>) -> String {
    guard let all = steps else { return keyPath }
    var text = ""
    for step in all.prefix(all.count - rest.count) {
      switch step {
      case .key(let key): text += text.isEmpty ? key : ".\(key)"
      default: text += render(step)
      }
    }
    return text.isEmpty ? "the top level" : "'\(text)'"
  }

  private func render(_ step: Step) -> String {
    switch step {
    case .key(let key): return key
    case .index(let i): return "[\(i)]"
    case .id(let id): return "[\(id)]"
    }
  }

  /// `node` without source marks (they would point into the override's own text).
  static func unmarked(_ node: Node) -> Node {
    switch node {
    case .scalar(var scalar):
      scalar.mark = nil
      return .scalar(scalar)
    case .mapping(var mapping):
      mapping.mark = nil
      for i in mapping.indices {
        mapping[i] = (unmarked(mapping[i].key), unmarked(mapping[i].value))
      }
      return .mapping(mapping)
    case .sequence(var sequence):
      sequence.mark = nil
      for i in sequence.indices { sequence[i] = unmarked(sequence[i]) }
      return .sequence(sequence)
    case .alias:
      return node
    }
  }
}

extension String {
  /// Without leading and trailing spaces.
  public var trimmingSpaces: String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}

/// `text` as a YAML double-quoted scalar: quotes and backslashes escaped, control and
/// invisible line-breaking characters as `\n`, `\t` or `\uXXXX`, so that no text can end
/// the scalar or add a key.
public func yamlQuoted(_ text: String) -> String {
  var out = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\t": out += "\\t"
    case "\r": out += "\\r"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
        || scalar.value == 0x2028 || scalar.value == 0x2029
      {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
  }
  return out + "\""
}
