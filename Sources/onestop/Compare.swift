//===----------------------------------------------------------------------===//
// onestop compare
//===----------------------------------------------------------------------===//

import ArgumentParser
import Foundation
import CentreSimulation
import Experiments
import Reporting
import ScenarioFormat

struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare scenarios or variants on the same random numbers.",
    discussion: """
      The first scenario is the base. Each further scenario file, and each --variant \
      (the base with some fields changed), is run with the base's seed and number of \
      replications, so replication r of every variant sees the same citizens bringing \
      the same work (common random numbers). For every KPI it reports the paired \
      difference with its 95% confidence interval, and a verdict in words for the main \
      ones. With three or more alternatives, it also selects the best on --select with \
      Kim and Nelson's KN procedure, which guarantees choosing the best with probability \
      --confidence when it is at least --delta better than the others.

      Writes compare.csv (one row per variant and KPI) and compare.json into \
      results/compare-<base name>/ (or --out DIR).

      Examples:
        onestop compare scenarios/hadong-pooled.yaml scenarios/hadong-separate-certification.yaml
        onestop compare scenarios/campaign-end.yaml --variant "4 BO: centre.back_office[back-office].crews[0].count=4" \
          --variant "5 BO: centre.back_office[back-office].crews[0].count=5" --select overdue --delta 20
      """
  )

  @Argument(help: "The base scenario, then other scenarios to compare with it.")
  var scenarios: [String]

  @Option(help: ArgumentHelp("A variant of the base: 'label: key=value; key=value' (repeatable).", valueName: "variant"))
  var variant: [String] = []

  @OptionGroup var changes: ScenarioChanges

  @Option(help: "KPI to select the best on, with three or more alternatives (default: overdue).")
  var select = "overdue"

  @Option(help: "Indifference zone of the selection, in the KPI's unit (default: 5% of the base's mean).")
  var delta: Double?

  @Option(help: "Probability of correct selection to guarantee.")
  var confidence = 0.95

  @Option(help: ArgumentHelp("Output directory (default: results/compare-<base name>).", valueName: "dir"))
  var out: String?

  @OptionGroup var execution: ExecutionOptions


  func validate() throws {
    guard !scenarios.isEmpty else { throw ValidationError("give at least the base scenario.") }
    guard scenarios.count + variant.count >= 2 else {
      throw ValidationError("give a second scenario or a --variant to compare with.")
    }
    guard RunMeasure.allCases.contains(where: { $0.id == select }) else { throw ValidationError("unknown KPI '\(select)'.") }
    if let delta, !(delta > 0) { throw ValidationError("--delta must be positive.") }
    guard confidence > 0.5 && confidence < 1 else { throw ValidationError("--confidence must be between 0.5 and 1.") }
    if out == "" { throw ValidationError("--out is empty: name a directory, or leave --out out for results/compare-<name>.") }
  }

  func run() throws {
    let document = try readScenario(scenarios[0])
    let base = try changes.load(document)
    var variants = [Variant(label: base.scenario.name, scenario: base.scenario)]
    for path in scenarios.dropFirst() {
      let other = try changes.load(path)
      variants.append(Variant(label: other.scenario.name, scenario: other.scenario))
    }
    for text in variant {
      let (label, overrides) = try parseVariant(text)
      let loaded = try loadVariant(label, of: document, extra: overrides)
      for warning in loaded.warnings where !base.warnings.contains(where: { $0.description == warning.description }) {
        printError("variant '\(label)': " + coloured(warning))
      }
      variants.append(Variant(label: label, scenario: loaded.scenario))
    }
    let comparison = Comparison.run(variants, jobs: execution.jobs)
    for (variant, result) in zip(comparison.variants, comparison.results) { try ensureRanToTheEnd(result, variant.label) }
    var selection: Selection?
    if variants.count >= 3, let measure = RunMeasure.allCases.first(where: { $0.id == select }) {
      let zone = delta ?? max(1e-9, 0.05 * abs(comparison.results[0].totals[measure].mean))
      selection = KimNelson.select(comparison.variants, measure: measure, delta: zone, confidence: confidence,
                                   initial: 10, jobs: execution.jobs)
    }
    let report = ComparisonReport(comparison: comparison, selection: selection, headline: ComparisonReport.headline(for: comparison.variants[0].scenario))
    let directory = out ?? "results/compare-\(outputFolderName(base.scenario.name))"
    let written = try writingOutputs { () throws(OutputError) in try report.write(to: directory) }
    if !execution.quiet {
      print(report.rendered(), terminator: "")
      print("\nWrote \(written.joined(separator: ", "))")
    }
  }

  /// `label: key=value; key=value` (the label is optional).
  private func parseVariant(_ text: String) throws -> (String, [Override]) {
    var label = text
    var body = text
    if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("=") {
      label = String(text[..<colon]).trimmingCharacters(in: .whitespaces)
      body = String(text[text.index(after: colon)...])
    }
    let parts = body.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    do {
      return (label, try parts.map { (part: String) throws(ScenarioError) -> Override in
        try Override(parsing: part, option: "--variant")
      })
    } catch {
      report(error, variant: label, "--variant")
      throw invalidScenarioExitCode
    }
  }

  /// The base scenario with a variant's overrides (after the command's own `--set`s and
  /// before `--seed`, as ``ScenarioChanges/load(_:extra:printingWarnings:)`` applies
  /// them); its problems are printed naming the variant, and exit with 2.
  private func loadVariant(_ label: String, of document: ScenarioDocument, extra: [Override]) throws -> LoadedScenario {
    let seeding = changes.seed.map { [Override(keyPath: "seed", value: String($0), option: "--seed")] } ?? []
    let overrides = try changes.overrides() + extra + seeding
    do {
      var loaded = try document.load(overrides: overrides, rescalingShares: changes.rescaleShares)
      if let replications = changes.replications { loaded.scenario.replications = replications }
      return loaded
    } catch {
      report(error, variant: label, document.file)
      throw invalidScenarioExitCode
    }
  }

  /// ``report(_:_:)`` with every line naming the variant.
  private func report(_ error: ScenarioError, variant label: String, _ source: String) {
    let prefix = "variant '\(label.prefix(60))': "
    for issue in error.issues { printError(prefix + coloured(issue)) }
    let count = error.errors.count
    printError(prefix + "\(source): \(count) error\(count == 1 ? "" : "s"); nothing was run or written.")
  }
}
