//===----------------------------------------------------------------------===//
// Helpers shared by the commands.
//===----------------------------------------------------------------------===//

import ArgumentParser
import ScenarioFormat

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Exit code for an invalid scenario.
let invalidScenarioExitCode = ExitCode(2)

/// Loads a scenario, printing its warnings; on errors prints them all and exits with 2.
func loadScenario(_ path: String) throws -> LoadedScenario {
  do {
    let loaded = try ScenarioLoader.load(path: path)
    for warning in loaded.warnings { printError(warning.description) }
    return loaded
  } catch {
    for issue in error.issues { printError(issue.description) }
    let count = error.errors.count
    printError("\(path): \(count) error\(count == 1 ? "" : "s"); nothing was run or written.")
    throw invalidScenarioExitCode
  }
}

/// Writes a line to standard error.
func printError(_ line: String) {
  let bytes = Array((line + "\n").utf8)
  bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
}
