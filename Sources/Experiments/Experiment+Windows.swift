//===----------------------------------------------------------------------===//
// The report windows' figures over the replications.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation

extension ExperimentResult {
  /// Per ``Scenario/windows`` window, its cohort's figures over the replications.
  public var windows: [Estimates<WindowMeasure>] {
    scenario.windows.indices.map { w in Estimates(replications.map { $0.windows[w] }) }
  }
}
