import Foundation
import Testing
import TestSupport

/// `onestop run` as a user runs it: files written, bytes reproducible, errors located.
@Suite struct RunCommandTests {
  /// A short copy of the default scenario in a fresh directory.
  func workspace(days: Int = 21, replications: Int = 4) throws -> URL {
    let directory = try temporaryDirectory()
    var text = try String(contentsOfFile: repositoryRoot() + "/scenarios/default.yaml", encoding: .utf8)
    text = text.replacing("days: 92", with: "days: \(days)").replacing("replications: 20", with: "replications: \(replications)")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
    try text.write(to: directory.appendingPathComponent("scenarios/default.yaml"), atomically: true, encoding: .utf8)
    return directory
  }

  func contents(_ directory: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
      files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
    }
    return files
  }

  @Test func runsTheDefaultScenarioAndWritesTheResultFiles() throws {
    let directory = try workspace()
    let outcome = try runOnestop(["run"], in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.contains("Scenario default"))
    #expect(outcome.standardOutput.contains("On-time rate"))
    let files = try contents(directory.appendingPathComponent("results/default"))
    #expect(files.keys.sorted() == [
      "centres.csv", "centres_daily.csv", "channels.csv", "daily.csv", "hourly.csv", "manifest.json", "pools.csv", "procedures.csv",
      "replications.csv", "report.html", "summary.json", "wait_distribution.csv",
    ])
    let hourly = String(decoding: files["hourly.csv"]!, as: UTF8.self).split(separator: "\n")
    #expect(hourly.count == 25)  // header + 24 hours
    #expect(hourly[9].hasPrefix("8,08:00,09:00,"))
    let summary = try JSONSerialization.jsonObject(with: files["summary.json"]!) as? [String: Any]
    #expect((summary?["kpis"] as? [String: Any])?["on_time_rate"] != nil)
    let daily = String(decoding: files["daily.csv"]!, as: UTF8.self).split(separator: "\n")
    #expect(daily.count == 22)  // header + 21 days
    #expect(daily[0].hasPrefix("day,date,weekday,working_day,open_minutes,arrivals_mean"))
    let procedures = String(decoding: files["procedures.csv"]!, as: UTF8.self).split(separator: "\n")
    #expect(procedures.count == 10)
  }

  @Test func sameSeedSameBytesWhateverTheThreadCount() throws {
    let directory = try workspace()
    let a = try runOnestop(["run", "--out", "a", "--jobs", "1", "--quiet"], in: directory)
    let b = try runOnestop(["run", "--out", "b", "--jobs", "2", "--quiet"], in: directory)
    let c = try runOnestop(["run", "--out", "c", "--seed", "99", "--quiet"], in: directory)
    #expect(a.status == 0 && b.status == 0 && c.status == 0)
    #expect(a.standardOutput.isEmpty)
    let filesA = try contents(directory.appendingPathComponent("a"))
    #expect(filesA == (try contents(directory.appendingPathComponent("b"))))
    let filesC = try contents(directory.appendingPathComponent("c"))
    #expect(filesA["summary.json"] != filesC["summary.json"])
    #expect(filesA["daily.csv"] != filesC["daily.csv"])
  }

  @Test func provenanceNamesTheScenarioFileAndItsHash() throws {
    let directory = try workspace()
    #expect(try runOnestop(["run", "--out", "out", "--quiet"], in: directory).status == 0)
    let summary = try String(contentsOf: directory.appendingPathComponent("out/summary.json"), encoding: .utf8)
    let hasher = Process()
    hasher.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    hasher.arguments = ["sha256sum", "scenarios/default.yaml"]
    hasher.currentDirectoryURL = directory
    let pipe = Pipe()
    hasher.standardOutput = pipe
    try hasher.run()
    let digest = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
    hasher.waitUntilExit()
    #expect(digest.count == 64)
    #expect(summary.contains("\"scenario_sha256\": \"\(digest)\""))
    #expect(summary.contains("\"scenario_file\": \"scenarios/default.yaml\""))
    #expect(summary.contains("\"generator\": \"gsl mt19937\""))
  }

  @Test func traceWritesEveryDossiersTimelineAndChangesNothing() throws {
    let directory = try workspace(days: 7, replications: 2)
    let traced = try runOnestop(["run", "--out", "traced", "--trace", "trace.csv", "--quiet"], in: directory)
    let plain = try runOnestop(["run", "--out", "plain", "--quiet"], in: directory)
    #expect(traced.status == 0 && plain.status == 0)
    #expect(try contents(directory.appendingPathComponent("traced")) == contents(directory.appendingPathComponent("plain")))
    let trace = try String(contentsOf: directory.appendingPathComponent("trace.csv"), encoding: .utf8)
      .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    #expect(trace.first?.joined(separator: ",") == "replication,dossier,centre,procedure,channel,event,time,due,detail")
    let rows = trace.dropFirst()
    #expect(rows.allSatisfy { $0.count == 9 && $0[0] == "0" })
    let arrivals = rows.filter { $0[5] == "arrival" }.count
    let completed = rows.filter { $0[5] == "completed" }.count
    #expect(arrivals > 100 && completed > 0 && completed <= arrivals)
    // Times are in order and replayable: the same format arrivals_replay reads.
    let times = rows.map { String($0[6]) }
    #expect(times == times.sorted())
    #expect(times.first?.hasPrefix("2025-07-01 08:") == true)
  }

  @Test func aTraceReplaysAsRecordedArrivals() throws {
    // The trace's arrivals, fed back as a recorded log, give the same arrival counts.
    let directory = try workspace(days: 7, replications: 1)
    #expect(try runOnestop(["run", "--out", "first", "--trace", "trace.csv", "--quiet"], in: directory).status == 0)
    let trace = try String(contentsOf: directory.appendingPathComponent("trace.csv"), encoding: .utf8)
    var log = "time,procedure,channel,centre\n"
    for line in trace.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",", omittingEmptySubsequences: false)
      if f[5] == "arrival" { log += "\(f[6]),\(f[3]),\(f[4]),\(f[2])\n" }
    }
    try log.write(to: directory.appendingPathComponent("scenarios/log.csv"), atomically: true, encoding: .utf8)
    var yaml = try String(contentsOf: directory.appendingPathComponent("scenarios/default.yaml"), encoding: .utf8)
    yaml += "\narrivals_replay: log.csv\n"
    try yaml.write(to: directory.appendingPathComponent("scenarios/replay.yaml"), atomically: true, encoding: .utf8)
    let replay = try runOnestop(["run", "scenarios/replay.yaml", "--out", "replayed", "--quiet"], in: directory)
    #expect(replay.status == 0, "\(replay.standardError)")
    let first = try String(contentsOf: directory.appendingPathComponent("first/procedures.csv"), encoding: .utf8)
    let replayed = try String(contentsOf: directory.appendingPathComponent("replayed/procedures.csv"), encoding: .utf8)
    func arrivals(_ table: String) -> [String] { table.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[4]) } }
    #expect(arrivals(first) == arrivals(replayed))
  }

  @Test func overridesReplications() throws {
    let directory = try workspace()
    let outcome = try runOnestop(["run", "--replications", "2", "--out", "two"], in: directory)
    #expect(outcome.status == 0)
    let table = try String(contentsOf: directory.appendingPathComponent("two/replications.csv"), encoding: .utf8)
    #expect(table.split(separator: "\n").count == 3)
  }

  @Test func aBadScenarioIsLocatedAndNothingIsWritten() throws {
    let directory = try workspace()
    let path = directory.appendingPathComponent("scenarios/default.yaml")
    let text = try String(contentsOf: path, encoding: .utf8).replacing("daily_volume: 48", with: "daily_volume: -48")
    try text.write(to: directory.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
    let outcome = try runOnestop(["run", "bad.yaml"], in: directory)
    #expect(outcome.status == 2)
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("daily_volume") }! + 1
    #expect(outcome.standardError.contains("bad.yaml:\(line):19: error: centre.arrivals.daily_volume: expected a number ≥ 0, found -48"),
            "\(outcome.standardError)")
    #expect(outcome.standardError.contains("nothing was run or written"))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("results").path))
  }

  @Test func aMissingScenarioFileExitsWithTwo() throws {
    let directory = try temporaryDirectory()
    let outcome = try runOnestop(["run"], in: directory)
    #expect(outcome.status == 2)
    #expect(outcome.standardError.contains("no file at 'scenarios/default.yaml'"))
  }

  @Test func aBadFlagIsAUsageError() throws {
    let directory = try workspace()
    let outcome = try runOnestop(["run", "--replications", "0"], in: directory)
    #expect(outcome.status == 64)
    #expect(outcome.standardError.contains("--replications must be from 1 to 100000"))
  }

  @Test func unwritableOutputIsARuntimeFailure() throws {
    let directory = try workspace()
    try Data().write(to: directory.appendingPathComponent("blocker"))
    let outcome = try runOnestop(["run", "--out", "blocker/sub", "--quiet"], in: directory)
    #expect(outcome.status == 1)
    #expect(outcome.standardError.contains("cannot write"))
  }
}
