//===----------------------------------------------------------------------===//
// `onestop fit LOG.csv` and the traces it reads, as a user runs them.
//===----------------------------------------------------------------------===//

import Foundation
import Testing
import TestSupport

@Suite struct FitCommandTests {
  /// One centre, two procedures, online dossiers and supplements; 2 × 4 weeks.
  static let scenario = """
    name: small
    seed: 3
    replications: 2
    horizon: {start: 2025-07-07, days: 28}
    procedures:
      - id: certification
        share: 0.6
        counter_time: {lognormal: {mean: 4, sd: 3}}
        back_office_time: {gamma: {mean: 6, sd: 3}}
        deadline: {working_days: 0}
        online_share: 0.2
      - id: land
        share: 0.4
        counter_time: {lognormal: {mean: 15, sd: 6}}
        back_office_time: {gamma: {mean: 90, sd: 40}}
        deadline: {working_days: 10}
        incomplete: {at_counter: 0.1, in_back_office: 0.05}
    centre:
      id: commune
      arrivals: {daily_volume: 30, weekday_factors: {monday: 1.2, friday: 0.8}}
      counter_staff: 4
      back_office_staff: 8

    """

  func workspace() throws -> URL {
    let directory = try temporaryDirectory()
    try Self.scenario.write(to: directory.appendingPathComponent("small.yaml"), atomically: true, encoding: .utf8)
    return directory
  }

  func text(_ directory: URL, _ name: String) throws -> String {
    try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
  }

