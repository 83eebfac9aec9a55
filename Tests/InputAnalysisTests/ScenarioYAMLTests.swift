//===----------------------------------------------------------------------===//
// Scenarios written as YAML load back unchanged; the fitted file loads and runs.
//===----------------------------------------------------------------------===//

import CentreModel
import Experiments
import Foundation
import InputAnalysis
import ScenarioFormat
import Testing
import TestSupport

@Suite struct ScenarioYAMLTests {
  /// What the writer leaves out on purpose (see ``ScenarioYAML``), removed from the
  /// scenario as loaded so that it can be compared with the one read back.
  func comparable(_ s: Scenario) -> Scenario {
    var s = s
    s.recordedArrivals = nil
    s.initialBacklog = []
    s.volumeDraw = nil
    if !s.procedures.contains(where: { $0.onlineShare > 0 }) && !s.centres.contains(where: { !$0.onlineShare.isEmpty }) {
      s.onlineIntake = .standard
    }
    if !s.procedures.contains(where: { $0.incompleteAtCounter > 0 || $0.incompleteInBackOffice > 0 }) { s.resubmission = .standard }
    if s.calendar.isStandardWeek { s.calendar.extraDayDemand = .shifted }
    return s
  }

  static let shipped = ((try? scenarioFiles(in: repositoryRoot() + "/scenarios")) ?? []) + [repositoryRoot() + "/bench/city-year.yaml"]

  @Test func everyShippedScenarioIsFound() { #expect(Self.shipped.count >= 9) }

  @Test(arguments: shipped)
  func everyShippedScenarioWrittenOutLoadsBackTheSame(path: String) throws {
    let read = try ScenarioLoader.load(path: path)
    let original = comparable(read.scenario)
    let yaml = ScenarioYAML(header: ["written by a test"], comments: ["name": "a comment"]).render(original)
    let loaded = try ScenarioLoader.load(yaml: yaml, file: "written.yaml")
    // No warning the original does not draw (an overloaded city draws its own again).
    let said = Set(read.warnings.map { $0.expected + " / " + $0.found })
    #expect(loaded.warnings.allSatisfy { said.contains($0.expected + " / " + $0.found) }, "\(loaded.warnings)")
    #expect(loaded.scenario == original)
  }

  @Test func freeTextIsQuotedAndEscaped() throws {
    var s = try LogFixtures.loaded().scenario
    s.description = "line one\nline \"two\" \\ # not a comment: é, Đ"
    s.procedures[0].name = "- [tricky]: {yes}"
    let loaded = try ScenarioLoader.load(yaml: ScenarioYAML().render(s), file: "written.yaml").scenario
    #expect(loaded.description == s.description && loaded.procedures[0].name == s.procedures[0].name)
  }

  @Test func theFittedScenarioLoadsWithoutWarningsAndRuns() throws {
    let fit = try LogFixtures.fit(EstimatorTests.twoWeeks)
    #expect(fit.yaml.hasPrefix("# Fitted by onestop fit (onestop "))
    #expect(fit.yaml.contains("#   log SHA-256: \(fit.logSHA256)"))
    #expect(fit.yaml.contains("daily_volume: 5.4  # fitted: SE 0"))
    #expect(fit.yaml.contains("counter_time: {lognormal: {mu:") && fit.yaml.contains("# kept from the base: 0 observations"))
    let loaded = try ScenarioLoader.load(yaml: fit.yaml, file: "fitted.yaml")
    #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
    #expect(loaded.scenario == fit.scenario)
    var short = loaded.scenario
    short.replications = 1
    let result = Experiment.run(short, jobs: 1)
    #expect(result.replications.count == 1 && result.totals[.arrivals].mean > 0)
  }
}
