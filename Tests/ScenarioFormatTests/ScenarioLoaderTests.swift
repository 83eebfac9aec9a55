import CentreModel
import ScenarioFormat
import SimRandom
import Testing
import TestSupport

/// A small valid scenario; tests replace one line to make it invalid.
let validYAML = """
  name: small
  seed: 3
  replications: 2
  horizon:
    start: 2025-07-01
    days: 14
  calendar:
    opening_hours:
      weekdays: ["08:00-12:00", "13:00-17:00"]
      saturday: ["07:30-11:30"]
    holidays: [2025-09-01, 2025-09-02]
    receipt_cutoff: "15:00"
  procedures:
    - id: certification
      name: Copy certification
      share: 0.6
      counter_time: {lognormal: {mean: 4, sd: 3}}
      deadline: {working_days: 0}
    - id: land
      share: 0.4
      counter_time: 20
      back_office_time: {gamma: {mean: 30, cv: 0.5}}
      deadline: {working_days: 15}
  centre:
    arrivals:
      daily_volume: 40
      hourly_profile: {8: 1.3, 9: 1.6}
      weekday_factors: {monday: 1.2}
    counter_staff: 2
    back_office_staff: 3
    closing: {policy: serve_waiting, max_overtime: 30}
  """

/// The valid scenario with `old` replaced by `new` (which must occur).
func variant(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
  if !validYAML.contains(old) { Issue.record("no '\(old)' in the base scenario", sourceLocation: sourceLocation) }
  return validYAML.replacing(old, with: new, maxReplacements: 1)
}

/// The issues of a scenario that must fail to load.
func issues(_ yaml: String) -> [ScenarioIssue] {
  do {
    _ = try ScenarioLoader.load(yaml: yaml, file: "test.yaml")
    Issue.record("the scenario loaded, but it should not")
    return []
  } catch {
    return error.issues
  }
}

@Suite struct ScenarioLoaderTests {
  @Test func theValidScenarioLoadsWithEveryValue() throws {
    let loaded = try ScenarioLoader.load(yaml: validYAML, file: "test.yaml")
    let s = loaded.scenario
    #expect(loaded.warnings.isEmpty)
    #expect(s.name == "small")
    #expect(s.seed == 3)
    #expect(s.replications == 2)
    #expect(s.horizon == Horizon(start: CivilDate(year: 2025, month: 7, day: 1)!, days: 14))
    #expect(s.calendar.openingHours[0].map(\.description) == ["08:00-12:00", "13:00-17:00"])
    #expect(s.calendar.openingHours[5].map(\.description) == ["07:30-11:30"])
    #expect(s.calendar.openingHours[6].isEmpty)
    #expect(s.calendar.holidays.count == 2)
    #expect(s.calendar.receiptCutoff == ClockTime("15:00"))
    #expect(s.procedures.map(\.id) == ["certification", "land"])
    #expect(s.procedures[0].counterTime == .lognormal(mean: 4, sd: 3))
    #expect(s.procedures[0].steps.isEmpty)
    #expect(s.procedures[1].name == "land")
    #expect(s.procedures[1].counterTime == .deterministic(20))
    #expect(s.procedures[1].steps == [WorkStep("back-office", .work(pool: "back-office", time: .gamma(mean: 30, sd: 15)))])
    #expect(s.procedures[1].deadline == .workingDays(15))
    let centre = try #require(s.centres.first)
    #expect(centre.id == "small")
    #expect(centre.arrivals.dailyVolume == 40)
    #expect(centre.arrivals.hourlyWeights[8] == 1.3 && centre.arrivals.hourlyWeights[10] == 1)
    #expect(centre.arrivals.weekdayFactors == [1.2, 1, 1, 1, 1, 1, 1])
    #expect(centre.counterStaff == 2 && centre.backOfficeStaff == 3)
    #expect(centre.closing == .serveWaiting(maxOvertime: 30))
    #expect(loaded.sha256.count == 64)
  }

