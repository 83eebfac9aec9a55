//===----------------------------------------------------------------------===//
// onestop run
//===----------------------------------------------------------------------===//

import ArgumentParser
import CentreSimulation
import Experiments
import Reporting
import ScenarioFormat
import Studies

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario's replications and write its results.",
    discussion: """
      Writes summary.json, daily.csv, procedures.csv, replications.csv, centres.csv, \
      centres_daily.csv, channels.csv and pools.csv into results/<scenario name>/ (or \
      --out DIR), each file atomically, then manifest.json (the files and their sizes, \
      written last: a directory without it holds a result cut short), and prints a \
      summary. The same scenario and seed \
      give byte-identical files, whatever --jobs is.

      With --precision P, replications go on (from --min-replications to \
      --max-replications) until the 95% confidence interval of each --kpi has a \
      half-width of at most P × |mean|.

      Examples:
        onestop run scenarios/default.yaml --replications 50 --out results/try1
        onestop run --set centre.back_office_staff=6 --set 'procedures[land].share=0.1'
        onestop run scenarios/campaign-end.yaml --precision 0.05 --kpi overdue --kpi counter_wait_mean
        onestop run scenarios/default.yaml --trace log.csv --trace-format log --trace-replications all

      --trace FILE writes replication 0's dossiers (--trace-replications N: replications 0 to \
      N - 1; all: every one), every event of each (--trace-format events), or one row per \
      dossier in the schema 'onestop fit' reads (--trace-format log). The traced replications \
      run first, one after the other, so the file is the same whatever --jobs is.
      """
  )

  @Argument(help: "The scenario file (YAML).")
  var scenario: String = "scenarios/default.yaml"

  @OptionGroup var changes: ScenarioChanges

  @Option(help: ArgumentHelp("Output directory (default: results/<scenario name>).", valueName: "dir"))
  var out: String?

  @Option(help: ArgumentHelp("Write every dossier's timeline in the traced replications to this CSV file.", valueName: "file"))
  var trace: String?

  @Option(help: ArgumentHelp(
    "What --trace writes: 'events' (every event of every dossier) or 'log' (one row per dossier, the dossier log 'onestop fit' reads).",
    valueName: "events|log"))
  var traceFormat: String = "events"

  @Option(help: ArgumentHelp(
    "How many replications --trace writes, from replication 0: a number or 'all' (they run first, one after the other).",
    valueName: "N|all"))
  var traceReplications: String = "1"

  @Option(help: ArgumentHelp("Replicate until every --kpi's 95% CI half-width is within this share of its mean.",
                             valueName: "share"))
  var precision: Double?

  @Option(help: "KPIs watched by --precision (ids as in summary.json; default: overdue, on_time_rate, counter_wait_mean).")
  var kpi: [String] = []

  @Option(help: "Fewest replications with --precision.")
  var minReplications = 10

  @Option(help: "Most replications with --precision.")
  var maxReplications = 1_000

  @Flag(help: "Print the summary as JSON on standard output (what summary.json holds) instead of the table.")
  var json = false

  @OptionGroup var language: LanguageOption

  @OptionGroup var execution: ExecutionOptions

  func validate() throws {
    try checkOut(out, fallback: "results/<name>")
    if let precision, !(precision > 0 && precision < 1) {
      throw ValidationError("--precision must be between 0 and 1, not \(precision).")
    }
    guard minReplications >= 2, maxReplications >= minReplications else {
      throw ValidationError("need 2 ≤ --min-replications ≤ --max-replications.")
    }
    for id in kpi where RunMeasure.allCases.first(where: { $0.id == id }) == nil {
      throw ValidationError("unknown KPI '\(id)'; one of: \(RunMeasure.allCases.map(\.id).joined(separator: ", ")).")
    }
    guard TraceWriter.Format(rawValue: traceFormat) != nil else {
      throw ValidationError("--trace-format must be 'events' or 'log', not '\(traceFormat)'.")
    }
    guard traceReplications == "all" || (Int(traceReplications).map { $0 >= 1 } ?? false) else {
      throw ValidationError("--trace-replications must be a whole number of at least 1 or 'all', not '\(traceReplications)'.")
    }
    if trace == nil && (traceFormat != "events" || traceReplications != "1") {
      throw ValidationError("--trace-format and --trace-replications need --trace FILE.")
    }
  }

  /// The number of replications traced, out of `replications`.
  func tracedReplications(of replications: Int) -> Int {
    traceReplications == "all" ? replications : min(replications, Int(traceReplications) ?? 1)
  }

  func run() throws {
    let loaded = try changes.load(scenario)
    Interruption.install()
    var tracer: TraceWriter?
    if let trace {
      let format = TraceWriter.Format(rawValue: traceFormat) ?? .events
      tracer = try writingOutputs { () throws(OutputError) in try TraceWriter(path: trace, scenario: loaded.scenario, format: format) }
    }
    var note = ""
    let bar = ProgressBar(total: precision == nil ? loaded.scenario.replications : maxReplications, unit: "replications",
                          quiet: execution.quiet || json)
    defer { bar.finish() }
    let outcome: StudyOutcome<RunReport>
    if let precision {
      let measures = kpi.isEmpty ? [RunMeasure.overdue, .onTimeRate, .counterWaitMean]
        : kpi.compactMap { id in RunMeasure.allCases.first { $0.id == id } }
      let run = Experiment.runToPrecision(loaded.scenario, measures: measures, relativeHalfWidth: precision,
                                          minimum: minReplications, maximum: maxReplications, jobs: execution.jobs,
                                          progress: { bar.update($0) })
      note = run.reached
        ? "Precision \(precision) reached with \(run.result.replications.count) replications (\(measures.map(\.id).joined(separator: ", ")))."
        : "Precision \(precision) NOT reached after \(run.result.replications.count) replications (the maximum)."
      outcome = RunStudy.report(run.result, of: loaded, changes: changes.settings, language: language.language)
    } else {
      outcome = RunStudy.run(loaded, changes: changes.settings, language: language.language, jobs: execution.jobs, observer: tracer,
                             tracedReplications: tracedReplications(of: loaded.scenario.replications),
                             progress: { bar.update($0) }, shouldStop: { Interruption.requested })
    }
    let report: RunReport
    switch outcome {
    case .finished(let finished): report = finished
    case .interrupted(let done):
      bar.finish()
      printError("interrupted after \(done) of \(loaded.scenario.replications) replications; nothing was written.")
      throw interruptedExitCode
    case .overloaded(let message):
      printError("\(Terminal.paint("error:", "1;31")) " + message)
      throw ExitCode.failure
    }
    let directory = out ?? "results/\(outputFolderName(loaded.scenario.name))"
    let written = try writingOutputs { () throws(OutputError) -> [String] in
      var written = try report.write(to: directory)
      if let tracer, let trace {
        try tracer.finish()
        written.append(trace)
      }
      return written
    }
    bar.finish()
    if json {
      print(report.summaryJSON().rendered(), terminator: "")
    } else if !execution.quiet {
      print(ConsoleSummary(result: report.result, language: language.language).rendered(), terminator: "")
      if !note.isEmpty { print("\n" + note) }
      print("\nWrote \(written.joined(separator: ", "))")
    }
  }
}
