//===----------------------------------------------------------------------===//
// The onestop command line.
//===----------------------------------------------------------------------===//

import ArgumentParser
import Reporting

@main
struct Onestop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "onestop",
    abstract: "Staffing simulator for one-stop public administrative service centres.",
    discussion: """
      Simulates citizens' dossiers through the counters and back office of a centre, to \
      test staffing against waiting times, backlog and overdue dossiers.

      Exit codes: 0 success; 1 runtime failure (an output file cannot be written, a \
      sweep's shards are incomplete); 2 invalid scenario (or --set value); 3 an \
      invariant does not hold (check); 64 invalid command-line usage; 130 interrupted \
      (Ctrl-C), after keeping what was finished.

      Environment: NO_COLOR turns colour off; CI (or a non-terminal stderr) turns the \
      progress bar off.
      """,
    version: onestopVersion,
    subcommands: [Run.self, Compare.self, Sweep.self, Merge.self, Optimize.self, WarmUp.self, Validate.self, Describe.self, Check.self, Bench.self]
  )
}
