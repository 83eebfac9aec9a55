//===----------------------------------------------------------------------===//
// An XLSX workbook's first worksheet as rows of cell texts.
//===----------------------------------------------------------------------===//

import Foundation
import ZIPFoundation

/// Reads XLSX files as spreadsheet software exports them (LibreOffice Calc, Excel,
/// Google Sheets): the first worksheet, in workbook order, as rows of cell texts.
///
/// What a cell reads as:
/// - a shared string (`t="s"`, from `xl/sharedStrings.xml`, rich-text runs joined, phonetic
///   runs left out) or an inline string (`t="inlineStr"`): its text. A `<t>` without
///   `xml:space="preserve"` loses its leading and trailing white space;
/// - a number: as the file writes it, except that a whole number reads without a
///   fraction or exponent (`3`, not `3.0` or `3E0`); decimals keep the file's digits
///   (Excel may write `0.1` as `0.10000000000000001`);
/// - a boolean: `TRUE` or `FALSE`; an error value (`t="e"`): as written (`#DIV/0!`);
/// - a formula: its cached value (`<v>`), never the formula; a formula with no cached
///   value reads as empty;
/// - a date: **not converted**. Spreadsheets store most dates as serial day numbers
///   with a date format in the styles, which this reader does not read, so a date reads
///   as its number (`45839`); an ISO date cell (`t="d"`) reads as written.
///
/// Cells are placed by their reference (`r="C7"` is row 7, column 3), so a skipped cell
/// leaves an empty string in its place and a skipped row an empty row: `rows[i][j]` is
/// the cell in row `i + 1`, column `j + 1`. Trailing empty cells of a row and trailing
/// empty rows are dropped. Other sheets, styles, merged cells and comments are ignored.
public enum XLSX {
  /// The most bytes inflated from the archive in all (64 MiB): a larger workbook, or a
  /// ZIP bomb, is refused before it fills memory.
  public static let defaultByteLimit = 64 << 20
  /// The most cells (empty ones placed before a filled one included) read: a sheet
  /// referring to cell XFD1048576 would otherwise make a row of 16,384 cells.
  public static let defaultCellLimit = 4_000_000

  /// The ZIP signature an XLSX file starts with ("PK\u{3}\u{4}").
  public static let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

  /// Whether `bytes` start like a ZIP archive (as every XLSX file does).
  public static func looksLikeZIP(_ bytes: some Collection<UInt8>) -> Bool { bytes.starts(with: signature) }

  /// The rows of cell texts of the first worksheet of the XLSX file `bytes`. Throws an
  /// ``XLSXError`` for a file that is not a ZIP archive, a ZIP that is not a workbook, a
  /// missing sheet, malformed XML, or more than `byteLimit` bytes to inflate.
  public static func firstSheetRows(_ bytes: [UInt8], byteLimit: Int = defaultByteLimit,
                                    cellLimit: Int = defaultCellLimit) throws(XLSXError) -> [[String]] {
    var reader = try PartReader(bytes, byteLimit: byteLimit)
    let workbook = try reader.workbookPart()
    let relationships = try reader.relationships(of: workbook)
    let sheet = try reader.firstSheet(workbook: workbook, relationships: relationships)
    let sharedStringsPart = relationships.values.first { $0.type.hasSuffix("/sharedStrings") }?.target
      ?? resolve("sharedStrings.xml", from: workbook)
    var sharedStrings: [String] = []
    if let bytes = try reader.read(sharedStringsPart) { sharedStrings = try SharedStrings.read(bytes, part: sharedStringsPart) }
    guard let sheetBytes = try reader.read(sheet) else {
      throw XLSXError(.missingSheet, part: sheet, expected: "the first worksheet's part", found: "no such part in the archive")
    }
    return try Worksheet.rows(sheetBytes, part: sheet, sharedStrings: sharedStrings, cellLimit: cellLimit)
  }

  /// The part that `target` (a relationship's target) names, seen from `source`: relative
  /// to the source's folder, or from the archive's root when it starts with `/`.
  static func resolve(_ target: String, from source: String) -> String {
    var components: [Substring]
    if target.hasPrefix("/") {
      components = []
    } else {
      components = source.split(separator: "/")
      if !components.isEmpty { components.removeLast() }
    }
    for component in target.split(separator: "/") {
      switch component {
      case ".": continue
      case "..": if !components.isEmpty { components.removeLast() }
      default: components.append(component)
      }
    }
    return components.joined(separator: "/")
  }
}

