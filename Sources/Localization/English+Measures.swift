//===----------------------------------------------------------------------===//
// English: KPI labels and units (the measures' own labels).
//===----------------------------------------------------------------------===//

import CentreSimulation

extension English {
  public func label(_ measure: RunMeasure) -> String { measure.label }
  public func label(_ measure: WindowMeasure) -> String { measure.label }
  public func unit(_ unit: String) -> String { unit }
}

extension English {
  /// The label of a centre's KPI.
  public func label(_ measure: CentreMeasure) -> String { measure.label }
  /// The label of a procedure's KPI.
  public func label(_ measure: ProcedureMeasure) -> String { measure.label }
}
