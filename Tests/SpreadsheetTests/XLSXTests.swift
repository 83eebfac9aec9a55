import Foundation
import ScenarioFormat
import Spreadsheet
import Testing
import TestSupport
import ZIPFoundation

/// The bytes of a fixture under Tests/SpreadsheetTests/Fixtures (made by make-fixtures.py).
func fixture(_ name: String) throws -> [UInt8] {
  Array(try Data(contentsOf: URL(fileURLWithPath: repositoryRoot() + "/Tests/SpreadsheetTests/Fixtures/" + name)))
}

/// The error that reading `bytes` throws, if any.
func xlsxError(_ bytes: [UInt8], byteLimit: Int = XLSX.defaultByteLimit, cellLimit: Int = XLSX.defaultCellLimit) -> XLSXError? {
  do {
    _ = try XLSX.firstSheetRows(bytes, byteLimit: byteLimit, cellLimit: cellLimit)
    return nil
  } catch {
    return error
  }
}

@Suite struct XLSXReadingTests {
  @Test func openpyxlCentresReadAsTheirTableWithVietnameseText() throws {
    let rows = try XLSX.firstSheetRows(try fixture("openpyxl-centres.xlsx"))
    #expect(rows == [
      ["id", "daily_volume", "counter_staff", "back_office_staff"],
      ["hà-đông", "300", "8", "20"],
      ["xuân-phương", "40.5", "2", "4"],
      ["thượng-cát", "25", "2", "3"],
    ], "the first sheet, not 'Ghi chú'")
  }

  @Test func openpyxlCellTypesRichTextEntitiesAndSkippedCells() throws {
    let rows = try XLSX.firstSheetRows(try fixture("openpyxl-types.xlsx"))
    #expect(rows == [
      ["Phường Hà Đông", "", "a & b < c > d \" ' "],  // rich text runs joined; B1 skipped; xml:space kept the space
      ["TRUE", "FALSE", "12.5", "3", "-7"],  // 3.0 without ".0"; the formula without a cached value is empty (and trailing)
      [],  // row 3 skipped
      ["", "after a skipped row"],
    ])
  }

  @Test func excelStyleSharedStringsNamespacesFormulasAndWorkbookOrder() throws {
    let rows = try XLSX.firstSheetRows(try fixture("excel-style.xlsx"))
    #expect(rows == [
      ["id", "daily_volume", "", "", "Thành phố Huế"],  // rich-text runs; C1, D1 skipped
      ["Tom & Jerry <3 > \"q\" 'a'", "ậạ", "  kept  "],  // entities, numeric references; no phonetic run
      [],
      ["3", "1000", "0.10000000000000001", "1003", "id!"],  // whole numbers plain, decimals as written, cached values
      ["1", "FALSE", "#DIV/0!", "", "inline Đ"],  // a row and cells without references; an error value; inline string
      ["", "id"],  // an empty styled cell stays empty; a trailing empty cell (Z6) is dropped
    ], "sheet2.xml, first in workbook order")
  }

  @Test func aFileThatIsNotAZIPIsRefusedWithItsFirstBytes() throws {
    let error = try #require(xlsxError(Array("id,daily_volume\na,3\n".utf8)))
    #expect(error.code == .notZIP)
    #expect(error.description == "expected an XLSX file (a ZIP archive, starting with the bytes 50 4B 03 04, \"PK\"), found a file starting with 69 64 2C 64 61 69 6C 79")
    #expect(xlsxError([])?.description.hasSuffix("found an empty file") == true)
  }

  @Test func aZIPThatIsNotAWorkbookIsRefused() throws {
    let error = try #require(xlsxError(try fixture("no-workbook.zip")))
    #expect(error.code == .notWorkbook)
    #expect(error.description == "expected an XLSX workbook (a ZIP archive with xl/workbook.xml), found a ZIP archive of notes.txt, data/table.csv")
  }

  @Test func aTruncatedFileIsRefused() throws {
    let whole = try fixture("openpyxl-centres.xlsx")
    for length in [4, 100, whole.count / 2, whole.count - 10] {
      let error = try #require(xlsxError(Array(whole.prefix(length))), "\(length) bytes")
      #expect(error.code == .notZIP, "\(length) bytes: \(error)")
      #expect(error.description.contains("truncated"), "\(error)")
    }
  }

  /// Found by the `xlsx` fuzz target (Tests/FuzzCorpus/xlsx/zip-read-past-end-2.xlsx): a
  /// ZIP whose entries stay inside the file but whose data ZIPFoundation read past its end
  /// (its in-memory archive trapped; the archive is now read through a file).
  @Test func aZIPWhoseEntryReadsPastItsEndIsRefused() throws {
    let bytes = try #require(FileManager.default.contents(atPath: repositoryRoot() + "/Tests/FuzzCorpus/xlsx/zip-read-past-end-2.xlsx"))
    let error = try #require(xlsxError(Array(bytes)), "refused, not a crash")
    #expect([.notZIP, .notWorkbook].contains(error.code), "\(error)")
  }

  /// Found by the `xlsx` fuzz target (Tests/FuzzCorpus/xlsx/zip-offset-past-end.xlsx): a
  /// ZIP whose directory points past the end of its bytes made ZIPFoundation trap.
  @Test func aZIPWhoseDirectoryPointsPastItsEndIsRefused() throws {
    let bytes = try #require(FileManager.default.contents(atPath: repositoryRoot() + "/Tests/FuzzCorpus/xlsx/zip-offset-past-end.xlsx"))
    let error = try #require(xlsxError(Array(bytes)))
    #expect(error.code == .notZIP && error.description.contains("past the end"), "\(error)")
    #expect(xlsxError(try fixture("openpyxl-centres.xlsx")) == nil)
  }

  @Test func malformedXMLNamesThePartAndLine() throws {
    let error = try #require(xlsxError(try fixture("malformed-sheet.xlsx")))
    #expect(error.code == .malformedXML)
    #expect(error.description == "xl/worksheets/sheet1.xml, line 3: expected well-formed XML: '</c>', found '</row>'")
  }

  @Test func aDOCTYPEIsRefused() throws {
    let error = try #require(xlsxError(try fixture("doctype.xlsx")))
    #expect(error.code == .malformedXML)
    #expect(error.description.hasPrefix("xl/sharedStrings.xml, line 2: "))
    #expect(error.description.contains("DOCTYPE"))
  }

  @Test func whatInflatesBeyondTheLimitIsRefused() throws {
    let zeros = try fixture("zeros.xlsx")
    #expect(zeros.count < 4096, "a small file ...")
    #expect(try XLSX.firstSheetRows(zeros).first?.first?.count == 1 << 20, "... of a 1 MiB cell, read under the default limit")
    let error = try #require(xlsxError(zeros, byteLimit: 512 << 10))
    #expect(error.code == .tooLarge)
    #expect(error.description == "xl/worksheets/sheet1.xml: expected at most 524288 bytes inflated from the archive in all, found more (a ZIP bomb, or too large a workbook)")
    // The limit holds for all the parts read together.
    #expect(xlsxError(zeros, byteLimit: (1 << 20) + 100)?.code == .tooLarge, "the workbook parts count too")
  }

  @Test func aCellFarAwayCountsAgainstTheCellLimit() throws {
    // 20 cells up to each row's last filled one (Z6 is empty and costs nothing).
    #expect(try XLSX.firstSheetRows(try fixture("excel-style.xlsx"), cellLimit: 20).count == 6)
    let error = try #require(xlsxError(try fixture("excel-style.xlsx"), cellLimit: 19))
    #expect(error.code == .tooLarge)
    #expect(error.description.contains("cell"))
  }

  @Test func theZIPSignatureIsRecognised() throws {
    #expect(XLSX.looksLikeZIP(try fixture("openpyxl-centres.xlsx")))
    #expect(!XLSX.looksLikeZIP(Array("id,daily_volume".utf8)))
  }
}

