//===----------------------------------------------------------------------===//
// onestop fit
//===----------------------------------------------------------------------===//

import ArgumentParser
import Experiments
import Fitting
import Foundation
import InputAnalysis
import Reporting
import ScenarioFormat

struct Fit: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Fit a scenario to a centre's dossier log (input modelling).",
    discussion: """
      Reads LOG.csv, one row per dossier as the one-door software exports it (columns \
      dossier, centre, procedure, arrived; optionally channel, counter_start, received, \
      work_start, completed, due, supplement, replication), and estimates each centre's \
      daily volume, weekday factors, hourly profile and procedure mix, each procedure's \
      channel shares, counter time and back-office work (exponential, gamma, lognormal and \
      Weibull fitted by maximum likelihood, ranked by AIC, checked by Kolmogorov-Smirnov \
      and Anderson-Darling with bootstrap p-values), supplements and deadline, and checks \
      whether the walk-ins are Poisson. Staff, opening hours, holidays and steps come from \
      the base scenario (--scenario).

      Writes fitted.yaml (a scenario 'onestop run' loads as it is), fit.json and \
      report.html into results/fit-<log name>/ (or --out DIR), and prints a summary. Rows \
      with impossible or unreadable times are listed by row number and left out of the \
      estimates they would corrupt.

      Exit codes: 0 success; 1 an output cannot be written; 2 the log is not a dossier log \
      (located error) or the base scenario is invalid; 64 invalid usage.

      Examples:
        onestop fit data/commune-log.csv --scenario scenarios/default.yaml
        onestop run scenarios/default.yaml --trace log.csv --trace-format log --trace-replications all
        onestop fit log.csv --scenario scenarios/default.yaml --bootstrap 999 --out results/roundtrip
      """
  )

  @Argument(help: "The dossier log (CSV, one row per dossier).")
  var log: String

  @Option(help: ArgumentHelp("The base scenario: staff, calendar, steps and everything a log cannot say.", valueName: "file"))
  var scenario: String = "scenarios/default.yaml"

  @Option(name: .customLong("set"), help: ArgumentHelp("Change a field of the base scenario (repeatable).", valueName: "key.path=value"))
  var settings: [String] = []

  @Option(help: ArgumentHelp("Output directory (default: results/fit-<log name>).", valueName: "dir"))
  var out: String?

  @Flag(help: "Fit the whole log as one centre (the base's first), whatever its 'centre' column says.")
  var poolCentres = false

  @Option(help: "Bootstrap samples for the goodness-of-fit p-values (at least 39, so that p can fall below 0.05).")
  var bootstrap = GoodnessOfFit.defaultBootstrapSamples

  @Option(help: "Master seed of the bootstrap samples.")
  var seed: UInt64 = GoodnessOfFit.defaultSeed

  @OptionGroup var execution: ExecutionOptions

  @OptionGroup var output: JSONOption

  func validate() throws {
    try checkOut(out, fallback: "results/fit-<log name>")
    guard (39...100_000).contains(bootstrap) else {
      throw ValidationError("--bootstrap must be from 39 to 100000 (a p-value is at least 1/(B + 1), and must be able to fall below 0.05), not \(bootstrap).")
    }
  }

  func run() throws {
    let overrides: [Override]
    do {
      overrides = try settings.map { (text: String) throws(ScenarioError) -> Override in try Override(parsing: text) }
    } catch {
      report(error, "--set")
      throw invalidScenarioExitCode
    }
    let base = try loadScenario(scenario, overrides: overrides)
    let dossierLog: DossierLog
    do {
      dossierLog = try DossierLog.read(path: log)
    } catch {
      printError(colouredError(error.description))
      printError("\(log): not a dossier log; nothing was fitted or written.")
      throw invalidScenarioExitCode
    }
    for column in dossierLog.unknownColumns {
      printError("\(log):1:\(column.column): \(Terminal.paint("warning:", "1;33")) column '\(column.name)' is not a column of a dossier log: ignored")
    }
    var result: FitResult
    do {
      result = try InputFit.fit(dossierLog, base: base, options: FitOptions(
        poolCentres: poolCentres, bootstrapSamples: bootstrap, seed: seed, jobs: execution.jobs))
    } catch {
      printError(colouredError(error.description))
      if case .log = error {
        printError("\(log): nothing was fitted or written.")
        throw invalidScenarioExitCode
      }
      throw ExitCode.failure
    }
    if result.observedTurnaround != nil {
      let quiet = execution.quiet
      do {
        result = try result.inferringBackOfficeWork(jobs: execution.jobs, progress: { line in if !quiet { printError("fit: work scale: \(line)") } })
      } catch {
        report(error, "fitted.yaml")
        throw ExitCode.failure
      }
    }
    let stem = ((log as NSString).lastPathComponent as NSString).deletingPathExtension
    let directory = out ?? "results/fit-\(stem.isEmpty ? "log" : stem)"
    let written = try writingOutputs { () throws(OutputError) -> [String] in try result.write(to: directory) }
    if output.json {
      print(result.json().rendered(), terminator: "")
    } else if !execution.quiet {
      print(result.consoleSummary(), terminator: "")
      print("\nWrote \(written.joined(separator: ", "))")
    }
  }

  /// An error line with "error:" in colour on a terminal.
  private func colouredError(_ text: String) -> String {
    text.replacing("error:", with: Terminal.paint("error:", "1;31"), maxReplacements: 1)
  }
}