  func trace(_ directory: URL, jobs: Int, name: String = "log.csv") throws {
    let outcome = try runOnestop(["run", "small.yaml", "--trace", name, "--trace-format", "log", "--trace-replications", "all",
                                  "--jobs", "\(jobs)", "--out", "run-\(jobs)", "--quiet"], in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
  }

  @Test func aSimulatedLogIsFittedIntoAScenarioThatRuns() throws {
    let directory = try workspace()
    try trace(directory, jobs: 1, name: "log-1.csv")
    try trace(directory, jobs: 2)
    let log = try text(directory, "log.csv")
    #expect(log == (try text(directory, "log-1.csv")), "the traced log depends on --jobs")
    let lines = log.split(separator: "\n")
    #expect(lines.first == "replication,dossier,centre,procedure,channel,arrived,counter_start,received,work_start,completed,due,supplement")
    #expect(Set(lines.dropFirst().map { $0.prefix(2) }) == ["0,", "1,"])
    let fit = try runOnestop(["fit", "log.csv", "--scenario", "small.yaml", "--bootstrap", "39", "--out", "fit"], in: directory)
    #expect(fit.status == 0, "\(fit.standardError)")
    #expect(fit.standardError.isEmpty, "\(fit.standardError)")
    let out = fit.standardOutput
    #expect(out.contains("Centre commune: ") && out.contains("daily volume ") && out.contains("Poisson check: "))
    #expect(out.contains("Wrote fit/fitted.yaml, fit/fit.json, fit/report.html"))
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("fit/fit.json"))) as? [String: Any]
    #expect((json?["log"] as? [String: Any])?["rows_dropped"] as? Int == 0)
    #expect((json?["procedures"] as? [[String: Any]])?.count == 2)
    let html = try text(directory, "fit/report.html")
    #expect(html.contains("<svg") && !html.contains("<script") && html.contains("Every choice made"))
    let yaml = try text(directory, "fit/fitted.yaml")
    #expect(yaml.hasPrefix("# Fitted by onestop fit (onestop "))
    // The same bytes whatever --jobs is.
    let serial = try runOnestop(["fit", "log.csv", "--scenario", "small.yaml", "--bootstrap", "39", "--out", "fit-1", "--jobs", "1",
                                 "--quiet"], in: directory)
    #expect(serial.status == 0)
    for name in ["fitted.yaml", "fit.json", "report.html"] {
      #expect(try text(directory, "fit/\(name)") == text(directory, "fit-1/\(name)"), "\(name) depends on --jobs")
    }
    // The fitted scenario runs as it is, without a warning.
    let again = try runOnestop(["run", "fit/fitted.yaml", "--out", "again", "--quiet"], in: directory)
    #expect(again.status == 0 && again.standardError.isEmpty, "\(again.standardError)")
  }

  @Test func theDefaultOutputIsResultsFitAndQuietPrintsNothing() throws {
    let directory = try workspace()
    try trace(directory, jobs: 2)
    let fit = try runOnestop(["fit", "log.csv", "--scenario", "small.yaml", "--bootstrap", "39", "--quiet"], in: directory)
    #expect(fit.status == 0 && fit.standardOutput.isEmpty, "\(fit.standardError)")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("results/fit-log").path).sorted()
    #expect(names == ["fit.json", "fitted.yaml", "manifest.json", "report.html"])
  }

  @Test func aFileThatIsNotALogExitsWith2AtItsLineAndWritesNothing() throws {
    let directory = try workspace()
    try "dossier,centre,procedure\n1,commune,land\n".write(to: directory.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
    let fit = try runOnestop(["fit", "bad.csv", "--scenario", "small.yaml"], in: directory)
    #expect(fit.status == 2)
    #expect(fit.standardError.contains("bad.csv:1:1: error: expected a header naming the columns dossier, centre, procedure and arrived"))
    #expect(fit.standardError.contains("found no column 'arrived'"))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("results").path))
    let missing = try runOnestop(["fit", "none.csv", "--scenario", "small.yaml"], in: directory)
    #expect(missing.status == 2 && missing.standardError.contains("no file at 'none.csv'"))
    let badBase = try runOnestop(["fit", "bad.csv", "--scenario", "nothing.yaml"], in: directory)
    #expect(badBase.status == 2)
  }

  @Test func badRowsAreListedByRowNumberAndTheRestIsFitted() throws {
    let directory = try workspace()
    var log = "dossier,centre,procedure,arrived,counter_start,received\n"
    for i in 0..<40 {
      let minute = 8 * 60 + i * 5
      log += "\(i),commune,land,2025-07-\(String(format: "%02d", 7 + i % 5)) \(String(format: "%02d:%02d", minute / 60, minute % 60)),,\n"
    }
    log += "40,commune,land,2025-07-08 10:00,2025-07-08 10:05,2025-07-08 09:00\n"
    log += "41,commune,pasport,2025-07-08 10:00,,\n"
    try log.write(to: directory.appendingPathComponent("log.csv"), atomically: true, encoding: .utf8)
    let fit = try runOnestop(["fit", "log.csv", "--scenario", "small.yaml", "--bootstrap", "39", "--out", "fit"], in: directory)
    #expect(fit.status == 0, "\(fit.standardError)")
    #expect(fit.standardOutput.contains("Rows: 42 read, 41 used, 1 dropped, 2 with problems."))
    #expect(fit.standardOutput.contains("row 42 (received): received 2025-07-08 09:00 is before arrived 2025-07-08 10:00"))
    #expect(fit.standardOutput.contains("row 43 (procedure): 'pasport' is not a procedure of the base scenario"))
  }

  @Test func traceOptionsAreChecked() throws {
    let directory = try workspace()
    for arguments in [["--trace", "t.csv", "--trace-format", "xml"], ["--trace", "t.csv", "--trace-replications", "0"],
                      ["--trace-format", "log"], ["--trace", "t.csv", "--trace-replications", "some"]] {
      let outcome = try runOnestop(["run", "small.yaml", "--quiet"] + arguments, in: directory)
      #expect(outcome.status == 64, "\(arguments): \(outcome.standardError)")
    }
    let fit = try runOnestop(["fit", "log.csv", "--scenario", "small.yaml", "--bootstrap", "19"], in: directory)
    #expect(fit.status == 64 && fit.standardError.contains("--bootstrap must be from 39"))
  }

  @Test func theEventTraceIsTheDefaultAndTracesMoreReplicationsOnRequest() throws {
    let directory = try workspace()
    for (name, extra) in [("default.csv", []), ("events.csv", ["--trace-format", "events"]), ("two.csv", ["--trace-replications", "2"])] {
      let outcome = try runOnestop(["run", "small.yaml", "--trace", name, "--out", "out-\(name)", "--quiet"] + extra, in: directory)
      #expect(outcome.status == 0, "\(outcome.standardError)")
    }
    let first = try text(directory, "default.csv")
    #expect(first == (try text(directory, "events.csv")))
    #expect(first.hasPrefix("replication,dossier,centre,procedure,channel,event,time,due,detail\n"))
    let two = try text(directory, "two.csv")
    #expect(two.hasPrefix(first) && two.count > first.count && two.contains("\n1,0,commune,"))
    // Tracing changes no result.
    let results = ["default.csv", "two.csv"].map { try? text(directory, "out-\($0)/summary.json") }
    #expect(results[0] != nil && results[0] == results[1])
  }
}