/// One relationship of a part (`Id`, `Type`, `Target` in a `.rels` part).
struct Relationship: Equatable {
  var type: String
  /// The part it points to, resolved from the archive's root.
  var target: String
}

/// The archive's parts, inflated under one byte budget.
struct PartReader {
  private let archive: Archive
  private var budget: Int
  private let byteLimit: Int

  init(_ bytes: [UInt8], byteLimit: Int) throws(XLSXError) {
    guard XLSX.looksLikeZIP(bytes) else {
      let start = bytes.prefix(8).map { String($0, radix: 16, uppercase: true) }.map { $0.count == 1 ? "0" + $0 : $0 }
      throw XLSXError(.notZIP, part: nil, expected: "an XLSX file (a ZIP archive, starting with the bytes 50 4B 03 04, \"PK\")",
                      found: bytes.isEmpty ? "an empty file" : "a file starting with \(start.joined(separator: " "))")
    }
    if !Self.offsetsAreInside(bytes) {
      throw XLSXError(.notZIP, part: nil, expected: "a complete ZIP archive (an XLSX file)",
                      found: "a ZIP directory that points past the end of the file (a truncated or damaged file)")
    }
    do {
      archive = try Self.archive(bytes)
    } catch {
      throw XLSXError(.notZIP, part: nil, expected: "a complete ZIP archive (an XLSX file)",
                      found: "no readable ZIP directory (a truncated or damaged file)")
    }
    budget = byteLimit
    self.byteLimit = byteLimit
  }

