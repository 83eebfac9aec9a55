//===----------------------------------------------------------------------===//
// A sweep's results on disk: resumable, shardable, mergeable.
//===----------------------------------------------------------------------===//

import CentreSimulation
import Experiments
import Foundation

/// The directory of a sweep.
///
/// Layout: `sweep.json` (what the sweep is: scenario, overrides, factors, design, seed,
/// replications, number of points); `points/point-NNNNNN.csv` and
/// `points/point-NNNNNN-replications.csv`, one pair per finished design point, each
/// written atomically (the replications first, so a point file always has its
/// replications); and the assembled tables `sweep.csv` (one row per point) and
/// `replications.csv` (one row per point and replication), rebuilt atomically from the
/// point files in point order.
///
/// A sweep killed at any moment leaves whole point files or none, so running it again
/// skips the finished points and loses or repeats no row. Shards of one sweep write the
/// same `sweep.json` and disjoint point files; ``merge(_:into:)`` joins them into the
/// same bytes a single run would give.
public struct SweepStore {
  /// The sweep's directory.
  public let directory: String
  /// The sweep's description (`sweep.json`), compared on resume and merge.
  public let specification: String
  /// The factors, in column order.
  public let factors: [String]

  /// A store for the sweep described by `specification` in `directory`.
  public init(directory: String, specification: JSONValue, factors: [String]) {
    self.directory = directory
    self.specification = specification.rendered()
    self.factors = factors
  }

  private var pointsDirectory: String { "\(directory)/points" }
  private func pointFile(_ index: Int) -> String { "\(pointsDirectory)/point-\(pad(index)).csv" }
  private func replicationsFile(_ index: Int) -> String { "\(pointsDirectory)/point-\(pad(index))-replications.csv" }
  private func pad(_ i: Int) -> String { String(repeating: "0", count: max(0, 6 - String(i).count)) + String(i) }

  /// Creates the directory, or checks that it holds this same sweep.
  /// - Throws: an `OutputError` when it holds another sweep.
  public func open() throws(OutputError) {
    try AtomicFile.makeDirectory(pointsDirectory)
    // Temporary files of a run that was killed while writing: never complete, remove.
    for name in (try? FileManager.default.contentsOfDirectory(atPath: pointsDirectory)) ?? [] where name.hasPrefix(".") {
      try? FileManager.default.removeItem(atPath: "\(pointsDirectory)/\(name)")
    }
    let path = "\(directory)/sweep.json"
    if let existing = try? String(contentsOfFile: path, encoding: .utf8) {
      guard existing == specification else {
        throw OutputError(path: path, reason: "the directory holds another sweep (a different scenario, factors, design, seed or replications); use a new --out")
      }
    } else {
      try AtomicFile.write(specification, to: path)
    }
  }

  /// Whether point `index` is finished.
  public func isDone(_ index: Int) -> Bool { FileManager.default.fileExists(atPath: pointFile(index)) }

  /// Records a finished point.
  public func save(_ point: DesignPoint, _ result: ExperimentResult) throws(OutputError) {
    let settings = point.settings.map(\.value)
    var replications = ""
    for replication in result.replications {
      replications += (["\(point.index)"] + settings.map(csvField) + ["\(replication.replication)", "\(replication.events)"]
        + RunMeasure.allCases.map { CSVTable.field(replication.totals[$0]) }).joined(separator: ",") + "\n"
    }
    try AtomicFile.write(replications, to: replicationsFile(point.index))
    var row = ["\(point.index)"] + settings.map(csvField) + ["\(result.replications.count)"]
    for measure in RunMeasure.allCases {
      let e = result.totals[measure]
      row += [CSVTable.field(e.mean), CSVTable.field(e.halfWidth)]
    }
    try AtomicFile.write(row.joined(separator: ",") + "\n", to: pointFile(point.index))
  }

  /// The header of `sweep.csv`.
  public var sweepHeader: String {
    (["point"] + factors + ["replications"] + RunMeasure.allCases.flatMap { ["\($0.id)_mean", "\($0.id)_half_width"] })
      .map(csvField).joined(separator: ",")
  }

  /// The header of `replications.csv`.
  public var replicationsHeader: String {
    (["point"] + factors + ["replication", "events"] + RunMeasure.allCases.map(\.id)).map(csvField).joined(separator: ",")
  }

  /// Rebuilds `sweep.csv` and `replications.csv` from the finished points among
  /// `0..<count`; returns the indices still missing.
  @discardableResult
  public func assemble(points count: Int) throws(OutputError) -> [Int] {
    var sweep = sweepHeader + "\n"
    var replications = replicationsHeader + "\n"
    var missing: [Int] = []
    for index in 0..<count {
      guard let row = try? String(contentsOfFile: pointFile(index), encoding: .utf8),
        let reps = try? String(contentsOfFile: replicationsFile(index), encoding: .utf8)
      else {
        missing.append(index)
        continue
      }
      sweep += row
      replications += reps
    }
    try AtomicFile.write(sweep, to: "\(directory)/sweep.csv")
    try AtomicFile.write(replications, to: "\(directory)/replications.csv")
    try AtomicFile.write(SweepHTMLReport(factors: factors, csv: sweep).html(title: "onestop: sweep over \(factors.joined(separator: ", "))"),
                         to: "\(directory)/report.html")
    return missing
  }

  /// Joins the point files of shard directories into `output` (which gets the same
  /// `sweep.json`), then assembles the tables. Every shard must hold the same sweep.
  /// - Returns: the points of the design that no shard finished.
  public static func merge(_ shards: [String], into output: String) throws(OutputError) -> (points: Int, missing: [Int]) {
    guard let first = shards.first else { throw OutputError(path: output, reason: "no shard directory given") }
    let specPath = "\(first)/sweep.json"
    guard let specification = try? String(contentsOfFile: specPath, encoding: .utf8),
      let data = specification.data(using: .utf8),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let count = object["points"] as? Int, let factors = object["factors"] as? [[String: Any]]
    else { throw OutputError(path: specPath, reason: "not a sweep directory (no readable sweep.json)") }
    for shard in shards.dropFirst() {
      let other = try? String(contentsOfFile: "\(shard)/sweep.json", encoding: .utf8)
      guard other == specification else {
        throw OutputError(path: "\(shard)/sweep.json", reason: "holds another sweep than \(specPath)")
      }
    }
    try AtomicFile.makeDirectory("\(output)/points")
    try AtomicFile.write(specification, to: "\(output)/sweep.json")
    for shard in shards where shard != output {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(shard)/points")) ?? []
      for name in names.sorted() where name.hasPrefix("point-") && name.hasSuffix(".csv") {
        guard let text = try? String(contentsOfFile: "\(shard)/points/\(name)", encoding: .utf8) else { continue }
        try AtomicFile.write(text, to: "\(output)/points/\(name)")
      }
    }
    let store = SweepStore(directory: output, specification: .null, factors: factors.compactMap { $0["key_path"] as? String })
    return (count, try store.assemble(points: count))
  }
}

/// A CSV field, quoted when it must be.
func csvField(_ text: String) -> String { CSVTable.escaped(text) }
