import CentreModel
import Foundation
import ScenarioFormat
import Testing
import TestSupport

/// `initial_backlog`: a CSV of pending dossiers or counts by age (issue 15, item 1).
@Suite struct InitialBacklogFormatTests {
  /// The small valid scenario, with an initial backlog given as `backlog` (YAML), and
  /// `csv` written beside it as `pending.csv`.
  func load(_ backlog: String, csv: String? = nil) throws -> LoadedScenario {
    let directory = try temporaryDirectory("initial-backlog")
    if let csv { try csv.write(to: directory.appendingPathComponent("pending.csv"), atomically: true, encoding: .utf8) }
    let file = directory.appendingPathComponent("s.yaml").path
    return try ScenarioLoader.load(yaml: validYAML + "\ninitial_backlog: \(backlog)\n", file: file)
  }

  func problems(_ backlog: String, csv: String? = nil) throws -> [ScenarioIssue] {
    do {
      _ = try load(backlog, csv: csv)
      Issue.record("the scenario loaded, but it should not")
      return []
    } catch let error as ScenarioError {
      return error.errors
    }
  }

  @Test func aFileOfPendingDossiersLoadsInReceiptOrder() throws {
    let loaded = try load("{file: pending.csv}", csv: """
      centre,procedure,received,step,due
      small,land,2025-06-20 10:00,,
      small,certification,27/06/2025,counter,
      small,land,2025-06-02 09:30,0,2025-06-30
      """)
    let pending = loaded.scenario.initialBacklog
    #expect(pending.count == 3)
    // Receipt order: 2 June, 20 June, 27 June (a date alone: at the day's opening, 08:00).
    let day = 1440.0
    let expected: [Double] = [-29 * day + 570, -11 * day + 600, -4 * day + 480]
    #expect(pending.map(\.received) == expected)
    #expect(pending.map(\.procedure) == [1, 1, 0])
    #expect(pending[0].stage == .step(0) && pending[2].stage == .reception)
    // A due date alone: the close of that day, Monday 30 June 17:00.
    #expect(pending[0].due == -1440.0 + 1020)
    #expect(pending[1].due == nil)
  }

  @Test func countsByAgeAreReceivedOnTheWorkingDaysBeforeTheStart() throws {
    // The horizon starts Tuesday 1 July 2025: one working day back is Monday 30 June,
    // three are Thursday 26 June (the weekend skipped); received at the opening.
    let loaded = try load("""
      {counts: [{procedure: land, age_working_days: 1, count: 2}, {procedure: land, age_working_days: 3, count: 1, step: 0}]}
      """)
    let pending = loaded.scenario.initialBacklog
    #expect(pending.count == 3)
    let day = 1440.0
    let expected: [Double] = [-5 * day + 480, -day + 480, -day + 480]
    #expect(pending.map(\.received) == expected)
  }

  @Test func aBadRowIsReportedAtItsCellAndNothingLoads() throws {
    let issues = try problems("{file: pending.csv}", csv: """
      centre,procedure,received
      small,land,2025-06-20 10:00
      small,lnad,2025-06-20 10:00
      small,land,20/13/2025
      small,land,2025-07-02
      """)
    #expect(issues.count == 3)
    #expect(issues[0].position?.line == 3 && issues[0].position?.column == 7)
    #expect(issues[0].keyPath == "initial_backlog[row 2].procedure")
    #expect(issues[0].hint == "did you mean 'land'?")
    #expect(issues[0].position?.file.hasSuffix("pending.csv") == true)
    #expect(issues[1].position?.line == 4 && issues[1].position?.column == 12)
    #expect(issues[1].keyPath == "initial_backlog[row 3].received")
    #expect(issues[1].found == "'20/13/2025'")
    // A receipt after the start is not pending at the start.
    #expect(issues[2].position?.line == 5 && issues[2].expected.contains("before the start of the horizon"))
  }

  @Test func stepsAreNamedByIndexNameOrCounterAndChecked() throws {
    let issues = try problems("{file: pending.csv}", csv: """
      procedure,received,step
      land,2025-06-20,3
      certification,2025-06-20,0
      land,2025-06-20,back-office
      """)
    // 'land' has one step (index 0, named 'back-office'), 'certification' none.
    #expect(issues.count == 2)
    #expect(issues[0].keyPath == "initial_backlog[row 1].step" && issues[0].expected.contains("0 'back-office'"))
    #expect(issues[1].keyPath == "initial_backlog[row 2].step" && issues[1].expected.contains("it has none"))
  }

  @Test func theHeaderNeedsItsColumnsAndExtraColumnsAreWarnedAbout() throws {
    let missing = try problems("{file: pending.csv}", csv: "procedure,when\nland,2025-06-20\n")
    #expect(missing.count == 1 && missing[0].found.contains("'received'") && missing[0].position?.line == 1)
    let loaded = try load("{file: pending.csv}", csv: "procedure,received,officer\nland,2025-06-20,Lan\n")
    #expect(loaded.warnings.contains { $0.found.contains("'officer'") && $0.position?.column == 20 })
  }

  @Test func fileAndCountsAreExclusiveAndTheFileMustBeThere() throws {
    #expect(try problems("{file: pending.csv, counts: []}").first?.found == "both")
    #expect(try problems("{file: nowhere.csv}").first?.code == .unreadableFile)
    #expect(try problems("{counts: [{procedure: land, age_working_days: -1, count: 2}]}").first?.keyPath
      == "initial_backlog.counts[0].age_working_days")
  }

  @Test func quotedFieldsSemicolonsAndAByteOrderMarkAreRead() throws {
    let loaded = try load("{file: pending.csv}", csv: "\u{FEFF}procedure;received\r\n\"land\";\"2025-06-20 10:00\"\r\n")
    #expect(loaded.scenario.initialBacklog.count == 1)
  }
}
