//===----------------------------------------------------------------------===//
// A sweep's scenario warnings, each printed once with the points that have it.
//===----------------------------------------------------------------------===//

import ScenarioFormat

/// The warnings of a sweep's points, gathered so that each distinct one is printed once
/// (a sweep loads its scenario once per point, and most warnings are the same at every
/// point), naming the points that have it unless all of them do. Warnings that differ
/// only in what was found (a utilisation of 107% at one point, 112% at the next; a
/// `--vary` value) are one warning, shown as found at its first point with a count of
/// the different findings: a Latin hypercube of 1,000 points prints a line per kind of
/// warning, not per point.
struct PointWarnings {
  private var found: [(warning: ScenarioIssue, points: [Int], findings: Set<String>)] = []

  /// Records the warnings of point `point`.
  mutating func add(_ warnings: [ScenarioIssue], at point: Int) {
    for warning in warnings {
      if let i = found.firstIndex(where: { Self.isSame($0.warning, warning) }) {
        if found[i].points.last != point { found[i].points.append(point) }
        found[i].findings.insert(Self.finding(warning))
      } else {
        found.append((warning, [point], [Self.finding(warning)]))
      }
    }
  }

  /// The same warning: the same check (code, key path, what was expected), at the same
  /// place of the file, or at the command line for a `--set`/`--vary` change.
  static func isSame(_ a: ScenarioIssue, _ b: ScenarioIssue) -> Bool {
    func place(_ issue: ScenarioIssue) -> String {
      guard let position = issue.position else { return "" }
      return position.line == 0 ? "argument" : position.description
    }
    return a.code == b.code && a.keyPath == b.keyPath && a.expected == b.expected && place(a) == place(b)
  }

  /// What a warning found, and where when that is an argument (`--vary 'key=3'`).
  static func finding(_ issue: ScenarioIssue) -> String {
    (issue.position.map { $0.line == 0 ? $0.file + ": " : "" } ?? "") + issue.found
  }

  /// Prints each warning, in order of first appearance, after the points that have it
  /// when they are not all `pointCount` points.
  func print(pointCount: Int) {
    for (warning, points, findings) in found {
      let which = points.count == pointCount ? "" : "\(Self.describe(points, of: pointCount)): "
      let differing = findings.count > 1 ? " [as found at sweep point \(points[0]); \(findings.count) different findings over \(points.count) points]" : ""
      printError(which + coloured(warning) + differing)
    }
  }

  /// "sweep point 3", "sweep points 0, 2, 4", "sweep points 0, 1, 2, 3, 4, 5, 6, 7 … (40 of 100)".
  static func describe(_ points: [Int], of total: Int) -> String {
    let shown = points.prefix(8).map(String.init).joined(separator: ", ")
    let word = points.count == 1 ? "sweep point" : "sweep points"
    return points.count > 8 ? "\(word) \(shown) … (\(points.count) of \(total))" : "\(word) \(shown)"
  }
}
