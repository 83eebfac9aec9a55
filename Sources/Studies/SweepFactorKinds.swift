//===----------------------------------------------------------------------===//
// Whether a swept field takes fractions: asked of the scenario's schema.
//===----------------------------------------------------------------------===//

import Experiments
import ScenarioFormat

extension SweepFactor {
  /// This factor with ``SweepFactor/takesFractions`` set from the scenario's schema: a
  /// continuous range with whole ends (`daily_volume=40:60`) is tried at its low end plus
  /// one half, and the field takes fractions when `document` still loads with it
  /// (`counter_staff` refuses 2.5: a whole number). Other factors come back as they are.
  public func resolvingKind(in document: ScenarioDocument, changes: ScenarioChanges) -> SweepFactor {
    guard case .range(let low, let high, let step) = levels, step == 0, low < high, isInteger else { return self }
    var factor = self
    let probe = Override(keyPath: keyPath, value: String(low + 0.5), option: "--vary")
    factor.takesFractions = (try? changes.load(document, extra: [probe])) != nil
    return factor
  }
}
