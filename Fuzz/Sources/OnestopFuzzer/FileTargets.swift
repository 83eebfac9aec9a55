//===----------------------------------------------------------------------===//
// The readers of data files: arrivals replay, initial backlog, centres tables (CSV and
// XLSX), the dossier log of `fit`, and the workspace's submitted forms.
//===----------------------------------------------------------------------===//

#if canImport(Glibc)
  import Glibc
#endif
import Foundation
import InputAnalysis
import ScenarioFormat
import Spreadsheet

/// A directory of this process's own for the data files the loader reads
/// (`/tmp/fuzz-onestop-<pid>`, removed at exit).
let dataDirectory: String = {
  let path = "/tmp/fuzz-onestop-\(getpid())"
  mkdir(path, 0o700)
  atexit { _ = try? FileManager.default.removeItem(atPath: "/tmp/fuzz-onestop-\(getpid())") }
  return path
}()

/// The base scenario naming `data.csv` beside it with `key` (and `suffix`), parsed once
/// at start as if it were `/tmp/fuzz-onestop-<pid>/scenario.yaml`, so that the name is
/// relative to the data directory. Each input then costs the decoding and checks of a
/// small scenario and the reading of its data file, not libyaml and Yams' composer
/// (which took over half the time of these targets when the YAML was parsed per input).
func dataFileDocument(key: String, suffix: String = "") -> ScenarioDocument {
  do {
    return try ScenarioDocument.parse(yaml: baseScenarioYAML + "\(key)data.csv\(suffix)\n", file: "\(dataDirectory)/scenario.yaml")
  } catch {
    fatalError("the fuzzer's base scenario with '\(key)data.csv\(suffix)' does not parse: \(error)")
  }
}

/// The documents of `arrivals-csv` and `backlog-csv`, parsed once (on first use).
let arrivalsDocument = dataFileDocument(key: "arrivals_replay: ")
let backlogDocument = dataFileDocument(key: "initial_backlog: {file: ", suffix: "}")

/// The bytes as the data file `data.csv` of `document` (``arrivalsDocument`` or
/// ``backlogDocument``), which is loaded again (the file is read on each load): the
/// scenario loads or is refused with located issues.
func fuzzDataFile(_ bytes: UnsafeBufferPointer<UInt8>, document: ScenarioDocument) {
  let path = "\(dataDirectory)/data.csv"
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  if fd < 0 { violated("cannot write \(path)") }
  var written = 0
  while written < bytes.count {
    let n = write(fd, bytes.baseAddress! + written, bytes.count - written)
    if n <= 0 { violated("cannot write \(path)") }
    written += n
  }
  close(fd)
  do { checkLoaded(try document.load()) } catch { checkRejection(error) }
}

/// The text as a table of centres made into a city of the base scenario, which loads
/// or is refused with located issues.
func fuzzCentresCSV(_ bytes: UnsafeBufferPointer<UInt8>) {
  do {
    let city = try baseDocument.city(name: "fuzz-city", centres: text(bytes), file: "fuzz/centres.csv")
    checkLoaded(try city.load())
  } catch {
    checkRejection(error)
  }
}

/// A dossier log: read, or refused at a line and column with what was expected and found.
func fuzzDossierLog(_ bytes: UnsafeBufferPointer<UInt8>) {
  do {
    let log = try DossierLog(text: text(bytes), file: "fuzz/log.csv")
    if verbose { print("\(log.records.count) records, columns \(log.columns)") }
    if log.records.isEmpty { violated("a log without records was read") }
  } catch {
    if verbose { print(error) }
    if error.expected.isEmpty || error.found.isEmpty || error.line < 0 || error.column < 0 { violated("incomplete \(error)") }
  }
}

