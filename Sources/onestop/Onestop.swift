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
    subcommands: [Run.self, Compare.self, Sweep.self, Merge.self, Optimize.self, Calibrate.self, WarmUp.self, Validate.self, Describe.self, Check.self, Fit.self, Bench.self]
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
    let nearest = word.count > 64 ? nil
      : names.map { (name: $0, distance: editDistance(word.lowercased(), $0)) }.min { $0.distance < $1.distance }
    if let nearest, nearest.distance <= max(2, nearest.name.count / 3) {
      text += "; did you mean '\(nearest.name)'?"
    } else {
      text += "; the commands are \(names.joined(separator: ", "))"
    }
    if word.hasSuffix(".yaml") || word.hasSuffix(".yml") { text += " (to run a scenario file: onestop run \(word))" }
    return text
  }
}

/// Edit distance with adjacent transpositions counting one (optimal string alignment):
/// `rnu` is one step from `run`.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a), b = Array(b)
  guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
  var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
  for i in 0...a.count { d[i][0] = i }
  for j in 0...b.count { d[0][j] = j }
  for i in 1...a.count {
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
    }
  }
  return d[a.count][b.count]
}
