//===----------------------------------------------------------------------===//
// A small pull scanner for the XML that SpreadsheetML parts are written in.
//===----------------------------------------------------------------------===//

/// One step through an XML part: an element opens (with its attributes), closes, or
/// some text (character data, entities resolved) comes between.
enum XMLEvent: Equatable {
  /// `<name a="1">` or `<name/>` (then an `.end` follows at once). Names and attribute
  /// names are local: `x:row` is `row`, `r:id` is `id`, `xml:space` is `space`.
  case start(String, [String: String])
  /// `</name>`.
  case end(String)
  /// Text between tags, with `&amp;` and the other predefined and numeric references
  /// replaced, CDATA sections as written, and line ends as `\n`.
  case text(String)
}

/// Reads the subset of XML 1.0 that spreadsheet software writes: elements, attributes,
/// text, the five predefined entities and numeric character references, CDATA; it
/// skips the XML declaration, processing instructions and comments. It refuses a
/// DOCTYPE (so no entity is ever expanded beyond the predefined ones), unknown
/// entities, mismatched tags and text that is not UTF-8, each as an ``XLSXError``
/// naming the part and the line.
struct XMLScanner {
  private let bytes: [UInt8]
  private let part: String
  private var index = 0
  private var open: [String] = []
  private var pendingEnd: String?
  private var sawRoot = false

