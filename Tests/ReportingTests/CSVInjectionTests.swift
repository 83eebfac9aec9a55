//===----------------------------------------------------------------------===//
// CSV cells that a spreadsheet would run as formulas.
//===----------------------------------------------------------------------===//

import Foundation
import Reporting
import Testing

/// Text cells starting with `=`, `+`, `-`, `@`, tab or carriage return get a leading `'`
/// (OWASP's advice on CSV injection); numbers are written as they are.
@Suite struct CSVInjectionTests {
  func rendered(_ cells: [String], column: String = "cell") -> String {
    var table = CSVTable(columns: [column])
    for cell in cells { table.append([cell]) }
    return table.rendered()
  }

  @Test(arguments: [
    ("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("\rx", "\"'\rx\""), ("-", "'-"), ("=a,b", "\"'=a,b\""), ("-nan", "'-nan"), ("-0x10", "'-0x10"),
    ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
  ])
  func formulaLikeTextIsNeutralised(cell: String, field: String) {
    #expect(rendered([cell]) == "cell\n\(field)\n")
  }

  @Test(arguments: [-3.5, -0.0001, 1e-05, -1e-05, -7, 0, -0.0, 2.5e20, -2.5e20, 1e300, -.infinity, .infinity, .nan])
  func numbersAreWrittenAsTheyAre(value: Double) {
    let field = CSVTable.field(value)
    #expect(rendered([field]) == "cell\n\(field)\n")
  }

  @Test(arguments: ["certification", "Hà Đông", "", "a=b", "x-1", "'quoted", "land 2", "-12", "+5", "1e+05", "3 working days"])
  func ordinaryTextAndIntegersAreUnchanged(cell: String) {
    #expect(rendered([cell]) == "cell\n\(cell)\n")
  }

  @Test func headerCellsAreNeutralisedToo() {
    #expect(rendered(["1"], column: "=x") == "'=x\n1\n")
  }

  /// A standard CSV parser (Python's `csv` module) reads back each cell as written, with
  /// the neutralising quote.
  @Test func neutralisedCellsRoundTripThroughPythonsCSVReader() throws {
    let cells = ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "a,\"b\"\r\nc", "-3.5", "1e-05", "Hà Đông"]
    var table = CSVTable(columns: ["name", "value"])
    for cell in cells { table.append([cell, CSVTable.field(-1.25)]) }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-injection-\(UUID().uuidString).csv").path
    try table.rendered().write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c",
                         "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))",
                         path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])
    let expected = ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"].map { "'" + $0 }
      + ["a,\"b\"\r\nc", "-3.5", "1e-05", "Hà Đông"]
    #expect(rows == [["name", "value"]] + expected.map { [$0, "-1.25"] })
  }
}
