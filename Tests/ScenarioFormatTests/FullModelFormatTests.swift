import CentreModel
import CentreSimulation
import Foundation
import ScenarioFormat
import SimRandom
import Testing
import TestSupport

/// The full model's settings: read right, and every bad value located.
@Suite struct FullModelFormatTests {
  static let city = """
    name: city
    seed: 9
    horizon: {start: 2025-07-01, days: 20}
    procedures:
      - {id: certification, group: certification, share: 0.6, counter_time: 4, deadline: {working_days: 0},
         steps: [{name: sign, pool: leaders, time: 1}]}
      - id: land
        share: 0.4
        counter_time: {lognormal: {mean: 20, sd: 10}}
        online_share: 0.2
        service_point_share: 0.1
        incomplete: {at_counter: 0.1, in_back_office: 0.2}
        steps:
          - {name: appraisal, pool: back-office, time: {gamma: {mean: 60, cv: 0.5}}}
          - {name: tax office, wait: {uniform: {min: 2, max: 5}}}
          - {name: signature, pool: leaders, time: 5}
        deadline: {working_days: 10}
    online_intake: {pool: counter, time: 5}
    resubmission: {probability: 0.7, delay: {lognormal: {mean: 3, sd: 2}}}
    centres:
      defaults:
        arrivals: {daily_volume: 40, weekday_factors: {monday: 1.2}}
        counters:
          - {id: general, staff: 2, helps: [back-office]}
        back_office:
          - {id: back-office, staff: 3, discipline: earliest_due_date}
          - {id: leaders, staff: 1, hours: ["14:00-16:00"]}
        patience: {balk_at: 30, patience: {lognormal: {mean: 60, sd: 40}}, return_probability: 0.6}
      generate: {count: 12, id_prefix: commune-, volume_scale: {lognormal: {mean: 1, cv: 0.5}}}
      list:
        - id: ha-dong
          volume_scale: 6
          counters:
            - {id: certification, staff: 2, serves: [certification]}
            - {id: general, crews: [{count: 5}, {count: 3, from: 2025-07-01, to: 2025-07-10, speed: 0.7, note: volunteers}]}
          routing: queue_per_counter
          priority_share: 0.05
          daily_ticket_cap: 400
          back_office:
            - {id: back-office, staff_plan: [{from: 2025-07-01, to: 2025-07-09, staff: 20}, {from: 2025-07-10, to: 2025-07-20, staff: 15}]}
            - {id: leaders, staff: 2}
    transfers:
      - {date: 2025-07-08, from: commune-01, to: ha-dong, pool: general, staff: 1, learning: {multiplier: 1.3, days: 28}}
    outages:
      - {id: portal, daily_probability: 0.2, duration: {lognormal: {mean: 60, sd: 30}}, counter: {slow: 2}, back_office: stop}
      - {id: line, centres: [ha-dong], independent: true, time_between: {exponential: {mean: 4000}}, duration: 90, counter: stop}
    """