  @Test func everyDistributionFamilyReads() throws {
    let cases: [(String, Distribution)] = [
      ("7.5", .deterministic(7.5)),
      ("{deterministic: 3}", .deterministic(3)),
      ("{deterministic: {value: 3}}", .deterministic(3)),
      ("{exponential: {mean: 5}}", .exponential(mean: 5)),
      ("{gamma: {shape: 2, scale: 3}}", .gamma(shape: 2, scale: 3)),
      ("{gamma: {mean: 6, sd: 3}}", .gamma(mean: 6, sd: 3)),
      ("{erlang: {k: 3, mean: 9}}", .erlang(k: 3, mean: 9)),
      ("{lognormal: {mean: 4, cv: 0.75}}", .lognormal(mean: 4, sd: 3)),
      ("{lognormal: {mu: 1.1, sigma: 0.6}}", .lognormal(mu: 1.1, sigma: 0.6)),
      ("{weibull: {scale: 10, shape: 1.5}}", .weibull(scale: 10, shape: 1.5)),
      ("{normal: {mean: 10, sd: 4}}", .truncatedNormal(mean: 10, sd: 4)),
      ("{uniform: {min: 2, max: 6}}", .uniform(min: 2, max: 6)),
      ("{triangular: {min: 1, mode: 2, max: 6}}", .triangular(min: 1, mode: 2, max: 6)),
      ("{discrete: {values: [1, 5], weights: [3, 1]}}", .discrete(values: [1, 5], weights: [3, 1])),
      ("{piecewise: {breaks: [0, 5, 20], weights: [2, 1]}}", .piecewise(breaks: [0, 5, 20], weights: [2, 1])),
    ]
    for (text, expected) in cases {
      let yaml = variant("counter_time: {lognormal: {mean: 4, sd: 3}}", "counter_time: \(text)")
      let loaded = try ScenarioLoader.load(yaml: yaml, file: "test.yaml")
      #expect(loaded.scenario.procedures[0].counterTime == expected, "\(text)")
    }
  }

  @Test func optionalSettingsHaveDefaults() throws {
    let yaml = """
      name: bare
      horizon: {start: 2025-07-01, days: 7}
      procedures:
        - {id: only, share: 1, counter_time: 5, deadline: {working_hours: 4}}
      centre:
        arrivals: {daily_volume: 10}
        counter_staff: 1
      """
    let s = try ScenarioLoader.load(yaml: yaml, file: "bare.yaml").scenario
    #expect(s.seed == 1 && s.replications == 10)
    #expect(s.calendar == WorkingCalendar())
    #expect(s.centres[0].closing == .serveWaiting(maxOvertime: 30))
    #expect(s.centres[0].backOfficeStaff == 0)
    #expect(s.procedures[0].deadline == .workingHours(4))
  }

  @Test func overloadedCentreIsAWarningNotAnError() throws {
    let loaded = try ScenarioLoader.load(yaml: variant("daily_volume: 40", "daily_volume: 400"), file: "test.yaml")
    #expect(loaded.warnings.map(\.code) == [.outOfRange, .outOfRange])
    #expect(loaded.warnings.allSatisfy { $0.severity == .warning })
    #expect(loaded.warnings.map(\.keyPath) == ["centre.counter_staff", "centre.back_office_staff"])
    #expect(loaded.warnings[0].description.contains("the queue will grow"))
  }

  @Test func everyScenarioShippedInTheRepositoryLoads() throws {
    let directory = repositoryRoot() + "/scenarios"
    let files = try scenarioFiles(in: directory)
    #expect(!files.isEmpty)
    for file in files {
      #expect(throws: Never.self, "\(file)") { try ScenarioLoader.load(path: file) }
    }
  }
}

@Suite struct OverrideTests {
  func load(_ overrides: [String]) throws -> Scenario {
    try ScenarioLoader.load(yaml: validYAML, file: "test.yaml", overrides: overrides.map { try Override(parsing: $0) }).scenario
  }

