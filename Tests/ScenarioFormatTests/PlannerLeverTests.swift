import CentreModel
import ScenarioFormat
import Testing
import TestSupport

/// The levers planners reach for, as single settings (issue 15, item 7).
@Suite struct PlannerLeverTests {
  func load(_ overrides: [String], yaml: String = validYAML, rescaling: Bool = false) throws -> Scenario {
    try ScenarioDocument.parse(yaml: yaml, file: "test.yaml")
      .load(overrides: overrides.map { try Override(parsing: $0) }, rescalingShares: rescaling).scenario
  }

  @Test func oneShareChangedAndTheOthersRescaled() throws {
    // certification 0.6, land 0.4 → certification 0.75, land 0.25.
    let scenario = try load(["procedures[certification].share=0.75"], rescaling: true)
    #expect(scenario.procedures.map(\.share) == [0.75, 0.25])
    // Without the flag the sum is wrong, and said to be.
    #expect(throws: ScenarioError.self) { try load(["procedures[certification].share=0.75"]) }
    // A centre's own mix likewise.
    let mix = try load(["centre.procedure_shares={certification: 0.5, land: 0.5}", "centre.procedure_shares.land=0.2"], rescaling: true)
    #expect(mix.centres[0].procedureShares == [0.8, 0.2])
    // Impossible requests are located at the argument.
    do {
      _ = try load(["procedures[land].share=1.5"], rescaling: true)
      Issue.record("loaded")
    } catch let error as ScenarioError {
      #expect(error.issues.first?.position?.description == "--set 'procedures[land].share=1.5'")
    }
  }

  @Test func percentagesAreAcceptedWhereSharesAre() throws {
    let scenario = try load(["procedures[certification].share=60%", "procedures[land].share=40%", "procedures[land].online_share=25%"])
    #expect(scenario.procedures.map(\.share) == [0.6, 0.4])
    #expect(scenario.procedures[1].onlineShare == 0.25)
    #expect(throws: ScenarioError.self) { try load(["procedures[land].online_share=125%"]) }
  }

  @Test func aStaffShorthandBecomesTheGroupItStandsFor() throws {
    // back_office_staff: 3 is the pool {id: back-office, staff: 3}: an evening crew can
    // be added to it, or the pool replaced.
    let evening = try load(["centre.back_office[back-office].crews=[{count: 2, hours: [\"17:00-19:00\"]}]"])
    let pool = try #require(evening.centres[0].backOffice.first)
    #expect(pool.id == "back-office")
    #expect(pool.staffing.crews.map(\.count) == [3, 2])
    #expect(pool.staffing.crews[1].hours == [OpeningInterval("17:00-19:00")!])
    let replaced = try load(["centre.back_office=[{id: back-office, staff: 5}]"])
    #expect(replaced.centres[0].backOfficeStaff == 5)
    let counters = try load(["centre.counters[counter].crews=[{count: 1, weekdays: [saturday]}]"])
    #expect(counters.centres[0].counters[0].staffing.crews.map(\.count) == [2, 1])
  }

  @Test func anOnlineSharePerCentreOverDateRanges() throws {
    // 14% online in the first week, 60% after: the procedures' own online shares (none
    // here) do not matter, every procedure goes online alike.
    let scenario = try load(["centre.online_share=[{to: 2025-07-07, share: 14%}, {from: 2025-07-08, share: 0.6}]"])
    #expect(scenario.centres[0].onlineShare.map(\.share) == [0.14, 0.6])
    let shares = OnlineShare.procedureShares(scenario.procedures, mix: [0.6, 0.4], target: 0.6)!
    #expect(shares.allSatisfy { abs($0 - 0.6) < 1e-9 })
    // Water-filling: propensities 0.1 and 0.5, capped by the service-point share.
    var procedures = scenario.procedures
    procedures[0].onlineShare = 0.1
    procedures[1].onlineShare = 0.5
    procedures[1].servicePointShare = 0.3
    let filled = OnlineShare.procedureShares(procedures, mix: [0.5, 0.5], target: 0.5)!
    #expect(abs(filled[1] - 0.7) < 1e-9)  // capped at 1 − 0.3
    #expect(abs(0.5 * filled[0] + 0.5 * filled[1] - 0.5) < 1e-9)
    #expect(OnlineShare.procedureShares(procedures, mix: [0.5, 0.5], target: 0.9) == nil)
    // Beyond what the procedures allow, and overlapping ranges, are refused where written.
    let beyond = issues(variant("  counter_staff: 2", "  online_share: 0.95\n  counter_staff: 2")
      .replacing("deadline: {working_days: 0}", with: "deadline: {working_days: 0}\n    service_point_share: 0.5"))
    #expect(beyond.first?.keyPath == "centre.online_share" && beyond.first?.expected.contains("at most 70") == true)
    let overlapping = issues(variant("  counter_staff: 2", "  online_share: [{to: 2025-07-10, share: 0.1}, {from: 2025-07-05, share: 0.2}]\n  counter_staff: 2"))
    #expect(overlapping.first?.keyPath == "centre.online_share[1]")
  }
}

/// How a generated city's centre sizes are drawn (issue 15, item 6).
@Suite struct VolumeDrawFormatTests {
  /// The small valid scenario as a city of five generated centres.
  let city = validYAML.replacing("""
    centre:
      arrivals:
        daily_volume: 40
        hourly_profile: {8: 1.3, 9: 1.6}
        weekday_factors: {monday: 1.2}
      counter_staff: 2
      back_office_staff: 3
      closing: {policy: serve_waiting, max_overtime: 30}
    """, with: """
    centres:
      generate: {count: 5, id_prefix: w-, volume_scale: {lognormal: {mean: 1, cv: 0.6}}GENERATE}
      defaults:
        arrivals: {daily_volume: 40}
        counter_staff: 2
        back_office_staff: 3
    """)

  func volumes(_ generate: String = "", seed: String? = nil) throws -> (volumes: [Double], draw: VolumeDraw?) {
    let yaml = city.replacing("GENERATE", with: generate)
    let overrides = try seed.map { [try Override(parsing: "seed=\($0)", option: "--seed")] } ?? []
    let scenario = try ScenarioDocument.parse(yaml: yaml, file: "city.yaml").load(overrides: overrides).scenario
    return (scenario.centres.map(\.arrivals.dailyVolume), scenario.volumeDraw)
  }

  @Test func drawnOnceFromTheSeedUnlessPinned() throws {
    let first = try volumes()
    #expect(first.draw?.mode == .once && first.draw?.seed == 3 && first.draw?.centres == [0, 1, 2, 3, 4])
    #expect(Set(first.volumes).count == 5)
    // Another seed (--seed) draws another city ...
    #expect(try volumes(seed: "4").volumes != first.volumes)
    // ... unless the city's own seed pins it.
    #expect(try volumes(", seed: 99", seed: "4").volumes == volumes(", seed: 99").volumes)
  }

  @Test func redrawnInEveryReplicationTheLoadedVolumesAreTheBase() throws {
    let redrawn = try volumes(", volume_scale_draw: per_replication")
    #expect(redrawn.draw?.mode == .perReplication)
    #expect(redrawn.volumes == Array(repeating: 40, count: 5))
  }
}