  @Test func aCityReadsWithEverySetting() throws {
    let loaded = try ScenarioLoader.load(yaml: Self.city, file: "city.yaml")
    let s = loaded.scenario
    #expect(s.centres.count == 13)
    #expect(s.centres[0].id == "commune-01" && s.centres[11].id == "commune-12" && s.centres[12].id == "ha-dong")
    // Generated volumes are drawn once from the seed: different per centre, reproducible.
    #expect(Set(s.centres.prefix(12).map(\.arrivals.dailyVolume)).count == 12)
    #expect(try ScenarioLoader.load(yaml: Self.city, file: "city.yaml").scenario == s)
    let haDong = s.centres[12]
    #expect(haDong.arrivals.dailyVolume == 240)
    #expect(haDong.routing == .queuePerCounter && haDong.priorityShare == 0.05 && haDong.dailyTicketCap == 400)
    #expect(haDong.counters.map(\.id) == ["certification", "general"])
    #expect(haDong.counters[0].serves == ["certification"])
    #expect(haDong.counters[1].staffing.crews.map(\.count) == [5, 3, 1])  // + 1 transferred in
    #expect(haDong.counters[1].staffing.crews[2].from == CivilDate(year: 2025, month: 7, day: 8))
    #expect(haDong.counters[1].staffing.crews[2].learning?.initialMultiplier == 1.3)
    #expect(haDong.backOffice[0].staffing.size(on: CivilDate(year: 2025, month: 7, day: 9)!) == 20)
    #expect(haDong.backOffice[0].staffing.size(on: CivilDate(year: 2025, month: 7, day: 10)!) == 15)
    // commune-01 lost one clerk from 8 July.
    let first = s.centres[0].counters[0].staffing
    #expect(first.size(on: CivilDate(year: 2025, month: 7, day: 7)!) == 2)
    #expect(first.size(on: CivilDate(year: 2025, month: 7, day: 8)!) == 1)
    #expect(s.centres[1].backOffice[1].hours == [OpeningInterval("14:00-16:00")!])
    #expect(s.centres[1].backOffice[0].discipline == .earliestDueDate)
    #expect(s.centres[1].patience == Patience(balkAt: 30, patience: .lognormal(mean: 60, sd: 40), returnProbability: 0.6))
    let land = s.procedures[1]
    #expect(land.onlineShare == 0.2 && land.servicePointShare == 0.1)
    #expect(land.incompleteAtCounter == 0.1 && land.incompleteInBackOffice == 0.2)
    #expect(land.steps.map(\.name) == ["appraisal", "tax office", "signature"])
    #expect(land.steps[1].kind == .wait(workingDays: .uniform(min: 2, max: 5)))
    #expect(s.onlineIntake == OnlineIntake(time: .deterministic(5), pool: BackOfficePool.onlineIntakeID))
    #expect(s.resubmission.probability == 0.7)
    #expect(s.outages.map(\.id) == ["portal", "line"])
    #expect(s.outages[1].independentPerCentre && s.outages[1].centres == ["ha-dong"])
    #expect(s.outages[0].counter == .slow(factor: 2) && s.outages[0].backOffice == .stop)
  }

  /// The city with `old` replaced by `new`, which must fail with `code` at `keyPath`.
  func expectIssue(_ old: String, _ new: String, _ code: ScenarioIssue.Code, keyPath: String, mentions: [String] = [],
                   sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(Self.city.contains(old), "no '\(old)'", sourceLocation: sourceLocation)
    let yaml = Self.city.replacing(old, with: new, maxReplacements: 1)
    let found = issues(yaml)
    guard let issue = found.first(where: { $0.code == code && $0.keyPath == keyPath }) else {
      Issue.record("no \(code) at \(keyPath) among \(found)", sourceLocation: sourceLocation)
      return
    }
    #expect(issue.position != nil, sourceLocation: sourceLocation)
    for phrase in mentions {
      #expect(issue.description.contains(phrase), "'\(phrase)' not in \(issue)", sourceLocation: sourceLocation)
    }
  }

  @Test func locatedErrorsForTheNewSettings() {
    expectIssue("to: ha-dong, pool: general", "to: ha-dongg, pool: general", .unknownReference, keyPath: "transfers[0].to",
                mentions: ["did you mean 'ha-dong'?"])
    expectIssue("staff: 1, learning", "staff: 5, learning", .outOfRange, keyPath: "transfers[0]",
                mentions: ["at most 2 staff to move out of 'general'"])
    expectIssue("duration: 90, counter: stop", "duration: 0, counter: stop", .outOfRange, keyPath: "outages[1].duration",
                mentions: ["a repair takes time"])
    expectIssue("centres: [ha-dong]", "centres: [hadong]", .unknownReference, keyPath: "outages[1].centres[0]")
    expectIssue("{from: 2025-07-10, to: 2025-07-20, staff: 15}", "{from: 2025-07-09, to: 2025-07-20, staff: 15}",
                .overlappingIntervals, keyPath: "centres.list[0].back_office[0].staff_plan[1]",
                mentions: ["overlapping 2025-07-01 to 2025-07-09"])
    expectIssue("serves: [certification]", "serves: [certificaton]", .unknownReference,
                keyPath: "centres.list[0].counters[0].serves[0]", mentions: ["did you mean 'certification'?"])
    expectIssue("helps: [back-office]", "helps: [backoffice]", .unknownReference, keyPath: "centres.defaults.counters",
                mentions: ["'backoffice'", "did you mean 'back-office'?"])
    // A step's unknown pool is reported at the step (for the first centre that lacks it),
    // and at each further centre that lacks it.
    expectIssue("pool: leaders, time: 5}", "pool: leader, time: 5}", .unknownReference, keyPath: "procedures[1].steps[2].pool",
                mentions: ["found 'leader'", "did you mean 'leaders'?"])
    expectIssue("pool: leaders, time: 5}", "pool: leader, time: 5}", .unservable, keyPath: "centres.list[0].back_office",
                mentions: ["a back-office pool 'leader' at centre 'ha-dong'", "step 'signature' of 'land'"])
    expectIssue("service_point_share: 0.1", "service_point_share: 0.9", .sharesDoNotSumToOne,
                keyPath: "procedures[1].service_point_share", mentions: ["online_share + service_point_share ≤ 1"])
    expectIssue("speed: 0.7", "speed: 0", .outOfRange, keyPath: "centres.list[0].counters[1].crews[1].speed")
    expectIssue("daily_probability: 0.2", "daily_probability: 1.2", .outOfRange, keyPath: "outages[0].daily_probability")
    expectIssue("{id: general, staff: 2, helps: [back-office]}", "{id: general, staff: 2, helps: [back-office], serves: [land]}",
                .unservable, keyPath: "centres.defaults.counters",
                mentions: ["serving procedure group 'certification'", "none at centre 'commune-01'"])
  }

