import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `onestop sweep` and `onestop merge` against misuse: two sweeps on one directory, huge
/// grids, leftovers of a killed run, repeated or malformed factors, bad paths.
@Suite struct SweepRobustnessTests {
  let scenario = repositoryRoot() + "/scenarios/default.yaml"
  let quick = ["--set", "horizon.days=7", "--replications", "1", "--quiet"]

  /// Runs onestop like ``runOnestop(_:in:environment:)``, but kills it after `timeout`
  /// seconds (a command that should refuse at once must not hang the suite).
  func run(_ arguments: [String], in directory: URL, timeout: Double = 60) throws -> Outcome {
    let process = Process()
    process.executableURL = onestopExecutable()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString)")
    let err = FileManager.default.temporaryDirectory.appendingPathComponent("err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: err)
    }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    let timedOut = process.isRunning
    if timedOut { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus, standardError: try String(contentsOf: err, encoding: .utf8), timedOut: timedOut)
  }

  /// What ``run(_:in:timeout:)`` saw.
  struct Outcome {
    var status: Int32
    var standardError: String
    /// Whether the command was killed after its time ran out.
    var timedOut: Bool
  }

  // MARK: - Two sweeps on one directory

  @Test func aSecondSweepOnTheSameDirectoryIsRefusedAndADeadHolderTakenOver() throws {
    let directory = try temporaryDirectory()
    let arguments = ["sweep", scenario, "--vary", "centre.counter_staff=2:201:1", "--replications", "5", "--quiet", "--out", "sw"]
    let first = Process()
    first.executableURL = onestopExecutable()
    first.arguments = arguments + ["--jobs", "1"]
    first.currentDirectoryURL = directory
    first.standardError = FileHandle.nullDevice
    try first.run()
    defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
    let point = directory.appendingPathComponent("sw/points/point-000000.csv").path
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline, first.isRunning, !FileManager.default.fileExists(atPath: point) { usleep(5_000) }
    try #require(first.isRunning, "the first sweep finished before the second could start")
    let second = try run(arguments, in: directory, timeout: 30)
    #expect(!second.timedOut)
    #expect(second.status == 1, "\(second.standardError)")
    #expect(second.standardError.contains("process \(first.processIdentifier)"), "\(second.standardError)")
    #expect(second.standardError.contains("since"), "\(second.standardError)")
    #expect(first.isRunning, "the second sweep should not have waited for the first")
    // A holder killed outright leaves its lock file; the next sweep takes it over.
    kill(first.processIdentifier, SIGKILL)
    first.waitUntilExit()
    let resumed = try run(arguments, in: directory, timeout: 120)
    #expect(resumed.status == 0, "\(resumed.standardError)")
    let table = try String(contentsOf: directory.appendingPathComponent("sw/sweep.csv"), encoding: .utf8)
    #expect(table.split(separator: "\n").count == 201)
    // Merging does not need the lock, and the finished sweep leaves none behind.
    let entries = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("sw").path)
    #expect(!entries.contains { $0.contains("lock") }, "\(entries)")
  }

  // MARK: - Huge designs

  @Test func aHugeGridIsRefusedAtOnceWithItsSize() throws {
    let directory = try temporaryDirectory()
    let outcome = try run(["sweep", scenario, "--vary", "centre.counter_staff=1:1000:1", "--vary",
                                       "centre.back_office_staff=1:1000:1", "--vary", "horizon.days=1:100:1"] + quick,
                                      in: directory, timeout: 10)
    #expect(!outcome.timedOut, "the sweep did not refuse a grid of 10^8 points")
    #expect(outcome.status == 64)
    #expect(outcome.standardError.contains("100000000 points (1000 × 1000 × 100"), "\(outcome.standardError)")
    #expect(outcome.standardError.contains("--max-points"), "\(outcome.standardError)")
  }

  @Test func maxPointsSetsTheLimit() throws {
    let directory = try temporaryDirectory()
    let arguments = ["sweep", scenario, "--vary", "centre.counter_staff=2,3", "--vary", "centre.back_office_staff=4:6:1", "--out", "sw"]
      + quick
    let refused = try run(arguments + ["--max-points", "5"], in: directory)
    #expect(refused.status == 64)
    #expect(refused.standardError.contains("6 points (2 × 3: the levels of centre.counter_staff and centre.back_office_staff)"),
            "\(refused.standardError)")
    let accepted = try run(arguments + ["--max-points", "6"], in: directory)
    #expect(accepted.status == 0, "\(accepted.standardError)")
    let lhs = try run(["sweep", scenario, "--vary", "centre.counter_staff=2:5", "--lhs", "20", "--max-points", "10", "--out", "l"]
                           + quick, in: directory)
    #expect(lhs.status == 64)
    #expect(lhs.standardError.contains("--lhs 20"), "\(lhs.standardError)")
  }

  // MARK: - Leftovers of a killed run

  @Test func aResumeRemovesItsOwnStaleTemporariesOnly() throws {
    let directory = try temporaryDirectory()
    let arguments = ["sweep", scenario, "--vary", "centre.counter_staff=2,3", "--out", "sw"] + quick
    #expect(try run(arguments, in: directory).status == 0)
    let top = directory.appendingPathComponent("sw")
    let points = top.appendingPathComponent("points")
    // What a run killed while writing leaves, and what it never writes.
    let stale = [top.appendingPathComponent(".sweep.csv.tmp-0123456789abcdef"),
                 top.appendingPathComponent(".replications.csv.tmp-00000000ffffffff"),
                 points.appendingPathComponent(".point-000001.csv.tmp-0123456789abcdef")]
    let foreign = [top.appendingPathComponent(".notes.txt.tmp-0123456789abcdef"),
                   top.appendingPathComponent(".sweep.csv.tmp-mine"),
                   points.appendingPathComponent(".keep"),
                   points.appendingPathComponent("notes.txt")]
    for url in stale + foreign { try "partial".write(to: url, atomically: false, encoding: .utf8) }
    #expect(try run(arguments, in: directory).status == 0)
    for url in stale { #expect(!FileManager.default.fileExists(atPath: url.path), "\(url.lastPathComponent) was left") }
    for url in foreign { #expect(FileManager.default.fileExists(atPath: url.path), "\(url.lastPathComponent) was removed") }
  }

  // MARK: - Factors

  @Test func theSameFactorTwiceIsRefusedNamingBoth() throws {
    let outcome = try run(["sweep", scenario, "--vary", "centre.counter_staff=2,3", "--vary", "centre.counter_staff=4"] + quick,
                               in: try temporaryDirectory())
    #expect(outcome.status == 64)
    #expect(outcome.standardError.contains("--vary 'centre.counter_staff=2,3' and --vary 'centre.counter_staff=4'"),
            "\(outcome.standardError)")
  }

  @Test(arguments: [
    ("centre.counter_staff=5:1:1", "from 5 down to 1"),
    ("centre.counter_staff=5:1", "from 5 down to 1"),
    ("centre.counter_staff=1:5:0", "step must be a number above 0, not 0"),
    ("centre.counter_staff=1:5:-1", "step must be a number above 0, not -1"),
    ("centre.counter_staff=1:5:x", "step must be a number above 0, not 'x'"),
    ("centre.counter_staff=1:inf", "finite"),
  ])
  func aBadRangeIsAnErrorNamingTheArgument(_ factor: String, _ phrase: String) throws {
    let outcome = try run(["sweep", scenario, "--vary", factor] + quick, in: try temporaryDirectory(), timeout: 20)
    #expect(outcome.status == 64)
    #expect(outcome.standardError.contains("--vary '\(factor)'"), "\(outcome.standardError)")
    #expect(outcome.standardError.contains(phrase), "\(outcome.standardError)")
    #expect(outcome.standardError.contains("low:high[:step]"), "\(outcome.standardError)")
  }

  // MARK: - Paths

  @Test func anEmptyOutputPathIsNamedAsSuch() throws {
    let directory = try temporaryDirectory()
    let sweep = try run(["sweep", scenario, "--vary", "centre.counter_staff=2,3", "--out", ""] + quick, in: directory)
    #expect(sweep.status == 64)
    #expect(sweep.standardError.contains("--out is empty"), "\(sweep.standardError)")
    let single = try run(["run", scenario, "--out", ""] + quick, in: directory)
    #expect(single.status == 64)
    #expect(single.standardError.contains("--out is empty"), "\(single.standardError)")
    #expect(!single.standardError.contains("it exists"), "\(single.standardError)")
  }

  @Test func mergeSaysWhichShardIsMissingOrNotAShard() throws {
    let directory = try temporaryDirectory()
    let missing = try run(["merge", "merged", "nowhere"], in: directory)
    #expect(missing.status == 1)
    #expect(missing.standardError.contains("'nowhere' does not exist"), "\(missing.standardError)")
    #expect(!missing.standardError.contains("cannot write"), "\(missing.standardError)")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("empty"), withIntermediateDirectories: true)
    let empty = try run(["merge", "merged", "empty"], in: directory)
    #expect(empty.status == 1)
    #expect(empty.standardError.contains("'empty' is not a sweep shard (it has no sweep.json)"), "\(empty.standardError)")
    try "x".write(to: directory.appendingPathComponent("file"), atomically: true, encoding: .utf8)
    let file = try run(["merge", "merged", "file"], in: directory)
    #expect(file.standardError.contains("'file' is not a directory"), "\(file.standardError)")
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("merged").path))
  }
}
