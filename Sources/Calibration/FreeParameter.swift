//===----------------------------------------------------------------------===//
// What a calibration may change: scenario settings within bounds.
//===----------------------------------------------------------------------===//

import ScenarioFormat

/// A setting a calibration estimates, between bounds.
///
/// Written `key.path=low:high`, naming the setting as `--set` and `--vary` do
/// (`centres.defaults.back_office[back-office].crews[0].count=3:12`,
/// `procedures[certification].share=0.3:0.7`), or with a shorthand:
/// - `back_office_time_scale=0.5:2` / `counter_time_scale=…`: every back-office work step
///   (every counter time) that many times as long (`scales.back_office_time`);
/// - `volume_scale=0.8:1.5`: the centres' volume (`centre.volume_scale`, or
///   `centres.defaults.volume_scale` for a city).
/// A procedure's share is changed with the others rescaled. Bounds written as whole
/// numbers make a whole-number setting (staff), searched as a real number and rounded.
public struct FreeParameter: Sendable, Hashable, CustomStringConvertible {
  /// The key path set (shorthands resolved against the scenario).
  public var keyPath: String
  /// The name as given.
  public var name: String
  public var low: Double
  public var high: Double
  /// Whether the value is a whole number.
  public var isInteger: Bool
  /// The argument as given.
  public var text: String

  /// Parses `text` (the argument of `--free`); `city` says whether the scenario is a city
  /// (for `volume_scale`).
  public init(parsing text: String, city: Bool) throws(ScenarioError) {
    self.text = text
    func fail(_ expected: String, _ found: String) -> ScenarioError {
      ScenarioError(issues: [ScenarioIssue(.error, .wrongType, at: .argument("--free '\(text)'"), keyPath: "",
                                           expected: expected, found: found)])
    }
    guard let equals = text.lastIndex(of: "="), equals != text.startIndex else {
      throw fail("key.path=low:high", "no '='")
    }
    name = String(text[..<equals]).trimmingSpaces
    let bounds = text[text.index(after: equals)...].split(separator: ":", omittingEmptySubsequences: false)
      .map { String($0).trimmingSpaces }
    guard bounds.count == 2, let low = CalibrationTarget.number(bounds[0]), let high = CalibrationTarget.number(bounds[1]) else {
      throw fail("bounds low:high", "'\(text[text.index(after: equals)...])'")
    }
    guard low < high else { throw fail("a lower bound below the upper bound", "\(bounds[0]):\(bounds[1])") }
    self.low = low
    self.high = high
    isInteger = !bounds[0].contains(".") && !bounds[1].contains(".") && low.rounded() == low && high.rounded() == high
    switch name {
    case "back_office_time_scale": keyPath = "scales.back_office_time"
    case "counter_time_scale": keyPath = "scales.counter_time"
    case "volume_scale": keyPath = city ? "centres.defaults.volume_scale" : "centre.volume_scale"
    default: keyPath = name
    }
    if keyPath.hasPrefix("scales.") || name == "volume_scale" {
      isInteger = false
      guard low > 0 else { throw fail("a positive lower bound for a scale", "\(low)") }
    }
  }

  public var description: String { text }

  /// Whether it is a procedure's share (the others are then rescaled).
  public var isShare: Bool { keyPath.hasSuffix(".share") || keyPath.contains(".procedure_shares.") }

  /// The value at position `u` (0 to 1) between the bounds, rounded for a whole number.
  public func value(at u: Double) -> Double {
    let x = low + min(1, max(0, u)) * (high - low)
    return isInteger ? x.rounded() : x
  }

  /// The override that sets it to `value`.
  public func override(_ value: Double) -> Override {
    Override(keyPath: keyPath, value: isInteger ? String(Int(value)) : String(value), option: "--free")
  }
}
