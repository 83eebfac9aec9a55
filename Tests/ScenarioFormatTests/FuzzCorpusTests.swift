import Foundation
import ScenarioFormat
import TestSupport
import Testing

/// The regression corpus of the fuzzer (Tests/FuzzCorpus/, see Fuzz/README.md): inputs
/// that once crashed, hung or blew up the loader, the risks checked on purpose (alias
/// bombs, deep nesting, huge numbers, odd bytes) and a few of the fuzzer's finds. Each
/// must load, or be refused with issues that say where and what.
@Suite struct FuzzCorpusTests {
  static let directory = "\(repositoryRoot())/Tests/FuzzCorpus"

  /// Every scenario file of the corpus, by name: the regular files at its top, and the
  /// loader's kept finds in `loader/` (small inputs of fuzzing campaigns that added
  /// coverage, named by their SHA-1; `FUZZ_KEEP=1 scripts/fuzz.sh` keeps them). The other
  /// subdirectories hold the other fuzz targets' inputs (`override/`, `arrivals-csv/`,
  /// `xlsx/` ..., named as `FUZZ_TARGET`s), which are not scenarios.
  static let files: [String] = {
    func regularFiles(_ folder: String) -> [String] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      return names.filter { name in
        var isDirectory: ObjCBool = false
        return !name.hasPrefix(".") && !name.hasSuffix(".md")
          && FileManager.default.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isDirectory) && !isDirectory.boolValue
      }
    }
    return regularFiles(directory).sorted() + regularFiles("\(directory)/loader").sorted().map { "loader/\($0)" }
  }()

  /// Inputs that are valid scenarios, however odd: they must load, not just fail cleanly.
  static let mustLoad: Set<String> = [
    "alias-shared-crews.yaml", "city-5000-aliased-defaults.yaml", "city-5000-big-staff.yaml", "utf8-bom.yaml",
    "utf8-bom-crlf.yaml", "tab-after-colon.yaml", "fuzzer-piecewise-city-loads.yaml", "city-list-over-big-defaults.yaml",
    "city-list-merged-arrivals.yaml", "city-5000-transfers.yaml", "negative-zero.yaml", "tags.yaml",
    "unicode-line-separators.yaml",
  ]

  @Test func theCorpusIsThere() {
    #expect(Self.files.count >= 40, "Tests/FuzzCorpus/ has \(Self.files.count) files")
    #expect(Self.mustLoad.isSubset(of: Self.files))
  }

  @Test(arguments: files)
  func loadsOrFailsWithLocatedIssues(_ name: String) throws {
    let data = try #require(FileManager.default.contents(atPath: "\(Self.directory)/\(name)"))
    // As the fuzzer sees it: bytes that are not UTF-8 become U+FFFD.
    let text = String(decoding: data, as: UTF8.self)
    do {
      let loaded = try ScenarioLoader.load(yaml: text, file: name)
      #expect(!loaded.scenario.centres.isEmpty)
      for warning in loaded.warnings { expectComplete(warning, in: name) }
    } catch {
      #expect(!Self.mustLoad.contains(name), "\(name) should load: \(error)")
      #expect(!error.errors.isEmpty, "\(name): a ScenarioError without errors")
      for issue in error.errors { expectComplete(issue, in: name) }
    }
  }

  /// An issue says what was expected and found and, unless the file could not be read,
  /// where (in the file given).
  func expectComplete(_ issue: ScenarioIssue, in name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!issue.expected.isEmpty, "\(name): no expected text in \(issue)", sourceLocation: sourceLocation)
    #expect(!issue.found.isEmpty, "\(name): no found text in \(issue)", sourceLocation: sourceLocation)
    if issue.code != .unreadableFile {
      #expect(issue.position != nil, "\(name): no position in \(issue)", sourceLocation: sourceLocation)
      if let position = issue.position {
        #expect(position.line >= 1 && position.column >= 1, "\(name): \(issue)", sourceLocation: sourceLocation)
      }
    }
  }
}
