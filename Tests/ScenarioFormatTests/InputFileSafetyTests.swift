//===----------------------------------------------------------------------===//
// Input files: only regular files are read, and their text is echoed in short.
//===----------------------------------------------------------------------===//

import Foundation
import ScenarioFormat
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// What the loader reads (regular files only) and what its messages repeat of a data file
/// (short excerpts with control characters replaced, never whole lines).
@Suite struct InputFileSafetyTests {
  static let scenario = """
    name: replay
    seed: 1
    replications: 2
    horizon: {start: 2025-07-01, days: 28}
    procedures:
      - {id: certification, share: 1, counter_time: 4, deadline: {working_days: 0}}
    centre:
      id: commune
      arrivals: {daily_volume: 10}
      counters: [{id: general, staff: 1}]
    arrivals_replay: log.csv

    """

  /// The issues of loading the scenario above with `log` as its arrival log.
  func issues(log: String) throws -> [ScenarioIssue] {
    let directory = try temporaryDirectory()
    try log.write(to: directory.appendingPathComponent("log.csv"), atomically: true, encoding: .utf8)
    return try issues(directory)
  }

  func issues(_ directory: URL, replay: String = "log.csv") throws -> [ScenarioIssue] {
    let path = directory.appendingPathComponent("replay.yaml").path
    try Self.scenario.replacing("arrivals_replay: log.csv", with: "arrivals_replay: \(replay)")
      .write(toFile: path, atomically: true, encoding: .utf8)
    do {
      _ = try ScenarioLoader.load(path: path)
      return []
    } catch {
      return error.issues
    }
  }

  func hasControlCharacters(_ text: String) -> Bool { text.unicodeScalars.contains { $0.value < 32 || $0.value == 127 } }

  /// A file that is not an arrival log but has the header of one (any CSV can be named)
  /// gets its first 20 bad rows quoted in short, then a count: not a page of its contents.
  @Test func aFileOfBadRowsIsQuotedTwentyRowsAtMost() throws {
    let rows = (0..<300).map { "secret\($0),certification" }.joined(separator: "\n")
    let found = try issues(log: "time,procedure\n" + rows + "\n")
    let quoted = found.filter { $0.found.contains("secret") }
    #expect(quoted.count == 20, "\(quoted.count) rows quoted")
    #expect(found.contains { $0.found == "280 more rows with problems from this one on (not listed)" }, "\(found.map(\.found).suffix(2))")
  }

  @Test func aLongHeaderIsNotEchoedWhole() throws {
    let header = String(repeating: "secret", count: 2_000) + "\u{1B}[2J"
    let issue = try #require(try issues(log: header + "\n2025-07-01 08:00,certification\n").first { $0.keyPath.hasSuffix(".header") })
    let found = issue.found, length = issue.found.count, messageLength = issue.description.count
    #expect(length <= 43, "\(length) characters: \(found.prefix(80))…")
    #expect(found == "'" + String(repeating: "secret", count: 7).prefix(40) + "…'", "\(found.prefix(80))…")
    #expect(messageLength < 300)
  }

  @Test func aControlCharacterInAHeaderIsNotEchoedRaw() throws {
    let issue = try #require(try issues(log: "when\u{1B}[2J,what\n").first { $0.keyPath.hasSuffix(".header") })
    #expect(!hasControlCharacters(issue.found))
    #expect(issue.found == "'when?[2J,what'")
  }

  @Test func cellsAreEchoedAsShortEscapedExcerpts() throws {
    let long = String(repeating: "x", count: 10_000)
    let log = """
      time,procedure,channel,centre
      \(long),certification,,
      2025-07-01 08:00,cert\u{1B}]0;owned\u{7}ification,,
      2025-07-01 08:00,certification,\u{8}\u{8}walk_in,
      2025-07-01 08:00,certification,walk_in,\(long)

      """
    let found = try issues(log: log).filter { $0.keyPath.hasPrefix("arrivals_replay[") }
    #expect(found.map(\.keyPath) == ["arrivals_replay[2].time", "arrivals_replay[3].procedure", "arrivals_replay[4].channel",
                                     "arrivals_replay[5].centre"])
    for issue in found {
      #expect(!hasControlCharacters(issue.found), "\(issue.keyPath): \(issue.found)")
      #expect(issue.found.count <= 43, "\(issue.keyPath): \(issue.found.count) characters")
    }
    #expect(found[1].found == "'cert?]0;owned?ification'")
    #expect(found[0].found == "'" + String(repeating: "x", count: 40) + "…'")
  }

  @Test func anOrdinaryBadCellIsQuotedAsBefore() throws {
    let found = try issues(log: "time,procedure\n2025-07-01 08:00,lands\n").filter { $0.keyPath.hasPrefix("arrivals_replay[") }
    #expect(found.map(\.found) == ["'lands'"])
  }

  /// Directories, FIFOs, devices and links are refused by name, without reading (a
  /// FIFO or `/dev/zero` would otherwise block or be read for ever).
  @Test(arguments: ["directory", "fifo", "device", "link to device", "link to fifo", "link to directory", "link to file"])
  func anArrivalLogThatIsNotARegularFileIsRefused(kind: String) throws {
    let directory = try temporaryDirectory()
    let path = try plant(kind, at: directory.appendingPathComponent("log.csv").path, in: directory)
    let issues = try issues(directory, replay: path)
    #expect(issues.map(\.code) == [.unreadableFile], "\(issues)")
    #expect(issues.first?.found.contains("'\(path)'") == true, "\(issues)")
  }

  @Test(arguments: ["directory", "fifo", "device", "link to device", "link to fifo", "link to directory", "link to file"])
  func aScenarioThatIsNotARegularFileIsRefused(kind: String) throws {
    let directory = try temporaryDirectory()
    let path = try plant(kind, at: directory.appendingPathComponent("scenario.yaml").path, in: directory)
    #expect {
      _ = try ScenarioLoader.load(path: path)
    } throws: { error in
      guard let error = error as? ScenarioError else { return false }
      return error.issues.map(\.code) == [.unreadableFile] && error.description.contains("'\(path)'")
    }
  }

  @Test func aRegularFileStillLoads() throws {
    let directory = try temporaryDirectory()
    try "time,procedure\n2025-07-01 08:00,certification\n"
      .write(to: directory.appendingPathComponent("log.csv"), atomically: true, encoding: .utf8)
    #expect(try issues(directory).filter { $0.severity == .error } == [])
  }

  /// Puts something that is not a regular file at `path`, or names a device; returns the
  /// path to read.
  func plant(_ kind: String, at path: String, in directory: URL) throws -> String {
    let fifo = directory.appendingPathComponent("pipe").path
    let folder = directory.appendingPathComponent("folder").path
    let file = directory.appendingPathComponent("file").path
    #expect(mkfifo(fifo, 0o644) == 0)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    try "time,procedure\n2025-07-01 08:00,certification\n".write(toFile: file, atomically: true, encoding: .utf8)
    switch kind {
    case "directory": try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    case "fifo": #expect(mkfifo(path, 0o644) == 0)
    case "device": return "/dev/zero"
    case "link to device": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
    case "link to fifo": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: fifo)
    case "link to directory": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: folder)
    default: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: file)
    }
    return path
  }
}
