import Foundation
import Testing
import TestSupport

/// What `onestop run` tells a planner (issue 15): the week's demand, the verdict on the
/// backlog, the initial backlog, and the warnings in summary.json.
@Suite struct DecisionAnswerCommandTests {
  func summary(_ directory: URL) throws -> [String: Any] {
    let data = try Data(contentsOf: directory.appendingPathComponent("summary.json"))
    return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func theWardBacklogRunSaysWhenItsBacklogIsCleared() throws {
    let out = try temporaryDirectory()
    let outcome = try runOnestop(["run", "scenarios/ward-backlog.yaml", "--replications", "3", "--out", out.path],
                                 in: URL(fileURLWithPath: repositoryRoot()))
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.contains("Initial backlog: 300 dossiers pending at the start, 40 of them already past due"))
    #expect(outcome.standardOutput.contains("The initial backlog was cleared on day"))
    #expect(outcome.standardOutput.contains("Verdict: The backlog"))
    #expect(outcome.standardOutput.contains("Demand: about 300 dossiers a week"))
    let json = try summary(out)
    let initial = try #require(json["initial_backlog"] as? [String: Any])
    #expect(initial["count"] as? Double == 300 && initial["past_due_at_start"] as? Double == 40)
    let verdict = try #require(json["verdict"] as? [String: Any])
    #expect(["growing", "shrinking", "stable"].contains(verdict["backlog"] as? String ?? ""))
  }

  @Test func warningsReachTheSummaryFileWithTheirPlace() throws {
    let out = try temporaryDirectory()
    let outcome = try runOnestop(["run", "--replications", "2", "--out", out.path,
                                  "--set", "centre.arrivals.surges=[{from: 2026-01-01, to: 2026-01-31, factor: 1.3}]"],
                                 in: URL(fileURLWithPath: repositoryRoot()))
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardError.contains("it has no effect"))
    let warnings = try #require(try summary(out)["warnings"] as? [[String: Any]])
    #expect(warnings.count == 1)
    #expect(warnings.first?["key_path"] as? String == "centre.arrivals.surges[0]")
    #expect((warnings.first?["message"] as? String)?.contains("2026-01-01 to 2026-01-31") == true)
  }

  @Test func aHorizonShorterThanTwoWeeksSaysNoTrendCanBeTold() throws {
    let out = try temporaryDirectory()
    let outcome = try runOnestop(["run", "--replications", "2", "--set", "horizon.days=5", "--out", out.path],
                                 in: URL(fileURLWithPath: repositoryRoot()))
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.contains("shorter than two weeks"))
  }
}
