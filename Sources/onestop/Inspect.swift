//===----------------------------------------------------------------------===//
// onestop validate and onestop describe
//===----------------------------------------------------------------------===//

import ArgumentParser
import CentreModel
import Reporting
import ScenarioFormat
import Studies

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check scenario files without running them.",
    discussion: """
      Reports every problem of each file, with file, line, column, key path, what was \
      expected and what was found. Exits with 2 when a file is invalid, 0 otherwise \
      (warnings do not fail).

      Example:
        onestop validate scenarios/*.yaml
      """
  )

  @Argument(help: "Scenario files.")
  var scenarios: [String] = ["scenarios/default.yaml"]

  @OptionGroup var changes: ScenarioChanges

  @OptionGroup var output: JSONOption

  func run() throws {
    if output.json {
      let study = try changes.study()
      let verdicts = scenarios.map { ScenarioVerdict.check($0, changes: study, reading: scenarioDocument) }
      print(JSONValue.array(verdicts.map { $0.json() }).rendered(), terminator: "")
      if verdicts.contains(where: { !$0.isValid }) { throw invalidScenarioExitCode }
      return
    }
    var failed = false
    for path in scenarios {
      do {
        let loaded = try changes.load(path)
        let s = loaded.scenario
        print("\(path): valid (\(s.centres.count) centre\(s.centres.count == 1 ? "" : "s"), \(s.procedures.count) procedures, "
          + "\(s.horizon.days) days, \(loaded.warnings.count) warning\(loaded.warnings.count == 1 ? "" : "s"))")
      } catch let exit as ExitCode where exit == invalidScenarioExitCode {
        failed = true
      }
    }
    if failed { throw invalidScenarioExitCode }
  }
}

struct Describe: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show a scenario with its defaults filled in, and the load it puts on the staff.",
    discussion: """
      Prints the resolved calendar, procedures and centres; for each centre's counters, \
      hour by hour on a standard working day, the arrivals against the counter capacity \
      with Erlang C's (and, for impatient citizens, Erlang A's) answer and square-root \
      staffing, noting where the closed forms are unreliable; and each back-office pool's \
      daily work against its capacity. Warns where utilisation reaches 1.

      Example:
        onestop describe scenarios/hadong-pooled.yaml
      """
  )

  @Argument(help: "The scenario file (YAML).")
  var scenario: String = "scenarios/default.yaml"

  @OptionGroup var changes: ScenarioChanges

  @Option(help: "Describe at most this many centres.")
  var centres = 5

  @OptionGroup var output: JSONOption

  func run() throws {
    let loaded = try changes.load(scenario)
    let description = ScenarioDescription(scenario: loaded.scenario, centreLimit: centres)
    if output.json {
      print(description.json(provenance: changes.provenance(loaded)).rendered(), terminator: "")
    } else {
      print(description.rendered(), terminator: "")
    }
  }
}
