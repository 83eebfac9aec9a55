//===----------------------------------------------------------------------===//
// onestop compare
//===----------------------------------------------------------------------===//

import ArgumentParser
import Foundation
import CentreSimulation
import Experiments
import Reporting
import ScenarioFormat
import Studies

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

  @OptionGroup var language: LanguageOption

  @OptionGroup var output: JSONOption

  @OptionGroup var execution: ExecutionOptions


  func validate() throws {
    guard !scenarios.isEmpty else { throw ValidationError("give at least the base scenario.") }
    guard scenarios.count + variant.count >= 2 else {
      throw ValidationError("give a second scenario or a --variant to compare with.")
    }
    guard RunMeasure.allCases.contains(where: { $0.id == select }) else { throw ValidationError("unknown KPI '\(select)'.") }
    if let delta, !(delta > 0) { throw ValidationError("--delta must be positive.") }
    guard confidence > 0.5 && confidence < 1 else { throw ValidationError("--confidence must be between 0.5 and 1.") }
    try checkOut(out, fallback: "results/compare-<name>")
  }

  func run() throws {
    let document = try readScenario(scenarios[0])
    let others = try scenarios.dropFirst().map { try readScenario($0) }
    var variants: [VariantChanges] = []
    for text in variant {
      do {
        variants.append(try VariantChanges(parsing: text))
      } catch {
        reportVariant(error, variant: VariantChanges.label(of: text), "--variant")
        throw invalidScenarioExitCode
      }
    }
    let alternatives: [CompareStudy.Alternative]
    let studyChanges = try changes.study()
    do throws(VariantError) {
      alternatives = try CompareStudy.alternatives(base: document, changes: studyChanges, variants: variants, others: others)
    } catch {
      let isVariant = variants.contains { $0.label == error.label }
      if isVariant { reportVariant(error.error, variant: error.label, document.file) } else { report(error.error, error.label) }
      throw invalidScenarioExitCode
    }
    for (index, (variant, warnings, _)) in alternatives.enumerated() {
      let prefix = index > others.count ? "variant '\(variant.label)': " : ""
      for warning in warnings { printError(prefix + coloured(warning)) }
    }
    let measure = RunMeasure.allCases.first { $0.id == select } ?? .overdue
    let report: ComparisonReport
    switch CompareStudy.run(alternatives.map(\.variant), provenance: alternatives.map(\.provenance), select: measure, delta: delta, confidence: confidence, jobs: execution.jobs) {
    case .finished(let finished): report = finished
    case .interrupted: throw interruptedExitCode
    case .overloaded(let message):
      printError("\(Terminal.paint("error:", "1;31")) " + message)
      throw ExitCode.failure
    }
    let directory = out ?? "results/compare-\(outputFolderName(alternatives[0].0.scenario.name))"
    let written = try writingOutputs { () throws(OutputError) in try report.write(to: directory, language: language.language) }
    if output.json {
      print(report.json().rendered(), terminator: "")
    } else if !execution.quiet {
      print(report.rendered(language: language.language), terminator: "")
      print("\nWrote \(written.joined(separator: ", "))")
    }
  }

  /// ``report(_:_:)`` with every line naming the variant.
  private func reportVariant(_ error: ScenarioError, variant label: String, _ source: String) {
    let prefix = "variant '\(label.prefix(60))': "
    for issue in error.issues { printError(prefix + coloured(issue)) }
    let count = error.errors.count
    printError(prefix + "\(source): \(count) error\(count == 1 ? "" : "s"); nothing was run or written.")
  }
}
