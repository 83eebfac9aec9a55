//===----------------------------------------------------------------------===//
// A sweep's results on disk: resumable, shardable, mergeable.
//===----------------------------------------------------------------------===//

import CentreSimulation
import Experiments
import Localization
import Foundation

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The directory of a sweep.
///
/// Layout: `sweep.json` (what the sweep is: scenario, overrides, factors, design, seed,
/// replications, number of points); `points/point-NNNNNN.csv` and
/// `points/point-NNNNNN-replications.csv`, one pair per finished design point, each
/// written atomically (the replications first, so a point file always has its
/// replications); and the assembled tables `sweep.csv` (one row per point) and
/// `replications.csv` (one row per point and replication), rebuilt atomically from the
/// point files in point order; and, while a sweep runs, its lock `sweep.lock`.
///
/// A sweep killed at any moment leaves whole point files or none, so running it again
/// skips the finished points and loses or repeats no row; the temporary files it was
/// writing are removed by the next run. Shards of one sweep write the same `sweep.json`
/// and disjoint point files; ``merge(_:into:)`` joins them into the same bytes a single
/// run would give.
///
/// One process at a time runs a sweep in a directory: ``open()`` takes an exclusive
/// `flock(2)` on `sweep.lock` there, which says who holds it (process id, host, start)
/// and is released when the process ends, however it ends.
public struct SweepStore {
  /// The sweep's directory.
  public let directory: String
  /// The sweep's description (`sweep.json`), compared on resume and merge.
  public let specification: String
  /// The factors, in column order.
  public let factors: [String]
  private let described: JSONValue

  /// A store for the sweep described by `specification` in `directory`.
  public init(directory: String, specification: JSONValue, factors: [String]) {
    self.directory = directory
    self.specification = specification.rendered()
    self.described = specification
    self.factors = factors
  }

  /// What `onestop sweep --json` prints: the sweep's description (`sweep.json`) and the
  /// rows of the assembled `sweep.csv` as objects with its column names (numbers as
  /// numbers, empty cells as null). The replications stay in `replications.csv`.
  public func json() -> JSONValue {
    let csv = (try? String(contentsOfFile: "\(directory)/sweep.csv", encoding: .utf8)) ?? ""
    let lines = csv.split(separator: "\n").map(String.init)
    let header = lines.first.map(splitCSV) ?? []
    let rows = lines.dropFirst().map { line in
      JSONValue.object(zip(header, splitCSV(line)).map { column, cell in
        (column, cell.isEmpty ? .null : Double(cell).map { .number($0) } ?? .string(cell))
      })
    }
    return .object([("sweep", described), ("directory", .string(directory)), ("points", .array(Array(rows)))])
  }

  private var pointsDirectory: String { "\(directory)/points" }
  private func pointFile(_ index: Int) -> String { "\(pointsDirectory)/point-\(pad(index)).csv" }
  private func replicationsFile(_ index: Int) -> String { "\(pointsDirectory)/point-\(pad(index))-replications.csv" }
  private func pad(_ i: Int) -> String { String(repeating: "0", count: max(0, 6 - String(i).count)) + String(i) }

  /// Creates the directory, or checks that it holds this same sweep, and locks it for
  /// this process until the returned lock is released (or the process ends). Then
  /// removes the temporary files a killed run of the sweep left (see
  /// ``removeStaleTemporaries()``).
  /// - Throws: a ``Busy`` when another process holds the directory; an `OutputError`
  ///   when it cannot be created or holds another sweep.
  public func open() throws -> Lock {
    try AtomicFile.makeDirectory(pointsDirectory)
    let lock = try Lock(path: "\(directory)/\(Self.lockName)")
    let path = "\(directory)/sweep.json"
    if let existing = try? String(contentsOfFile: path, encoding: .utf8) {
      guard existing == specification else {
        throw OutputError(path: path, reason: "the directory holds another sweep (a different scenario, factors, design, seed or replications); use a new --out")
      }
    } else {
      try AtomicFile.write(specification, to: path)
    }
    removeStaleTemporaries()
    return lock
  }

  /// The lock file's name in a sweep's directory.
  static let lockName = "sweep.lock"

