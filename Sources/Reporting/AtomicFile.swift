//===----------------------------------------------------------------------===//
// Writing output files so that no reader ever sees half a file.
//===----------------------------------------------------------------------===//

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A failure to write an output file.
public struct OutputError: Error, CustomStringConvertible, Sendable {
  /// The path involved.
  public var path: String
  /// What went wrong (from `strerror`).
  public var reason: String
  public var description: String { "cannot write '\(path)': \(reason)" }
}

/// Atomic file output: write a temporary file beside the target, flush it to disk, then
/// `rename(2)` it over the target. A reader (or a crash, or SIGKILL) sees either the old
/// file or the new one, never a mixture.
public enum AtomicFile {
  /// Writes `text` to `path` atomically.
  public static func write(_ text: String, to path: String) throws(OutputError) {
    let temporary = "\(directory(of: path))/.\(base(of: path)).tmp-\(getpid())"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw OutputError(path: path, reason: errorText()) }
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        let reason = errorText()
        close(fd)
        unlink(temporary)
        throw OutputError(path: path, reason: reason)
      }
      offset += written
    }
    bytes.removeAll()
    guard fsync(fd) == 0, close(fd) == 0 else {
      let reason = errorText()
      unlink(temporary)
      throw OutputError(path: path, reason: reason)
    }
    guard rename(temporary, path) == 0 else {
      let reason = errorText()
      unlink(temporary)
      throw OutputError(path: path, reason: reason)
    }
  }

  /// Creates `path` and its missing parents (`mkdir -p`).
  public static func makeDirectory(_ path: String) throws(OutputError) {
    var current = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      current += "/\(part)"
      if mkdir(current, 0o755) != 0 && errno != EEXIST {
        throw OutputError(path: current, reason: errorText())
      }
    }
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
      throw OutputError(path: path, reason: "it exists and is not a directory")
    }
  }

  private static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  private static func base(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  private static func errorText() -> String { String(cString: strerror(errno)) }
}

#if canImport(Glibc)
  private let systemWrite = Glibc.write
#else
  private let systemWrite = Darwin.write
#endif
