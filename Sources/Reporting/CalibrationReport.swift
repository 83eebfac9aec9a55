//===----------------------------------------------------------------------===//
// The files of `onestop calibrate`: the calibrated scenario, calibration.json, report.html.
//===----------------------------------------------------------------------===//

import Calibration
import CentreModel
import CentreSimulation
import Experiments
import Localization

/// Renders a ``CalibrationResult``: the calibrated scenario YAML with its provenance, the
/// JSON record, the HTML report and the console summary.
public struct CalibrationReport: Sendable {
  public var result: CalibrationResult
  public var provenance: Provenance
  /// The calibrated scenario written out (from `ScenarioDocument.yaml(overrides:)`).
  public var scenarioYAML: String

  public init(result: CalibrationResult, provenance: Provenance, scenarioYAML: String) {
    self.result = result
    self.provenance = provenance
    self.scenarioYAML = scenarioYAML
  }

  /// File name → contents.
  public func files(name: String) -> [(name: String, contents: String)] {
    [("\(name).yaml", calibratedYAML()), ("calibration.json", json().rendered()), ("report.html", html())]
  }

  /// Writes the files into `directory`, each atomically; returns the paths.
  @discardableResult
  public func write(to directory: String, name: String) throws(OutputError) -> [String] {
    try AtomicFile.makeDirectory(directory)
    var written: [String] = []
    for file in files(name: name) {
      let path = directory.hasSuffix("/") ? directory + file.name : "\(directory)/\(file.name)"
      try AtomicFile.write(file.contents, to: path)
      written.append(path)
    }
    return written
  }

  // MARK: - The calibrated scenario

  /// The scenario with the calibrated values, headed by where they came from.
  public func calibratedYAML() -> String {
    var lines = [
      "# Calibrated by onestop \(onestopVersion) (onestop calibrate) from \(provenance.scenarioFile)",
      "# (SHA-256 \(provenance.scenarioSHA256)), seed \(result.confirmation.scenario.seed).",
    ]
    if !provenance.overrides.isEmpty { lines.append("# Base changes: \(provenance.overrides.joined(separator: "; "))") }
    lines.append("# Targets:")
    for r in result.residuals {
      lines.append("#   \(r.target.text): simulated \(Self.number(r.simulated.mean)) ± \(Self.number(r.simulated.halfWidth)) (z = \(fixed(r.z, 2)))")
    }
    lines.append("# Free parameters (range: values within 3.84 of the best distance, the others re-fitted):")
    for p in result.parameters {
      lines.append("#   \(p.parameter.text): \(value(p)) (\(fixed(p.low, 4)) to \(fixed(p.high, 4)))\(p.isPinned ? "" : ", not pinned down")")
    }
    lines.append("# Identifiability: \(result.identifiability).")
    if result.interrupted { lines.append("# INTERRUPTED: the values are the best found so far, not confirmed.") }
    return lines.joined(separator: "\n") + "\n" + scenarioYAML
  }

  private func value(_ p: ParameterEstimate) -> String { p.parameter.isInteger ? String(Int(p.value)) : fixed(p.value, 4) }

  /// A figure with digits suited to its size (38,321 whole; 0.8788 with four decimals).
  static func number(_ x: Double) -> String {
    guard x.isFinite else { return "n/a" }
    return fixed(x, abs(x) >= 1000 ? 0 : abs(x) >= 10 ? 1 : abs(x) >= 1 ? 3 : 4)
  }

  // MARK: - calibration.json

  public func json() -> JSONValue {
    .object([
      ("provenance", provenance.json(result.confirmation.scenario)),
      ("interrupted", .bool(result.interrupted)),
      ("identifiable", .bool(result.identifiable)),
      ("identifiability", .string(result.identifiability)),
      ("distance", .finite(result.distance)),
      ("evaluations", .number(Double(result.evaluations))),
      ("targets", .array(result.residuals.map { r in
        .object([
          ("target", .string(r.target.text)), ("kpi", .string(r.target.kpi)), ("value", .finite(r.target.value)),
          ("tolerance", .finite(r.target.tolerance)), ("simulated_mean", .finite(r.simulated.mean)),
          ("simulated_ci95_low", .finite(r.simulated.low)), ("simulated_ci95_high", .finite(r.simulated.high)), ("z", .finite(r.z)),
        ])
      })),
      ("parameters", .array(result.parameters.map { p in
        .object([
          ("free", .string(p.parameter.text)), ("key_path", .string(p.parameter.keyPath)), ("value", .finite(p.value)),
          ("low", .finite(p.low)), ("high", .finite(p.high)), ("pinned", .bool(p.isPinned)),
          ("profile", .array(p.profile.map { .object([("value", .finite($0.value)), ("distance", .finite($0.distance))]) })),
        ])
      })),
      ("trade_off", result.tradeOff.map { map in
        .object([
          ("x", .string(map.x.keyPath)), ("y", .string(map.y.keyPath)),
          ("x_values", .array(map.xValues.map { .finite($0) })), ("y_values", .array(map.yValues.map { .finite($0) })),
          ("distance", .array(map.distance.map { .array($0.map { .finite($0) }) })),
          ("ridge", .array(map.ridge.map { .object([("x", .finite($0.x)), ("y", .finite($0.y)), ("distance", .finite($0.distance))]) })),
        ])
      } ?? .null),
      ("overrides", .array(result.overrides.map { .string($0.description) })),
      ("log", .array(result.log.map { .string($0) })),
    ])
  }

