//===----------------------------------------------------------------------===//
// Submitted forms: URL-encoded fields and multipart uploads.
//===----------------------------------------------------------------------===//

/// The fields of a submitted form, in order, and its uploaded files.
struct FormData: Sendable {
  /// An uploaded file: its name as the browser gave it (only shown, never used as a
  /// path) and its bytes.
  struct File: Sendable {
    var filename: String
    var bytes: [UInt8]
  }

  var fields: [(name: String, value: String)] = []
  var files: [String: File] = [:]

  subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

  /// Every value given for `name`.
  func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

  /// `application/x-www-form-urlencoded` text.
  init(urlEncoded text: String) {
    for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = Self.decode(parts[0]) else { continue }
      fields.append((name, parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""))
    }
  }

  /// A `multipart/form-data` body with `boundary`; nil when it is malformed.
  init?(multipart body: [UInt8], boundary: String) {
    let delimiter = Array("--\(boundary)".utf8)
    var start = 0
    guard let first = Self.find(delimiter, in: body, from: 0) else { return nil }
    start = first + delimiter.count
    while start + 2 <= body.count {
      if body[start] == UInt8(ascii: "-") && body[start + 1] == UInt8(ascii: "-") { return }  // the closing delimiter
      guard body[start] == 0x0D, body[start + 1] == 0x0A else { return nil }
      let headersStart = start + 2
      guard let headersEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: headersStart),
        let next = Self.find(Array("\r\n".utf8) + delimiter, in: body, from: headersEnd + 4)
      else { return nil }
      let headers = String(decoding: body[headersStart..<headersEnd], as: UTF8.self)
      let content = Array(body[(headersEnd + 4)..<next])
      guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
        let name = Self.parameter("name", in: disposition)
      else { return nil }
      if let filename = Self.parameter("filename", in: disposition) {
        files[name] = File(filename: filename, bytes: content)
      } else {
        fields.append((name, String(decoding: content, as: UTF8.self)))
      }
      start = next + 2 + delimiter.count
    }
    return nil
  }

  /// `name="value"` in a header line.
  private static func parameter(_ name: String, in header: Substring) -> String? {
    for part in header.split(separator: ";") {
      let trimmed = part.drop { $0 == " " }
      guard trimmed.hasPrefix("\(name)=") else { continue }
      var value = trimmed.dropFirst(name.count + 1)
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
      return String(value)
    }
    return nil
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
    var i = start
    let last = haystack.count - needle.count
    while i <= last {
      if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
      i += 1
    }
    return nil
  }

  /// Percent-decoding with `+` as a space; nil when it is not UTF-8.
  static func decode(_ text: Substring) -> String? {
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      switch byte {
      case UInt8(ascii: "+"): bytes.append(0x20)
      case UInt8(ascii: "%"):
        guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else { return nil }
        bytes.append(value)
        utf8 = utf8.dropFirst(2)
      default: bytes.append(byte)
      }
    }
    return String(validating: bytes, as: UTF8.self)
  }
}