  /// The archive of `bytes`, read through a file: ZIPFoundation's in-memory archive traps
  /// when a damaged entry makes it seek past the end of the data and read (found by the
  /// `xlsx` fuzz target), where reading a file past its end only comes up short, which it
  /// reports as an error. The file gets an unpredictable name (`mkstemp`) in the temporary
  /// directory and is unlinked once opened.
  static func archive(_ bytes: [UInt8]) throws -> Archive {
    var template = Array((FileManager.default.temporaryDirectory.path + "/onestop-xlsx-XXXXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
    let path = String(cString: template)
    defer { unlink(path) }
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else {
        close(descriptor)
        throw CocoaError(.fileWriteUnknown)
      }
      written += n
    }
    close(descriptor)
    return try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
  }

  /// Whether the offsets the end-of-central-directory record and each directory entry
  /// give (the directory, each local header and its data) lie inside `bytes`. ZIPFoundation
  /// seeks to them unchecked, and its in-memory file traps reading past the end (found by
  /// the `xlsx` fuzz target). An archive without the record, or with ZIP64 values, is left
  /// to ZIPFoundation, which refuses the first.
  static func offsetsAreInside(_ bytes: [UInt8]) -> Bool {
    func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
    func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
    guard bytes.count >= 22 else { return true }
    var end = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 0xFFFF)
    while end >= lowest && !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 0x05 && bytes[end + 3] == 0x06) {
      end -= 1
    }
    guard end >= lowest else { return true }
    let size = u32(end + 12)
    let start = u32(end + 16)
    if size == 0xFFFF_FFFF || start == 0xFFFF_FFFF || u16(end + 10) == 0xFFFF { return true }
    guard start + size <= end else { return false }
    var p = start
    while p + 46 <= start + size {
      guard u32(p) == 0x0201_4B50 else { return true }  // ZIPFoundation refuses a bad entry
      let compressed = u32(p + 20)
      let local = u32(p + 42)
      if compressed != 0xFFFF_FFFF && local != 0xFFFF_FFFF {
        guard local + 30 <= bytes.count else { return false }
        let data = local + 30 + u16(local + 26) + u16(local + 28)
        guard data + compressed <= bytes.count else { return false }
      }
      p += 46 + u16(p + 28) + u16(p + 30) + u16(p + 32)
    }
    return true
  }

  /// The bytes of the part `path`, or `nil` when the archive has no such part.
  mutating func read(_ path: String) throws(XLSXError) -> [UInt8]? {
    guard let entry = archive[path] ?? archive.first(where: { $0.path.caseInsensitiveCompare(path) == .orderedSame }) else { return nil }
    let tooLarge = XLSXError(.tooLarge, part: path, expected: "at most \(byteLimit) bytes inflated from the archive in all",
                             found: "more (a ZIP bomb, or too large a workbook)")
    guard entry.uncompressedSize <= UInt64(max(budget, 0)) else { throw tooLarge }
    var out: [UInt8] = []
    out.reserveCapacity(Int(min(entry.uncompressedSize, 1 << 24)))
    var remaining = budget
    do {
      _ = try archive.extract(entry, skipCRC32: false) { (chunk: Data) in
        remaining -= chunk.count
        guard remaining >= 0 else { throw BudgetExceeded() }
        out.append(contentsOf: chunk)
      }
    } catch is BudgetExceeded {
      throw tooLarge
    } catch {
      throw XLSXError(.notZIP, part: path, expected: "a part that inflates (a complete, undamaged ZIP archive)",
                      found: "\(error) (a truncated or damaged file)")
    }
    budget = remaining
    return out
  }

  private struct BudgetExceeded: Error {}

  /// The workbook part: the main document of `_rels/.rels`, else `xl/workbook.xml`.
  mutating func workbookPart() throws(XLSXError) -> String {
    let fallback = "xl/workbook.xml"
    if let rels = try read("_rels/.rels") {
      let main = try Self.relationships(rels, part: "_rels/.rels", source: "").values
        .first { $0.type.hasSuffix("/officeDocument") }?.target
      if let main, archive[main] != nil { return main }
    }
    guard archive[fallback] != nil else {
      let names = archive.prefix(6).map(\.path)
      throw XLSXError(.notWorkbook, part: nil, expected: "an XLSX workbook (a ZIP archive with \(fallback))",
                      found: names.isEmpty ? "an empty ZIP archive" : "a ZIP archive of \(names.prefix(5).joined(separator: ", "))\(names.count > 5 ? " ..." : "")")
    }
    return fallback
  }

  /// The relationships of `part` (from `<folder>/_rels/<name>.rels`), by id; none when
  /// that part is absent.
  mutating func relationships(of part: String) throws(XLSXError) -> [String: Relationship] {
    var folder = part.split(separator: "/", omittingEmptySubsequences: false)
    let name = folder.popLast() ?? ""
    let rels = (folder + ["_rels", "\(name).rels"]).joined(separator: "/")
    guard let bytes = try read(rels) else { return [:] }
    return try Self.relationships(bytes, part: rels, source: part)
  }

  static func relationships(_ bytes: [UInt8], part: String, source: String) throws(XLSXError) -> [String: Relationship] {
    var scanner = XMLScanner(bytes, part: part)
    var found: [String: Relationship] = [:]
    while let event = try scanner.next() {
      guard case .start("Relationship", let attributes) = event else { continue }
      guard let id = attributes["Id"], let target = attributes["Target"], attributes["TargetMode"] != "External" else { continue }
      found[id] = Relationship(type: attributes["Type"] ?? "", target: XLSX.resolve(target, from: source))
    }
    return found
  }

  /// The part of the workbook's first sheet (in the order of `<sheets>`), else
  /// `xl/worksheets/sheet1.xml`.
  mutating func firstSheet(workbook: String, relationships: [String: Relationship]) throws(XLSXError) -> String {
    let fallback = "xl/worksheets/sheet1.xml"
    guard let bytes = try read(workbook) else {
      throw XLSXError(.notWorkbook, part: workbook, expected: "the workbook part", found: "no such part in the archive")
    }
    var scanner = XMLScanner(bytes, part: workbook)
    var sawWorkbook = false
    var first: (name: String, id: String?)?
    while let event = try scanner.next() {
      guard case .start(let name, let attributes) = event else { continue }
      if name == "workbook" { sawWorkbook = true }
      if name == "sheet" && first == nil { first = (attributes["name"] ?? "?", attributes["id"]) }
    }
    guard sawWorkbook else {
      throw XLSXError(.notWorkbook, part: workbook, expected: "a <workbook> element", found: "another XML document")
    }
    if let first, let id = first.id, let relationship = relationships[id] {
      guard relationship.type.hasSuffix("/worksheet") else {
        throw XLSXError(.missingSheet, part: workbook, expected: "a worksheet as the first sheet ('\(first.name)')",
                        found: "a \(relationship.type.split(separator: "/").last ?? "sheet") (a chart sheet?)")
      }
      guard archive[relationship.target] != nil else {
        throw XLSXError(.missingSheet, part: relationship.target, expected: "the part of the first sheet, '\(first.name)'",
                        found: "no such part in the archive")
      }
      return relationship.target
    }
    guard archive[fallback] != nil else {
      throw XLSXError(.missingSheet, part: workbook,
                      expected: first == nil ? "a worksheet listed in <sheets>" : "a relationship naming the part of sheet '\(first!.name)', or \(fallback)",
                      found: first == nil ? "no sheet" : "neither")
    }
    return fallback
  }
}

