//===----------------------------------------------------------------------===//
// A result directory's manifest: removed first, written last, checked by readers.
//===----------------------------------------------------------------------===//

import Foundation
import Reporting
import Testing

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// `ResultDirectory` tells a whole result from one cut short or changed since.
@Suite struct ResultDirectoryTests {
  /// A fresh empty directory.
  func scratch() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("result-directory-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  let files: [(name: String, contents: String)] = [("a.csv", "x,y\n1,2\n"), ("b.json", "{}\n"), ("report.html", "<p>é</p>\n")]

  @Test func aWholeResultChecksAndItsManifestIsWrittenLast() throws {
    let directory = try scratch()
    try "mine".write(toFile: "\(directory)/notes.txt", atomically: false, encoding: .utf8)
    let written = try ResultDirectory.write(files, to: directory)
    #expect(written == ["a.csv", "b.json", "report.html", "manifest.json"].map { "\(directory)/\($0)" })
    #expect(ResultDirectory.check(directory) == nil)
    let manifest = try String(contentsOfFile: "\(directory)/manifest.json", encoding: .utf8)
    #expect(manifest.contains("\"report.html\"") && manifest.contains("\"bytes\": 10"), "\(manifest)")
    #expect(!manifest.contains("notes.txt"))
    #expect(try String(contentsOfFile: "\(directory)/notes.txt", encoding: .utf8) == "mine")
  }

  @Test func aDirectoryWithoutAManifestOrWithAChangedFileIsNotWhole() throws {
    let directory = try scratch()
    #expect(ResultDirectory.check(directory)?.contains("manifest.json is missing") == true)
    try ResultDirectory.write(files, to: directory)
    try "x,y\n1,2\n3,4\n".write(toFile: "\(directory)/a.csv", atomically: false, encoding: .utf8)
    let changed = try #require(ResultDirectory.check(directory))
    #expect(changed.contains("a.csv has 12 bytes, not the 8"), "\(changed)")
    try FileManager.default.removeItem(atPath: "\(directory)/b.json")
    try "x,y\n1,2\n".write(toFile: "\(directory)/a.csv", atomically: false, encoding: .utf8)
    #expect(ResultDirectory.check(directory)?.contains("b.json, listed in") == true)
  }

  @Test func aWriteCutShortLeavesNoManifestOfTheRunBefore() throws {
    let directory = try scratch()
    try ResultDirectory.write(files, to: directory)
    // Something that is not a regular file where b.json goes stops the next write there.
    try FileManager.default.removeItem(atPath: "\(directory)/b.json")
    #expect(mkfifo("\(directory)/b.json", 0o644) == 0)
    #expect(throws: OutputError.self) { try ResultDirectory.write([("a.csv", "new\n"), ("b.json", "[]\n")], to: directory) }
    #expect(try String(contentsOfFile: "\(directory)/a.csv", encoding: .utf8) == "new\n")
    #expect(!FileManager.default.fileExists(atPath: "\(directory)/manifest.json"))
    #expect(ResultDirectory.check(directory) != nil)
  }
}