@Suite struct XLSXCentreTableTests {
  let base = try! ScenarioDocument.read(path: repositoryRoot() + "/scenarios/default.yaml")

  @Test func theCSVAndTheXLSXOfOneTableMakeTheSameScenario() throws {
    let csv = "id,daily_volume,counter_staff,back_office_staff\nhà-đông,300,8,20\nxuân-phương,40.5,2,4\nthượng-cát,25,2,3\n"
    let fromCSV = try base.city(name: "Thành phố thử", centres: csv, file: "centres.csv")
    let fromXLSX = try base.city(name: "Thành phố thử", rows: try XLSX.firstSheetRows(try fixture("openpyxl-centres.xlsx")),
                                 file: "centres.xlsx")
    #expect(try fromCSV.yaml(overrides: []) == fromXLSX.yaml(overrides: []))
    let city = try fromXLSX.load().scenario
    #expect(city.centres.map(\.id) == ["hà-đông", "xuân-phương", "thượng-cát"])
    #expect(city.centres.map(\.arrivals.dailyVolume) == [300, 40.5, 25])
  }

  @Test func aBadCellOfASpreadsheetIsNamedByItsReference() throws {
    let rows = [["id", "daily_volume", "counter_staff", "back_office_staff"], ["a", "30", "2", "3"], ["b", "30", "0"], ["a", "x", "2", "3"]]
    #expect(throws: ScenarioError.self) { try base.city(name: "c", rows: rows, file: "centres.xlsx") }
    do {
      _ = try base.city(name: "c", rows: rows, file: "centres.xlsx")
    } catch {
      let messages = error.issues.map(\.description)
      #expect(messages.contains { $0.hasPrefix("centres.xlsx, cell C3: error: counter_staff: ") }, "\(messages)")
      #expect(messages.contains { $0.hasPrefix("centres.xlsx, cell D3: error: back_office_staff: ") && $0.hasSuffix("found ''") }, "\(messages)")
      #expect(messages.contains { $0.hasPrefix("centres.xlsx, cell A4: error: id: ") && $0.contains("already on row 2") }, "\(messages)")
      #expect(messages.contains { $0.hasPrefix("centres.xlsx, cell B4: error: daily_volume: ") }, "\(messages)")
    }
  }
}

