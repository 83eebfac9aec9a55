//===----------------------------------------------------------------------===//
// onestop check
//===----------------------------------------------------------------------===//

import ArgumentParser
import Experiments
import Reporting
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
      thread or several). Exits with 3 when an invariant does not hold. --json prints the \
      checks as JSON; --junit FILE also writes them as a JUnit report.

      Example:
        onestop check scenarios/campaign-end.yaml --replications 5
      """
  )

  @Argument(help: "The scenario file (YAML).")
  var scenario: String = "scenarios/default.yaml"

  @OptionGroup var changes: ScenarioChanges

  @OptionGroup var execution: ExecutionOptions

  @OptionGroup var output: JSONOption

  @Option(help: ArgumentHelp("Also write the checks as a JUnit XML report (one test case per invariant) for CI systems.", valueName: "file"))
  var junit: String?

  func validate() throws {
    if junit == "" { throw ValidationError("--junit is empty: name the XML file to write.") }
  }

  func run() throws {
    let loaded = try changes.load(scenario)
    let report = InvariantCheck.run(loaded.scenario, jobs: execution.jobs)
    if let junit {
      _ = try writingOutputs { () throws(OutputError) in try AtomicFile.write(report.junit(suite: loaded.scenario.name), to: junit) }
    }
    if output.json {
      print(report.json(provenance: changes.provenance(loaded), scenario: loaded.scenario).rendered(), terminator: "")
      if !report.holds { throw invariantViolatedExitCode }
      return
    }
    for check in report.checks where !execution.quiet || !check.holds {
      print("\(check.holds ? "ok  " : Terminal.paint("FAIL", "1;31")) \(check.name)")
      for violation in check.violations.prefix(5) { print("     \(violation)") }
    }
    if !report.holds { throw invariantViolatedExitCode }
    if !execution.quiet { print("\(report.checks.count) invariants hold on \(loaded.scenario.replications) replications of \(loaded.scenario.name).") }
  }
}
