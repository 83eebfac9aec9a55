//===----------------------------------------------------------------------===//
// Reading dossier logs: located errors for files that are not logs, cells read.
//===----------------------------------------------------------------------===//

import ScenarioFormat
import CentreModel
import Foundation
import InputAnalysis
import Testing
import TestSupport

@Suite struct DossierLogTests {
  func error(_ text: String) -> DossierLogError? {
    do {
      _ = try DossierLog(text: text, file: "log.csv")
      return nil
    } catch {
      return error
    }
  }

  @Test func aMissingRequiredColumnIsLocatedAndNamed() throws {
    let e = try #require(error("dossier,centre,procedure,received\n1,commune,land,2025-07-07 08:00\n"))
    #expect((e.line, e.column) == (1, 1))
    #expect(e.found.contains("no column 'arrived'"))
    #expect(e.expected.contains("dossier, centre, procedure and arrived"))
    #expect(e.description.hasPrefix("log.csv:1:1: error: expected a header"))
  }

  @Test func aFileWithoutHeaderIsRecognised() throws {
    let e = try #require(error("D1,commune,land,2025-07-07 08:00\nD2,commune,land,2025-07-07 08:05\n"))
    #expect((e.line, e.column) == (1, 1))
    #expect(e.found.contains("'D1,commune,land,2025-07-07 08:00'"))
    #expect(e.found.contains("the file has no header"))
  }

  @Test func aColumnTwiceIsLocatedAtTheSecond() throws {
    let e = try #require(error("dossier,centre,procedure,arrived,received,received\n"))
    #expect((e.line, e.column) == (1, 43))
    #expect(e.found == "a second 'received' column")
  }

  @Test func anUnclosedQuoteIsLocatedAtItsOpening() throws {
    let e = try #require(error("dossier,centre,procedure,arrived\n1,commune,\"land,2025-07-07 08:00\n"))
    #expect((e.line, e.column) == (2, 11))
    #expect(e.expected == "a closing quote '\"'")
  }

  @Test func emptyFilesAndHeadersAloneAreRefused() throws {
    #expect(try #require(error("")).found == "an empty file")
    let headerOnly = try #require(error("dossier,centre,procedure,arrived\n"))
    #expect((headerOnly.line, headerOnly.found) == (2, "no row"))
  }

  @Test func aFileThatIsNotUTF8IsLocatedAtItsFirstBadByte() throws {
    let directory = try temporaryDirectory()
    let path = directory.appendingPathComponent("log.csv").path
    var bytes = Array("dossier,centre,procedure,arrived\n1,ph".utf8)
    bytes.append(0xFF)
    bytes += Array(",land,2025-07-07 08:00\n".utf8)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    do {
      _ = try DossierLog.read(path: path)
      Issue.record("a file that is not UTF-8 was read")
    } catch {
      #expect((error.line, error.column) == (2, 5))
      #expect(error.found.contains("0xFF"))
    }
    #expect(throws: DossierLogError.self) { try DossierLog.read(path: directory.path) }
    #expect(throws: DossierLogError.self) { try DossierLog.read(path: directory.appendingPathComponent("none.csv").path) }
  }

  @Test func cellsAreReadInEveryAcceptedForm() throws {
    let text = """
      Dossier;Centre;Procedure;Arrived;Channel;Supplement;Received;Note
      1;commune;'-odd;07/07/2025 08:00:30;walk-in;Có;07/07/2025 08:10;x
      2;commune;land;2025-07-07T09:00;ONLINE;không;;y
      3;commune;land;2025-07-07;service_point;1;;z

      """
    let log = try DossierLog(text: text, file: "log.csv")
    #expect(log.columns == [.dossier, .centre, .procedure, .arrived, .channel, .received, .supplement])
    #expect(log.unknownColumns.map(\.name) == ["Note"] && log.unknownColumns.map(\.column) == [8])
    let r = log.records
    #expect(r.map(\.line) == [2, 3, 4])
    #expect(r[0].procedure == "-odd")
    #expect(r[0].arrived == Timestamp(date: CivilDate(year: 2025, month: 7, day: 7)!, minute: 480.5))
    #expect(r.map(\.channel) == [.walkIn, .online, .servicePoint])
    #expect(r.map(\.supplement) == [true, false, true])
    #expect(r[0].received?.minute == 490)
    // A date alone is kept for the arrivals but has no hour: a problem for the hourly profile only.
    #expect(r[2].arrived?.minute == nil)
    #expect(r[2].problems.map(\.excluded) == [[.hourlyProfile]])
    #expect(r[0].problems.isEmpty && r[1].problems.isEmpty)
  }

  @Test func unreadableCellsAreProblemsOfTheirRowWithTheirScope() throws {
    let text = """
      dossier,centre,procedure,arrived,channel,counter_start,received,work_start,completed,due,supplement
      1,commune,land,2025-07-07 08:00,fax,,,,,,
      2,commune,land,yesterday,,,,,,,
      3,commune,land,2025-07-07 08:00,,8 o'clock,,,,,
      4,commune,land,2025-07-07 08:00,,,2025-07-07,,,,
      5,commune,land,2025-07-07 08:00,,,,,,31/02/2025,perhaps

      """
    let r = try DossierLog(text: text, file: "log.csv").records
    #expect(r[0].problems.map(\.column) == ["channel"] && r[0].problems[0].excluded == LogUse.everything)
    #expect(r[1].problems.map(\.column) == ["arrived"] && r[1].problems[0].excluded == LogUse.everything)
    #expect(r[2].problems.map(\.excluded) == [[.counterTime]])
    #expect(r[3].problems.map(\.excluded) == [[.counterTime, .backOfficeWork, .turnaround, .deadline, .incomplete]])
    #expect(r[3].problems[0].message.contains("no time of day"))
    #expect(r[4].problems.map(\.column) == ["due", "supplement"])
    #expect(r[4].problems[1].excluded == [.incomplete, .backOfficeWork, .turnaround])
  }
}
