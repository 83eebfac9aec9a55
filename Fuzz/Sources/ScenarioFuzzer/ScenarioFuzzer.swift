//===----------------------------------------------------------------------===//
// libFuzzer entry point: any bytes must load or be rejected with located issues.
//===----------------------------------------------------------------------===//

#if canImport(Glibc)
  import Glibc
#endif
import ScenarioFormat

/// `SCENARIO_FUZZER_VERBOSE=1` prints what the loader says of each input (for triage:
/// `SCENARIO_FUZZER_VERBOSE=1 ScenarioFuzzer file.yaml`).
let verbose = getenv("SCENARIO_FUZZER_VERBOSE") != nil

/// Called by libFuzzer once per input. The bytes are decoded as UTF-8 (invalid
/// sequences become U+FFFD, as a reader of a mangled file would see them) and loaded.
/// A `ScenarioError` is the expected way to reject an input; a crash, a hang or an
/// allocation beyond the RSS limit is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  do {
    let loaded = try ScenarioLoader.load(yaml: text, file: "fuzz/input.yaml")
    if verbose {
      print("loaded '\(loaded.scenario.name)': \(loaded.scenario.centres.count) centres, \(loaded.warnings.count) warnings")
      for warning in loaded.warnings { print(warning) }
    }
  } catch {
    if verbose { print(error) }
    // Every rejection must say where and why: an issue without a position or without
    // the expected/found text would be a bug in the loader's reporting.
    for issue in error.errors {
      if issue.expected.isEmpty || issue.found.isEmpty || (issue.position == nil && issue.code != .unreadableFile) {
        fatalError("unlocated or empty issue: \(issue)")
      }
    }
  }
  return 0
}