/// `xl/sharedStrings.xml`: the texts that cells of type `s` refer to by index.
enum SharedStrings {
  static func read(_ bytes: [UInt8], part: String) throws(XLSXError) -> [String] {
    var scanner = XMLScanner(bytes, part: part)
    var strings: [String] = []
    var text = TextCollector()
    var inItem = false
    while let event = try scanner.next() {
      switch event {
      case .start("si", _):
        inItem = true
        text = TextCollector()
      case .end("si"):
        inItem = false
        strings.append(text.text)
      case _ where inItem:
        text.take(event)
      default: break
      }
    }
    return strings
  }
}

/// The text of a string item (`<si>` or `<is>`): its `<t>` elements, plain or in rich
/// text runs (`<r>`), but not phonetic runs (`<rPh>`); each `<t>` trimmed unless it
/// preserves its white space.
struct TextCollector {
  private(set) var text = ""
  private var current: String?
  private var preserve = false
  private var phonetic = 0

  mutating func take(_ event: XMLEvent) {
    switch event {
    case .start("rPh", _): phonetic += 1
    case .end("rPh"): phonetic -= 1
    case .start("t", let attributes) where phonetic == 0:
      current = ""
      preserve = attributes["space"] == "preserve"
    case .end("t") where current != nil:
      let t = current ?? ""
      text += preserve ? t : String(t.drop { $0.isXMLSpace }.reversed().drop { $0.isXMLSpace }.reversed())
      current = nil
    case .text(let chunk) where current != nil:
      current! += chunk
    default: break
    }
  }
}

