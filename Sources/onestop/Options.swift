//===----------------------------------------------------------------------===//
// Options shared by the commands.
//===----------------------------------------------------------------------===//

import ArgumentParser
import Foundation
import Localization
import Experiments
import Reporting
import ScenarioFormat
import Studies

/// `--set`, `--seed`, `--replications`: what every command can change in a scenario.
struct ScenarioChanges: ParsableArguments {
  @Option(name: .customLong("set"), help: ArgumentHelp(
    "Change a scenario field, e.g. --set centre.counter_staff=4 or --set 'procedures[land].share=0.1' (repeatable).",
    valueName: "key.path=value"))
  var settings: [String] = []

  @Option(help: ArgumentHelp(
    "Master seed of every random stream (overrides the scenario's 'seed'). With a generated city whose centre sizes are drawn once, it also redraws them, unless 'centres.generate.seed' pins the city."))
  var seed: UInt64?

  @Option(help: "Number of replications (overrides the scenario's).")
  var replications: Int?

  @Option(name: .customLong("window"), help: ArgumentHelp(
    "Also report the dossiers that arrived between two dates and their state at the window's end (repeatable), e.g. --window 2025-07-01..2025-07-08.",
    valueName: "YYYY-MM-DD..YYYY-MM-DD"))
  var windows: [String] = []

  @Flag(help: ArgumentHelp(
    "When --set (or --vary) changes a procedure's share (procedures[id].share, or a centre's procedure_shares.id), scale the other procedures' shares so that all still sum to 1."))
  var rescaleShares = false

  func validate() throws {
    if let replications, !(1...100_000).contains(replications) {
      throw ValidationError("--replications must be from 1 to 100000, not \(replications).")
    }
  }

  /// The `--set` overrides, parsed; exits with 2 on a malformed one.
  func overrides() throws -> [Override] {
    do {
      return try settings.map { (text: String) throws(ScenarioError) -> Override in try Override(parsing: text) }
    } catch {
      report(error, "--set")
      throw invalidScenarioExitCode
    }
  }

  /// Where `loaded` came from, with these changes, for a command's JSON.
  func provenance(_ loaded: LoadedScenario) -> Provenance {
    Provenance(scenarioFile: loaded.file, scenarioSHA256: loaded.sha256, overrides: settings)
  }

  /// The changes as the studies take them; exits with 2 on a malformed `--set`.
  func study() throws -> Studies.ScenarioChanges {
    Studies.ScenarioChanges(overrides: try overrides(), seed: seed, replications: replications, windows: windows,
                            rescaleShares: rescaleShares)
  }

  /// Loads `path` with these changes (extra overrides after the command's own), printing
  /// its warnings unless `printingWarnings` is false.
  func load(_ path: String, extra: [Override] = [], printingWarnings: Bool = true) throws -> LoadedScenario {
    try load(readScenario(path), extra: extra, printingWarnings: printingWarnings)
  }

  /// ``load(_:extra:printingWarnings:)`` from a file already read (a sweep's points).
  func load(_ document: ScenarioDocument, extra: [Override] = [], printingWarnings: Bool = true) throws -> LoadedScenario {
    let changes = try study()
    do {
      let loaded = try changes.load(document, extra: extra)
      if printingWarnings { for warning in loaded.warnings { printError(coloured(warning)) } }
      return loaded
    } catch {
      report(error, document.file)
      throw invalidScenarioExitCode
    }
  }
}

/// `--lang`: the language of what a command prints and of its report.html.
struct LanguageOption: ParsableArguments {
  @Option(help: ArgumentHelp(
    "Language of the printed summary and of report.html: vi or en (default: ONESTOP_LANG, then LC_ALL, LC_MESSAGES, LANG; otherwise en).",
    valueName: "vi|en"))
  var lang: String?

  func validate() throws {
    if let lang, Language(tag: lang) == nil { throw ValidationError("--lang must be 'vi' or 'en', not '\(lang)'.") }
  }

  /// The language chosen.
  var language: Language { lang.flatMap(Language.init(tag:)) ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }
}

/// `--jobs` and `--quiet`.
struct ExecutionOptions: ParsableArguments {
  /// Parsed unconditionally, so that `--jobs -1` reaches ``validate()`` (which names the
  /// value) instead of being read as a flag `-1` with `--jobs` missing its value.
  @Option(parsing: .unconditional, help: "Worker threads for replications (default: one per core).")
  var jobs: Int = Experiment.defaultJobs

  @Flag(help: "Print nothing on success.")
  var quiet = false

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs).") }
  }
}

/// `--json`: what a command reports, as JSON on standard output.
struct JSONOption: ParsableArguments {
  @Flag(help: "Print what the command reports as one JSON document on standard output (the schema of its JSON file) instead of text; warnings and progress stay on standard error.")
  var json = false
}
