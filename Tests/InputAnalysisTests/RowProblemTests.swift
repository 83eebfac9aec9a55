//===----------------------------------------------------------------------===//
// Bad rows are counted, listed by row number and left out only of what they corrupt.
//===----------------------------------------------------------------------===//

import InputAnalysis
import Testing

@Suite struct RowProblemTests {
  typealias F = LogFixtures

  static let log = EstimatorTests.header + """
    1,commune,land,\(F.stamp(7, 600)),walk_in,\(F.stamp(7, 601)),\(F.stamp(7, 606)),\(F.stamp(7, 610)),\(F.stamp(7, 700)),,no
    2,commune,land,garbage,walk_in,,,,,,
    3,commune,land,\(F.stamp(8, 600)),walk_in,\(F.stamp(8, 601)),\(F.stamp(8, 606)),\(F.stamp(8, 610)),\(F.stamp(8, 560)),,no
    4,commune,land,\(F.stamp(9, 600)),walk_in,\(F.stamp(9, 590)),\(F.stamp(9, 606)),,,,no
    5,commune,lnad,\(F.stamp(9, 610)),walk_in,,,,,,
    1,commune,land,\(F.stamp(10, 600)),walk_in,,,,,,
    7,commune,land,\(F.stamp(10, 610)),walk_in,,\(F.stamp(10, 620)),,,,maybe
    8,commune,land,2025-07-11,walk_in,,,,,,
    9,commune,land,\(F.stamp(11, 600)),fax,,,,,,
    10,commune,land,\(F.stamp(11, 610)),walk_in,,\(F.stamp(11, 620)),,,\(F.stamp(11, 500)),no

    """

  @Test func everyBadRowIsListedWithWhatItIsLeftOutOf() throws {
    let fit = try F.fit(Self.log)
    let rows = fit.rows
    #expect(rows.rowsRead == 10)
    #expect(rows.rowsDropped == 4)  // lines 3 (no arrival), 6 (procedure), 7 (duplicate), 10 (channel)
    #expect(rows.rowsWithProblems == 9)
    #expect(rows.rowsUsed == 6)
    let byLine = Dictionary(grouping: rows.problems, by: \.line)
    #expect(byLine[3]?.first?.excluded == LogUse.everything)
    #expect(byLine[4]?.map(\.excluded) == [[.backOfficeWork, .turnaround], [.backOfficeWork]])
    #expect(byLine[4]?.first?.message == "completed 2025-07-08 09:20 is before received 2025-07-08 10:06")
    #expect(byLine[5]?.map(\.excluded) == [[.counterTime]])
    #expect(byLine[6]?.first?.message.contains("did you mean 'land'?") == true)
    #expect(byLine[7]?.first?.message == "dossier '1' is already on line 2")
    #expect(byLine[8]?.map(\.excluded) == [[.incomplete, .backOfficeWork, .turnaround]])
    #expect(byLine[9]?.map(\.excluded) == [[.hourlyProfile]])
    #expect(byLine[11]?.map(\.excluded) == [[.deadline]])
    #expect(rows.excludedByUse.first { $0.use == .arrivals }?.rows == 4)
    #expect(rows.excludedByUse.first { $0.use == .backOfficeWork }?.rows == 6)
    // The rows not dropped still count as arrivals, the one with a date alone included.
    #expect(fit.centres[0].dossiers == 6)
    #expect(fit.procedures[1].counterTime.sample == [5, 5])  // lines 2 and 4; line 5's counter start is before its arrival
    #expect(fit.procedures[1].backOfficeWork.sample == [90])  // line 2 only
    // Reported in the file, the JSON and the report.
    let json = fit.json().rendered()
    #expect(json.contains("\"rows_dropped\": 4") && json.contains("\"row\": 4"))
    #expect(fit.html().contains("row 7 (dossier): dossier '1' is already on line 2"))
    #expect(fit.yaml.contains("rows: 10 read, 6 used, 4 dropped (9 with problems"))
    #expect(fit.consoleSummary().contains("row 4 (completed): completed 2025-07-08 09:20 is before received"))
  }

  @Test func theFirstTwentyAreListedThenCounted() throws {
    var csv = EstimatorTests.header
    for i in 0..<30 { csv += "\(i),commune,land,\(i < 25 ? "soon" : F.stamp(7, 600 + i)),walk_in,,,,,,\n" }
    let rows = try F.fit(csv).rows
    #expect(rows.problems.count == 25 && rows.rowsDropped == 25)
    #expect(rows.listing.count == 21)
    #expect(rows.listing.first?.hasPrefix("row 2 (arrived): 'soon' is not a date") == true)
    #expect(rows.listing.last == "… and 5 more problems")
  }
}
