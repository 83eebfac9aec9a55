import CentreModel
import CentreSimulation
import Experiments
import Foundation
import Localization
import Reporting
import Testing
import TestSupport

/// A small commune centre, four weeks from 1 July 2025, with a holiday on 10 July and
/// two campaign volunteers at the counter until 14 July.
private func smallScenario(volume: Double = 60, counterStaff: Int = 2, replications: Int = 3, days: Int = 28) -> Scenario {
  let start = CivilDate(year: 2025, month: 7, day: 1)!
  let quick = Procedure(id: "certification", name: "Chứng thực", share: 0.7, counterTime: .lognormal(mean: 5, sd: 3),
                        backOfficeTime: .lognormal(mean: 3, sd: 1), deadline: .workingDays(0))
  let land = Procedure(id: "land", name: "Đất đai", share: 0.3, counterTime: .lognormal(mean: 10, sd: 5),
                       backOfficeTime: .lognormal(mean: 60, sd: 30), deadline: .workingDays(2))
  var centre = Centre(id: "xa", arrivals: ArrivalPattern(dailyVolume: volume), counterStaff: counterStaff, backOfficeStaff: 2,
                      closing: .serveWaiting(maxOvertime: nil))
  centre.counters[0].staffing.crews.append(Crew(count: 2, to: start.adding(days: 13), speed: 0.6, note: "campaign"))
  return Scenario(name: "small", seed: 20250701, replications: replications, horizon: Horizon(start: start, days: days),
                  calendar: WorkingCalendar(holidays: [start.adding(days: 9)]), procedures: [quick, land], centres: [centre])
}

private func report(_ scenario: Scenario) -> RunReport {
  RunReport(result: Experiment.run(scenario, jobs: 2), provenance: Provenance(scenarioFile: "small.yaml", scenarioSHA256: "0"))
}

/// The `<svg>…</svg>` charts of a page, in order.
private func charts(_ html: String) -> [String] {
  var found: [String] = []
  var rest = html[...]
  while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
    found.append(String(rest[start.lowerBound..<end.upperBound]))
    rest = rest[end.upperBound...]
  }
  return found
}

private func chart(_ html: String, titled title: String) -> String? {
  charts(html).first { $0.contains("<title>\(title)</title>") }
}

/// The numbers of an attribute's values, e.g. every y of a polygon's points.
private func polygonYs(_ svg: String) -> [Double] {
  svg.matches(of: /<polygon points="([^"]*)"/).flatMap { match in
    match.1.split(separator: " ").compactMap { Double($0.split(separator: ",").last ?? "") }
  }
}

@Suite struct LocalizedRunReportTests {
  @Test func theVietnameseReportSpeaksVietnameseWithItsVerdictAndDates() throws {
    let run = report(smallScenario())
    let html = run.html(language: .vi)
    #expect(html.contains("<html lang=\"vi\">"))
    #expect(html.contains("<h2>Kết luận</h2>"))
    #expect(html.contains("Tồn đọng ổn định") || html.contains("Tồn đọng tăng") || html.contains("Tồn đọng giảm"))
    #expect(html.contains("Từ 01/07/2025 đến 28/07/2025"))
    #expect(html.contains(">01/07</text>"))  // the time axis
    #expect(!html.contains("2025-07-01"))
    #expect(html.contains("<h2>Tồn đọng và hồ sơ quá hạn</h2>"))
    #expect(html.contains("<h2>Nguồn gốc kết quả</h2>"))
    // Deadlines and waits are judged in the verdict.
    #expect(html.contains("đúng hạn"))
    #expect(html.contains("phân vị 90"))
    // The holiday and the end of the campaign are marked on the time charts.
    #expect(html.contains("nghỉ lễ"))
    #expect(html.contains("−2 cán bộ: campaign"))
    // Figures carry a decimal comma.
    #expect(html.contains("trung bình ± KTC 95%"))
    let onTime = run.result.totals[.onTimeRate]
    #expect(html.contains(">\(Language.vi.number(onTime.mean * 100, decimals: 1))% ± \(Language.vi.number(onTime.halfWidth * 100, decimals: 1))</td>"))
    #expect(!html.contains("Verdict"))
  }

  @Test func theEnglishReportKeepsItsWordsAndGainsTheAdvice() {
    let html = report(smallScenario()).html()
    #expect(html.contains("<html lang=\"en\">"))
    for section in ["Verdict", "Key figures", "Backlog and overdue dossiers", "Waiting at the counter", "Staff utilisation",
                    "On-time rate per procedure", "Staffing", "Theory beside the simulation", "Provenance"] {
      #expect(html.contains("<h2>\(section)</h2>"), "no section \(section)")
    }
    #expect(html.contains("The backlog"))
    #expect(html.contains("2025-07-01 to 2025-07-28"))
    #expect(html.contains("target") && html.contains("90th percentile"))
    #expect(html.contains("holiday") && html.contains("−2 staff: campaign"))
    #expect(html.contains("staff join or leave"))  // the legend of the markers
  }