/// A workbook made in memory of `parts` (name, text), as ZIPFoundation deflates them.
func workbook(_ parts: [(String, [UInt8])]) throws -> [UInt8] {
  let archive = try Archive(data: Data(), accessMode: .create)
  for (path, bytes) in parts {
    let data = Data(bytes)
    try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
      data.subdata(in: Int(position)..<Int(position) + size)
    }
  }
  return Array(try #require(archive.data))
}

@Suite struct XLSXRobustnessTests {
  /// The parts of the Excel-style fixture, the first sheet's XML cut at every length.
  @Test func everyCutOfASheetIsReadOrRefusedAsMalformed() throws {
    let source = try Archive(data: Data(try fixture("excel-style.xlsx")), accessMode: .read)
    var parts: [(String, [UInt8])] = []
    for entry in source {
      var bytes: [UInt8] = []
      _ = try source.extract(entry) { bytes += $0 }
      parts.append((entry.path, bytes))
    }
    let sheet = try #require(parts.firstIndex { $0.0 == "xl/worksheets/sheet2.xml" })
    let whole = parts[sheet].1
    var codes: [XLSXError.Code: Int] = [:]
    for length in stride(from: 0, to: whole.count, by: 7) {
      var cut = parts
      cut[sheet].1 = Array(whole.prefix(length))
      let error = try #require(xlsxError(try workbook(cut)), "cut at \(length)")
      codes[error.code, default: 0] += 1
      #expect(error.part?.hasPrefix("xl/worksheets/sheet2.xml") == true, "\(error)")
    }
    #expect(Set(codes.keys) == [.malformedXML], "\(codes)")
    #expect(try XLSX.firstSheetRows(try workbook(parts)) == XLSX.firstSheetRows(try fixture("excel-style.xlsx")))
  }

  @Test func referencesAndEntitiesOutOfTheSubsetAreRefused() throws {
    let book = Array("""
      <workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>
      """.utf8)
    let rels = Array("""
      <Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/s.xml"/></Relationships>
      """.utf8)
    func read(_ sheetData: String) throws -> XLSXError? {
      xlsxError(try workbook([("xl/workbook.xml", book), ("xl/_rels/workbook.xml.rels", rels),
                              ("xl/worksheets/s.xml", Array("<worksheet><sheetData>\(sheetData)</sheetData></worksheet>".utf8))]))
    }
    #expect(try read(#"<row r="1"><c r="A1" t="inlineStr"><is><t>ok &#x1EA1;</t></is></c></row>"#) == nil)
    // Found by the xlsx fuzz target (Tests/FuzzCorpus/xlsx/value-left-open.xml): a <v> left
    // open into the next cell trapped on that cell's text.
    _ = try read(#"<row><c t="str"><v>a</c><c>b</c></row>"#)
    #expect(try read(#"<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>"#)?.code == .malformedXML)
    #expect(try read(#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#)?.description
              == "xl/worksheets/s.xml: expected a shared string index below 0 in cell A1, found '0'")
    #expect(try read(#"<row r="2"/><row r="1"/>"#)?.code == .unexpectedContent)
    #expect(try read(#"<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>"#)?.code == .unexpectedContent)
    #expect(try read(#"<row r="1"><c r="XFE1"><v>1</v></c></row>"#)?.code == .unexpectedContent)
    // The first sheet in workbook order names a part that is not there.
    let missing = xlsxError(try workbook([("xl/workbook.xml", book), ("xl/_rels/workbook.xml.rels", rels)]))
    #expect(missing?.code == .missingSheet)
    #expect(missing?.description == "xl/worksheets/s.xml: expected the part of the first sheet, 'S', found no such part in the archive")
  }
}
