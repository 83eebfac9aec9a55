import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `compare`, `sweep`, `merge` and `optimize` as a user runs them.
@Suite struct ExperimentCommandTests {
  let scenario = repositoryRoot() + "/scenarios/default.yaml"
  let quick = ["--set", "horizon.days=21", "--replications", "3"]

  func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  @Test func compareGivesVerdictsAndATable() throws {
    let directory = try temporaryDirectory()
    let outcome = try runOnestop(["compare", scenario, "--variant", "more clerks: centre.counter_staff=5", "--out", "cmp"] + quick,
                                 in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.contains("more clerks cuts counter wait, mean by"))
    let table = try read(directory.appendingPathComponent("cmp/compare.csv"))
    #expect(table.hasPrefix("variant,kpi,unit,base_mean,variant_mean,difference_mean,difference_low,difference_high"))
    #expect(table.contains("more clerks,arrivals,dossiers,"))
  }

  @Test func compareSelectsTheBestOfSeveral() throws {
    let directory = try temporaryDirectory()
    let outcome = try runOnestop(["compare", scenario, "--variant", "2: centre.back_office_staff=2", "--variant", "8: centre.back_office_staff=8",
                                  "--select", "back_office_wait_mean", "--delta", "5", "--out", "cmp"] + quick, in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.contains("best is 8"))
    #expect(try read(directory.appendingPathComponent("cmp/compare.json")).contains("\"probability_of_correct_selection\": 0.95"))
  }

  @Test func aBadVariantIsALocatedError() throws {
    let outcome = try runOnestop(["compare", scenario, "--variant", "x: centre.counter_staff=-1"], in: try temporaryDirectory())
    #expect(outcome.status == 2)
    #expect(outcome.standardError.contains("--set centre.counter_staff=-1:1:1: error: centre.counter_staff: expected a whole number"))
  }

  func sweep(_ extra: [String], in directory: URL) throws -> CommandOutcome {
    try runOnestop(["sweep", scenario, "--vary", "centre.counter_staff=2,3,4", "--vary", "centre.back_office_staff=4:5:1", "--quiet"]
                   + quick + extra, in: directory)
  }

  @Test func shardsMergeIntoTheSameTableAsOneRun() throws {
    let directory = try temporaryDirectory()
    #expect(try sweep(["--out", "whole"], in: directory).status == 0)
    for k in 1...3 { #expect(try sweep(["--out", "s\(k)", "--shard", "\(k)/3"], in: directory).status == 0) }
    let merged = try runOnestop(["merge", "merged", "s1", "s2", "s3"], in: directory)
    #expect(merged.status == 0, "\(merged.standardError)")
    for file in ["sweep.csv", "replications.csv"] {
      #expect(try read(directory.appendingPathComponent("whole/\(file)")) == read(directory.appendingPathComponent("merged/\(file)")))
    }
    #expect(try read(directory.appendingPathComponent("whole/sweep.csv")).split(separator: "\n").count == 7)
    let incomplete = try runOnestop(["merge", "partial", "s1", "s2"], in: directory)
    #expect(incomplete.status == 1 && incomplete.standardError.contains("are in no shard"))
  }

  @Test func aKilledSweepResumesWithoutLostOrRepeatedRows() throws {
    let directory = try temporaryDirectory()
    #expect(try sweep(["--out", "reference"], in: directory).status == 0)
    // Start the same sweep, kill it once a point is done, run it again.
    let process = Process()
    process.executableURL = onestopExecutable()
    process.arguments = ["sweep", scenario, "--vary", "centre.counter_staff=2,3,4", "--vary", "centre.back_office_staff=4:5:1",
                         "--quiet", "--out", "killed"] + quick
    process.currentDirectoryURL = directory
    try process.run()
    let points = directory.appendingPathComponent("killed/points")
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline {
      let done = ((try? FileManager.default.contentsOfDirectory(atPath: points.path)) ?? []).filter { $0.hasPrefix("point-") }
      if !done.isEmpty || !process.isRunning { break }
      usleep(2_000)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(try sweep(["--out", "killed"], in: directory).status == 0)
    for file in ["sweep.csv", "replications.csv"] {
      #expect(try read(directory.appendingPathComponent("reference/\(file)")) == read(directory.appendingPathComponent("killed/\(file)")))
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: points.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)
  }

  @Test func optimizeFindsAndConfirmsAStaffing() throws {
    let directory = try temporaryDirectory()
    let outcome = try runOnestop(["optimize", scenario, "--target", "counter_wait_p95<=10", "--units", "counters",
                                  "--set", "centre.counter_staff=1", "--out", "opt", "--quiet"] + quick, in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let table = try read(directory.appendingPathComponent("opt/optimize.csv"))
    #expect(table.hasPrefix("unit,before,after,change\ncommune/counter,1,"))
    #expect(try read(directory.appendingPathComponent("opt/optimize.json")).contains("\"feasible\": true"))
  }
}