  /// A scanner over `bytes`, the part named `part` (for errors).
  init(_ bytes: [UInt8], part: String) {
    self.bytes = bytes
    self.part = part
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }  // a UTF-8 byte order mark
  }

  /// The next event, or `nil` at the end of a well-formed document.
  mutating func next() throws(XLSXError) -> XMLEvent? {
    if let name = pendingEnd {
      pendingEnd = nil
      _ = open.popLast()
      return .end(name)
    }
    while index < bytes.count {
      if bytes[index] != UInt8(ascii: "<") {
        let start = index
        while index < bytes.count && bytes[index] != UInt8(ascii: "<") { index += 1 }
        let text = try decode(start..<index, at: start)
        if open.isEmpty {
          guard text.allSatisfy(\.isXMLSpace) else { throw malformed(at: start, "markup", "text outside the root element") }
          continue
        }
        return .text(text)
      }
      if starts(with: "<!--") {
        guard let close = find("-->", from: index + 4) else { throw malformed(at: index, "'-->'", "a comment never closed") }
        index = close + 3
      } else if starts(with: "<?") {
        guard let close = find("?>", from: index + 2) else { throw malformed(at: index, "'?>'", "a processing instruction never closed") }
        index = close + 2
      } else if starts(with: "<![CDATA[") {
        guard !open.isEmpty else { throw malformed(at: index, "an element", "CDATA outside the root element") }
        guard let close = find("]]>", from: index + 9) else { throw malformed(at: index, "']]>'", "a CDATA section never closed") }
        let text = try utf8(index + 9..<close, at: index)
        index = close + 3
        return .text(normalizeLineEnds(text))
      } else if starts(with: "<!") {
        throw malformed(at: index, "an element", starts(with: "<!DOCTYPE") ? "a DOCTYPE (refused: no DTDs or entity declarations)" : "'<!'")
      } else if starts(with: "</") {
        let at = index
        index += 2
        let name = try readName()
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw malformed(at: index, "'>'", found(at: index)) }
        index += 1
        guard let expected = open.popLast() else { throw malformed(at: at, "an element", "'</\(name)>' closing nothing") }
        guard expected == name else { throw malformed(at: at, "'</\(expected)>'", "'</\(name)>'") }
        return .end(localName(name))
      } else {
        return try readStart()
      }
    }
    if let unclosed = open.last { throw malformed(at: bytes.count, "'</\(unclosed)>'", "the end of the part") }
    guard sawRoot else { throw malformed(at: bytes.count, "an XML document", "no element") }
    return nil
  }

  /// `<name attr="value" ...>` or `.../>`, the `<` at `index`.
  private mutating func readStart() throws(XLSXError) -> XMLEvent {
    let at = index
    if open.isEmpty && sawRoot { throw malformed(at: at, "the end of the part", "a second root element") }
    index += 1
    let name = try readName()
    var attributes: [String: String] = [:]
    while true {
      let hadSpace = skipSpace()
      guard index < bytes.count else { throw malformed(at: index, "'>'", "the end of the part") }
      if bytes[index] == UInt8(ascii: ">") {
        index += 1
        open.append(name)
        sawRoot = true
        return .start(localName(name), attributes)
      }
      if starts(with: "/>") {
        index += 2
        open.append(name)
        sawRoot = true
        pendingEnd = localName(name)
        return .start(localName(name), attributes)
      }
      guard hadSpace else { throw malformed(at: index, "a space, '>' or '/>'", found(at: index)) }
      let key = try readName()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { throw malformed(at: index, "'=' after \(key)", found(at: index)) }
      index += 1
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
        throw malformed(at: index, "a quoted value for \(key)", found(at: index))
      }
      let quote = bytes[index]
      let start = index + 1
      guard let close = bytes[start...].firstIndex(of: quote) else { throw malformed(at: index, "a closing quote", "the end of the part") }
      if bytes[start..<close].contains(UInt8(ascii: "<")) { throw malformed(at: start, "an attribute value", "'<' inside it") }
      index = close + 1
      // Attribute-value normalization: tabs and line ends read as spaces.
      let value = try decode(start..<close, at: start).map { $0 == "\n" || $0 == "\t" ? " " : $0 }
      attributes[localName(key)] = String(value)
    }
  }

  /// An XML name at `index` (letters, digits, `_ - . :` and any non-ASCII byte).
  private mutating func readName() throws(XLSXError) -> String {
    let start = index
    while index < bytes.count {
      let b = bytes[index]
      let ok = b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
      guard ok else { break }
      index += 1
    }
    guard index > start else { throw malformed(at: start, "a name", found(at: start)) }
    return try utf8(start..<index, at: start)
  }

  @discardableResult private mutating func skipSpace() -> Bool {
    let start = index
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    return index > start
  }

  private func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
  }

  private func starts(with text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    let pointer = text.utf8Start
    for k in 0..<count where bytes[index + k] != pointer[k] { return false }
    return true
  }

  private func find(_ text: StaticString, from: Int) -> Int? {
    let count = text.utf8CodeUnitCount
    let pointer = text.utf8Start
    var i = from
    while i + count <= bytes.count {
      if bytes[i] == pointer[0] {
        var hit = true
        for k in 1..<count where bytes[i + k] != pointer[k] { hit = false; break }
        if hit { return i }
      }
      i += 1
    }
    return nil
  }

  /// The bytes in `range` as text: UTF-8, references replaced, line ends as `\n`.
  private func decode(_ range: Range<Int>, at offset: Int) throws(XLSXError) -> String {
    let raw = try utf8(range, at: offset)
    guard raw.utf8.contains(UInt8(ascii: "&")) || raw.utf8.contains(UInt8(ascii: "\r")) else { return raw }
    var out = ""
    out.reserveCapacity(raw.utf8.count)
    var rest = Substring(raw)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      guard let semi = rest[amp...].prefix(12).firstIndex(of: ";") else {
        throw malformed(at: offset, "an entity such as &amp; ending in ';'", "'\(rest[amp...].prefix(12))'")
      }
      let entity = rest[rest.index(after: amp)..<semi]
      switch entity {
      case "amp": out += "&"
      case "lt": out += "<"
      case "gt": out += ">"
      case "quot": out += "\""
      case "apos": out += "'"
      default:
        var code: UInt32?
        if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
          code = UInt32(entity.dropFirst(2), radix: 16)
        } else if entity.hasPrefix("#") {
          code = UInt32(entity.dropFirst(), radix: 10)
        }
        guard let code, code != 0, let scalar = Unicode.Scalar(code) else {
          throw malformed(at: offset, "&amp; &lt; &gt; &quot; &apos; or a character reference", "'&\(entity);'")
        }
        out.unicodeScalars.append(scalar)
      }
      rest = rest[rest.index(after: semi)...]
    }
    out += rest
    return normalizeLineEnds(out)
  }

  private func normalizeLineEnds(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
    return text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
  }

  private func utf8(_ range: Range<Int>, at offset: Int) throws(XLSXError) -> String {
    guard let text = String(validating: bytes[range], as: UTF8.self) else { throw malformed(at: offset, "UTF-8 text", "bytes that are not UTF-8") }
    return text
  }

  private func found(at offset: Int) -> String {
    guard offset < bytes.count else { return "the end of the part" }
    let slice = bytes[offset..<min(bytes.count, offset + 12)]
    return "'\(String(decoding: slice, as: UTF8.self))'"
  }

  /// A malformed-XML error at byte `offset`, by line.
  private func malformed(at offset: Int, _ expected: String, _ found: String) -> XLSXError {
    let line = 1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    return XLSXError(.malformedXML, part: "\(part), line \(line)", expected: "well-formed XML: \(expected)", found: found)
  }
}

extension Character {
  /// XML's white space: space, tab, line feed, carriage return.
  var isXMLSpace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n" }
}