/// A worksheet part's `<sheetData>` as rows of cell texts.
enum Worksheet {
  static func rows(_ bytes: [UInt8], part: String, sharedStrings: [String], cellLimit: Int) throws(XLSXError) -> [[String]] {
    var scanner = XMLScanner(bytes, part: part)
    var rows: [[String]] = []
    var cells = 0
    var sawWorksheet = false
    var inData = false
    var rowIndex = -1  // 0-based, of the row being read
    var nextColumn = 0
    // The cell being read.
    var cell: (reference: String, column: Int, type: String)?
    var value: String?
    var inValue = false
    var inline: TextCollector?
    func unexpected(_ expected: String, _ found: String) -> XLSXError {
      XLSXError(.unexpectedContent, part: part, expected: expected, found: found)
    }
    func place(_ text: String, column: Int) throws(XLSXError) {
      guard !text.isEmpty else { return }
      let row = rowIndex
      cells += max(0, column + 1 - (row < rows.count ? rows[row].count : 0))
      guard cells <= cellLimit else {
        throw XLSXError(.tooLarge, part: part, expected: "at most \(cellLimit) cells up to the last filled one",
                        found: "more (cell \(columnName(column))\(row + 1))")
      }
      while rows.count <= row { rows.append([]) }
      while rows[row].count <= column { rows[row].append("") }
      rows[row][column] = text
    }
    while let event = try scanner.next() {
      switch event {
      case .start("worksheet", _): sawWorksheet = true
      case .start("sheetData", _): inData = true
      case .end("sheetData"): inData = false
      case .start("row", let attributes) where inData:
        if let r = attributes["r"] {
          guard let number = Int(r), number > rowIndex + 1, number <= 1_048_576 else {
            throw unexpected("a row number after \(rowIndex + 1), at most 1048576", "<row r=\"\(r.prefix(20))\">")
          }
          rowIndex = number - 1
        } else {
          rowIndex += 1
        }
        nextColumn = 0
      case .start("c", let attributes) where inData:
        var column = nextColumn
        if let r = attributes["r"] {
          guard let (c, row) = parseReference(r), c >= nextColumn, row == rowIndex || rowIndex < 0 else {
            throw unexpected("a cell reference such as C\(rowIndex + 1) in row \(rowIndex + 1), after the row's previous cell", "r=\"\(r.prefix(20))\"")
          }
          if rowIndex < 0 { rowIndex = row }
          column = c
        }
        if rowIndex < 0 { rowIndex = 0 }
        nextColumn = column + 1
        cell = (attributes["r"] ?? "\(columnName(column))\(rowIndex + 1)", column, attributes["t"] ?? "n")
        value = nil
        inline = nil
        inValue = false  // a <v> left open in the previous cell (its text then trapped: value was nil)
      case .start("v", _) where cell != nil:
        inValue = true
        value = value ?? ""
      case .end("v"):
        inValue = false
      case .start("is", _) where cell != nil:
        inline = TextCollector()
      case .end("is"):
        break
      case .text(let chunk) where inValue:
        value = (value ?? "") + chunk
      case .end("c") where cell != nil:
        let (reference, column, type) = cell!
        var text: String
        switch type {
        case "s":
          guard let v = value else { text = ""; break }
          guard let index = Int(v.trimmingXMLSpace), sharedStrings.indices.contains(index) else {
            throw unexpected("a shared string index below \(sharedStrings.count) in cell \(reference)", "'\(v.prefix(20))'")
          }
          text = sharedStrings[index]
        case "inlineStr": text = inline?.text ?? value ?? ""
        case "b":
          switch value?.trimmingXMLSpace {
          case "1"?: text = "TRUE"
          case "0"?: text = "FALSE"
          case nil: text = ""
          case let other?: throw unexpected("a boolean (0 or 1) in cell \(reference)", "'\(other.prefix(20))'")
          }
        case "n": text = number(value?.trimmingXMLSpace ?? "")
        default: text = value ?? ""  // str (a formula's text), e (an error value), d (an ISO date)
        }
        try place(text, column: column)
        cell = nil
        inline = nil
      case _ where inline != nil:
        inline!.take(event)
      default: break
      }
    }
    guard sawWorksheet else {
      throw XLSXError(.missingSheet, part: part, expected: "a <worksheet> element", found: "another XML document")
    }
    while let last = rows.last, last.isEmpty { rows.removeLast() }
    return rows
  }

  /// A number as the file writes it, a whole one without fraction or exponent.
  static func number(_ text: String) -> String {
    guard text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let value = Double(text),
          value.rounded() == value, abs(value) < 1e15 else { return text }
    return String(Int64(value))
  }

  /// `C7` as (column 2, row 6), 0-based; `nil` unless letters (at most XFD) then digits.
  static func parseReference(_ reference: String) -> (column: Int, row: Int)? {
    var column = 0, row = 0, letters = 0, digits = 0
    for byte in reference.utf8 {
      switch byte {
      case UInt8(ascii: "$"): continue
      case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
        column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
        letters += 1
      case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
        column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
        letters += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
        row = row * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
        if digits > 7 { return nil }
      default: return nil
      }
      if letters > 3 { return nil }
    }
    guard letters > 0, digits > 0, row >= 1, row <= 1_048_576, column <= 16_384 else { return nil }
    return (column - 1, row - 1)
  }
}

/// The letters of the 0-based column `index`: 0 is `A`, 25 `Z`, 26 `AA`.
func columnName(_ index: Int) -> String {
  var n = index + 1
  var letters: [Character] = []
  while n > 0 {
    let r = (n - 1) % 26
    letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
    n = (n - 1) / 26
  }
  return String(letters.reversed())
}

extension String {
  var trimmingXMLSpace: String { String(drop { $0.isXMLSpace }.reversed().drop { $0.isXMLSpace }.reversed()) }
}
