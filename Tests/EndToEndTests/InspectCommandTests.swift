import Foundation
import Testing
#if canImport(FoundationXML)
  import FoundationXML
#endif
import TestSupport

/// `validate`, `describe`, `--json`, help texts and the HTML reports.
@Suite struct InspectCommandTests {
  let scenarios = repositoryRoot() + "/scenarios"

  @Test func validateAcceptsEveryShippedScenarioAndRejectsABadOne() throws {
    let files = try scenarioFiles(in: scenarios)
    let ok = try runOnestop(["validate"] + files)
    #expect(ok.status == 0, "\(ok.standardError)")
    #expect(ok.standardOutput.split(separator: "\n").count == files.count)
    #expect(ok.standardOutput.contains("default.yaml: valid (1 centre, 9 procedures, 92 days, 0 warnings)"))
    let bad = try runOnestop(["validate", "\(scenarios)/default.yaml", "--set", "centre.counter_staff=0"])
    #expect(bad.status == 2)
    #expect(bad.standardError.contains("--set 'centre.counter_staff=0': error: centre.counter_staff"))
  }

  @Test func describeShowsTheLoadAndTheTheory() throws {
    let outcome = try runOnestop(["describe", "\(scenarios)/hadong-pooled.yaml"])
    #expect(outcome.status == 0)
    for phrase in ["Calendar", "Procedures", "counter general: 8", "load on back-office:", "Erl", "P(wait)", "√-staffing",
                   "note: Counter times are not exponential"] {
      #expect(outcome.standardOutput.contains(phrase), "no '\(phrase)'")
    }
    let overloaded = try runOnestop(["describe", "\(scenarios)/hadong-pooled.yaml", "--set", "centre.counters[general].staff=3"])
    #expect(overloaded.standardOutput.contains("warning: utilisation ≥ 1 at"))
  }

  @Test func jsonOnStandardOutputIsTheSummary() throws {
    let directory = try temporaryDirectory()
    let outcome = try runOnestop(["run", "\(scenarios)/default.yaml", "--json", "--replications", "2", "--set", "horizon.days=7",
                                  "--out", "out"], in: directory)
    #expect(outcome.status == 0)
    let printed = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
    #expect(printed?["kpis"] != nil)
    #expect(outcome.standardOutput == (try String(contentsOf: directory.appendingPathComponent("out/summary.json"), encoding: .utf8)))
  }

  @Test func reportsAreSelfContainedHTMLWithWellFormedCharts() throws {
    let directory = try temporaryDirectory()
    #expect(try runOnestop(["run", "\(scenarios)/default.yaml", "--replications", "3", "--set", "horizon.days=14", "--out", "out",
                            "--quiet"], in: directory).status == 0)
    let html = try String(contentsOf: directory.appendingPathComponent("out/report.html"), encoding: .utf8)
    for section in ["Key figures", "Backlog and overdue dossiers", "Waiting at the counter", "Staff utilisation",
                    "On-time rate per procedure", "Staffing", "Theory beside the simulation", "Provenance"] {
      #expect(html.contains("<h2>\(section)</h2>"), "no section \(section)")
    }
    #expect(!html.contains("<script"))  // nothing to run, nothing to fetch
    #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
    var charts = 0
    var rest = html[...]
    while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
      let svg = String(rest[start.lowerBound..<end.upperBound])
      let parser = XMLParser(data: Data(svg.utf8))
      #expect(parser.parse(), "malformed chart \(charts)")
      charts += 1
      rest = rest[end.upperBound...]
    }
    #expect(charts >= 5)
  }

  @Test func everyCommandHasHelpWithAnExample() throws {
    for command in ["run", "compare", "sweep", "merge", "optimize", "warmup", "validate", "describe", "check", "bench"] {
      let help = try runOnestop([command, "--help"])
      #expect(help.status == 0)
      #expect(help.standardOutput.contains("Example"), "\(command) --help has no example")
      // Line continuations of the source must not leak into the text.
      #expect(!help.standardOutput.contains("\\\n"), "\(command) --help shows a backslash at a line end")
    }
    let root = try runOnestop(["--help"])
    #expect(root.standardOutput.contains("Exit codes: 0 success"))
    #expect(root.standardOutput.contains("130 interrupted"))
  }
}
