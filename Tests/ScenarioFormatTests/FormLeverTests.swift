import Foundation
import ScenarioFormat
import Testing
import TestSupport

/// The fields a planner changes on the workspace's form, found in the file: outage dates
/// and the rows of an initial backlog given as counts, each with the key path that
/// changes it.
@Suite struct FormLeverTests {
  let base = try! String(contentsOfFile: repositoryRoot() + "/scenarios/default.yaml", encoding: .utf8)

  @Test func outageDatesAndBacklogCountsAreLevers() throws {
    let yaml = base + """

      outages:
        - id: portal
          daily_probability: 0.3
          duration: 90
          counter: stop
          back_office: stop
          from: 2025-07-01
          to: 2025-07-15
      initial_backlog:
        counts:
          - {procedure: land, count: 120, age_working_days: 12}
          - {procedure: certification, count: 40, age_working_days: 1}

      """
    let document = try ScenarioDocument.parse(yaml: yaml, file: "levers.yaml")
    let levers = Dictionary(uniqueKeysWithValues: document.levers().map { ($0.keyPath, $0.value) })
    #expect(levers["outages[portal].from"] == "2025-07-01")
    #expect(levers["outages[portal].to"] == "2025-07-15")
    #expect(levers["initial_backlog.counts[0].count"] == "120")
    #expect(levers["initial_backlog.counts[1].age_working_days"] == "1")
    #expect(document.backlogRow(0).procedure == "land")
    #expect(document.hasInitialBacklog)
    // Each lever's key path changes what it says: the outage ends earlier, the land backlog grows.
    let changed = try document.load(overrides: [Override(keyPath: "outages[portal].to", value: "2025-07-10"),
                                                Override(keyPath: "initial_backlog.counts[0].count", value: "200")]).scenario
    #expect(changed.outages[0].to?.description == "2025-07-10")
    #expect(changed.initialBacklog.count == 240)
  }
}
