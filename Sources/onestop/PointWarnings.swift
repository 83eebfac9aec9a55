//===----------------------------------------------------------------------===//
// A sweep's scenario warnings, each printed once with the points that have it.
//===----------------------------------------------------------------------===//

import ScenarioFormat

/// The warnings of a sweep's points, gathered so that each distinct one is printed once
/// (a sweep loads its scenario once per point, and most warnings are the same at every
/// point), naming the points that have it unless all of them do.
struct PointWarnings {
  private var found: [(warning: ScenarioIssue, points: [Int])] = []

  /// Records the warnings of point `point`.
  mutating func add(_ warnings: [ScenarioIssue], at point: Int) {
    for warning in warnings {
      if let i = found.firstIndex(where: { $0.warning.description == warning.description }) {
        found[i].points.append(point)
      } else {
        found.append((warning, [point]))
      }
    }
  }

  /// Prints each warning, in order of first appearance, after the points that have it
  /// when they are not all `pointCount` points.
  func print(pointCount: Int) {
    for (warning, points) in found {
      let which = points.count == pointCount ? "" : "\(Self.describe(points, of: pointCount)): "
      printError(which + coloured(warning))
    }
  }

  /// "sweep point 3", "sweep points 0, 2, 4", "sweep points 0, 1, 2, 3, 4, 5, 6, 7 … (40 of 100)".
  static func describe(_ points: [Int], of total: Int) -> String {
    let shown = points.prefix(8).map(String.init).joined(separator: ", ")
    let word = points.count == 1 ? "sweep point" : "sweep points"
    return points.count > 8 ? "\(word) \(shown) … (\(points.count) of \(total))" : "\(word) \(shown)"
  }
}
