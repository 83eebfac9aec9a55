import CentreModel
import Foundation
import ScenarioFormat
import Testing
import TestSupport

/// Nothing silently does nothing (issue 15, item 4): every setting without effect in the
/// run is warned about, at where it is written.
@Suite struct IneffectiveSettingsTests {
  /// The warnings of the small valid scenario with `old` replaced by `new`.
  func warnings(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [ScenarioIssue] {
    try ScenarioLoader.load(yaml: variant(old, new, sourceLocation: sourceLocation), file: "test.yaml").warnings
  }

  /// The warnings of the small valid scenario with `extra` appended.
  func warnings(adding extra: String) throws -> [ScenarioIssue] {
    try ScenarioLoader.load(yaml: validYAML + "\n" + extra + "\n", file: "test.yaml").warnings
  }

  func expectOne(_ issues: [ScenarioIssue], at keyPath: String, saying words: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    let matching = issues.filter { $0.keyPath == keyPath }
    #expect(matching.count == 1, "warnings: \(issues.map(\.description))", sourceLocation: sourceLocation)
    #expect(matching.first?.description.contains(words) == true, "\(matching.map(\.description))", sourceLocation: sourceLocation)
    #expect(matching.first?.position?.line ?? 0 > 0, sourceLocation: sourceLocation)
    #expect(matching.allSatisfy { $0.severity == .warning }, sourceLocation: sourceLocation)
  }

  @Test func theValidScenarioHasNoWarning() throws {
    #expect(try ScenarioLoader.load(yaml: validYAML, file: "test.yaml").warnings.isEmpty)
  }

  @Test func datesOutsideTheHorizon() throws {
    // The horizon is 1–14 July 2025.
    expectOne(try warnings("weekday_factors: {monday: 1.2}", "weekday_factors: {monday: 1.2}\n    surges: [{from: 2025-08-01, to: 2025-08-10, factor: 1.5}]"),
              at: "centre.arrivals.surges[0]", saying: "2025-08-01 to 2025-08-10: it has no effect")
    expectOne(try warnings("counter_staff: 2", "counters: [{id: c, staff: 2, crews: [{count: 1, from: 2025-06-01, to: 2025-06-30}]}]"),
              at: "centre.counters[0].crews[0]", saying: "2025-06-01 to 2025-06-30")
    expectOne(try warnings("back_office_staff: 3", "back_office: [{id: back-office, staff_plan: [{from: 2025-07-01, to: 2025-07-31, staff: 3}, {from: 2025-08-01, to: 2025-08-31, staff: 4}]}]"),
              at: "centre.back_office[0].staff_plan[1]", saying: "staff-plan level")
    expectOne(try warnings("holidays: [2025-09-01, 2025-09-02]", "holidays: [2025-09-01, 2025-09-02, 2026-02-16]"),
              at: "calendar.holidays[2]", saying: "2026-02-16: it has no effect")
    expectOne(try warnings("holidays: [2025-09-01, 2025-09-02]", "holidays: [2025-09-01]\n  make_up_days: [2025-04-26]"),
              at: "calendar.make_up_days[0]", saying: "make-up day")
    expectOne(try warnings(adding: "outages: [{id: portal, daily_probability: 0.2, duration: 60, counter: stop, from: 2025-09-01}]"),
              at: "outages[0]", saying: "outage window")
  }

  @Test func crewsNeverOnDutyAndCounterHoursOutsideOpening() throws {
    // A back-office crew on Sundays without hours: the centre is closed then.
    expectOne(try warnings("back_office_staff: 3", "back_office: [{id: back-office, staff: 3, crews: [{count: 1, weekdays: [sunday]}]}]"),
              at: "centre.back_office[0].crews[0]", saying: "never on duty")
    // With its own hours it works (out-of-hours back-office work is real work).
    #expect(try warnings("back_office_staff: 3", "back_office: [{id: back-office, staff: 3, crews: [{count: 1, weekdays: [sunday], hours: [\"08:00-12:00\"]}]}]").isEmpty)
    // Counter clerks after closing cannot serve anyone: refused, not clipped (overtime of
    // 30 minutes allows until 17:30).
    let refused = issues(variant("counter_staff: 2", "counters: [{id: c, staff: 2, crews: [{count: 1, hours: [\"13:00-19:00\"]}]}]"))
    #expect(refused.count == 1 && refused[0].keyPath == "centre.counters[0].crews[0].hours")
    #expect(refused[0].found.contains("17:30-19:00"))
    #expect(try warnings("counter_staff: 2", "counters: [{id: c, staff: 2, crews: [{count: 1, hours: [\"13:00-17:30\"]}]}]").isEmpty)
  }

  @Test func settingsForCitizensWhereNoneComeOrNoneLeave() throws {
    expectOne(try warnings(adding: "online_intake: {time: 5}"), at: "online_intake", saying: "no procedure has an online share")
    expectOne(try warnings(adding: "resubmission: {probability: 0.5}"), at: "resubmission", saying: "is ever found incomplete")
    expectOne(try warnings("closing: {policy: serve_waiting, max_overtime: 30}", "closing: {policy: serve_waiting, max_overtime: 30}\n  patience: {return_probability: 0.5}"),
              at: "centre.patience.return_probability", saying: "no one ever leaves")
    // Every dossier online: no one queues, so patience and priority do nothing.
    let online = variant("deadline: {working_days: 0}", "deadline: {working_days: 0}\n    online_share: 1")
      .replacing("deadline: {working_days: 15}", with: "deadline: {working_days: 15}\n    online_share: 1")
      .replacing("closing: {policy: serve_waiting, max_overtime: 30}", with: "closing: {policy: serve_waiting, max_overtime: 30}\n  priority_share: 0.1")
    let issues = try ScenarioLoader.load(yaml: online, file: "test.yaml").warnings
    expectOne(issues, at: "centre.priority_share", saying: "no walk-ins")
  }

  @Test func sharesAndRulesWithoutEffect() throws {
    // A channel share for a procedure no centre receives.
    let unused = variant("  counter_staff: 2", "  procedure_shares: {certification: 1, land: 0}\n  counter_staff: 2")
      .replacing("deadline: {working_days: 15}", with: "deadline: {working_days: 15}\n    online_share: 0.3")
    expectOne(try ScenarioLoader.load(yaml: unused, file: "test.yaml").warnings, at: "procedures[1].online_share", saying: "share of 0 at every centre")
    // The demand rule on a week that opens exactly on the working weekdays.
    expectOne(try warnings("    saturday: [\"07:30-11:30\"]", "  extra_day_demand: added"), at: "calendar.extra_day_demand", saying: "no effect")
    // The back office returning a dossier that has no back-office work.
    expectOne(try warnings("    deadline: {working_days: 0}", "    deadline: {working_days: 0}\n    incomplete: {in_back_office: 0.1}"),
              at: "procedures[0].incomplete.in_back_office", saying: "never returns it")
  }

  @Test func aReplayedLogMakesTheDemandSettingsIdle() throws {
    let directory = try temporaryDirectory("replay")
    try "time,procedure\n2025-07-01 08:30,land\n".write(to: directory.appendingPathComponent("log.csv"), atomically: true, encoding: .utf8)
    let loaded = try ScenarioLoader.load(yaml: validYAML + "\narrivals_replay: log.csv\n", file: directory.appendingPathComponent("s.yaml").path)
    expectOne(loaded.warnings, at: "arrivals_replay", saying: "do not shape arrivals")
  }
}
