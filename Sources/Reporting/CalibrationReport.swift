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

  /// File name → contents; report.html in `language` (the calibrated scenario and
  /// calibration.json are the same in every language).
  public func files(name: String, language: Language = .en) -> [(name: String, contents: String)] {
    [("\(name).yaml", calibratedYAML()), ("calibration.json", json().rendered()), ("report.html", html(language: language))]
  }

  /// Writes the files into `directory`, each atomically, then its manifest
  /// (``ResultDirectory``); returns the paths.
  @discardableResult
  public func write(to directory: String, name: String, language: Language = .en) throws(OutputError) -> [String] {
    try ResultDirectory.write(files(name: name, language: language), to: directory)
  }

  // MARK: - The calibrated scenario

  /// The scenario with the calibrated values, headed by where they came from. The header
  /// is a comment of a data file, in English whatever the language of the report, so that
  /// the file is the same wherever it is made.
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

  private func value(_ p: ParameterEstimate, _ t: Language = .en) -> String {
    p.parameter.isInteger ? String(Int(p.value)) : t.figure(p.value, 4)
  }

  /// A figure with digits suited to its size (38321 whole; 0.8788 with four decimals; in
  /// Vietnamese 38.321 and 0,8788).
  static func number(_ x: Double, _ t: Language = .en) -> String {
    guard x.isFinite else { return t.notAvailable }
    return t.figure(x, abs(x) >= 1000 ? 0 : abs(x) >= 10 ? 1 : abs(x) >= 1 ? 3 : 4)
  }

  /// Why the targets do or do not pin the parameters down: the record's own words in
  /// English (as calibration.json keeps them), the same reasons in `t` otherwise.
  func identifiability(_ t: Language) -> String {
    guard t != .en else { return result.identifiability }
    var reasons: [String] = []
    if result.targets.count < result.parameters.count {
      reasons.append(t.analysis(.fewerTargets(targets: result.targets.count, free: result.parameters.count)))
    }
    let loose = result.parameters.filter { !$0.isPinned }
    if !loose.isEmpty {
      reasons.append(t.analysis(.looseParameters(loose.map { t.analysis(.looseParameter(name: $0.parameter.name, low: $0.low, high: $0.high)) })))
    }
    if let map = result.tradeOff, let first = map.band.first, let last = map.band.last,
      let x = result.parameters.first(where: { $0.parameter.keyPath == map.x.keyPath }), !x.isPinned,
      abs(last.y - first.y) > 0.1 * (map.y.high - map.y.low)
    {
      reasons.append(t.analysis(.ridge(x: map.x.name, xFrom: first.x, xTo: last.x, y: map.y.name, yFrom: first.y, yTo: last.y)))
    }
    return reasons.isEmpty ? t.analysis(.everyParameterPinned) : reasons.joined(separator: "; ")
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

  /// The console text, in `language`.
  public func rendered(language t: Language = .en) -> String {
    var out = result.interrupted ? t.analysis(.calibrationInterruptedConsole) + "\n\n" : ""
    out += t.analysis(.calibrationTargetsConsole(replications: result.confirmation.replications.count)) + "\n"
    out += textTable(header: [t.analysis(.calibrationTargetColumn), t.analysis(.observedValueColumn), t.analysis(.simulatedValueColumn), "z"], rows: result.residuals.map { r in
      [r.target.text, Self.number(r.target.value, t), "\(Self.number(r.simulated.mean, t)) ± \(Self.number(r.simulated.halfWidth, t))", t.figure(r.z, 2)]
    }, rightAligned: [1, 2, 3])
    out += "\n" + t.analysis(.freeParametersConsole) + "\n"
    out += textTable(header: [t.analysis(.parameterColumn), t.analysis(.calibratedColumn), t.analysis(.parameterRangeColumn), t.analysis(.pinnedDownColumn)], rows: result.parameters.map { p in
      [p.parameter.name, value(p, t), t.analysis(.range(low: p.low, high: p.high, digits: 4)), t.analysis(.yesOrNo(p.isPinned))]
    }, rightAligned: [1, 2])
    out += "\n" + wrap(result.identifiable ? t.analysis(.allPinnedDown) : t.analysis(.notIdentifiableConsole(reasons: identifiability(t))), width: 88) + "\n"
    if let map = result.tradeOff, !result.identifiable {
      out += "\n" + t.analysis(.tradeOffConsole(x: map.x.name, y: map.y.name)) + "\n"
      out += textTable(header: [map.x.name, map.y.name, t.analysis(.distanceColumn)], rows: map.ridge.map {
        [t.figure($0.x, 3), t.figure($0.y, 3), t.figure($0.distance, 2)]
      }, rightAligned: [0, 1, 2])
    }
    out += "\n" + t.analysis(.candidatesSimulated(result.evaluations)) + "\n"
    return out
  }

  // MARK: - report.html

  /// report.html, in `language`.
  public func html(language t: Language = .en) -> String {
    var page = HTMLPage(title: t.analysis(.calibrationTitle(result.confirmation.scenario.name)), language: t)
    if result.interrupted { page.paragraph(t.analysis(.calibrationInterrupted), className: "warn") }
    page.paragraph(result.identifiable ? t.analysis(.allPinnedDown) : t.analysis(.notIdentifiableMap(reasons: identifiability(t))),
      className: result.identifiable ? nil : "warn")
    page.heading(t.analysis(.targetsHeading))
    page.table([t.analysis(.calibrationTargetColumn), t.analysis(.observedValueColumn), t.analysis(.toleranceColumn), t.analysis(.simulatedValueColumn), "z"], result.residuals.map { r in
      [r.target.text, Self.number(r.target.value, t), Self.number(r.target.tolerance, t),
       "\(Self.number(r.simulated.mean, t)) ± \(Self.number(r.simulated.halfWidth, t))", t.figure(r.z, 2)]
    }, numeric: [1, 2, 3, 4])
    page.heading(t.analysis(.freeParametersHeading))
    page.table([t.analysis(.parameterColumn), t.analysis(.boundsColumn), t.analysis(.calibratedColumn), t.analysis(.rangeWithinColumn), t.analysis(.pinnedDownColumn)], result.parameters.map { p in
      [p.parameter.name, t.analysis(.range(low: p.parameter.low, high: p.parameter.high, digits: 3)), value(p, t),
       t.analysis(.range(low: p.low, high: p.high, digits: 4)), t.analysis(.yesOrNo(p.isPinned))]
    }, numeric: [2, 3])
    for p in result.parameters where p.profile.count > 1 {
      page.figure(profileChart(title: t.analysis(.profileTitle(p.parameter.name)), values: p.profile.map(\.value),
                               distances: p.profile.map(\.distance), calibrated: p.value, threshold: 3.84,
                               xLabel: p.parameter.name, language: t),
                  caption: t.analysis(.profileCaption(p.parameter.name)))
    }
    if let map = result.tradeOff {
      page.heading(t.analysis(.tradeOffHeading(x: map.x.name, y: map.y.name)))
      page.figure(heatMap(title: t.analysis(.tradeOffChart), rows: map.xValues.map { t.figure($0, 3) }, columns: map.yValues.map { t.figure($0, 3) },
                          values: map.distance.map { $0.map { min($0, 999) } }, rowLabel: map.x.name, columnLabel: map.y.name,
                          valueLabel: t.analysis(.tradeOffCells), language: t),
                  caption: t.analysis(.tradeOffCaption))
      page.table([map.x.name, t.analysis(.fittedWith(map.y.name)), t.analysis(.distanceColumn)], map.ridge.map {
        [t.figure($0.x, 3), t.figure($0.y, 3), t.figure($0.distance, 2)]
      }, numeric: [0, 1, 2])
    }
    page.heading(t.analysis(.searchHeading))
    page.list(result.log)
    page.heading(t.report(.provenance))
    page.table(["", ""], [[t.report(.provenanceFile), provenance.scenarioFile], [t.report(.provenanceDigest), provenance.scenarioSHA256],
                          [t.report(.provenanceSeed), String(result.confirmation.scenario.seed)], [t.analysis(.candidatesSimulatedRow), String(result.evaluations)],
                          [t.report(.provenanceVersion), onestopVersion]] + (provenance.overrides.isEmpty ? [] : [[t.analysis(.changesRow), provenance.overrides.joined(separator: "; ")]]))
    return page.rendered()
  }
}
