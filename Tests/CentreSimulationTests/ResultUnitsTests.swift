import CentreSimulation
import Foundation
import Testing
import TestSupport

/// Every KPI column of every result file has its unit written down, the same in all of
/// them: results/README.md's "KPI ids and units" lists each family's ids with the unit
/// the code gives them (a column `<id>_mean` is in that unit).
@Suite struct ResultUnitsTests {
  /// The README section for one family of measures.
  static func section<M: Measure>(_ family: M.Type, _ title: String) -> String {
    var text = "### \(title)\n\n| id | unit | what |\n|---|---|---|\n"
    for m in M.allCases { text += "| `\(m.id)` | \(m.unit.isEmpty ? "–" : m.unit) | \(m.label) |\n" }
    return text
  }

  static var expected: String {
    [
      section(RunMeasure.self, "Run KPIs: `summary.json` `kpis`, `replications.csv`, `sweep.csv`, `compare.csv`, `optimize.json`"),
      section(ProcedureMeasure.self, "Per procedure: `procedures.csv`, `summary.json` `procedures`"),
      section(CentreMeasure.self, "Per centre: `centres.csv`, `summary.json` `centres`"),
      section(ChannelMeasure.self, "Per channel: `channels.csv`, `summary.json` `channels`"),
      section(PoolMeasure.self, "Per staff pool: `pools.csv`, `summary.json` `pools`"),
      section(DayMeasure.self, "Per day: `daily.csv`"),
      section(CentreDayMeasure.self, "Per day and centre: `centres_daily.csv`"),
      section(HourMeasure.self, "Per hour of the day: `hourly.csv`"),
      section(WindowMeasure.self, "Per report window: `windows.csv`"),
    ].joined(separator: "\n")
  }

  @Test func theResultsReadmeListsEveryKPIWithItsUnit() throws {
    let readme = try String(contentsOfFile: repositoryRoot() + "/results/README.md", encoding: .utf8)
    let start = try #require(readme.range(of: "<!-- units: generated from the code, checked by ResultUnitsTests -->\n\n"))
    let end = try #require(readme.range(of: "\n<!-- end of units -->", range: start.upperBound..<readme.endIndex))
    let written = String(readme[start.upperBound..<end.lowerBound])
    if written != Self.expected {
      try? Self.expected.write(toFile: "/tmp/onestop-units.md", atomically: true, encoding: .utf8)
    }
    #expect(written == Self.expected, "results/README.md's units differ from the code; the expected text is in /tmp/onestop-units.md")
  }
}