  @Test func replayedArrivalsReadFromACSVWithLocatedErrors() throws {
    let directory = try temporaryDirectory()
    let csv = """
      time,procedure,channel,centre
      2025-07-01 08:05,certification,walk_in,ha-dong
      2025-07-01T08:01:30,land,online,commune-02
      2025-07-01 09:00,certification,,commune-03
      2026-01-01 09:00,certification,walk_in,commune-03
      """
    try csv.write(to: directory.appendingPathComponent("log.csv"), atomically: true, encoding: .utf8)
    let yaml = Self.city + "\narrivals_replay: log.csv\n"
    let path = directory.appendingPathComponent("city.yaml").path
    try yaml.write(toFile: path, atomically: true, encoding: .utf8)
    let loaded = try ScenarioLoader.load(path: path)
    let recorded = try #require(loaded.scenario.recordedArrivals)
    #expect(recorded.map(\.time) == [481.5, 485, 540])
    #expect(recorded.map(\.channel) == [.online, .walkIn, .walkIn])
    #expect(recorded.map(\.centre) == [1, 12, 2])
    #expect(loaded.warnings.contains { $0.found.contains("1 rows outside it") })

    try (csv + "\n2025-07-02 25:00,certification,walk_in,ha-dong\n2025-07-02 09:00,lands,walk_in,ha-dong\n")
      .write(to: directory.appendingPathComponent("log.csv"), atomically: true, encoding: .utf8)
    do {
      _ = try ScenarioLoader.load(path: path)
      Issue.record("a bad log loaded")
    } catch {
      let csvPath = directory.appendingPathComponent("log.csv").path
      #expect(error.issues.contains { $0.position == SourcePosition(file: csvPath, line: 6, column: 1) && $0.keyPath == "arrivals_replay[6].time" })
      #expect(error.issues.contains { $0.keyPath == "arrivals_replay[7].procedure" && $0.found == "'lands'" })
    }
  }
}

/// Transfers read from a file and run: capacity moves on the given date.
@Suite struct TransferRunTests {
  @Test func aTransferMovesCapacityOnTheGivenDate() throws {
    // Two communes, no demand; 3 clerks at A and 1 at B; 2 clerks move from A to B on
    // Tuesday 15 July 2025. 1-14 July holds 10 working days, 15-20 July 4.
    let yaml = """
      name: transfer
      horizon: {start: 2025-07-01, days: 20}
      procedures: [{id: p, share: 1, counter_time: 5, deadline: {working_days: 0}}]
      centres:
        - {id: a, arrivals: {daily_volume: 0}, counter_staff: 3}
        - {id: b, arrivals: {daily_volume: 0}, counter_staff: 1}
      transfers:
        - {date: 2025-07-15, from: a, to: b, pool: counter, staff: 2}
      """
    let scenario = try ScenarioLoader.load(yaml: yaml, file: "transfer.yaml").scenario
    let result = CentreRun(plan: ModelPlan(scenario), replication: 0).run()
    #expect(result.centres[0][.counterStaffHours] == 3 * 8 * 10 + 1 * 8 * 4)
    #expect(result.centres[1][.counterStaffHours] == 1 * 8 * 10 + 3 * 8 * 4)
  }
}
