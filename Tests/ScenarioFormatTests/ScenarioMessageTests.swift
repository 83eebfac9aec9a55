import Foundation
import ScenarioFormat
import Testing
import TestSupport

/// Problems of a scenario said in plain sentences, at the place to fix: YAML syntax as
/// libyaml finds it, bytes that are not UTF-8, names too long for a folder, dates the
/// tool could not write back, a step's unknown pool.
@Suite struct ScenarioMessageTests {
  static let corpus = "\(repositoryRoot())/Tests/FuzzCorpus"

  /// The one syntax issue of `yaml`, checked for libyaml's garbled phrases.
  func syntaxIssue(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioIssue? {
    let found = issues(yaml)
    guard let issue = found.first(where: { $0.code == .malformedYAML }) else {
      Issue.record("no syntax issue among \(found)", sourceLocation: sourceLocation)
      return nil
    }
    let text = issue.description
    #expect(text.contains("well-formed YAML"), "\(text)", sourceLocation: sourceLocation)
    for garbled in ["found found", "found but", "yaml_set_max_nest_level", "while parsing", "while scanning", "Maximum nesting"] {
      #expect(!text.contains(garbled), "'\(garbled)' in: \(text)", sourceLocation: sourceLocation)
    }
    return issue
  }

  func corpusFile(_ name: String) throws -> String {
    try String(contentsOfFile: "\(Self.corpus)/\(name)", encoding: .utf8)
  }

  // MARK: - YAML syntax

  @Test(arguments: [
    ("two-documents.yaml", 11, 1, "a single document"),
    ("deep-nesting-block.yaml", 2, 1999, "nested at most 1000 deep"),
    ("deep-nesting-flow.yaml", 2, 8, "nested at most 1000 deep"),
    ("deep-nesting-mapping.yaml", 2, 3996, "nested at most 1000 deep"),
    ("tab-indentation.yaml", 9, 1, "indentation by spaces"),
    ("fuzzer-unknown-directive.yaml", 1, 1, "a %YAML or %TAG directive), found '%-1'"),
    ("fuzzer-undefined-tag-handle.yaml", 2, 1, "'!centres!'"),
    ("undefined-alias.yaml", 10, 18, "'*nowhere'"),
  ])
  func corpusSyntaxErrorsReadAsSentences(_ name: String, _ line: Int, _ column: Int, _ phrase: String) throws {
    guard let issue = syntaxIssue(try corpusFile(name)) else { return }
    #expect(issue.position?.line == line && issue.position?.column == column, "\(issue)")
    #expect(issue.description.contains(phrase), "\(issue)")
  }

  @Test(arguments: [
    ("name: a\nhorizon:\n  start: 2025-07-01\n \tdays: 3\n", 4, 2, "a tab"),
    ("a: b\n\tc: d\n", 2, 1, "a tab"),
    ("name: a\nhorizon:\n  start: 2025-07-01\n  days 3\n  x: 1\n", 4, 3, "':' after the key"),
    ("name: \"abc\n", 1, 7, "a closing quote"),
    ("name: a: b\n", 1, 8, "quote a value that contains ': '"),
    ("name: a\n- b\n", 2, 1, "a key indented like the others of the mapping at line 1, column 1"),
    ("a:\n  - x\n  y: 1\n", 3, 3, "a list item ('- ') indented like the others of the list at line 2, column 3"),
    ("a: [1, 2\nb: 1\n", 2, 2, "',' or ']' in the list that opens at line 1, column 4"),
    ("a: {b: 1\nc: 1\n", 2, 2, "',' or '}' in the mapping that opens at line 1, column 4"),
    ("a: \"x\\q\"\n", 1, 6, "escape"),
    ("a: @x\n", 1, 4, "'@'"),
    ("a: - b\n", 1, 4, "a list"),
  ])
  func syntaxErrorsReadAsSentences(_ yaml: String, _ line: Int, _ column: Int, _ phrase: String) {
    guard let issue = syntaxIssue(yaml) else { return }
    #expect(issue.position?.line == line && issue.position?.column == column, "\(issue)")
    #expect(issue.description.contains(phrase), "\(issue)")
  }

  // MARK: - Bytes that are not UTF-8

  @Test(arguments: [("non-utf8-bytes.yaml", 1, 9, "0xFF"), ("fuzzer-mangled-bytes.yaml", 1, 3, "0xBC"),
                    ("fuzzer-aliases-out-of-place.yaml", 1, 12, "0xE2"), ("utf16-bom.yaml", 1, 1, "UTF-16")])
  func invalidUTF8IsLocatedAtItsFirstByte(_ name: String, _ line: Int, _ column: Int, _ phrase: String) {
    do {
      _ = try ScenarioDocument.read(path: "\(Self.corpus)/\(name)")
      Issue.record("\(name) was read")
    } catch {
      let issue = error.issues[0]
      #expect(issue.position?.line == line && issue.position?.column == column, "\(issue)")
      #expect(issue.description.contains(phrase), "\(issue)")
    }
  }

  @Test func invalidUTF8OnALaterLineCountsCharactersNotBytes() throws {
    let directory = try temporaryDirectory()
    let path = directory.appendingPathComponent("s.yaml").path
    try Data("name: a\ndescription: é".utf8 + [0xC3, 0x28] + Array("\n".utf8)).write(to: URL(fileURLWithPath: path))
    do {
      _ = try ScenarioDocument.read(path: path)
      Issue.record("the file was read")
    } catch {
      #expect(error.issues[0].position == SourcePosition(file: path, line: 2, column: 15), "\(error)")
    }
  }

  // MARK: - Names

  @Test func aNameIsAtMost100Characters() throws {
    let long = String(repeating: "a", count: 300)
    let found = issues(variant("name: small", "name: \(long)"))
    let issue = try #require(found.first { $0.keyPath == "name" })
    #expect(issue.position?.line == 1)
    #expect(issue.description.contains("at most 100 characters"), "\(issue)")
    #expect(!issue.description.contains(long) && issue.description.count < 260, "\(issue)")
    _ = try ScenarioLoader.load(yaml: variant("name: small", "name: \(String(repeating: "b", count: 100))"), file: "test.yaml")
  }

  @Test func aBadNameIsEchoedAsAnExcerpt() throws {
    let huge = String(repeating: "é", count: 1 << 20)
    for name in [huge, "x" + huge, String(repeating: "c", count: 1 << 20)] {
      let issue = try #require(issues(variant("name: small", "name: \(name)")).first { $0.keyPath == "name" })
      #expect(issue.description.count < 300, "\(issue.description.prefix(300))")
    }
  }

  // MARK: - Dates

  @Test func datesOutsideYears1To9999AreRefused() throws {
    let early = try #require(issues(variant("start: 2025-07-01", "start: 0000-12-31")).first { $0.keyPath == "horizon.start" })
    #expect(early.code == .invalidDate && early.description.contains("from 0001-01-01 to 9999-12-31"), "\(early)")
    #expect(issues(variant("[2025-09-01, 2025-09-02]", "[0000-09-01]")).contains { $0.keyPath == "calendar.holidays[0]" })
  }

  @Test func aHorizonPast9999IsRefused() throws {
    let long = variant("start: 2025-07-01", "start: 9999-12-01").replacing("days: 14", with: "days: 3660")
    let end = try #require(issues(long).first { $0.keyPath == "horizon.days" })
    #expect(end.code == .outOfRange && end.description.contains("9999-12-31"), "\(end)")
    #expect(end.position?.line == 6)
    // The horizon fits, but the deadlines counted past its end would not.
    let tight = variant("start: 2025-07-01", "start: 9999-12-20").replacing("days: 14", with: "days: 10")
    let deadlines = try #require(issues(tight).first { $0.keyPath == "horizon" })
    #expect(deadlines.code == .outOfRange && deadlines.description.contains("9999-12-31"), "\(deadlines)")
    _ = try ScenarioLoader.load(yaml: variant("start: 2025-07-01", "start: 9999-06-01"), file: "test.yaml")
  }

  // MARK: - References

  @Test func aStepsUnknownPoolIsReportedAtTheStep() throws {
    let yaml = variant("back_office_time: {gamma: {mean: 30, cv: 0.5}}", "steps: [{name: check, pool: legl, time: 30}]")
      .replacing("back_office_staff: 3", with: "back_office: [{id: legal, staff: 3}]")
    let issue = try #require(issues(yaml).first { $0.keyPath == "procedures[1].steps[0].pool" }, "\(issues(yaml))")
    #expect(issue.code == .unknownReference)
    #expect(issue.position?.line == 22 && issue.position?.column == 33, "\(issue)")
    #expect(issue.description.contains("found 'legl'") && issue.hint == "did you mean 'legal'?", "\(issue)")
    // Only there: not again at the centre's pools.
    #expect(issues(yaml).filter { $0.severity == .error }.count == 1, "\(issues(yaml))")
    // The shorthand works in pool 'back-office': reported at it.
    let shorthand = variant("back_office_staff: 3", "back_office: [{id: legal, staff: 3}]")
    let implied = try #require(issues(shorthand).first { $0.keyPath == "procedures[1].back_office_time" }, "\(issues(shorthand))")
    #expect(implied.position?.line == 22, "\(implied)")
    #expect(!issues(shorthand).contains { $0.keyPath.hasPrefix("centre.") }, "\(issues(shorthand))")
  }
}
