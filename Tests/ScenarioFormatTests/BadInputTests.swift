import ScenarioFormat
import Testing

/// One test per class of bad input: the problem is reported with its code, line and key
/// path, and the message says what was expected and what was found.
@Suite struct BadInputTests {
  /// Checks that `yaml` fails with an issue of `code` at `line` and `keyPath`, whose
  /// message contains each of `phrases`.
  func expectIssue(
    _ yaml: String, _ code: ScenarioIssue.Code, line: Int?, keyPath: String, mentions phrases: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let found = issues(yaml)
    guard let issue = found.first(where: { $0.code == code }) else {
      Issue.record("no \(code) issue among \(found)", sourceLocation: sourceLocation)
      return
    }
    #expect(issue.position?.line == line, "\(issue)", sourceLocation: sourceLocation)
    #expect(issue.keyPath == keyPath, "\(issue)", sourceLocation: sourceLocation)
    #expect(issue.position.map { $0.file == "test.yaml" } ?? true, sourceLocation: sourceLocation)
    for phrase in phrases {
      #expect(issue.description.contains(phrase), "'\(phrase)' not in: \(issue)", sourceLocation: sourceLocation)
    }
  }

  @Test func unknownKeyWithSuggestion() {
    expectIssue(variant("daily_volume: 40", "daily_volumes: 40"), .unknownKey, line: 26,
                keyPath: "centre.arrivals.daily_volumes", mentions: ["did you mean 'daily_volume'?", "found 'daily_volumes'"])
  }

  @Test func wrongType() {
    expectIssue(variant("counter_staff: 2", "counter_staff: [2]"), .wrongType, line: 29,
                keyPath: "centre.counter_staff", mentions: ["expected a whole number", "found a list"])
    expectIssue(variant("days: 14", "days: two weeks"), .wrongType, line: 6, keyPath: "horizon.days",
                mentions: ["found 'two weeks'"])
  }

  @Test func negativeRate() {
    expectIssue(variant("daily_volume: 40", "daily_volume: -40"), .outOfRange, line: 26,
                keyPath: "centre.arrivals.daily_volume", mentions: ["expected a number ≥ 0", "found -40"])
  }

  @Test func sharesThatDoNotSumToOne() {
    expectIssue(variant("share: 0.4", "share: 0.3"), .sharesDoNotSumToOne, line: 14, keyPath: "procedures",
                mentions: ["sum to 1", "a sum of 0.9"])
  }

  @Test func unknownProcedureID() {
    expectIssue(variant("  counter_staff: 2", "  procedure_shares: {certification: 0.5, lands: 0.5}\n  counter_staff: 2"),
                .unknownReference, line: 29, keyPath: "centre.procedure_shares.lands",
                mentions: ["found 'lands'", "did you mean 'land'?"])
  }

  @Test func malformedYAML() {
    expectIssue(variant("  days: 14", "  days: [14"), .malformedYAML, line: 7, keyPath: "", mentions: ["well-formed YAML"])
    expectIssue(variant("  days: 14", "  days: 14\n  days: 15"), .malformedYAML, line: 6, keyPath: "", mentions: ["'days' twice"])
    expectIssue("", .malformedYAML, line: 1, keyPath: "", mentions: ["empty document"])
  }

  @Test func missingFile() {
    do {
      _ = try ScenarioLoader.load(path: "/nonexistent/scenario.yaml")
      Issue.record("loaded a missing file")
    } catch {
      #expect(error.issues.map(\.code) == [.unreadableFile])
      #expect(error.description.contains("no file at '/nonexistent/scenario.yaml'"))
    }
  }

  @Test func aFileThatIsNotARegularFile() {
    do {
      _ = try ScenarioLoader.load(path: "/dev/zero")  // would be read for ever
      Issue.record("loaded /dev/zero")
    } catch {
      #expect(error.issues.map(\.code) == [.unreadableFile])
      #expect(error.description.contains("'/dev/zero', which is not a regular file"))
    }
  }

  @Test func demandBeyondAnyCentre() {
    expectIssue(variant("daily_volume: 40", "daily_volume: 2000000"), .outOfRange, line: 26, keyPath: "centre.arrivals",
                mentions: ["at most 1000000 dossiers on the busiest day", "found 2400000 dossiers a day"])
  }