  @Test func changesScalarsListElementsByIndexOrIdAndAddsKeys() throws {
    let s = try load([
      "centre.counter_staff=4", "horizon.days=7", "procedures[0].share=0.5", "procedures[land].share=0.5",
      "procedures[land].counter_time={exponential: {mean: 9}}", "centre.daily_ticket_cap=50",
      "centre.patience.balk_at=3",
    ])
    #expect(s.centres[0].counterStaff == 4)
    #expect(s.horizon.days == 7)
    #expect(s.procedures.map(\.share) == [0.5, 0.5])
    #expect(s.procedures[1].counterTime == .exponential(mean: 9))
    #expect(s.centres[0].dailyTicketCap == 50)
    #expect(s.centres[0].patience?.balkAt == 3)
  }

  @Test func oneParseServesManyOverridesLikeLoadingEachTime() throws {
    // A sweep parses its file once and decodes every point from that parse: each must be
    // the scenario a fresh load gives, the document untouched by earlier points.
    let document = try ScenarioDocument.parse(yaml: validYAML, file: "test.yaml")
    for staff in [4, 2, 7] {
      let overrides = [try Override(parsing: "centre.counter_staff=\(staff)"), try Override(parsing: "horizon.days=\(staff)")]
      let fromDocument = try document.load(overrides: overrides)
      #expect(fromDocument.scenario == (try load(["centre.counter_staff=\(staff)", "horizon.days=\(staff)"])))
      #expect(fromDocument.scenario.centres[0].counterStaff == staff)
    }
    #expect(try document.load().scenario == (try load([])))
    #expect(document.sha256 == (try ScenarioLoader.load(yaml: validYAML, file: "test.yaml")).sha256)
  }

  @Test func badOverridesAreLocatedOnTheCommandLine() throws {
    func issue(_ text: String) -> ScenarioIssue? {
      do {
        _ = try load([text])
        return nil
      } catch let error as ScenarioError {
        return error.issues.first
      } catch {
        return nil
      }
    }
    let value = issue("centre.counter_staff=many")
    #expect(value?.position?.file == "--set 'centre.counter_staff=many'")
    // An argument has no line or column: a value's own colons must not read as them.
    #expect(value?.description.hasPrefix("--set 'centre.counter_staff=many': error: centre.counter_staff:") == true)
    #expect(issue("horizon.start=08:00")?.description.hasPrefix("--set 'horizon.start=08:00': error:") == true)
    #expect(value?.keyPath == "centre.counter_staff" && value?.code == .wrongType)
    let byID = issue("procedures[land].share=2")
    #expect(byID?.position?.file == "--set 'procedures[land].share=2'" && byID?.keyPath == "procedures[1].share")
    let path = issue("procedures[lands].share=0.1")
    #expect(path?.code == .unknownReference && path?.description.contains("'certification', 'land'") == true)
    #expect(issue("horizon.days.x=1")?.description.contains("a single value at 'horizon.days'") == true)
    #expect(issue("procedures[9].share=1")?.description.contains("an index from 0 to 1") == true)
    #expect(throws: ScenarioError.self) { try Override(parsing: "no-equals-sign") }
    // Found by the override fuzz target (Tests/FuzzCorpus/override/unknown-key-added.txt): a
    // key the override adds above the one it sets, unknown to the schema, had no position.
    let added = issue("horizo1.days=-1")
    #expect(added?.keyPath == "horizo1" && added?.code == .unknownKey)
    #expect(added?.position?.file == "--set 'horizo1.days=-1'")
    // Found by the override fuzz target (Tests/FuzzCorpus/override/replaces-item-chosen-by-id.txt):
    // an override that replaces the item it names by id had no position, since its path
    // was worked out after the item (and its id) were gone.
    let replaced = issue("procedures[land]=0.5")
    #expect(replaced?.keyPath == "procedures[1]")
    #expect(replaced?.position?.file == "--set 'procedures[land]=0.5'")
  }
}
