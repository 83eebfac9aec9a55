//===----------------------------------------------------------------------===//
// Where a file stops being UTF-8.
//===----------------------------------------------------------------------===//

/// The line and column (in characters, as Yams counts them; a leading byte-order mark is
/// not a column) of the first byte of `bytes` that is not part of valid UTF-8, and that
/// byte (0 when there is none). Scenario files and dossier logs locate bad bytes with it.
public func firstInvalidUTF8<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> (line: Int, column: Int, byte: UInt8) {
  var line = 1
  var column = 1
  var parser = Unicode.UTF8.ForwardParser()
  var iterator = bytes.makeIterator()
  var offset = 0
  while true {
    switch parser.parseScalar(from: &iterator) {
    case .valid(let encoded):
      let scalar = Unicode.UTF8.decode(encoded)
      if scalar == "\n" {
        line += 1
        column = 1
      } else if !(offset == 0 && scalar == "\u{FEFF}") {
        column += 1
      }
      offset += encoded.count
    case .error:
      return (line, column, bytes[bytes.index(bytes.startIndex, offsetBy: offset)])
    case .emptyInput:
      return (line, column, 0)
    }
  }
}
