//===----------------------------------------------------------------------===//
// Helpers shared by the commands.
//===----------------------------------------------------------------------===//

import ArgumentParser
import Foundation
import CentreSimulation
import Experiments
import Reporting
import ScenarioFormat
import Studies

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Exit code for an invalid scenario.
let invalidScenarioExitCode = ExitCode(2)

/// Reads and parses the scenario file at `path` (`-`: standard input, named `<stdin>`,
/// its data files relative to the working directory); on errors prints them all and
/// exits with 2.
func readScenario(_ path: String) throws -> ScenarioDocument {
  do {
    return try scenarioDocument(path)
  } catch {
    report(error, path == "-" ? standardInputName : path)
    throw invalidScenarioExitCode
  }
}

/// The scenario at `path`, or on standard input for `-` (at most 64 MiB).
func scenarioDocument(_ path: String) throws(ScenarioError) -> ScenarioDocument {
  guard path == "-" else { return try ScenarioDocument.read(path: path) }
  let limit = 64 << 20
  let data = FileHandle.standardInput.readData(ofLength: limit + 1)
  guard data.count <= limit else {
    throw ScenarioError(issues: [ScenarioIssue(.error, .unreadableFile, at: nil, keyPath: "", expected: "a scenario of at most 64 MiB on standard input",
                                               found: "more than 64 MiB")])
  }
  return try ScenarioDocument.parse(data: data, file: standardInputName)
}

/// How a scenario read from standard input is named in messages and provenance.
let standardInputName = "<stdin>"

/// Loads a scenario with `overrides`, printing its warnings (unless `printingWarnings` is
/// false: the caller prints them); on errors prints them all and exits with 2.
func loadScenario(_ document: ScenarioDocument, overrides: [Override] = [], rescalingShares: Bool = false,
                  printingWarnings: Bool = true) throws -> LoadedScenario
{
  do {
    let loaded = try document.load(overrides: overrides, rescalingShares: rescalingShares)
    if printingWarnings { for warning in loaded.warnings { printError(coloured(warning)) } }
    return loaded
  } catch {
    report(error, document.file)
    throw invalidScenarioExitCode
  }
}

/// ``loadScenario(_:overrides:printingWarnings:)`` of the file at `path`.
func loadScenario(_ path: String, overrides: [Override] = [], printingWarnings: Bool = true) throws -> LoadedScenario {
  try loadScenario(readScenario(path), overrides: overrides, printingWarnings: printingWarnings)
}

/// Prints every issue of `error` and a closing line naming `source`.
func report(_ error: ScenarioError, _ source: String) {
  for issue in error.issues { printError(coloured(issue)) }
  let count = error.errors.count
  printError("\(source): \(count) error\(count == 1 ? "" : "s"); nothing was run or written.")
}

/// Refuses an empty `--out` before anything runs: it names no directory (`fallback` is
/// where the command writes without `--out`, e.g. `results/compare-<name>`).
func checkOut(_ out: String?, fallback: String) throws {
  if out == "" { throw ValidationError("--out is empty: name a directory, or leave --out out for \(fallback).") }
}

/// Runs `body`, turning an output failure into a message and exit code 1.
func writingOutputs<T>(_ body: () throws(OutputError) -> T) throws -> T {
  do {
    return try body()
  } catch {
    printError("\(Terminal.paint("error:", "1;31")) \(error)")
    throw ExitCode.failure
  }
}

/// Exits with 1 and says why when a replication of `result` was stopped by the guard on
/// dossiers in the system (its demand is far beyond what its staff can process).
func ensureRanToTheEnd(_ result: ExperimentResult, _ what: String) throws {
  guard let message = RunStudy.overload(result, what) else { return }
  printError("\(Terminal.paint("error:", "1;31")) " + message)
  throw ExitCode.failure
}

/// An issue's line, its severity in colour on a terminal.
func coloured(_ issue: ScenarioIssue) -> String {
  let text = issue.description
  let word = issue.severity == .error ? "error:" : "warning:"
  return text.replacing(word, with: Terminal.paint(word, issue.severity == .error ? "1;31" : "1;33"), maxReplacements: 1)
}

/// Writes a line to standard error.
func printError(_ line: String) {
  writeError(line + "\n")
}

/// Runs `body`, turning a failure of a study's files (an `OutputError`, a directory
/// busy with another process, an unusable shard) into its message and exit code 1.
func failing<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as OutputError {
    return try writingOutputs { () throws(OutputError) in throw error }
  } catch let error as SweepStore.Busy {
    printError("\(Terminal.paint("error:", "1;31")) \(error)")
  } catch let error as ShardError {
    printError("\(Terminal.paint("error:", "1;31")) \(error)")
  }
  throw ExitCode.failure
}
