//===----------------------------------------------------------------------===//
// onestop run
//===----------------------------------------------------------------------===//

import ArgumentParser
import Experiments
import Reporting
import ScenarioFormat

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario's replications and write its results.",
    discussion: """
      Writes summary.json, daily.csv, procedures.csv, replications.csv, centres.csv, \
      centres_daily.csv, channels.csv and pools.csv into results/<scenario name>/ (or \
      --out DIR), each file atomically, and prints a summary.
      The same scenario and seed give byte-identical files, whatever --jobs is.

      Example:
        onestop run scenarios/default.yaml --replications 50 --out results/try1
      """
  )

  @Argument(help: "The scenario file (YAML).")
  var scenario: String = "scenarios/default.yaml"

  @Option(help: "Number of replications (overrides the scenario's).")
  var replications: Int?

  @Option(help: "Master seed (overrides the scenario's).")
  var seed: UInt64?

  @Option(help: ArgumentHelp("Output directory (default: results/<scenario name>).", valueName: "dir"))
  var out: String?

  @Option(help: "Worker threads for replications (default: one per core).")
  var jobs: Int = Experiment.defaultJobs

  @Option(help: ArgumentHelp("Write every dossier's timeline in replication 0 to this CSV file.", valueName: "file"))
  var trace: String?

  @Flag(help: "Print nothing on success.")
  var quiet = false

  func validate() throws {
    if let replications, !(1...100_000).contains(replications) {
      throw ValidationError("--replications must be from 1 to 100000, not \(replications).")
    }
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs).") }
  }

  func run() throws {
    var loaded = try loadScenario(scenario)
    if let replications { loaded.scenario.replications = replications }
    if let seed { loaded.scenario.seed = seed }
    var tracer: TraceWriter?
    if let trace {
      do { tracer = try TraceWriter(path: trace, scenario: loaded.scenario) } catch {
        printError("error: \(error)")
        throw ExitCode.failure
      }
    }
    let result = Experiment.run(loaded.scenario, jobs: jobs, observer: tracer)
    let report = RunReport(result: result, provenance: Provenance(scenarioFile: loaded.file, scenarioSHA256: loaded.sha256))
    let directory = out ?? "results/\(loaded.scenario.name)"
    do {
      var written = try report.write(to: directory)
      if let tracer, let trace {
        try tracer.finish()
        written.append(trace)
      }
      if !quiet {
        print(ConsoleSummary(result: result).rendered(), terminator: "")
        print("\nWrote \(written.joined(separator: ", "))")
      }
    } catch {
      printError("error: \(error)")
      throw ExitCode.failure
    }
  }
}
