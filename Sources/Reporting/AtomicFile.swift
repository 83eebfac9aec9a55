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
  /// What went wrong (from `strerror`, or why the path was refused).
  public var reason: String
  public var description: String { "cannot write '\(path)': \(reason)" }

  /// A failure to write `path`, because of `reason`.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
}

/// Atomic file output: write a temporary file beside the target, flush it to disk, then
/// `rename(2)` it over the target. A reader (or a crash, or SIGKILL) sees either the old
/// file or the new one, never a mixture.
///
/// No symbolic link is ever followed. The temporary file gets a fresh unpredictable name
/// (`.<name>.tmp-<16 random hex digits>`) and is created with `O_CREAT | O_EXCL |
/// O_NOFOLLOW`, so a link or file planted beside the target is never opened. The target
/// itself is replaced only when it is absent or a regular file: a symbolic link, a
/// directory, a FIFO or a device at its path is refused with an ``OutputError``, once
/// before writing and again just before the rename.
public enum AtomicFile {
  /// Writes `text` to `path` atomically.
  public static func write(_ text: String, to path: String) throws(OutputError) {
    let pending = try Pending(path: path)
    try pending.write(text)
    try pending.commit()
  }

  /// Creates `path` and its missing parents (`mkdir -p`).
  /// - Throws: an ``OutputError`` when `path` is empty, when a part cannot be created, or
  ///   when something other than a directory is there.
  public static func makeDirectory(_ path: String) throws(OutputError) {
    guard !path.isEmpty else { throw OutputError(path: path, reason: "the path is empty; name a directory") }
    var current = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      current += "/\(part)"
      if mkdir(current, 0o755) != 0 && errno != EEXIST {
        throw OutputError(path: current, reason: errorText())
      }
    }
    var info = stat()
    guard stat(path, &info) == 0 else { throw OutputError(path: path, reason: errorText()) }
    guard (info.st_mode & S_IFMT) == S_IFDIR else { throw OutputError(path: path, reason: "it exists and is not a directory") }
  }

  /// Throws unless `path` is absent or a regular file (not following a link there).
  static func checkReplaceable(_ path: String) throws(OutputError) {
    if let reason = refusal(toReplace: path) { throw OutputError(path: path, reason: reason) }
  }

  /// Checks before a long computation that `path` can later be written: its directory
  /// exists, and `path` is absent or a regular file.
  public static func checkWritable(_ path: String) throws(OutputError) {
    try checkReplaceable(path)
    var info = stat()
    let parent = directory(of: path).isEmpty ? "/" : directory(of: path)
    guard stat(parent, &info) == 0 else { throw OutputError(path: path, reason: "its directory '\(parent)': \(errorText())") }
    guard (info.st_mode & S_IFMT) == S_IFDIR else { throw OutputError(path: path, reason: "'\(parent)' is not a directory") }
  }

  /// Whether `path` is an existing directory (following links).
  public static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Why `path` must not be replaced (it holds a link, a directory, a FIFO, a device or
  /// a socket), or nil when it is absent or a regular file.
  static func refusal(toReplace path: String) -> String? {
    var info = stat()
    // Absent, or not reachable (ENOTDIR, EACCES...): creating the temporary says why.
    guard lstat(path, &info) == 0 else { return nil }
    let kind: String
    switch info.st_mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFLNK: kind = "a symbolic link"
    case S_IFDIR: kind = "a directory"
    case S_IFIFO: kind = "a FIFO"
    case S_IFCHR, S_IFBLK: kind = "a device"
    case S_IFSOCK: kind = "a socket"
    default: kind = "not a regular file"
    }
    return "it is \(kind); refusing to replace it"
  }

  /// An output file being written: its bytes go to a new temporary file beside `path`,
  /// which ``commit()`` puts in place. Dropped or ``discard()``ed before that, or after
  /// any failure, the temporary is removed and `path` left as it was.
  public final class Pending {
    /// The file this will become.
    public let path: String
    /// The temporary file being written (hidden, beside `path`, with a fresh name).
    public let temporaryPath: String
    /// Bytes written so far.
    public private(set) var bytesWritten = 0
    private var descriptor: Int32
    private var failure: OutputError?
    private var isFinished = false

    /// How many fresh names are tried when one is taken (`EEXIST`).
    static let attempts = 16

    /// Creates the temporary file for `path`.
    /// - Throws: an ``OutputError`` when `path` holds something other than a regular
    ///   file, or when no temporary can be created beside it.
    public init(path: String) throws(OutputError) {
      try AtomicFile.checkReplaceable(path)
      let (temporary, descriptor) = try Self.createTemporary(for: path)
      self.path = path
      self.temporaryPath = temporary
      self.descriptor = descriptor
    }

    deinit { discard() }

    /// Appends `text`'s UTF-8 bytes.
    public func write(_ text: String) throws(OutputError) {
      var text = text
      if let failure = text.withUTF8({ attempt($0) }) { throw failure }
    }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
      if let failure = bytes.withUnsafeBufferPointer({ attempt($0) }) { throw failure }
    }

    /// ``write(_:)-(UnsafeBufferPointer<UInt8>)``, its failure returned (the buffer
    /// accessors rethrow untyped errors).
    private func attempt(_ bytes: UnsafeBufferPointer<UInt8>) -> OutputError? {
      do throws(OutputError) {
        try write(bytes)
        return nil
      } catch {
        return error
      }
    }

    private func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) {
      try checkOpen()
      guard let start = bytes.baseAddress else { return }
      var offset = 0
      while offset < bytes.count, failure == nil {
        let written = systemWrite(descriptor, start + offset, bytes.count - offset)
        if written >= 0 {
          offset += written
          bytesWritten += written
        } else if errno != EINTR {
          fail(AtomicFile.errorText())
        }
      }
      if let failure { throw failure }
    }

    /// Flushes the temporary file to disk and renames it over ``path``.
    /// - Throws: an ``OutputError`` when an earlier write failed, when the flush or the
    ///   rename fails, or when something other than a regular file is now at `path`;
    ///   the temporary is removed then.
    public func commit() throws(OutputError) {
      try checkOpen()
      guard fsync(descriptor) == 0 else { throw fail(AtomicFile.errorText()) }
      let closed = close(descriptor)
      descriptor = -1
      guard closed == 0 else { throw fail(AtomicFile.errorText()) }
      if let reason = AtomicFile.refusal(toReplace: path) { throw fail(reason) }
      guard rename(temporaryPath, path) == 0 else { throw fail(AtomicFile.errorText()) }
      isFinished = true
    }

    /// Closes and removes the temporary file, leaving ``path`` as it was (nothing after
    /// ``commit()``).
    public func discard() {
      if descriptor >= 0 {
        close(descriptor)
        descriptor = -1
      }
      if !isFinished {
        unlink(temporaryPath)
        isFinished = true
      }
    }

    private func checkOpen() throws(OutputError) {
      if let failure { throw failure }
      guard !isFinished else { throw OutputError(path: path, reason: "the file was already put in place or discarded") }
    }

    /// Records the failure, removes the temporary, and returns the error to throw.
    @discardableResult
    private func fail(_ reason: String) -> OutputError {
      let error = OutputError(path: path, reason: reason)
      failure = error
      discard()
      return error
    }

    /// Opens a new file `.<name>.tmp-<random>` beside `path`, never an existing one.
    private static func createTemporary(for path: String) throws(OutputError) -> (String, Int32) {
      let prefix = "\(AtomicFile.directory(of: path))/.\(AtomicFile.shortened(AtomicFile.base(of: path))).tmp-"
      for _ in 0..<attempts {
        let candidate = prefix + randomHex()
        let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if descriptor >= 0 { return (candidate, descriptor) }
        guard errno == EEXIST else { throw OutputError(path: path, reason: AtomicFile.errorText()) }
      }
      throw OutputError(path: path, reason: "no free name for a temporary file beside it after \(attempts) tries")
    }

    /// 64 random bits in hex, from the system's secure generator (`getrandom(2)` on
    /// Linux, `arc4random` on Darwin).
    private static func randomHex() -> String {
      var generator = SystemRandomNumberGenerator()
      let digits = String(generator.next() as UInt64, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }
  }

  private static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "" : String(path[..<slash])
  }

  private static func base(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// At most 200 bytes of `name`, cut between characters, so that the temporary's name
  /// stays within the 255 bytes a file name may have.
  private static func shortened(_ name: String) -> String {
    var kept = String.UnicodeScalarView()
    var bytes = 0
    for scalar in name.unicodeScalars {
      bytes += String(scalar).utf8.count
      if bytes > 200 { break }
      kept.append(scalar)
    }
    return String(kept)
  }

  private static func errorText() -> String { String(cString: strerror(errno)) }
}

@available(*, unavailable)
extension AtomicFile.Pending: Sendable {}

#if canImport(Glibc)
  private let systemWrite = Glibc.write
#else
  private let systemWrite = Darwin.write
#endif
