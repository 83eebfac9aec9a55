//===----------------------------------------------------------------------===//
// onestop check
//===----------------------------------------------------------------------===//

import ArgumentParser
import Experiments
import ScenarioFormat

/// Exit code when an invariant does not hold.
let invariantViolatedExitCode = ExitCode(3)

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario and check the model's invariants (for CI pipelines).",
    discussion: """
      Checks conservation (arrived = completed + in the system + abandoned), no negative \
      queue or backlog, on-time ≤ completed, due dates never before receipt, no service \
      outside opening hours unless overtime is allowed, busy staff ≤ staff on duty, \
      totals that add up, and determinism (the same seed gives the same results on one \
      thread or several). Exits with 3 when an invariant does not hold.

      Example:
        onestop check scenarios/campaign-end.yaml --replications 5
      """
  )

  @Argument(help: "The scenario file (YAML).")
  var scenario: String = "scenarios/default.yaml"

  @OptionGroup var changes: ScenarioChanges

  @OptionGroup var execution: ExecutionOptions

  func run() throws {
    let loaded = try changes.load(scenario)
    let report = InvariantCheck.run(loaded.scenario, jobs: execution.jobs)
    for check in report.checks where !execution.quiet || !check.holds {
      print("\(check.holds ? "ok  " : Terminal.paint("FAIL", "1;31")) \(check.name)")
      for violation in check.violations.prefix(5) { print("     \(violation)") }
    }
    if !report.holds { throw invariantViolatedExitCode }
    if !execution.quiet { print("\(report.checks.count) invariants hold on \(loaded.scenario.replications) replications of \(loaded.scenario.name).") }
  }
}