  @Test func proceduresThatMissTheirDeadlinesAreNamedWorstFirst() {
    // One clerk for 120 dossiers a day: the land files (two working days) go overdue.
    let result = Experiment.run(smallScenario(volume: 120, counterStaff: 1), jobs: 2)
    let findings = DeadlineFindings(result)
    #expect(!findings.misses.isEmpty)
    #expect(findings.misses.map(\.onTime.mean) == findings.misses.map(\.onTime.mean).sorted())
    let lines = findings.sentences(.en)
    #expect(lines[0].contains("fewer than 95%"))
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("– ") && $0.contains("overdue") })
    let html = RunReport(result: result, provenance: Provenance(scenarioFile: "x", scenarioSHA256: "0")).html(language: .vi)
    #expect(html.contains("dưới 95%"))
  }

  @Test func confidenceBandsNeverGoBelowZero() throws {
    let run = report(smallScenario(replications: 3))
    // The precondition: some daily interval does reach below zero.
    #expect(run.result.days.contains { $0[.counterQueueMax].low < 0 || $0[.overdueOpen].low < 0 || $0[.backlog].low < 0 })
    let html = run.html()
    for title in ["Dossiers at midnight", "Longest counter queue of each day", "Back-office queue at midnight", "Dossiers per day"] {
      let svg = try #require(chart(html, titled: title))
      let axis = try #require(svg.firstMatch(of: /<line x1="64.0" x2="64.0" y1="[0-9.]+" y2="([0-9.]+)" class="axis"\/>/))
      let bottom = try #require(Double(axis.1))
      for y in polygonYs(svg) { #expect(y <= bottom + 0.05, "\(title): a band goes below the axis") }
      // No tick below zero on the y axis.
      let ticks = svg.matches(of: /text-anchor="end">([^<]*)<\/text>/).map { String($0.1) }
      #expect(!ticks.contains { $0.hasPrefix("-") || $0.hasPrefix("−") }, "\(title): ticks \(ticks)")
    }
    // The wait distribution's band stops at 100% and leaves headroom above the line.
    let waits = try #require(chart(html, titled: "Share of citizens served within a wait of … minutes"))
    let axis = try #require(waits.firstMatch(of: /<line x1="64.0" x2="64.0" y1="([0-9.]+)"/))
    let hundred = try #require(waits.firstMatch(of: /y1="([0-9.]+)" y2="[0-9.]+" class="grid"\/><text x="58.0" y="[0-9.]+" text-anchor="end">100<\/text>/))
    let top = Double(axis.1) ?? .nan, line100 = Double(hundred.1) ?? .nan
    #expect(line100 > top + 5)
  }

  @Test func theQueueAndTheStaffHaveChartsOfTheirOwn() throws {
    let html = report(smallScenario()).html()
    let queue = try #require(chart(html, titled: "Counter queue by hour of the day"))
    let staff = try #require(chart(html, titled: "Counter staff present by hour of the day"))
    #expect(!queue.contains("counter staff present"))
    #expect(staff.contains("counter staff present"))
  }

  @Test func theVietnameseConsoleSummaryOpensWithItsVerdict() {
    let result = Experiment.run(smallScenario(), jobs: 2)
    let text = ConsoleSummary(result: result, language: .vi).rendered()
    #expect(text.contains("Kết luận: Tồn đọng"))
    #expect(text.contains("Kịch bản small: từ 01/07/2025 đến 28/07/2025 (28 ngày)"))
    #expect(text.contains("Tỷ lệ đúng hạn"))
    #expect(text.contains("trong ngày làm việc"))
    let english = ConsoleSummary(result: result).rendered()
    #expect(english.contains("Scenario small: 2025-07-01 to 2025-07-28 (28 days), 3 replications, seed 20250701"))
    #expect(english.contains("\nVerdict: The backlog"))
  }
}

