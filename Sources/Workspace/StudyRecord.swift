//===----------------------------------------------------------------------===//
// What a result page shows of a study, kept beside its result files.
//===----------------------------------------------------------------------===//

import Experiments
import Foundation
import Reporting
import CentreSimulation

/// `study.json` in a workspace result directory: what was run, how, and the figures the
/// result page shows (in any language), so the page needs nothing but the directory.
struct StudyRecord: Codable, Sendable {
  /// A KPI's estimate.
  struct Figure: Codable, Sendable {
    var kpi: String
    var mean: Double?
    var low: Double?
    var high: Double?
  }

  /// A paired difference of a comparison.
  struct Difference: Codable, Sendable {
    var kpi: String
    var base: Figure
    var variant: Figure
    var difference: Figure
    /// `better`, `worse` or `same` (the interval covers zero).
    var judgement: String
  }

  var kind: String
  var scenario: String
  var scenarioName: String
  /// The overrides, `key=value`.
  var changes: [String]
  var seed: String
  var replications: Int
  /// The CLI command that redoes the study.
  var command: String
  /// Run: the verdict's sentences (backlog, deadlines, waits) by language code.
  var verdicts: [String: [String]] = [:]
  var figures: [Figure] = []
  /// Compare: the labels and differences of the variant against the base.
  var baseLabel: String?
  var variantLabel: String?
  var differences: [Difference] = []
  var warnings: [String] = []
  /// Optimize: each pool's permanent staff before and after.
  var staffing: [Staffing] = []
  /// Optimize, centre by centre: each person placed, and why centres got nobody (by
  /// language code).
  var marginal: [Marginal] = []
  var allocationNotes: [String: [String]] = [:]
  /// Optimize: what the staff should buy (a `StaffingObjective` raw value; nil in records
  /// saved before it was kept).
  var objective: String?

  /// A person of a separable allocation.
  struct Marginal: Codable, Sendable {
    var centre: String
    var pools: String
    var gain: Figure
  }

  /// Calibrate: how the calibrated scenario reproduces the targets, and the values found.
  var calibration: Calibration?

  /// A pool's staff before and after an optimisation.
  struct Staffing: Codable, Sendable {
    var unit: String
    var before: Int
    var after: Int
  }

  /// What a calibration found.
  struct Calibration: Codable, Sendable {
    struct Residual: Codable, Sendable {
      var target: String
      var observed: Double
      var tolerance: Double
      var simulated: Figure
      var z: Double?
    }

    struct Parameter: Codable, Sendable {
      var setting: String
      var value: Double
      var low: Double
      var high: Double
      var pinned: Bool
    }

    var residuals: [Residual]
    var parameters: [Parameter]
    /// The calibration's own words on whether the targets pin the settings down.
    var identifiability: String
    var identifiable: Bool
    /// The calibrated scenario, saved in the workspace under this id (nil when it could
    /// not be: its data files are not in the workspace).
    var savedScenario: String?
  }

  static func figure(_ kpi: String, _ e: Estimate) -> Figure {
    func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
    return Figure(kpi: kpi, mean: finite(e.mean), low: finite(e.low), high: finite(e.high))
  }

  /// The KPIs a run's page shows.
  static let runFigures: [RunMeasure] = [
    .arrivals, .completed, .processedShare, .onTimeRate, .overdue, .backlogEnd, .counterWaitMean, .counterWaitP90,
    .counterUtilisation, .backOfficeUtilisation, .abandoned,
  ]

  func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
  }

  static func read(_ directory: String) -> StudyRecord? {
    guard let data = FileManager.default.contents(atPath: "\(directory)/study.json") else { return nil }
    return try? JSONDecoder().decode(StudyRecord.self, from: data)
  }
}
