//===----------------------------------------------------------------------===//
// What a calibration aims at: published figures, each a KPI over a date window.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Experiments
import Foundation
import ScenarioFormat

/// A figure the calibrated scenario must reproduce: a KPI, over a date window or the whole
/// horizon, its observed value and how far from it a simulated value may lie.
///
/// Written `kpi[FROM..TO]=value`, with an optional tolerance `+-t` (in the KPI's unit) or
/// `+-p%` (of the value): `processed_share[2025-07-01..2025-07-08]=0.8788`,
/// `arrivals[2025-07-01..2025-07-08]=38321+-1%`, `online_share=0.14`. A window KPI
/// (``WindowMeasure``: arrivals, online_share, processed_share …) is of the dossiers that
/// arrived in the window, at its end; without a window, over the whole horizon. Any
/// run-level KPI (``RunMeasure``: on_time_rate, counter_wait_mean …) may be a target over
/// the whole horizon. Without a tolerance, 1% of the value.
public struct CalibrationTarget: Sendable, Hashable, CustomStringConvertible {
  /// What is measured.
  public enum Quantity: Sendable, Hashable {
    /// A figure of the dossiers that arrived in a window (`nil`: the whole horizon).
    case window(WindowMeasure, DateWindow?)
    /// A run-level KPI over the whole horizon.
    case run(RunMeasure)
  }

  public var quantity: Quantity
  /// The observed value.
  public var value: Double
  /// How far a simulated mean may lie from it (one standard error's worth), in its unit.
  public var tolerance: Double
  /// The argument as given.
  public var text: String

  /// Parses `text` (the argument of `--target`).
  public init(parsing text: String) throws(ScenarioError) {
    self.text = text
    func fail(_ expected: String, _ found: String, hint: String? = nil) -> ScenarioError {
      ScenarioError(issues: [ScenarioIssue(.error, .wrongType, at: .argument("--target '\(text)'"), keyPath: "",
                                           expected: expected, found: found, hint: hint)])
    }
    guard let equals = text.firstIndex(of: "=") else { throw fail("kpi[FROM..TO]=value", "no '='") }
    var name = String(text[..<equals]).trimmingSpaces
    var window: DateWindow?
    if name.hasSuffix("]"), let open = name.firstIndex(of: "[") {
      let inner = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
      guard let parsed = DateWindow(parsing: inner) else {
        throw fail("a date window [YYYY-MM-DD..YYYY-MM-DD]", "'[\(inner)]'")
      }
      window = parsed
      name = String(name[..<open]).trimmingSpaces
    }
    if let measure = WindowMeasure.allCases.first(where: { $0.id == name }) {
      quantity = .window(measure, window)
    } else if let measure = RunMeasure.allCases.first(where: { $0.id == name }), window == nil {
      quantity = .run(measure)
    } else {
      let known = WindowMeasure.ids + RunMeasure.ids
      throw fail(window == nil ? "a KPI id (\(WindowMeasure.ids.joined(separator: ", ")) over a window, or any run KPI)"
                   : "a KPI of the dossiers arriving in a window (\(WindowMeasure.ids.joined(separator: ", ")))",
                 "'\(name)'", hint: nearestWord(name, among: known).map { "did you mean '\($0)'?" })
    }
    var valueText = String(text[text.index(after: equals)...]).trimmingSpaces
    var toleranceText: String?
    if let plusMinus = valueText.firstRange(of: "+-") ?? valueText.firstRange(of: "±") {
      toleranceText = String(valueText[plusMinus.upperBound...]).trimmingSpaces
      valueText = String(valueText[..<plusMinus.lowerBound]).trimmingSpaces
    }
    guard let value = Self.number(valueText) else { throw fail("a number after '='", "'\(valueText)'") }
    self.value = value
    if let toleranceText {
      let percent = toleranceText.hasSuffix("%")
      guard let t = Self.number(percent ? String(toleranceText.dropLast()) : toleranceText), t > 0 else {
        throw fail("a positive tolerance after '+-' (a number, or a percentage of the value)", "'\(toleranceText)'")
      }
      tolerance = percent ? abs(value) * t / 100 : t
    } else {
      tolerance = max(abs(value) * 0.01, 1e-9)
    }
    guard tolerance > 0 else { throw fail("a target with a tolerance (its value is 0: give '+-t')", "'\(text)'") }
  }

  public var description: String { text }

  /// The KPI's id.
  public var kpi: String {
    switch quantity {
    case .window(let m, _): return m.id
    case .run(let m): return m.id
    }
  }

  /// The window it needs in a run (over the whole horizon when none is given).
  public func window(in scenario: Scenario) -> DateWindow? {
    switch quantity {
    case .window(_, let window): return window ?? DateWindow(from: scenario.horizon.start, to: scenario.horizon.end)
    case .run: return nil
    }
  }

  /// Each replication's value in `result`, whose scenario has the target's window.
  public func values(in result: ExperimentResult) -> [Double] {
    switch quantity {
    case .run(let m):
      return result.replications.map { $0.totals[m] }
    case .window(let m, _):
      guard let window = window(in: result.scenario), let w = result.scenario.windows.firstIndex(of: window) else { return [] }
      return result.replications.map { $0.windows[w][m] }
    }
  }

  /// The standardised residual of a simulated estimate: (mean − value) / √(tolerance² + se²),
  /// where se is the standard error of the simulated mean (0 with one replication). The
  /// simulation's own noise widens the denominator, so that a candidate run with few
  /// replications is not judged more precisely than it was measured (the implausibility
  /// of history matching).
  public func z(_ simulated: Estimate) -> Double {
    guard simulated.mean.isFinite else { return .infinity }
    let se = simulated.count > 1 && simulated.standardDeviation.isFinite
      ? simulated.standardDeviation / Double(simulated.count).squareRoot() : 0
    return (simulated.mean - value) / (tolerance * tolerance + se * se).squareRoot()
  }

  /// z²: the target's part of the distance.
  public func squaredResidual(_ result: ExperimentResult) -> Double {
    let z = z(Estimate(values(in: result)))
    return z.isFinite ? z * z : .infinity
  }

  static func number(_ text: String) -> Double? {
    let clean = text.replacingOccurrences(of: "_", with: "")
    return Double(clean).flatMap { $0.isFinite ? $0 : nil }
  }
}

extension String {
  var trimmingSpaces: String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
