//===----------------------------------------------------------------------===//
// The entry point: one libFuzzer program, a target per reader of outside input.
//===----------------------------------------------------------------------===//

#if canImport(Glibc)
  import Glibc
#endif
import ScenarioFormat

/// The readers fuzzed, by the name `FUZZ_TARGET` gives (scripts/fuzz.sh runs each in turn).
enum FuzzTarget: String, CaseIterable {
  /// Any bytes as a scenario file: `ScenarioLoader.load(yaml:file:)`.
  case loader
  /// The scenarios of scenarios/*.yaml, parsed once, decoded with `--set` changes: the
  /// decoding and checks without libyaml and Yams' composer.
  case document
  /// Lines of `--set key.path=value`, parsed and applied to a small scenario.
  case override
  /// A `--vary` factor (`SweepFactor(validating:)`), its levels counted and listed.
  case vary
  /// An optimiser's `--target` (`StaffingTarget(parsing:)`).
  case staffingTarget = "staffing-target"
  /// A calibration's `--target` (`CalibrationTarget(parsing:)`).
  case calibrationTarget = "calibration-target"
  /// The CSV file of `arrivals_replay`, loaded with a small scenario.
  case arrivalsCSV = "arrivals-csv"
  /// The CSV file of `initial_backlog: {file: ...}`, loaded with a small scenario.
  case backlogCSV = "backlog-csv"
  /// A table of centres as CSV made into a city (`ScenarioDocument.city(name:centres:file:)`), loaded.
  case centresCSV = "centres-csv"
  /// The dossier log of `onestop fit` (`DossierLog(text:file:)`).
  case dossierLog = "dossier-log"
  /// An XLSX table of centres (`XLSX.firstSheetRows`), made into a city and loaded.
  case xlsx
  /// The workspace's submitted forms: URL-encoded and multipart (`FormData`).
  case form
}

/// `FUZZ_VERBOSE=1` (or the older `SCENARIO_FUZZER_VERBOSE=1`) prints what the reader
/// says of each input, for triage: `FUZZ_TARGET=vary FUZZ_VERBOSE=1 OnestopFuzzer file`.
let verbose = getenv("FUZZ_VERBOSE") != nil || getenv("SCENARIO_FUZZER_VERBOSE") != nil

/// The target chosen by `FUZZ_TARGET` (the loader without it).
let selected: FuzzTarget = {
  let name = getenv("FUZZ_TARGET").map { String(cString: $0) } ?? "loader"
  guard let target = FuzzTarget(rawValue: name) else {
    print("OnestopFuzzer: FUZZ_TARGET is one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'")
    exit(2)
  }
  return target
}()

/// A broken property: libFuzzer reports the trap as a crash and keeps the input.
func violated(_ message: String) -> Never { fatalError("property violated (\(selected.rawValue)): \(message)") }

/// Called by libFuzzer once per input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  switch selected {
  case .loader: fuzzLoader(bytes)
  case .document: fuzzDocument(bytes)
  case .override: fuzzOverride(bytes)
  case .vary: fuzzVary(bytes)
  case .staffingTarget: fuzzStaffingTarget(bytes)
  case .calibrationTarget: fuzzCalibrationTarget(bytes)
  case .arrivalsCSV: fuzzDataFile(bytes, document: arrivalsDocument)
  case .backlogCSV: fuzzDataFile(bytes, document: backlogDocument)
  case .centresCSV: fuzzCentresCSV(bytes)
  case .dossierLog: fuzzDossierLog(bytes)
  case .xlsx: fuzzXLSX(bytes)
  case .form: fuzzForm(bytes)
  }
  return 0
}

/// The bytes as a reader of a mangled file sees them: invalid UTF-8 becomes U+FFFD.
func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

/// Every rejection must say where and why: an issue without a position or without the
/// expected/found text would be a bug in the loader's reporting.
func checkRejection(_ error: ScenarioError) {
  if verbose { print(error) }
  if error.errors.isEmpty { violated("a ScenarioError without errors") }
  for issue in error.errors {
    if issue.expected.isEmpty || issue.found.isEmpty || (issue.position == nil && issue.code != .unreadableFile) {
      violated("unlocated or empty issue: \(issue)")
    }
  }
}

/// A loaded scenario: its warnings are complete too.
func checkLoaded(_ loaded: LoadedScenario) {
  if verbose {
    print("loaded '\(loaded.scenario.name)': \(loaded.scenario.centres.count) centres, \(loaded.warnings.count) warnings")
    for warning in loaded.warnings { print(warning) }
  }
  if loaded.scenario.centres.isEmpty { violated("a scenario without centres loaded") }
  for warning in loaded.warnings
    where warning.expected.isEmpty || warning.found.isEmpty || (warning.position == nil && warning.code != .unreadableFile) {
    violated("unlocated or empty warning: \(warning)")
  }
}

/// Any bytes load, or are refused with located issues.
func fuzzLoader(_ bytes: UnsafeBufferPointer<UInt8>) {
  do {
    checkLoaded(try ScenarioLoader.load(yaml: text(bytes), file: "fuzz/input.yaml"))
  } catch {
    checkRejection(error)
  }
}