@Suite struct SweepReportTests {
  @Test func heatMapAxesOfNumbersAreInNumericOrder() throws {
    let csv = """
      point,a,b,overdue_mean,overdue_half_width
      0,10,0.5,30,1
      1,2,1,40,1
      2,5,0.25,50,1
      3,2,0.5,60,1

      """
    let html = SweepHTMLReport(factors: ["a", "b"], csv: csv).html(title: "sweep")
    let map = try #require(charts(html).first)
    func position(_ text: String) throws -> String.Index { try #require(map.range(of: text)).lowerBound }
    // Rows (a) and columns (b), in numeric order whatever the order of the points.
    #expect(try position("text-anchor=\"end\">2</text>") < position("text-anchor=\"end\">5</text>"))
    #expect(try position("text-anchor=\"end\">5</text>") < position("text-anchor=\"end\">10</text>"))
    #expect(try position(">0.25</text>") < position(">0.5</text>"))
    #expect(try position(">0.5</text>") < position(">1</text>"))
    // A verdict names the point with the fewest overdue dossiers.
    #expect(html.contains("The lowest overdue (late + open past due): point 0 (a = 10, b = 0.5)"))
    let vi = SweepHTMLReport(factors: ["a", "b"], csv: csv).html(title: "sweep", language: .vi)
    #expect(vi.contains(">0,25</text>"))
  }

  @Test func namesAreKeptInOrderOfAppearance() throws {
    let csv = "point,mode,b,overdue_mean,overdue_half_width\n0,pooled,1,3,1\n1,separate,1,4,1\n2,hybrid,1,5,1\n"
    let map = try #require(charts(SweepHTMLReport(factors: ["mode", "b"], csv: csv).html(title: "s")).first)
    let pooled = try #require(map.range(of: ">pooled</text>")).lowerBound
    let separate = try #require(map.range(of: ">separate</text>")).lowerBound
    let hybrid = try #require(map.range(of: ">hybrid</text>")).lowerBound
    #expect(pooled < separate && separate < hybrid)
  }
}

@Suite struct ComparisonVerdictTests {
  @Test func verdictsSayWhatChangedInWords() {
    let base = Scenarios.commune(counterStaff: 1, backOfficeStaff: 2, replications: 8)
    var more = base
    more.centres[0].counters[0].staffing = .fixed(3)
    let comparison = Comparison.run([Variant(label: "base", scenario: base), Variant(label: "B", scenario: more)])
    let wait = comparison.differences(1).first { $0.measure == .counterWaitMean }!
    #expect(wait.verdict(label: "B", language: .en).hasPrefix("B cuts counter wait, mean (served) by "))
    #expect(wait.verdict(label: "B", language: .en).contains("% ± "))
    let arrivals = comparison.differences(1).first { $0.measure == .arrivals }!
    #expect(arrivals.difference.mean == 0 && arrivals.difference.standardDeviation == 0)  // same citizens
    #expect(arrivals.verdict(label: "B", language: .en).contains("no significant difference"))
  }
}

@Suite struct ComparisonChartTests {
  @Test func aKPIWhoseBaseIsNearZeroShowsItsAbsoluteChange() throws {
    let base = smallScenario(replications: 4)
    var more = base
    more.centres[0].counters[0].staffing.crews[0].count += 1
    let comparison = Comparison.run([Variant(label: "base", scenario: base), Variant(label: "more clerks", scenario: more)], jobs: 2)
    let abandoned = try #require(comparison.differences(1).first { $0.measure == .abandoned })
    #expect(abs(abandoned.base.mean) < 1e-9)  // nobody gives up: the base is zero
    let report = ComparisonReport(comparison: comparison, selection: nil, headline: ComparisonReport.headline(for: base))
    let html = report.html()
    let svg = try #require(chart(html, titled: "Change with more clerks"))
    #expect(svg.contains("base near zero:"))
    // Its row carries no relative interval: the axis is not stretched by it.
    #expect(!svg.contains("nan"))
    // The colours are explained, in the chart and in the caption.
    #expect(svg.contains(">better</text>") && svg.contains(">worse</text>") && svg.contains(">no significant change</text>"))
    #expect(html.contains("fewer overdue dossiers"))
    // A verdict opens the page.
    #expect(html.contains("<h2>Verdict</h2>"))
    #expect(html.contains("more clerks against base: "))
    let vi = report.html(language: .vi)
    #expect(vi.contains("<html lang=\"vi\">") && vi.contains("gốc gần bằng 0"))
    #expect(report.rendered(language: .vi).contains("Phương án gốc: base"))
    #expect(report.rendered().hasPrefix("Base: base; 4 replications on common random numbers"))
  }
}

@Suite struct OptimizationReportTests {
  @Test func theOptimizeReportShowsBeforeAndAfterAndWhatEachPersonBuys() throws {
    let scenario = smallScenario(volume: 90, counterStaff: 1, replications: 3, days: 14)
    let units = StaffingUnit.all(in: scenario)
    // Two back-office specialists for 90 dossiers a day: most go overdue.
    let targets = [try #require(StaffingTarget(parsing: "on_time_rate>=0.9"))]
    let plan = StaffingOptimizer.optimize(scenario, units: units, targets: targets, budget: 4, confirmReplications: 3, jobs: 2)!
    let report = OptimizationReport(plan: plan, targets: targets)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-optimize-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let written = try report.write(to: directory)
    #expect(written.contains("\(directory)/report.html"))
    let html = try String(contentsOfFile: "\(directory)/report.html", encoding: .utf8)
    #expect(html.contains("<h2>Verdict</h2>"))
    #expect(html.contains("The optimiser recommends") || html.contains("cannot be met"))
    #expect(html.contains("<h2>Before and after, per pool</h2>"))
    #expect(html.contains("<th class=\"n\">before</th><th class=\"n\">after</th>"))
    #expect(plan.after != plan.before)
    #expect(html.contains("<h2>What each extra person buys</h2>"))
    #expect(html.contains("<td>+1 at xa/back-office</td>"))
    #expect(html.contains("<td>– xa/back-office: 2 → ") || html.contains("<li>xa/back-office: 2 → "))
    let vi = report.html(language: .vi)
    #expect(vi.contains("<h2>Trước và sau, theo nhóm cán bộ</h2>") && vi.contains(">trước</th>") && vi.contains(">sau</th>"))
  }
}