  // MARK: - Console

  public func rendered() -> String {
    var out = result.interrupted ? "Calibration INTERRUPTED: the values below are the best found so far, not confirmed.\n\n" : ""
    out += "Targets (\(result.confirmation.replications.count) replications of the calibrated scenario):\n"
    out += textTable(header: ["target", "observed", "simulated ± 95% CI", "z"], rows: result.residuals.map { r in
      [r.target.text, Self.number(r.target.value), "\(Self.number(r.simulated.mean)) ± \(Self.number(r.simulated.halfWidth))", fixed(r.z, 2)]
    }, rightAligned: [1, 2, 3])
    out += "\nFree parameters (range: values within 3.84 of the best distance, the others re-fitted):\n"
    out += textTable(header: ["parameter", "calibrated", "range", "pinned down"], rows: result.parameters.map { p in
      [p.parameter.name, value(p), "\(fixed(p.low, 4)) to \(fixed(p.high, 4))", p.isPinned ? "yes" : "no"]
    }, rightAligned: [1, 2])
    out += "\n" + wrap(result.identifiable ? "The targets pin every free parameter down."
      : "Not identifiable: \(result.identifiability). Do not read one point of the ridge as the answer.", width: 88) + "\n"
    if let map = result.tradeOff, !result.identifiable {
      out += "\nThe trade-off between \(map.x.name) and \(map.y.name) (\(map.y.name) fitted with each \(map.x.name)):\n"
      out += textTable(header: [map.x.name, map.y.name, "distance"], rows: map.ridge.map {
        [fixed($0.x, 3), fixed($0.y, 3), fixed($0.distance, 2)]
      }, rightAligned: [0, 1, 2])
    }
    out += "\n\(result.evaluations) candidates simulated.\n"
    return out
  }

  // MARK: - report.html

  public func html() -> String {
    var page = HTMLPage(title: "onestop calibration: \(result.confirmation.scenario.name)")
    if result.interrupted { page.paragraph("Interrupted: the values are the best found so far, not confirmed.", className: "warn") }
    page.paragraph(result.identifiable ? "The targets pin every free parameter down."
      : "Not identifiable: \(result.identifiability). The map below shows the values that reproduce the figures about equally well.",
      className: result.identifiable ? nil : "warn")
    page.heading("Targets")
    page.table(["target", "observed", "tolerance", "simulated ± 95% CI", "z"], result.residuals.map { r in
      [r.target.text, Self.number(r.target.value), Self.number(r.target.tolerance),
       "\(Self.number(r.simulated.mean)) ± \(Self.number(r.simulated.halfWidth))", fixed(r.z, 2)]
    }, numeric: [1, 2, 3, 4])
    page.heading("Free parameters")
    page.table(["parameter", "bounds", "calibrated", "range within 3.84", "pinned down"], result.parameters.map { p in
      [p.parameter.name, "\(fixed(p.parameter.low, 3)) to \(fixed(p.parameter.high, 3))", value(p),
       "\(fixed(p.low, 4)) to \(fixed(p.high, 4))", p.isPinned ? "yes" : "no"]
    }, numeric: [2, 3])
    for p in result.parameters where p.profile.count > 1 {
      page.figure(profileChart(title: "Profile of \(p.parameter.name)", values: p.profile.map(\.value),
                               distances: p.profile.map(\.distance), calibrated: p.value, threshold: 3.84,
                               xLabel: p.parameter.name),
                  caption: "The distance to the targets along \(p.parameter.name), the other parameters re-fitted at each value (dots: the values simulated; dotted: the calibrated value); values under the dashed line, within 3.84 of the lowest, fit about as well (95%). The axis stops at four times 3.84 above the lowest: higher points are drawn at its top.")
    }
    if let map = result.tradeOff {
      page.heading("Trade-off between \(map.x.name) and \(map.y.name)")
      page.figure(heatMap(title: "Distance to the targets", rows: map.xValues.map { fixed($0, 3) }, columns: map.yValues.map { fixed($0, 3) },
                          values: map.distance.map { $0.map { min($0, 999) } }, rowLabel: map.x.name, columnLabel: map.y.name,
                          valueLabel: "distance Σ z² (lower is closer; within 3.84 of the lowest: equally good)"),
                  caption: "Every other free parameter at its calibrated value. A band of low values running across the map is a ridge: the figures cannot tell those combinations apart.")
      page.table([map.x.name, "\(map.y.name) fitted with it", "distance"], map.ridge.map {
        [fixed($0.x, 3), fixed($0.y, 3), fixed($0.distance, 2)]
      }, numeric: [0, 1, 2])
    }
    page.heading("Search")
    page.list(result.log)
    page.heading("Provenance")
    page.table(["", ""], [["scenario file", provenance.scenarioFile], ["scenario SHA-256", provenance.scenarioSHA256],
                          ["seed", String(result.confirmation.scenario.seed)], ["candidates simulated", String(result.evaluations)],
                          ["onestop version", onestopVersion]] + (provenance.overrides.isEmpty ? [] : [["changes", provenance.overrides.joined(separator: "; ")]]))
    return page.rendered()
  }
}