/// An XLSX file. Bytes that start like a ZIP are the file itself; any others are the
/// XML of its first worksheet and, after a NUL, of its shared strings, put in a workbook
/// (an uncompressed ZIP with the parts Excel writes), so that the fuzzer reaches the
/// SpreadsheetML scanner instead of the ZIP reader's first check. The rows read are made
/// into a city of the base scenario, which loads or is refused with located issues.
func fuzzXLSX(_ bytes: UnsafeBufferPointer<UInt8>) {
  let input = Array(bytes)
  let file: [UInt8]
  if XLSX.looksLikeZIP(input) {
    file = input
  } else {
    let parts = input.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    var entries: [(String, [UInt8])] = [
      ("[Content_Types].xml", Array(contentTypesXML.utf8)), ("_rels/.rels", Array(rootRelsXML.utf8)),
      ("xl/workbook.xml", Array(workbookXML.utf8)), ("xl/_rels/workbook.xml.rels", Array(workbookRelsXML.utf8)),
      ("xl/worksheets/sheet1.xml", Array(parts[0])),
    ]
    if parts.count > 1 { entries.append(("xl/sharedStrings.xml", Array(parts[1]))) }
    file = storedZIP(entries)
  }
  let rows: [[String]]
  do { rows = try XLSX.firstSheetRows(file, byteLimit: 1 << 20, cellLimit: 100_000) } catch {
    if verbose { print(error) }
    if error.expected.isEmpty || error.found.isEmpty { violated("incomplete \(error)") }
    return
  }
  if verbose { print(rows) }
  do {
    checkLoaded(try baseDocument.city(name: "fuzz-city", rows: rows, file: "fuzz/centres.xlsx").load())
  } catch {
    checkRejection(error)
  }
}

let contentTypesXML = """
  <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
  <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
  """
let rootRelsXML = """
  <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
  <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
  """
let workbookXML = """
  <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
  <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Centres" sheetId="1" r:id="rId1"/></sheets></workbook>
  """
let workbookRelsXML = """
  <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
  <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
  """

/// A ZIP archive of `entries`, stored (method 0, no compression), as the smallest valid
/// container: local headers, the central directory and its end record.
func storedZIP(_ entries: [(String, [UInt8])]) -> [UInt8] {
  func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
  func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
  var out: [UInt8] = []
  var central: [UInt8] = []
  for (name, data) in entries {
    let offset = UInt32(out.count)
    let crc = crc32(data)
    let nameBytes = Array(name.utf8)
    let common = le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc) + le32(UInt32(data.count))
      + le32(UInt32(data.count)) + le16(nameBytes.count) + le16(0)
    out += le32(0x0403_4B50) + common + nameBytes + data
    central += le32(0x0201_4B50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
  }
  let centralOffset = UInt32(out.count)
  out += central
  out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count) + le32(UInt32(central.count))
    + le32(centralOffset) + le16(0)
  return out
}

let crcTable: [UInt32] = (0..<256).map { n in
  var c = UInt32(n)
  for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
  return c
}

func crc32(_ bytes: [UInt8]) -> UInt32 {
  var c: UInt32 = 0xFFFF_FFFF
  for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
  return c ^ 0xFFFF_FFFF
}

/// A submitted form (Sources/Workspace/FormData.swift, compiled into this program: the
/// Workspace module links Hummingbird and keeps `FormData` internal). The first byte
/// chooses: even, the rest is a URL-encoded body, whose fields, encoded again, decode to
/// the same fields; odd, a multipart body with the boundary `fuzzboundary`, whose fields
/// and files are kept whole.
func fuzzForm(_ bytes: UnsafeBufferPointer<UInt8>) {
  guard let first = bytes.first else { return }
  let body = Array(bytes.dropFirst())
  if first & 1 == 0 {
    let form = FormData(urlEncoded: String(decoding: body, as: UTF8.self))
    let encoded = form.fields.map { "\(percentEncoded($0.name))=\(percentEncoded($0.value))" }.joined(separator: "&")
    let again = FormData(urlEncoded: encoded)
    if !again.fields.elementsEqual(form.fields, by: { $0.name == $1.name && $0.value == $1.value }) {
      violated("the fields \(form.fields) encoded as '\(encoded)' decode to \(again.fields)")
    }
    if verbose { print(form.fields) }
  } else if let form = FormData(multipart: body, boundary: "fuzzboundary") {
    if verbose { print(form.fields, form.files.mapValues { ($0.filename, $0.bytes.count) }) }
    for file in form.files.values where file.bytes.count > body.count { violated("a file longer than the body") }
  }
}

/// Every byte but the unreserved ones as `%XX`.
func percentEncoded(_ text: String) -> String {
  var out = ""
  for byte in text.utf8 {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
      out.unicodeScalars.append(Unicode.Scalar(byte))
    default:
      let hex = String(byte, radix: 16, uppercase: true)
      out += "%" + (hex.count == 1 ? "0" + hex : hex)
    }
  }
  return out
}
