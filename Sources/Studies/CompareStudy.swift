//===----------------------------------------------------------------------===//
// A study of alternatives on common random numbers.
//===----------------------------------------------------------------------===//

import CentreSimulation
import Experiments
import Reporting
import ScenarioFormat

/// A variant of a base scenario: a label and the overrides that make it.
public struct VariantChanges: Sendable {
  /// How the variant is called in outputs.
  public var label: String
  /// The fields it changes, after the study's own changes.
  public var overrides: [Override]

  public init(label: String, overrides: [Override]) {
    self.label = label
    self.overrides = overrides
  }

  /// Parses `label: key=value; key=value` (the label is optional: the text is then the
  /// label), the overrides given with `option`.
  public init(parsing text: String, option: String = "--variant") throws(ScenarioError) {
    let label = Self.label(of: text)
    var body = text
    if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("=") { body = String(text[text.index(after: colon)...]) }
    let parts = body.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    self.init(label: label, overrides: try parts.map { (part: String) throws(ScenarioError) -> Override in
      try Override(parsing: part, option: option)
    })
  }

  /// The label of `label: key=value; ...`: the text before the colon, or all of it.
  public static func label(of text: String) -> String {
    guard let colon = text.firstIndex(of: ":"), !text[..<colon].contains("=") else { return text }
    return String(text[..<colon]).trimmingSpaces
  }
}

/// A problem loading one alternative of a comparison, naming it.
public struct VariantError: Error, Sendable {
  /// The alternative's label.
  public var label: String
  /// Its problems.
  public var error: ScenarioError
}

/// `onestop compare` and the workspace's Compare button: alternatives run with the
/// base's seed and replications, and paired differences.
public enum CompareStudy {
  /// An alternative of a comparison: what runs, the warnings it brings, and where it came from.
  public typealias Alternative = (variant: Variant, warnings: [ScenarioIssue], provenance: Provenance)

  /// The base `document` with `changes`, then each of `variants` (the base with their
  /// overrides after `changes`), as the comparison's alternatives; each with the
  /// warnings not already given for the base.
  public static func alternatives(base document: ScenarioDocument, changes: ScenarioChanges, variants: [VariantChanges],
                                  others: [ScenarioDocument] = []) throws(VariantError) -> [Alternative] {
    func load(_ label: String?, _ document: ScenarioDocument, _ extra: [Override]) throws(VariantError) -> LoadedScenario {
      do {
        return try changes.load(document, extra: extra)
      } catch {
        throw VariantError(label: label ?? document.file, error: error)
      }
    }
    func provenance(_ loaded: LoadedScenario, _ extra: [Override]) -> Provenance {
      Provenance(scenarioFile: loaded.file, scenarioSHA256: loaded.sha256, overrides: changes.recorded + extra.map(\.description))
    }
    let base = try load(nil, document, [])
    var alternatives: [Alternative] = [(Variant(label: base.scenario.name, scenario: base.scenario), base.warnings, provenance(base, []))]
    for other in others {
      let loaded = try load(nil, other, [])
      alternatives.append((Variant(label: loaded.scenario.name, scenario: loaded.scenario), loaded.warnings, provenance(loaded, [])))
    }
    for variant in variants {
      let loaded = try load(variant.label, document, variant.overrides)
      let new = loaded.warnings.filter { warning in !base.warnings.contains { $0.description == warning.description } }
      alternatives.append((Variant(label: variant.label, scenario: loaded.scenario), new, provenance(loaded, variant.overrides)))
    }
    return alternatives
  }

  /// Runs `variants` (the first is the base) and, with three or more, selects the best
  /// on `select` by Kim and Nelson's procedure. `provenance` (one per variant, or none)
  /// goes into the report.
  public static func run(_ variants: [Variant], provenance: [Provenance] = [], select: RunMeasure = .overdue, delta: Double? = nil,
                         confidence: Double = 0.95, jobs: Int = Experiment.defaultJobs, progress: (@Sendable (Int) -> Void)? = nil,
                         shouldStop: (@Sendable () -> Bool)? = nil) -> StudyOutcome<ComparisonReport> {
    guard let comparison = Comparison.run(variants, jobs: jobs, progress: progress, shouldStop: shouldStop) else {
      return .interrupted(done: 0)
    }
    for (variant, result) in zip(comparison.variants, comparison.results) {
      if let message = RunStudy.overload(result, variant.label) { return .overloaded(message) }
    }
    var selection: Selection?
    if variants.count >= 3 {
      let zone = delta ?? max(1e-9, 0.05 * abs(comparison.results[0].totals[select].mean))
      selection = KimNelson.select(comparison.variants, measure: select, delta: zone, confidence: confidence, initial: 10, jobs: jobs)
    }
    return .finished(ComparisonReport(comparison: comparison, selection: selection,
                                      headline: ComparisonReport.headline(for: comparison.variants[0].scenario),
                                      provenance: provenance.count == variants.count ? provenance : []))
  }
}
