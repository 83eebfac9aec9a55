//===----------------------------------------------------------------------===//
// A result directory that says whether it is whole: its manifest is written last.
//===----------------------------------------------------------------------===//

import Foundation

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The files of one result written into a directory all-or-nothing, as a reader can tell.
///
/// Each file is written atomically (``AtomicFile``), but a command killed between two
/// renames would leave some files of the new result beside some of the old one. So
/// ``write(_:to:)`` first removes the directory's `manifest.json`, then writes the files,
/// and writes a new `manifest.json` last, listing every file of the result with its size
/// in bytes. A directory is a whole result exactly when its manifest is there and every
/// file it lists has that size (``check(_:)``); one without a manifest holds a result
/// that is being written, or was cut short, and may mix two runs.
///
/// Files that are not listed (a `--trace` file the user put there, their own notes) are
/// neither read nor removed.
public enum ResultDirectory {
  /// One file of a result: its name in the directory, and what writes its bytes (in
  /// pieces, for a file too large to hold in memory at once).
  public struct ResultFile {
    /// The file's name in the directory.
    public var name: String
    /// Writes the file's bytes.
    public var write: (AtomicFile.Pending) throws(OutputError) -> Void

    /// A file written by `write`.
    public init(name: String, write: @escaping (AtomicFile.Pending) throws(OutputError) -> Void) {
      self.name = name
      self.write = write
    }

    /// A file whose bytes are `text`.
    public init(name: String, text: String) {
      self.init(name: name) { (pending: AtomicFile.Pending) throws(OutputError) in try pending.write(text) }
    }
  }

  /// The manifest's file name.
  public static let manifestName = "manifest.json"

  /// Writes `files` (name → contents) into `directory` (created if needed), then the
  /// manifest listing them.
  /// - Returns: the paths written, the manifest's last.
  /// - Throws: an ``OutputError`` when the directory, a file or the manifest cannot be
  ///   written; the directory then has no manifest.
  @discardableResult
  public static func write(_ files: [(name: String, contents: String)], to directory: String) throws(OutputError) -> [String] {
    try write(files.map { ResultFile(name: $0.name, text: $0.contents) }, to: directory)
  }

  /// Writes `files` into `directory` (created if needed), each as it streams its bytes,
  /// then the manifest listing them.
  @discardableResult
  public static func write(_ files: [ResultFile], to directory: String) throws(OutputError) -> [String] {
    try AtomicFile.makeDirectory(directory)
    let manifest = path(manifestName, in: directory)
    try AtomicFile.checkReplaceable(manifest)
    guard unlink(manifest) == 0 || errno == ENOENT else {
      throw OutputError(path: manifest, reason: String(cString: strerror(errno)))
    }
    syncDirectory(directory)
    var written: [String] = []
    var sizes: [Int] = []
    for file in files {
      let target = path(file.name, in: directory)
      let pending = try AtomicFile.Pending(path: target)
      try file.write(pending)
      try pending.commit()
      written.append(target)
      sizes.append(pending.bytesWritten)
    }
    let listing = JSONValue.object([
      ("onestop_version", .string(onestopVersion)),
      ("files", .array(zip(files, sizes).map { .object([("name", .string($0.name)), ("bytes", .number(Double($1)))]) })),
    ])
    try AtomicFile.write(listing.rendered(), to: manifest)
    written.append(manifest)
    return written
  }

  /// Why `directory` does not hold a whole result (no manifest, an unreadable one, or a
  /// listed file missing or of another size than listed), or nil when it does.
  public static func check(_ directory: String) -> String? {
    let manifest = path(manifestName, in: directory)
    guard let text = readRegularFile(manifest) else {
      return "\(manifest) is missing: the result in '\(directory)' is incomplete (being written, or cut short)"
    }
    let entries = listedFiles(text)
    guard !entries.isEmpty else { return "\(manifest) lists no files" }
    for (name, bytes) in entries {
      var info = stat()
      let file = path(name, in: directory)
      guard lstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return "\(file), listed in \(manifest), is missing" }
      guard Int(info.st_size) == bytes else {
        return "\(file) has \(info.st_size) bytes, not the \(bytes) that \(manifest) lists: it is not the file of this result"
      }
    }
    return nil
  }

  // MARK: - Helpers

  private static func path(_ name: String, in directory: String) -> String {
    directory.hasSuffix("/") ? directory + name : "\(directory)/\(name)"
  }

  /// Flushes the directory entry changes (the manifest's removal) before the files are
  /// replaced, so that after a crash no old manifest describes new files.
  private static func syncDirectory(_ directory: String) {
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }

  /// The text of the regular file at `path` (not following a link), or nil.
  private static func readRegularFile(_ path: String) -> String? {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size < 1 << 20 else { return nil }
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
      guard count > 0 else { return nil }
      offset += count
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The `name` and `bytes` of each file a manifest lists (empty when it cannot be read).
  private static func listedFiles(_ text: String) -> [(String, Int)] {
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
      let files = object["files"] as? [[String: Any]]
    else { return [] }
    return files.compactMap { file in
      guard let name = file["name"] as? String, !name.contains("/"), let bytes = file["bytes"] as? Int else { return nil }
      return (name, bytes)
    }
  }
}
