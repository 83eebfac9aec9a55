import Foundation
import Testing
import TestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `--json` on every command that reports, for researchers' scripts and the Python
/// package: one JSON document on standard output, the same as the command's JSON file.
@Suite struct JSONOutputTests {
  let scenario = repositoryRoot() + "/scenarios/default.yaml"
  let quick = ["--set", "horizon.days=21", "--replications", "3"]

  func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text.prefix(200))")
  }

  @Test func compareAndOptimizePrintTheirFilesWithProvenance() throws {
    let directory = try temporaryDirectory()
    let compare = try runOnestop(["compare", scenario, "--variant", "more: centre.counter_staff=5", "--json", "--out", "c"] + quick, in: directory)
    #expect(compare.status == 0, "\(compare.standardError)")
    #expect(compare.standardOutput == (try String(contentsOf: directory.appendingPathComponent("c/compare.json"), encoding: .utf8)))
    let json = try object(compare.standardOutput)
    let provenance = try #require(json["provenance"] as? [String: Any])
    let alternatives = try #require(provenance["alternatives"] as? [[String: Any]])
    #expect(alternatives.map { $0["label"] as? String } == ["default", "more"])
    #expect((alternatives[1]["overrides"] as? [String])?.contains("centre.counter_staff=5") == true)
    #expect((alternatives[0]["scenario_sha256"] as? String)?.count == 64)
    let differences = try #require(json["differences"] as? [[String: Any]])
    #expect(differences.contains { $0["kpi"] as? String == "overdue" && $0["significant"] is Bool })

    let optimize = try runOnestop(["optimize", scenario, "--target", "counter_wait_p95<=10", "--units", "counters", "--json", "--out", "o"] + quick,
                                  in: directory)
    #expect(optimize.status == 0, "\(optimize.standardError)")
    #expect(optimize.standardOutput == (try String(contentsOf: directory.appendingPathComponent("o/optimize.json"), encoding: .utf8)))
  }

  @Test func sweepPrintsItsPointsAsObjects() throws {
    let directory = try temporaryDirectory()
    let sweep = try runOnestop(["sweep", scenario, "--vary", "centre.counter_staff=2,3", "--json", "--out", "s"] + quick, in: directory)
    #expect(sweep.status == 0, "\(sweep.standardError)")
    let json = try object(sweep.standardOutput)
    let points = try #require(json["points"] as? [[String: Any]])
    #expect(points.map { $0["centre.counter_staff"] as? Double } == [2, 3])
    #expect(points.allSatisfy { $0["overdue_mean"] is Double })
    #expect((json["sweep"] as? [String: Any])?["points"] as? Int == 2)
  }

  @Test func validateListsEveryIssueWithItsPlace() throws {
    let directory = try temporaryDirectory()
    let bad = directory.appendingPathComponent("bad.yaml")
    try "name: bad\nhorizon:\n  days: -3\n".write(to: bad, atomically: true, encoding: .utf8)
    let outcome = try runOnestop(["validate", scenario, bad.path, "--json"], in: directory)
    #expect(outcome.status == 2)
    let files = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [[String: Any]])
    #expect(files.map { $0["valid"] as? Bool } == [true, false])
    let issues = try #require(files[1]["issues"] as? [[String: Any]])
    let days = try #require(issues.first { $0["key_path"] as? String == "horizon.days" }, "\(issues)")
    #expect(days["line"] as? Int == 3 && days["severity"] as? String == "error")
    #expect((days["found"] as? String)?.contains("-3") == true)
  }

  @Test func checkWritesJSONAndAJUnitReport() throws {
    let directory = try temporaryDirectory()
    let outcome = try runOnestop(["check", scenario, "--json", "--junit", "check.xml"] + quick, in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let json = try object(outcome.standardOutput)
    let checks = try #require(json["checks"] as? [[String: Any]])
    #expect(json["holds"] as? Bool == true && !checks.isEmpty)
    let xml = try String(contentsOf: directory.appendingPathComponent("check.xml"), encoding: .utf8)
    #expect(xml.contains("<testsuite name=\"default\" tests=\"\(checks.count)\" failures=\"0\""))
    #expect(xml.components(separatedBy: "<testcase ").count - 1 == checks.count)
    #expect((try? XMLDocument(xmlString: xml)) != nil, "well-formed XML")
  }

  @Test func describeAndWarmupPrintJSON() throws {
    let directory = try temporaryDirectory()
    let describe = try runOnestop(["describe", scenario, "--json"], in: directory)
    #expect(describe.status == 0)
    let outline = try object(describe.standardOutput)
    #expect((outline["procedures"] as? [Any])?.count == 9)
    #expect(((outline["counter_theory"] as? [[String: Any]])?.first?["hours"] as? [Any])?.isEmpty == false)
    let warmup = try runOnestop(["warmup", scenario, "--json"] + quick, in: directory)
    #expect(warmup.status == 0, "\(warmup.standardError)")
    #expect((try object(warmup.standardOutput)["series"] as? [Any])?.count == 2)
  }

  /// A scenario piped in (`-`), as a script generating scenarios does: the same results
  /// as from the file, named `<stdin>` in messages and provenance.
  @Test func aScenarioCanComeOnStandardInput() throws {
    let directory = try temporaryDirectory()
    func piped(_ arguments: [String], _ input: String) throws -> (Int32, String, String) {
      let process = Process()
      process.executableURL = onestopExecutable()
      process.arguments = arguments
      process.currentDirectoryURL = directory
      let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
      process.standardInput = stdin
      process.standardOutput = stdout
      process.standardError = stderr
      try process.run()
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try stdin.fileHandleForWriting.close()
      let out = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      let err = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      return (process.terminationStatus, out, err)
    }
    let yaml = try String(contentsOfFile: scenario, encoding: .utf8)
    let (status, out, err) = try piped(["run", "-", "--json", "--out", "piped"] + quick, yaml)
    #expect(status == 0, "\(err)")
    let fromFile = try runOnestop(["run", scenario, "--json", "--out", "file"] + quick, in: directory)
    let a = try object(out), b = try object(fromFile.standardOutput)
    #expect((a["kpis"] as? NSDictionary) == (b["kpis"] as? NSDictionary))
    #expect((a["provenance"] as? [String: Any])?["scenario_file"] as? String == "<stdin>")
    let (bad, _, message) = try piped(["validate", "-"], "name: x\nhorizon: [\n")
    #expect(bad == 2 && message.hasPrefix("<stdin>:3:1: error:"), "\(message)")
  }

  /// Provenance names the build, not only the release: `git describe` compiled in.
  @Test func provenanceNamesTheBuild() throws {
    let directory = try temporaryDirectory()
    let version = try runOnestop(["--version"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(version.hasPrefix("0.1.0 (") && version.hasSuffix(")") && version.count > "0.1.0 ()".count, "\(version)")
    let run = try runOnestop(["run", scenario, "--json", "--out", "r"] + quick, in: directory)
    let provenance = try #require(try object(run.standardOutput)["provenance"] as? [String: Any])
    #expect(provenance["onestop_version"] as? String == version)
  }
}
