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

      Exit codes: 0 success; 1 runtime failure (e.g. an output file cannot be written); \
      2 invalid scenario; 64 invalid command-line usage.
      """,
    version: onestopVersion,
    subcommands: [Run.self, Compare.self, Sweep.self, Merge.self, Optimize.self]
  )
}
