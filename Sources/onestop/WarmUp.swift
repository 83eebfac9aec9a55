//===----------------------------------------------------------------------===//
// onestop warmup
//===----------------------------------------------------------------------===//

import ArgumentParser
import CentreSimulation
import Experiments
import Reporting

struct WarmUp: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "warmup",
    abstract: "Suggest a warm-up length for a steady-state study (MSER-5).",
    discussion: """
      Runs the scenario, averages each daily series over the replications and applies \
      MSER-5 (batches of 5 days; the truncation that minimises the standard error of \
      what is left, searched in the first half of the horizon). The longest truncation \
      is suggested; apply it with --set horizon.warm_up_days=N, so that waits, queues, \
      utilisation and turnaround leave out the first N days.

      A warm-up is for steady-state questions (a centre open around the clock, a long \
      horizon at constant demand). Planners' what-if runs start from today's backlog \
      and want the transient itself: they need no warm-up.

      Example:
        onestop warmup scenarios/default.yaml --set horizon.days=240 --replications 10
      """
  )

  @Argument(help: "The scenario file (YAML).")
  var scenario: String = "scenarios/default.yaml"

  @Option(help: ArgumentHelp("Daily series to examine, comma-separated: \(DayMeasure.allCases.map(\.id).joined(separator: ", ")).",
                             valueName: "ids"))
  var measures = "counter_wait_mean,in_system"

  @OptionGroup var changes: ScenarioChanges

  @OptionGroup var execution: ExecutionOptions

  @OptionGroup var language: LanguageOption

  @OptionGroup var output: JSONOption

  func chosenMeasures() throws -> [DayMeasure] {
    try measures.split(separator: ",").map { id in
      guard let measure = DayMeasure.allCases.first(where: { $0.id == id }) else {
        throw ValidationError("Unknown daily measure '\(id)'. Expected one of: \(DayMeasure.allCases.map(\.id).joined(separator: ", ")).")
      }
      return measure
    }
  }

  func validate() throws { _ = try chosenMeasures() }

  func run() throws {
    let loaded = try changes.load(scenario)
    let result = Experiment.run(loaded.scenario, jobs: execution.jobs)
    try ensureRanToTheEnd(result, loaded.scenario.name)
    let report = WarmUpReport(result: result, measures: try chosenMeasures())
    if output.json {
      print(report.json(provenance: changes.provenance(loaded), scenario: loaded.scenario).rendered(), terminator: "")
    } else {
      print(report.rendered(language: language.language), terminator: "")
    }
  }
}
