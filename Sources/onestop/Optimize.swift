//===----------------------------------------------------------------------===//
// onestop optimize
//===----------------------------------------------------------------------===//

import ArgumentParser
import CentreModel
import CentreSimulation
import Experiments
import Reporting
import ScenarioFormat
import Studies

struct Optimize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Find the smallest staffing that meets service targets.",
    discussion: """
      Each --target is a KPI, >= or <=, and a value: a run-level KPI (on_time_rate>=0.95, \
      counter_wait_p90<=30) or, prefixed with centre., one that every centre must meet \
      (centre.counter_wait_p90<=30). The search changes the permanent staff of the \
      counter groups and back-office pools (--units), adding one member at a time where \
      it closes most of the gap to the targets, then removing members that are not \
      needed; every candidate runs on the same random numbers. With --budget N it places \
      at most N extra staff (a city: where should N officials go); --transfers also moves \
      staff between units.

      A city whose targets are all centre targets, or any --objective (overdue, on-time, \
      wait-p90, with --budget), is allocated centre by centre: centres share nothing but \
      the budget, so each centre's curve (its KPI against 0, +1, +2 ... extra staff in \
      the pools allowed, -1 with --transfers, at most --max-per-centre) is read from a \
      few runs of the whole city, and the budget is allocated exactly over the curves \
      (dynamic programming; greedy marginal analysis when they are concave). It prints \
      and writes (marginal.csv) where each person goes and what they buy, with 95% \
      intervals, and why centres get nobody. --method search forces the search above. The answer is confirmed with --confirm replications: each \
      target must hold at the pessimistic end of its 95% interval.

      Writes optimize.csv (before and after per unit), optimize.json (the moves, the \
      confirmed KPIs) and report.html (the recommendation in plain words, before and \
      after per centre and per pool, what each extra person bought in the search, the \
      targets against what the recommendation achieves) into results/optimize-<name>/ \
      (or --out DIR). Progress goes to stderr; Ctrl-C writes the best staffing found so far, \
      says it is not confirmed, and exits with 130. Every evaluation is kept in DIR/resume \
      as it finishes: the same command started again after a stop (Ctrl-C, a kill) \
      resumes, and ends with the same answer as a run that never stopped; the folder is \
      removed once the answer is written.

      With --by-hour it staffs the counters hour by hour instead, for a centre whose \
      demand varies through the day: the iterative staffing algorithm of Feldman, \
      Mandelbaum, Massey and Whitt (2008) finds the staff per hour that keeps the share \
      of citizens who wait at most --delay in every hour, and prints it beside the naive \
      per-hour Erlang C answer, both simulated on the same random numbers. It needs one \
      centre with one counter group, and writes by_hour.csv and by_hour.json into \
      results/optimize-by-hour-<name>/ (or --out DIR).

      Examples:
        onestop optimize --target on_time_rate>=0.99 --target counter_wait_p90<=10
        onestop optimize --by-hour --delay 0.2
        onestop optimize scenarios/hanoi-first-15-days.yaml --target centre.overdue<=5 --budget 20 --transfers --units back-office
      """
  )

  @Argument(help: "The scenario file (YAML).")
  var scenario: String = "scenarios/default.yaml"

  @Option(help: ArgumentHelp("A service target, KPI>=value or KPI<=value (repeatable).", valueName: "target"))
  var target: [String] = []

  @Option(help: "Which pools may change: all, counters, back-office, or a pool id.")
  var units = "all"

  @Option(help: "Most extra staff to place.")
  var budget: Int?

  @Flag(help: "Also move staff between pools (and centres).")
  var transfers = false

  @Option(help: "Replications for the confirmation run (default: 4 × the scenario's).")
  var confirm: Int?

  @Option(help: ArgumentHelp("What the extra staff should buy: overdue, on-time, wait-p90, or targets (the least staff that meets the --target values).",
                             valueName: "objective"))
  var objective: String?

  @Option(help: "Most extra staff in one centre (centre-by-centre allocation).")
  var maxPerCentre = 6

  @Option(help: "auto (centre by centre when the targets or the objective allow), separable, or search.")
  var method = "auto"

  @Flag(help: "Staff the counters hour by hour (iterative staffing algorithm) instead.")
  var byHour = false

  @Option(help: ArgumentHelp("With --by-hour: the largest share of citizens who may wait, in every hour.", valueName: "share"))
  var delay = 0.2

  @OptionGroup var changes: ScenarioChanges

  @Option(help: ArgumentHelp("Output directory (default: results/optimize-<scenario name>).", valueName: "dir"))
  var out: String?

  @OptionGroup var language: LanguageOption

  @OptionGroup var output: JSONOption

  @OptionGroup var execution: ExecutionOptions

  func validate() throws {
    try checkOut(out, fallback: byHour ? "results/optimize-by-hour-<name>" : "results/optimize-<name>")
    if byHour {
      guard target.isEmpty, budget == nil, !transfers else {
        throw ValidationError("--by-hour takes --delay, not --target, --budget or --transfers.")
      }
      guard delay > 0 && delay < 1 else { throw ValidationError("--delay is a share between 0 and 1, not \(delay).") }
      return
    }
    if let objective, StaffingObjective(rawValue: objective) == nil {
      throw ValidationError("--objective must be one of \(StaffingObjective.allCases.map(\.rawValue).joined(separator: ", ")), not '\(objective)'.")
    }
    guard OptimizeSettings.Method(rawValue: method) != nil else {
      throw ValidationError("--method must be auto, separable or search, not '\(method)'.")
    }
    guard maxPerCentre >= 1 else { throw ValidationError("--max-per-centre must be at least 1, not \(maxPerCentre).") }
    guard !target.isEmpty || (objective != nil && objective != "targets") else {
      throw ValidationError("give at least one --target (e.g. --target on_time_rate>=0.95), or an --objective with a --budget.")
    }
    for text in target where StaffingTarget(parsing: text) == nil {
      throw ValidationError("--target '\(text)' is not KPI>=value or KPI<=value with a known KPI id.")
    }
    if let budget, budget < 0 { throw ValidationError("--budget must not be negative.") }
    if let confirm, confirm < 2 { throw ValidationError("--confirm needs at least 2 replications.") }
  }

  func run() throws {
    let loaded = try changes.load(scenario)
    if byHour { return try staffByHour(loaded.scenario) }
    let settings = OptimizeSettings(targets: target.compactMap(StaffingTarget.init(parsing:)), units: units, budget: budget,
                                    transfers: transfers, confirm: confirm,
                                    objective: objective.flatMap(StaffingObjective.init(rawValue:)) ?? .targets,
                                    maxPerCentre: maxPerCentre, method: OptimizeSettings.Method(rawValue: method) ?? .auto)
    if let problem = settings.problem(loaded.scenario) {
      let pools = StaffingUnit.all(in: loaded.scenario).map(\.name)
      printError("error: \(problem)" + (settings.chosenUnits(in: loaded.scenario).isEmpty ? "; pools are \(pools.joined(separator: ", "))." : "."))
      throw ExitCode.validationFailure
    }
    let directory = out ?? "results/optimize-\(outputFolderName(loaded.scenario.name))"
    let journal = try failing {
      try OptimizationJournal(directory: "\(directory)/resume",
                              specification: OptimizeStudy.specification(loaded, settings, changes: changes.settings))
    }
    if journal.discarded > 0 {
      printError("optimize: \(journal.directory) held \(journal.discarded) evaluations of another optimisation (other settings or scenario); starting afresh")
    } else if journal.kept > 0 {
      printError("optimize: resuming a stopped optimisation: \(journal.kept) evaluations kept in \(journal.directory)")
    }
    Interruption.install()
    let report: OptimizationReport
    let resume = "run the same command again to resume (\(journal.directory) keeps what was evaluated)"
    switch OptimizeStudy.run(loaded, settings, changes: changes.settings, jobs: execution.jobs, memory: journal,
                             progress: execution.quiet ? nil : { printError($0) }, shouldStop: { Interruption.requested }) {
    case .interrupted:
      printError("optimize: stopped before a staffing could be reported; nothing was written but the evaluations; \(resume).")
      throw interruptedExitCode
    case .overloaded(let message):
      printError("\(Terminal.paint("error:", "1;31")) " + message)
      throw ExitCode.failure
    case .finished(let finished): report = finished
    }
    if let failure = journal.failure {
      printError("\(Terminal.paint("warning:", "1;33")) some evaluations could not be kept for a resume: \(failure)")
    }
    let written = try writingOutputs { () throws(OutputError) in try report.write(to: directory, language: language.language) }
    if output.json {
      print(report.json().rendered(), terminator: "")
    } else if !execution.quiet {
      print(report.rendered(language: language.language), terminator: "")
      print("\nWrote \(written.joined(separator: ", "))")
    }
    if report.plan.interrupted {
      printError("optimize: interrupted; the staffing written is the best found so far and is not confirmed; \(resume).")
      throw interruptedExitCode
    }
    journal.finish()
  }

  /// --by-hour: the iterative staffing algorithm beside per-hour Erlang C.
  func staffByHour(_ scenario: Scenario) throws {
    let result: TimeVaryingStaffing.Result
    do {
      result = try TimeVaryingStaffing.iterate(scenario, alpha: delay, jobs: execution.jobs,
                                               progress: execution.quiet ? nil : { printError($0) })
    } catch {
      printError("error: \(error.description)")
      throw invalidScenarioExitCode
    }
    guard let theory = CounterTheory.analyse(scenario, limit: 1).first else {
      printError("error: the centre has no working day to take its hourly demand from")
      throw invalidScenarioExitCode
    }
    let erlangC = HourlyStaffing(theory.erlangCStaffing(alpha: delay))
    let open = Set(result.openHours)
    let erlangCHours = TimeVaryingStaffing.simulate(scenario, erlangC, openHours: open, jobs: execution.jobs).hours
    let report = ByHourReport(scenarioName: scenario.name, result: result, theory: theory, erlangC: erlangC,
                              erlangCHours: erlangCHours, helpsBackOffice: !scenario.centres[0].counters[0].helps.isEmpty)
    let directory = out ?? "results/optimize-by-hour-\(outputFolderName(scenario.name))"
    let written = try writingOutputs { () throws(OutputError) in try report.write(to: directory) }
    if output.json {
      print(report.json().rendered(), terminator: "")
    } else if !execution.quiet {
      print(report.rendered(language: language.language), terminator: "")
      print("\nWrote \(written.joined(separator: ", "))")
    }
  }
}
