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
          || issue.keyPath.hasPrefix($0.path + "[")
          // A key the override added above the one it sets (`horizo1` of `--set horizo1.days=5`),
          // which has no position of its own.
          || $0.path.hasPrefix(issue.keyPath + ".") || $0.path.hasPrefix(issue.keyPath + "[") })
      else { return issue }
      var located = issue
      located.position = match.override.origin
      return located
    }
  }

  /// A located issue for a YAML syntax error, said in words (see ``SyntaxProblem``).
  static func syntaxIssue(_ error: Error, file: String) -> ScenarioIssue {
    func issue(_ line: Int, _ column: Int, _ expected: String, _ found: String, hint: String? = nil) -> ScenarioIssue {
      ScenarioIssue(.error, .malformedYAML, at: SourcePosition(file: file, line: line, column: column),
                    keyPath: "", expected: expected.isEmpty ? "well-formed YAML" : "well-formed YAML (\(expected))",
                    found: found, hint: hint)
    }
    switch error as? YamlError {
    case .scanner(let context, let problem, let mark, let yaml), .parser(let context, let problem, let mark, let yaml),
      .composer(let context, let problem, let mark, let yaml):
      let said = SyntaxProblem(context: context.map { ($0.text, $0.mark.line, $0.mark.column) }, problem: problem,
                               line: mark.line, column: mark.column, yaml: yaml).said
      return issue(said.line, said.column, said.expected, said.found, hint: said.hint)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return issue(context.mark.line, context.mark.column, "",
                   "the key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) twice in one mapping")
    case .reader(let problem, let offset, let value, let yaml):
      // A character the YAML reader refuses (a control character ...), located by its offset.
      let (line, column) = offset.map { position(ofCharacter: $0, in: yaml) } ?? (1, 1)
      let code = "U+" + String(repeating: "0", count: max(0, 4 - String(max(value, 0), radix: 16).count))
        + String(max(value, 0), radix: 16, uppercase: true)
      if problem == "control characters are not allowed", value >= 0 {
        return issue(line, column, "no control characters but tabs and line breaks", "the control character \(code)")
      }
      return issue(line, column, "", "\(problem)\(value >= 0 ? " (\(code))" : "")")
    default:
      return issue(1, 1, "", "\(error)")
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

/// A libyaml scanner, parser or composer error said in words.
///
/// libyaml reports a `problem` ("did not find expected key") at a position, often with a
/// `context` ("while parsing a block mapping") at another: where the construct it was
/// reading began. Printed as they are, they read "found did not find expected key while
/// parsing a block mapping". Here each known problem becomes what was expected (naming
/// the construct and where it began), what was found at the position (a token of the
/// text, "a tab", "the end of the file") and a hint; a problem is placed at the
/// context's position when that is where the fix goes (an unclosed quote, a key without
/// ':'). Unknown problems keep libyaml's words, without the doubled "found".
struct SyntaxProblem {
  /// libyaml's context: its text and where it begins.
  var context: (text: String, line: Int, column: Int)?
  var problem: String
  var line: Int
  var column: Int
  var yaml: String

  /// The sentence: where, what was expected (after "well-formed YAML"), what was found.
  var said: (line: Int, column: Int, expected: String, found: String, hint: String?) {
    let at = found(line, column)
    let opened = context.map { "line \($0.line), column \($0.column)" } ?? "the start"
    let atContext = context.map { ($0.line, $0.column) } ?? (line, column)
    let tabHint = "YAML does not allow tabs in indentation: indent with spaces"
    switch problem {
    case "but found another document":
      return (line, column, "a single document: one scenario per file", "a second document starting here",
              "remove the '---' or '...' line, or put each scenario in its own file")
    case let text where text.hasPrefix("Maximum nesting level reached"):
      return (line, column, "lists and mappings nested at most 1000 deep", "deeper nesting here", nil)
    case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
      return (line, column, "indentation by spaces", "a tab", tabHint)
    case "found character that cannot start any token":
      if at == "a tab" { return (line, column, "indentation by spaces", "a tab", tabHint) }
      let character = lineText(line)?.unicodeScalars.dropFirst(column - 1).first.map { "'\(NodeReader.excerpt(String($0)))'" } ?? at
      return (line, column, "a key, a value or a list item", "\(character), which cannot start one",
              "'@' and '`' are reserved: quote a value that starts with one")
    case "did not find expected key":
      let what = context?.text == "while parsing a block mapping" ? "a key indented like the others of the mapping at \(opened)" : "a key"
      return (line, column, what, at.hasPrefix("'-") ? "a list item ('-')" : at, "check the indentation of this line")
    case "did not find expected '-' indicator":
      return (line, column, "a list item ('- ') indented like the others of the list at \(opened)", at,
              "check the indentation of this line")
    case "did not find expected ',' or ']'":
      return (line, column, "',' or ']' in the list that opens at \(opened)", at, "is a ']' missing?")
    case "did not find expected ',' or '}'":
      return (line, column, "',' or '}' in the mapping that opens at \(opened)", at, "is a '}' missing?")
    case "did not find expected node content":
      return (line, column, "a value", at, nil)
    case "did not find expected <document start>":
      return (line, column, "nothing after the document's one value at the top level", at, "check the indentation of this line")
    case "mapping values are not allowed in this context":
      return (line, column, "a value without ': ' in it", "':'",
              "quote a value that contains ': ', or indent this line like the keys beside it")
    case "block sequence entries are not allowed in this context":
      return (line, column, "a value on the key's line, or a list on the lines below it", "a list item ('- ') after the key",
              "start the list on the next line, indented")
    case "could not find expected ':'":
      return (atContext.0, atContext.1, "':' after the key", "\(found(atContext.0, atContext.1)) with no ':' after it",
              "every line of a mapping is 'key: value'")
    case "found unexpected end of stream" where context?.text.contains("quoted scalar") == true,
      "found unexpected document indicator" where context?.text.contains("quoted scalar") == true:
      let end = problem.hasSuffix("stream") ? "the end of the file" : "a document marker ('---' or '...') at line \(line)"
      return (atContext.0, atContext.1, "a closing quote for the text that opens here", end, nil)
    case "found unknown escape character":
      return (line, column, "an escape that YAML knows (\\\\, \\\", \\n, \\t, \\uXXXX...) in double-quoted text",
              "'\(lineText(line).map { String(String.UnicodeScalarView($0.unicodeScalars.dropFirst(column - 1).prefix(2))) } ?? "")'",
              "write text with backslashes in 'single quotes'")
    case "found undefined alias":
      return (line, column, "an alias ('*name') of an anchor ('&name') defined before it", "\(at), which no anchor before it defines", nil)
    case "found undefined tag handle":
      let tag = token(line, column) ?? ""
      let handle = tag.dropFirst().firstIndex(of: "!").map { String(tag[...$0]) }
      return (line, column, "a tag ('!name' or '!!type') whose handle is declared by a %TAG directive",
              handle.map { "the handle '\($0)' in \(at)" } ?? at, "quote a value that starts with '!'")
    case "found unknown directive name":
      return (atContext.0, atContext.1, "a %YAML or %TAG directive", found(atContext.0, atContext.1),
              "quote a value that starts with '%'")
    case "found an indentation indicator equal to 0":
      return (line, column, "an indentation indicator from 1 to 9 after '|' or '>'", "0", nil)
    default:
      var expected = ""
      var found = at
      for prefix in ["did not find expected ", "could not find expected ", "did not find the expected "] where problem.hasPrefix(prefix) {
        expected = String(problem.dropFirst(prefix.count))
        expected = Self.wanted[expected] ?? expected
      }
      if expected.isEmpty { found = problem.hasPrefix("found ") ? String(problem.dropFirst(6)) : problem }
      if let context, let construct = Self.construct(context.text) {
        expected += (expected.isEmpty ? "" : " ") + "in \(construct) that starts at \(opened)"
      }
      return (line, column, expected, found, nil)
    }
  }

  /// libyaml's "did not find expected …" in words, where they need some.
  static let wanted = [
    "alphabetic or numeric character": "a name of letters, digits, '-' or '_'",
    "whitespace or line break": "a space or the end of the line", "whitespace": "a space",
    "comment or line break": "the end of the line (or a comment)", "digit or '.' character": "a digit or '.'",
  ]

  /// "the quoted text" for "while scanning a quoted scalar", nil when it says nothing.
  static func construct(_ context: String) -> String? {
    let thing = context.replacingOccurrences(of: "while scanning ", with: "").replacingOccurrences(of: "while parsing ", with: "")
    let names = [
      "a plain scalar": "the text", "a quoted scalar": "the quoted text", "a block scalar": "the block of text",
      "a simple key": "the key", "a tag": "the tag", "an alias": "the alias", "an anchor": "the anchor",
      "a directive": "the directive", "a %YAML directive": "the %YAML directive", "a %TAG directive": "the %TAG directive",
      "a tag directive": "the %TAG directive", "a block mapping": "the mapping", "a flow mapping": "the mapping",
      "a block collection": "the list", "a flow sequence": "the list", "a node": "the value", "a flow node": "the value",
      "a block node": "the value",
    ]
    return names[thing]
  }

  /// What is at a position, for "found": "a tab", "the end of the line", "the end of
  /// the file", or a short excerpt of the token there in quotes.
  func found(_ line: Int, _ column: Int) -> String {
    guard let text = lineText(line) else { return "the end of the file" }
    let rest = text.unicodeScalars.dropFirst(max(0, column - 1))
    guard let first = rest.first else { return isLastLine(line) ? "the end of the file" : "the end of the line" }
    if first == "\t" { return "a tab" }
    return "'\(NodeReader.excerpt(token(line, column) ?? String(first)))'"
  }

  /// The characters from a position to the next space, tab or flow punctuation (at most 40).
  func token(_ line: Int, _ column: Int) -> String? {
    guard let text = lineText(line) else { return nil }
    let rest = text.unicodeScalars.dropFirst(max(0, column - 1))
    var token = String.UnicodeScalarView()
    for scalar in rest {
      if scalar == " " || scalar == "\t" || (!token.isEmpty && ",[]{}".unicodeScalars.contains(scalar)) { break }
      token.append(scalar)
      if token.count >= 40 { break }
    }
    return token.isEmpty ? nil : String(token)
  }

  /// The text of line `number` (from 1) without its line break; nil past the end.
  func lineText(_ number: Int) -> Substring? {
    // Unicode scalars, not characters: the same line breaks as `Character.isNewline`
    // (CR LF being one), without breaking the text into graphemes from its start.
    let scalars = yaml.unicodeScalars
    var line = 1
    var start = scalars.startIndex
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let value = scalars[index].value
      if (0x0A...0x0D).contains(value) || value == 0x85 || value == 0x2028 || value == 0x2029 {
        if line == number { return yaml[start..<index] }
        line += 1
        var next = scalars.index(after: index)
        if value == 0x0D, next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
        start = next
        index = next
      } else {
        index = scalars.index(after: index)
      }
    }
    return line == number ? yaml[start...] : nil
  }

  private func isLastLine(_ number: Int) -> Bool {
    guard let next = lineText(number + 1) else { return true }
    return next.isEmpty && lineText(number + 2) == nil
  }
}

extension LoadedScenario {
  /// The scenario with report windows given on the command line added (`--window
  /// 2025-07-01..2025-07-08`), each checked like a `windows` entry of the file and
  /// reported at its argument.
  public func adding(windows texts: [String], option: String = "--window") throws(ScenarioError) -> LoadedScenario {
    var loaded = self
    var issues: [ScenarioIssue] = []
    let horizon = scenario.horizon
    for text in texts {
      let at = SourcePosition.argument("\(option) '\(text)'")
      guard let window = DateWindow(parsing: text) else {
        issues.append(ScenarioIssue(.error, .invalidDate, at: at, keyPath: "windows", expected: "a date window 'YYYY-MM-DD..YYYY-MM-DD'",
                                    found: "'\(text)'"))
        continue
      }
      guard window.from >= horizon.start && window.to <= horizon.end else {
        issues.append(ScenarioIssue(.error, .outOfRange, at: at, keyPath: "windows",
                                    expected: "a window within the horizon (\(horizon.start) to \(horizon.end))", found: "\(window)"))
        continue
      }
      loaded.scenario.windows.append(window)
    }
    if !issues.isEmpty { throw ScenarioError(issues: issues) }
    return loaded
  }
}