  /// Removes what ``AtomicFile`` left of the files of this sweep when a run was killed
  /// while writing them: regular files named `.<name>.tmp-<16 hex digits>` whose `<name>`
  /// is one the store writes (`sweep.csv`, `replications.csv`, `sweep.json`,
  /// `report.html` in the directory; point files in `points/`). Nothing else is touched;
  /// called with the lock held, so no other run is writing them.
  func removeStaleTemporaries() {
    for (folder, isOurs) in [(directory, Self.isTableName), (pointsDirectory, Self.isPointFileName)] {
      for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
        guard let target = Self.temporaryTarget(name), isOurs(target) else { continue }
        var info = stat()
        let path = "\(folder)/\(name)"
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { unlink(path) }
      }
    }
  }

  /// `name` for an atomic writer's temporary `.<name>.tmp-<16 hex digits>`, else nil.
  static func temporaryTarget(_ name: String) -> String? {
    guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return nil }
    let suffix = name[marker.upperBound...]
    guard suffix.count == 16, suffix.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
    return String(name[name.index(after: name.startIndex)..<marker.lowerBound])
  }

  private static func isTableName(_ name: String) -> Bool {
    ["sweep.json", "sweep.csv", "replications.csv", "report.html"].contains(name)
  }

  /// `point-NNNNNN.csv` or `point-NNNNNN-replications.csv`.
  private static func isPointFileName(_ name: String) -> Bool {
    guard name.hasPrefix("point-"), name.hasSuffix(".csv") else { return false }
    var digits = name.dropFirst(6).dropLast(4)
    if digits.hasSuffix("-replications") { digits = digits.dropLast(13) }
    return digits.count >= 6 && digits.allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// Whether point `index` is finished.
  public func isDone(_ index: Int) -> Bool { FileManager.default.fileExists(atPath: pointFile(index)) }

  /// Records a finished point.
  public func save(_ point: DesignPoint, _ result: ExperimentResult) throws(OutputError) {
    let settings = point.settings.map(\.value)
    // Row by row, so that a point of many replications is never held whole.
    let replications = try AtomicFile.Pending(path: replicationsFile(point.index))
    var text = ""
    for replication in result.replications {
      text += (["\(point.index)"] + settings.map(csvField) + ["\(replication.replication)", "\(replication.events)"]
        + RunMeasure.allCases.map { CSVTable.field(replication.totals[$0]) }).joined(separator: ",") + "\n"
      if text.utf8.count >= 1 << 16 {
        try replications.write(text)
        text = ""
      }
    }
    try replications.write(text)
    try replications.commit()
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
  public func assemble(points count: Int, language: Language = .en) throws(OutputError) -> [Int] {
    // replications.csv (a row per point and replication) is copied point by point, never
    // held whole; sweep.csv (a row per point) is kept for the report's heat maps.
    var sweep = sweepHeader + "\n"
    let replications = try AtomicFile.Pending(path: "\(directory)/replications.csv")
    try replications.write(replicationsHeader + "\n")
    var missing: [Int] = []
    for index in 0..<count {
      guard let row = try? String(contentsOfFile: pointFile(index), encoding: .utf8),
        let reps = try? String(contentsOfFile: replicationsFile(index), encoding: .utf8)
      else {
        missing.append(index)
        continue
      }
      sweep += row
      try replications.write(reps)
    }
    try AtomicFile.write(sweep, to: "\(directory)/sweep.csv")
    try replications.commit()
    try AtomicFile.write(SweepHTMLReport(factors: factors, csv: sweep).html(title: "onestop: sweep over \(factors.joined(separator: ", "))", language: language),
                         to: "\(directory)/report.html")
    return missing
  }

  /// Joins the point files of shard directories into `output` (which gets the same
  /// `sweep.json`), then assembles the tables. Every shard must hold the same sweep.
  /// Needs no lock: it only reads the shards, and writes `output` atomically.
  /// - Returns: the points of the design that no shard finished.
  /// - Throws: a ``ShardError`` naming a shard that is missing, not a directory, not a
  ///   sweep's or another sweep's (before anything is written); an `OutputError` when
  ///   `output` cannot be written.
  public static func merge(_ shards: [String], into output: String) throws -> (points: Int, missing: [Int]) {
    guard let first = shards.first else { throw OutputError(path: output, reason: "no shard directory given") }
    for shard in shards { try checkShard(shard) }
    let specPath = "\(first)/sweep.json"
    guard let specification = try? String(contentsOfFile: specPath, encoding: .utf8),
      let data = specification.data(using: .utf8),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let count = object["points"] as? Int, let factors = object["factors"] as? [[String: Any]]
    else { throw ShardError(path: first, reason: "is not a sweep shard (its sweep.json cannot be read as a sweep's)") }
    for shard in shards.dropFirst() {
      let other = try? String(contentsOfFile: "\(shard)/sweep.json", encoding: .utf8)
      guard other == specification else {
        throw ShardError(path: shard, reason: "holds another sweep than '\(first)' (their sweep.json differ)")
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

  /// Throws unless `shard` is a directory with a `sweep.json`.
  private static func checkShard(_ shard: String) throws(ShardError) {
    var info = stat()
    guard !shard.isEmpty else { throw ShardError(path: shard, reason: "is an empty path, not a shard directory") }
    guard stat(shard, &info) == 0 else {
      throw ShardError(path: shard, reason: errno == ENOENT ? "does not exist" : "cannot be read (\(String(cString: strerror(errno))))")
    }
    guard (info.st_mode & S_IFMT) == S_IFDIR else { throw ShardError(path: shard, reason: "is not a directory") }
    guard stat("\(shard)/sweep.json", &info) == 0 else {
      throw ShardError(path: shard, reason: "is not a sweep shard (it has no sweep.json)")
    }
  }
}

/// A shard directory that ``SweepStore/merge(_:into:)`` cannot use.
public struct ShardError: Error, CustomStringConvertible, Sendable {
  /// The shard as given.
  public var path: String
  /// What is wrong with it, as the rest of a sentence ("does not exist").
  public var reason: String
  public var description: String { "shard '\(path)' \(reason)" }
}

// MARK: - The lock

extension SweepStore {
  /// Another process holds the sweep's directory.
  public struct Busy: Error, CustomStringConvertible, Sendable {
    /// The lock file.
    public var lockPath: String
    /// What the holder wrote in it: `pid`, `host`, `since` (empty while it is writing).
    public var holder: [String: String]
    /// The command that holds such directories (`sweep`, `optimize`).
    public var command = "sweep"

    public var description: String {
      let directory = lockPath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
      let who = holder["pid"].map { pid in
        "process \(pid)" + (holder["host"].map { " on host \($0)" } ?? "") + (holder["since"].map { " since \($0)" } ?? "")
      } ?? "a process that has not yet said which"
      return "'\(directory.isEmpty ? "." : directory)' is in use by another onestop \(command): \(who) (it holds \(lockPath)); "
        + "wait for it to finish, or use another --out"
    }
  }

  /// An exclusive `flock(2)` on a sweep's lock file, which records the holder's process
  /// id, host and start time. The system releases it when the process ends (even by
  /// SIGKILL), so a dead holder's file is simply taken over; ``release()`` (or deinit)
  /// also removes the file.
  public final class Lock {
    /// The lock file.
    public let path: String
    private var descriptor: Int32

    /// Locks `path`, creating it, for `command` (named when another holds it). Retries
    /// when the file it opened was removed or replaced by a releasing holder meanwhile,
    /// so two processes never hold two files.
    init(path: String, command: String = "sweep") throws {
      for _ in 0..<16 {
        let descriptor = systemOpen(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
          let busy = errno == EWOULDBLOCK
          let reason = String(cString: strerror(errno))
          close(descriptor)
          if busy { throw Busy(lockPath: path, holder: Self.holder(of: path), command: command) }
          throw OutputError(path: path, reason: "cannot be locked (\(reason))")
        }
        var held = stat()
        var named = stat()
        guard fstat(descriptor, &held) == 0, lstat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino
        else {
          close(descriptor)
          continue
        }
        self.path = path
        self.descriptor = descriptor
        record()
        return
      }
      throw OutputError(path: path, reason: "the lock file keeps being replaced by another process")
    }

    deinit { release() }

    /// Removes the lock file and releases the lock (once).
    public func release() {
      guard descriptor >= 0 else { return }
      unlink(path)
      close(descriptor)
      descriptor = -1
    }

    /// Writes `pid`, `host` and `since` lines into the held file.
    private func record() {
      let host = ProcessInfo.processInfo.hostName
      let text = "pid \(getpid())\nhost \(host)\nsince \(ISO8601DateFormatter().string(from: Date()))\n"
      _ = ftruncate(descriptor, 0)
      _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    /// The `key value` lines of the lock file at `path`.
    static func holder(of path: String) -> [String: String] {
      let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
      var fields: [String: String] = [:]
      for line in text.split(separator: "\n") {
        guard let space = line.firstIndex(of: " ") else { continue }
        fields[String(line[..<space])] = String(line[line.index(after: space)...].prefix(200))
      }
      return fields
    }
  }
}

/// A CSV field, quoted when it must be.
func csvField(_ text: String) -> String { CSVTable.escaped(text) }

/// `open(2)` (the lock's own `open` would shadow it).
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
  #if canImport(Glibc)
    Glibc.open(path, flags, mode)
  #else
    Darwin.open(path, flags, mode)
  #endif
}
