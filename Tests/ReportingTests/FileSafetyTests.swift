//===----------------------------------------------------------------------===//
// Atomic output files: no symlink is followed, no temporary is left behind.
//===----------------------------------------------------------------------===//

import Foundation
import Reporting
import Testing

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// `AtomicFile` against planted links and odd destinations (the tests run as root, so
/// each failure is one that permissions cannot bypass).
@Suite struct FileSafetyTests {
  /// A fresh empty directory.
  func scratch() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("file-safety-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  func text(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

  /// The file type bits of `path` itself (not of what a link points to).
  func type(_ path: String) -> mode_t? {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
  }

  /// Names in `directory` other than `kept`.
  func leftovers(_ directory: String, kept: Set<String>) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).filter { !kept.contains($0) }.sorted()
  }

  @Test func aSymlinkPlantedAtThePredictableTemporaryNameIsNotFollowed() throws {
    let directory = try scratch()
    try "precious".write(toFile: "\(directory)/victim", atomically: false, encoding: .utf8)
    // The name the writer used to take: `.<file>.tmp-<pid>`.
    let planted = "\(directory)/.out.csv.tmp-\(getpid())"
    try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: "\(directory)/victim")
    try AtomicFile.write("new\n", to: "\(directory)/out.csv")
    #expect(text("\(directory)/victim") == "precious")
    #expect(text("\(directory)/out.csv") == "new\n")
    #expect(type(planted) == S_IFLNK)
    #expect(type("\(directory)/out.csv") == S_IFREG)
  }

  @Test func aSymlinkAtTheDestinationIsRefusedAndItsTargetKept() throws {
    let directory = try scratch()
    try "precious".write(toFile: "\(directory)/victim", atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: "\(directory)/out.csv", withDestinationPath: "\(directory)/victim")
    #expect {
      try AtomicFile.write("new\n", to: "\(directory)/out.csv")
    } throws: { error in
      "\(error)".contains("'\(directory)/out.csv'") && "\(error)".contains("symbolic link")
        && "\(error)".contains("refusing to replace it")
    }
    #expect(text("\(directory)/victim") == "precious")
    #expect(type("\(directory)/out.csv") == S_IFLNK)
    #expect(try leftovers(directory, kept: ["victim", "out.csv"]) == [])
  }

  @Test func aFIFOOrADirectoryAtTheDestinationIsRefusedAndKept() throws {
    let directory = try scratch()
    #expect(mkfifo("\(directory)/pipe", 0o644) == 0)
    try FileManager.default.createDirectory(atPath: "\(directory)/folder", withIntermediateDirectories: false)
    for (name, kind) in [("pipe", S_IFIFO), ("folder", S_IFDIR)] {
      #expect {
        try AtomicFile.write("new\n", to: "\(directory)/\(name)")
      } throws: { error in
        "\(error)".contains("'\(directory)/\(name)'") && "\(error)".contains("refusing to replace it")
      }
      #expect(type("\(directory)/\(name)") == kind)
    }
    #expect(try leftovers(directory, kept: ["pipe", "folder"]) == [])
  }

  @Test func anExistingRegularFileIsReplaced() throws {
    let directory = try scratch()
    try "old contents, longer than the new\n".write(toFile: "\(directory)/out.csv", atomically: false, encoding: .utf8)
    try AtomicFile.write("a,b\n1,2\n", to: "\(directory)/out.csv")
    #expect(text("\(directory)/out.csv") == "a,b\n1,2\n")
    #expect(try leftovers(directory, kept: ["out.csv"]) == [])
  }

  @Test func temporaryNamesAreFreshHiddenAndBesideTheDestination() throws {
    let directory = try scratch()
    let first = try AtomicFile.Pending(path: "\(directory)/out.csv")
    let second = try AtomicFile.Pending(path: "\(directory)/out.csv")
    #expect(first.temporaryPath != second.temporaryPath)
    for pending in [first, second] {
      #expect(pending.temporaryPath.hasPrefix("\(directory)/.out.csv.tmp-"))
      #expect(pending.temporaryPath != "\(directory)/.out.csv.tmp-\(getpid())")
      #expect(type(pending.temporaryPath) == S_IFREG)
      var info = stat()
      #expect(stat(pending.temporaryPath, &info) == 0)
      #expect(info.st_mode & 0o7777 & ~0o644 == 0, "mode \(String(info.st_mode & 0o7777, radix: 8))")
    }
    first.discard()
    second.discard()
    #expect(try leftovers(directory, kept: []) == [])
  }

  @Test func aPendingFileIsInvisibleUntilCommittedAndRemovedWhenDropped() throws {
    let directory = try scratch()
    do {
      let pending = try AtomicFile.Pending(path: "\(directory)/out.csv")
      try pending.write("half")
      #expect(type("\(directory)/out.csv") == nil)
    }
    #expect(try leftovers(directory, kept: []) == [])
    let pending = try AtomicFile.Pending(path: "\(directory)/out.csv")
    try pending.write("whole\n")
    try pending.commit()
    #expect(text("\(directory)/out.csv") == "whole\n")
    #expect(try leftovers(directory, kept: ["out.csv"]) == [])
  }

  @Test func noTemporaryIsLeftAfterAFailedWrite() throws {
    let directory = try scratch()
    // A path component that is a regular file: ENOTDIR, even for root.
    try "x".write(toFile: "\(directory)/file", atomically: false, encoding: .utf8)
    #expect(throws: OutputError.self) { try AtomicFile.write("new\n", to: "\(directory)/file/out.csv") }
    // A directory put at the destination after the temporary was made: refused at the
    // rename, and the temporary removed.
    let pending = try AtomicFile.Pending(path: "\(directory)/late")
    try pending.write("new\n")
    try FileManager.default.createDirectory(atPath: "\(directory)/late", withIntermediateDirectories: false)
    #expect(throws: OutputError.self) { try pending.commit() }
    #expect(type("\(directory)/late") == S_IFDIR)
    #expect(try leftovers(directory, kept: ["file", "late"]) == [])
  }
}