  @Test func aWarmUpAsLongAsTheHorizon() {
    expectIssue(variant("  days: 14", "  days: 14\n  warm_up_days: 14"), .outOfRange, line: 7, keyPath: "horizon.warm_up_days",
                mentions: ["fewer warm-up days than the 14 days simulated", "found 14"])
  }

  @Test func missingKey() {
    expectIssue(variant("  counter_staff: 2\n", ""), .missingKey, line: 25, keyPath: "centre.counter_staff",
                mentions: ["found neither"])
  }

  @Test func duplicateProcedureID() {
    expectIssue(variant("  - id: land", "  - id: certification"), .duplicateIdentifier, line: 19, keyPath: "procedures[1].id",
                mentions: ["'certification' again (first at line 14)"])
  }

  @Test func invalidDistributionParameters() {
    expectIssue(variant("{lognormal: {mean: 4, sd: 3}}", "{lognormal: {mean: 4, sd: -3}}"), .outOfRange, line: 17,
                keyPath: "procedures[0].counter_time.lognormal.sd", mentions: ["a number > 0", "found -3"])
    expectIssue(variant("{lognormal: {mean: 4, sd: 3}}", "{lognormal: {mean: 4}}"), .missingKey, line: 17,
                keyPath: "procedures[0].counter_time.lognormal", mentions: ["{mean, sd} or {mean, cv} or {mu, sigma}"])
    expectIssue(variant("{lognormal: {mean: 4, sd: 3}}", "{lognormale: {mean: 4, sd: 3}}"), .unknownKey, line: 17,
                keyPath: "procedures[0].counter_time.lognormale", mentions: ["did you mean 'lognormal'?"])
    expectIssue(variant("{lognormal: {mean: 4, sd: 3}}", "{uniform: {min: -4, max: 3}}"), .invalidDistribution, line: 17,
                keyPath: "procedures[0].counter_time", mentions: ["no negative values"])
    expectIssue(variant("{lognormal: {mean: 4, sd: 3}}", "{triangular: {min: 1, mode: 9, max: 3}}"), .invalidDistribution,
                line: 17, keyPath: "procedures[0].counter_time.triangular.mode", mentions: ["between min and max"])
  }

  @Test func overlappingOpeningIntervals() {
    expectIssue(variant("\"13:00-17:00\"", "\"11:00-17:00\""), .overlappingIntervals, line: 9,
                keyPath: "calendar.opening_hours.weekdays[1]", mentions: ["starting at or after 12:00"])
  }

  @Test func invalidDates() {
    expectIssue(variant("start: 2025-07-01", "start: 2025-02-30"), .invalidDate, line: 5, keyPath: "horizon.start",
                mentions: ["YYYY-MM-DD", "2025-02-30"])
    expectIssue(variant("\"15:00\"", "\"25:00\""), .invalidDate, line: 12, keyPath: "calendar.receipt_cutoff")
  }

  @Test func outOfRangeCounts() {
    expectIssue(variant("replications: 2", "replications: 0"), .outOfRange, line: 3, keyPath: "replications",
                mentions: ["from 1 to 100000"])
    expectIssue(variant("days: 14", "days: 100000"), .outOfRange, line: 6, keyPath: "horizon.days")
    expectIssue(variant("counter_staff: 2", "counter_staff: 0"), .outOfRange, line: 29, keyPath: "centre.counter_staff")
  }

  @Test func workThatNoOneCanDo() {
    expectIssue(variant("back_office_staff: 3", "back_office_staff: 0"), .unservable, line: 30,
                keyPath: "centre.back_office_staff", mentions: ["for step 'back-office' of 'land'", "no back-office staff"])
    expectIssue(variant("weekdays: [\"08:00-12:00\", \"13:00-17:00\"]", "weekdays: []").replacing("saturday: [\"07:30-11:30\"]", with: "saturday: []"),
                .unservable, line: 8, keyPath: "calendar", mentions: ["never opens"])
  }

  @Test func everyProblemIsReportedNotJustTheFirst() {
    let yaml = variant("daily_volume: 40", "daily_volume: -40").replacing("replications: 2", with: "replications: lots")
      .replacing("counter_staff: 2", with: "counter_stuff: 2")
    let found = issues(yaml)
    #expect(Set(found.map(\.keyPath)).isSuperset(of: ["replications", "centre.arrivals.daily_volume", "centre.counter_stuff"]))
    #expect(found.map { $0.position?.line ?? 0 } == found.map { $0.position?.line ?? 0 }.sorted())
  }
}
