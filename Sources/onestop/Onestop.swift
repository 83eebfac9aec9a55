//===----------------------------------------------------------------------===//
// The onestop command line.
//===----------------------------------------------------------------------===//

import ArgumentParser
import ScenarioFormat
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
    subcommands: [Run.self, Compare.self, Sweep.self, Merge.self, Optimize.self, Calibrate.self, Serve.self, WarmUp.self, Validate.self, Describe.self, Check.self, Fit.self, Bench.self]
  )

  /// Parses and runs the command line, refusing first an unknown command with the nearest
  /// known one (`onestop rnu`: "did you mean 'run'?"), which ArgumentParser would only
  /// call an unexpected argument.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let first = arguments.first, !first.hasPrefix("-"), let message = unknownCommand(first) {
      exit(withError: ValidationError(message))
    }
    main(arguments)
  }

  /// What to say about `word` as a command, or nil when it is one.
  static func unknownCommand(_ word: String) -> String? {
    let names = configuration.subcommands.map { $0._commandName }
    guard !names.contains(word), word != "help" else { return nil }
    var text = "unknown command '\(String(word.prefix(40)))'"
    if word.count <= 64, let nearest = nearestWord(word, among: names) {
      text += "; did you mean '\(nearest)'?"
    } else {
      text += "; the commands are \(names.joined(separator: ", "))"
    }
    if word.hasSuffix(".yaml") || word.hasSuffix(".yml") { text += " (to run a scenario file: onestop run \(word))" }
    return text
  }
}
