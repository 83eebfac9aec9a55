//===----------------------------------------------------------------------===//
// A minimal JSON writer with a fixed key order.
//===----------------------------------------------------------------------===//

/// A JSON value whose objects keep their keys in the order given, so that the same
/// result always renders to the same bytes.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }

  /// A number, or `null` when it is NaN or infinite (JSON has no such numbers).
  public static func finite(_ value: Double) -> JSONValue { value.isFinite ? .number(value) : .null }

  /// Pretty-printed text with two-space indentation and a final newline.
  public func rendered() -> String {
    var out = TextBuffer()
    write(to: &out, indent: 0)
    out.append(ascii: UInt8(ascii: "\n"))
    return out.text
  }

  /// Appends the value, its nested lines indented by two spaces per level below `indent`.
  private func write(to out: inout TextBuffer, indent: Int) {
    switch self {
    case .null: out.append("null")
    case .bool(let b): out.append(b ? "true" : "false")
    case .number(let x): out.append(formatNumber(x))
    case .string(let s): Self.appendQuoted(s, to: &out)
    case .array(let items):
      if items.isEmpty { out.append("[]"); return }
      out.append("[\n")
      for (i, item) in items.enumerated() {
        Self.appendPadding(indent + 1, to: &out)
        item.write(to: &out, indent: indent + 1)
        out.append(i + 1 < items.count ? ",\n" : "\n")
      }
      Self.appendPadding(indent, to: &out)
      out.append(ascii: UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty { out.append("{}"); return }
      out.append("{\n")
      for (i, (key, value)) in members.enumerated() {
        Self.appendPadding(indent + 1, to: &out)
        Self.appendQuoted(key, to: &out)
        out.append(": ")
        value.write(to: &out, indent: indent + 1)
        out.append(i + 1 < members.count ? ",\n" : "\n")
      }
      Self.appendPadding(indent, to: &out)
      out.append(ascii: UInt8(ascii: "}"))
    }
  }

  private static func appendPadding(_ level: Int, to out: inout TextBuffer) {
    for _ in 0..<2 * level { out.append(ascii: UInt8(ascii: " ")) }
  }

  /// Appends `s` as a JSON string literal. The bytes that need an escape are all ASCII,
  /// and no byte of a multi-byte UTF-8 sequence is below 0x80, so the runs between them
  /// are copied whole.
  private static func appendQuoted(_ s: String, to out: inout TextBuffer) {
    out.append(ascii: UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { utf8 in
      var runStart = 0
      for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        out.append(UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
        switch byte {
        case UInt8(ascii: "\""): out.append("\\\"")
        case UInt8(ascii: "\\"): out.append("\\\\")
        case UInt8(ascii: "\n"): out.append("\\n")
        case UInt8(ascii: "\r"): out.append("\\r")
        case UInt8(ascii: "\t"): out.append("\\t")
        default:
          let hex = String(byte, radix: 16)
          out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        }
        runStart = i + 1
      }
      out.append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
    out.append(ascii: UInt8(ascii: "\""))
  }
}

/// Shortest round-trip decimal; integers without a fraction. Deterministic everywhere.
public func formatNumber(_ x: Double) -> String {
  guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
  if x == x.rounded() && abs(x) < 9e15 { return String(Int64(x)) }
  return x.description
}
