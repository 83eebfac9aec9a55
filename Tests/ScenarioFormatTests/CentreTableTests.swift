import CentreModel
import ScenarioFormat
import Testing
import TestSupport

/// A table of centres, as CSV text or as a spreadsheet's rows, made into a city.
@Suite struct CentreTableTests {
  let base = try! ScenarioDocument.read(path: repositoryRoot() + "/scenarios/default.yaml")

  /// The error descriptions of making a city of `rows`, or of `csv`.
  func messages(rows: [[String]]? = nil, csv: String? = nil) -> [String] {
    do {
      if let rows { _ = try base.city(name: "c", rows: rows, file: "t.xlsx") }
      if let csv { _ = try base.city(name: "c", centres: csv, file: "t.csv") }
      return []
    } catch {
      return error.issues.map(\.description)
    }
  }

  @Test func rowsAndCSVTextOfOneTableMakeTheSameCity() throws {
    // Blank rows are skipped, cells trimmed, short rows padded as empty cells.
    let rows = [[], ["ID", " daily_volume", "counter_staff", "back_office_staff"], ["a", "30", "2", "3 "], [], ["b", "12.5", "1", "1"]]
    let csv = "ID, daily_volume,counter_staff,back_office_staff\na,30,2,3 \n\nb,12.5,1,1\n"
    let a = try base.city(name: "Thành phố", rows: rows, file: "t.xlsx")
    let b = try base.city(name: "Thành phố", centres: csv, file: "t.csv")
    #expect(try a.yaml(overrides: []) == b.yaml(overrides: []))
    #expect(try a.load().scenario.centres.map(\.arrivals.dailyVolume) == [30, 12.5])
  }

  @Test func spreadsheetErrorsNameTheCellAndCSVErrorsTheLineAndColumn() {
    let header = ["id", "daily_volume", "counter_staff", "back_office_staff"]
    #expect(messages(rows: [header, ["a", "30", "2"]]) == [
      "t.xlsx, cell D2: error: back_office_staff: expected a whole number of staff, at least 1, found ''",
    ])
    #expect(messages(csv: "id,daily_volume,counter_staff,back_office_staff\na,30,2,\n") == [
      "t.csv:2:8: error: back_office_staff: expected a whole number of staff, at least 1, found ''",
    ])
    #expect(messages(rows: [header, ["", "30", "2", "3"], ["b", "30", "2", "3"], ["b", "-1", "2", "3"]]) == [
      "t.xlsx, cell A2: error: id: expected a centre id, found an empty cell",
      "t.xlsx, cell A4: error: id: expected a new centre id, found 'b', already on row 3",
      "t.xlsx, cell B4: error: daily_volume: expected a positive number of dossiers a working day, found '-1'",
    ])
    #expect(messages(rows: [[], ["id", "volume"]]).first?.hasPrefix("t.xlsx, cell A2: error: expected the columns id, daily_volume") == true)
    #expect(messages(rows: [header]) == ["t.xlsx, cell A2: error: expected at least one centre, found no rows"])
    #expect(SourcePosition.cellName(row: 7, column: 28) == "AB7")
  }

  /// Found by the fuzzer (Tests/FuzzCorpus/centres-csv/bad-id.csv): a cell that passes the
  /// table's own checks but not the loader's (an id that is not an identifier) was
  /// reported with no position at all, since the city's nodes made from cells have none.
  @Test func theLoadersIssuesWithACellAreAtTheCell() throws {
    func loadMessages(_ city: ScenarioDocument) -> [String] {
      do { _ = try city.load(); return [] } catch { return error.issues.filter { $0.severity == .error }.map(\.description) }
    }
    let header = ["id", "daily_volume", "counter_staff", "back_office_staff"]
    let csv = "id,daily_volume,counter_staff,back_office_staff\nok,30,2,3\na&b,30,2,3\n"
    #expect(loadMessages(try base.city(name: "c", centres: csv, file: "t.csv")) == [
      "t.csv:3:1: error: centres.list[1].id: expected an identifier of lower-case letters, digits, '-' and '_', found 'a&b'",
    ])
    #expect(loadMessages(try base.city(name: "c", rows: [header, ["x", "30", "2", "3"], ["Ha Dong", "30", "2", "3"]], file: "t.xlsx")) == [
      "t.xlsx, cell A3: error: centres.list[1].id: expected an identifier of lower-case letters, digits, '-' and '_', found 'Ha Dong'",
    ])
  }
}
