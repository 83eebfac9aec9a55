//===----------------------------------------------------------------------===//
// A result directory says whether it holds one whole result: its manifest.
//===----------------------------------------------------------------------===//

import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A command's result files are replaced one by one; `manifest.json`, removed first and
/// written last, tells a whole result from one cut short between two renames.
@Suite struct ResultDirectoryCommandTests {
  let scenario = repositoryRoot() + "/scenarios/default.yaml"
  let quick = ["--set", "horizon.days=7", "--replications", "2", "--quiet"]

  /// The files `manifest.json` in `directory` lists, with their byte counts; nil without one.
  func manifest(_ directory: URL) throws -> [String: Int]? {
    let url = directory.appendingPathComponent("manifest.json")
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let files = try #require(object["files"] as? [[String: Any]])
    return Dictionary(uniqueKeysWithValues: files.map { ($0["name"] as! String, $0["bytes"] as! Int) })
  }

  func size(_ url: URL) throws -> Int { try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) }

  @Test func aRunListsEveryFileItWroteWithItsSize() throws {
    let directory = try temporaryDirectory()
    let outcome = try runOnestop(["run", scenario, "--out", "r"] + quick, in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let out = directory.appendingPathComponent("r")
    let listed = try #require(try manifest(out), "no manifest.json")
    let written = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0 != "manifest.json" }
    #expect(Set(listed.keys) == Set(written))
    #expect(listed.keys.contains("summary.json") && listed.keys.contains("report.html"))
    for (name, bytes) in listed { #expect(try size(out.appendingPathComponent(name)) == bytes, "\(name)") }
  }

  @Test func aRunCutShortBetweenTwoFilesLeavesNoManifest() throws {
    let directory = try temporaryDirectory()
    let out = directory.appendingPathComponent("r")
    #expect(try runOnestop(["run", scenario, "--out", "r"] + quick, in: directory).status == 0)
    let before = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
    // A FIFO where pools.csv goes stops the next run after summary.json and before pools.csv.
    try FileManager.default.removeItem(at: out.appendingPathComponent("pools.csv"))
    #expect(mkfifo(out.appendingPathComponent("pools.csv").path, 0o644) == 0)
    let cut = try runOnestop(["run", scenario, "--out", "r", "--seed", "7"] + quick, in: directory)
    #expect(cut.status == 1, "\(cut.standardError)")
    #expect(try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8) != before)
    #expect(try manifest(out) == nil, "the mixed directory still has a manifest")
    // Once the way is clear, the next run is whole again.
    try FileManager.default.removeItem(at: out.appendingPathComponent("pools.csv"))
    #expect(try runOnestop(["run", scenario, "--out", "r"] + quick, in: directory).status == 0)
    #expect(try manifest(out)?.keys.contains("pools.csv") == true)
  }

  @Test func compareWritesAManifestToo() throws {
    let directory = try temporaryDirectory()
    let outcome = try runOnestop(["compare", scenario, "--variant", "more: centre.counter_staff=4", "--out", "c"] + quick,
                                 in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(try manifest(directory.appendingPathComponent("c")).map { Set($0.keys) } == ["compare.csv", "compare.json", "report.html"])
  }
}
