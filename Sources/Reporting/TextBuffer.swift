//===----------------------------------------------------------------------===//
// Output text built as bytes.
//===----------------------------------------------------------------------===//

/// Text built as UTF-8 bytes and turned into a `String` once at the end. The JSON and CSV
/// writers append hundreds of thousands of short pieces; appending one to a `[UInt8]` is a
/// copy, where appending it to a `String` also re-checks the storage's capacity,
/// uniqueness and ASCII flag, and costs several times more.
struct TextBuffer {
  private var bytes: [UInt8] = []

  /// Appends `text`'s bytes in one copy (`withUTF8` gives them as a contiguous buffer;
  /// appending the `utf8` view would go byte by byte).
  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }
  mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: utf8) }
  mutating func append(ascii byte: UInt8) { bytes.append(byte) }

  /// The text (the bytes are valid UTF-8: they come from strings, cut only before or
  /// after ASCII bytes).
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Bytes appended so far.
  var count: Int { bytes.count }

  /// Writes the bytes to `file` and empties the buffer (keeping its capacity).
  mutating func flush(to file: AtomicFile.Pending) throws(OutputError) {
    try file.write(bytes)
    bytes.removeAll(keepingCapacity: true)
  }
}
