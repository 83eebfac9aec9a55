//===----------------------------------------------------------------------===//
// An optimisation's evaluations on disk: a stopped `onestop optimize` resumes.
//===----------------------------------------------------------------------===//

import Experiments
import Foundation

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The evaluations of one optimisation kept in a directory (`<out>/resume/`), so that the
/// same command started again after a stop (Ctrl-C, a kill, a power cut) recalls them
/// instead of simulating them, and ends with the same allocation and the same figures as
/// a run that never stopped.
///
/// Layout: `optimization.json` (what the optimisation is: version, scenario file and
/// SHA-256, changes, settings, seed, replications) and one file per evaluation,
/// `e-<16 hex digits>.txt` (a hash of its key), holding the key and its rows as IEEE 754
/// bit patterns in hex, each written atomically: a kill leaves whole files or none. A
/// directory that holds another optimisation's evaluations is emptied first
/// (``discarded`` says how many). ``finish()`` removes the directory once the outputs
/// are written. One process at a time: `flock(2)` on `optimize.lock` there.
public final class OptimizationJournal: EvaluationMemory {
  /// The directory.
  public let directory: String
  /// Evaluations found from a stopped run of this optimisation when it was opened.
  public let kept: Int
  /// Evaluations of another optimisation removed when it was opened.
  public let discarded: Int
  /// The first evaluation that could not be kept (a full disk): a later run cannot
  /// resume from it, but this run's answer is unaffected.
  public private(set) var failure: OutputError?
  private let lock: SweepStore.Lock

  /// Opens (creating) `directory` for the optimisation described by `specification`.
  /// - Throws: a ``SweepStore/Busy`` when another process holds it; an ``OutputError``
  ///   when it cannot be created or written.
  public init(directory: String, specification: JSONValue) throws {
    try AtomicFile.makeDirectory(directory)
    lock = try SweepStore.Lock(path: "\(directory)/optimize.lock", command: "optimize")
    self.directory = directory
    let described = specification.rendered()
    let path = "\(directory)/optimization.json"
    for name in Self.evaluationFiles(in: directory, temporaries: true) { unlink("\(directory)/\(name)") }
    let files = Self.evaluationFiles(in: directory)
    if (try? String(contentsOfFile: path, encoding: .utf8)) == described {
      kept = files.count
      discarded = 0
    } else {
      for name in files { unlink("\(directory)/\(name)") }
      kept = 0
      discarded = files.count
      try AtomicFile.write(described, to: path)
    }
  }

  public func recall(_ key: String) -> [[Double]]? {
    var info = stat()
    let path = file(key)
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
      let text = try? String(contentsOfFile: path, encoding: .utf8)
    else { return nil }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count >= 3, lines[0] == Self.header, lines[1] == key, lines.removeLast().isEmpty else { return nil }
    var rows: [[Double]] = []
    for line in lines.dropFirst(2) {
      var row: [Double] = []
      for field in line.split(separator: " ") {
        guard let bits = UInt64(field, radix: 16) else { return nil }
        row.append(Double(bitPattern: bits))
      }
      rows.append(row)
    }
    return rows
  }

  public func record(_ key: String, _ rows: [[Double]]) {
    guard failure == nil, !key.contains("\n") else { return }
    var text = Self.header + "\n" + key + "\n"
    for row in rows { text += row.map { String($0.bitPattern, radix: 16) }.joined(separator: " ") + "\n" }
    do throws(OutputError) { try AtomicFile.write(text, to: file(key)) } catch { failure = error }
  }

  /// Removes the directory and releases it: the outputs are written, nothing is left to resume.
  public func finish() {
    for name in Self.evaluationFiles(in: directory) + Self.evaluationFiles(in: directory, temporaries: true) + ["optimization.json"] {
      unlink("\(directory)/\(name)")
    }
    lock.release()
    rmdir(directory)
  }

  private static let header = "onestop evaluation 1"

  private func file(_ key: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
    for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    let hex = String(hash, radix: 16)
    return "\(directory)/e-\(String(repeating: "0", count: 16 - hex.count))\(hex).txt"
  }

  /// The evaluation files in `directory` (or the temporaries a kill left of them).
  private static func evaluationFiles(in directory: String, temporaries: Bool = false) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { name in
      let target = temporaries ? SweepStore.temporaryTarget(name) : name
      return target.map { $0.hasPrefix("e-") && $0.hasSuffix(".txt") && $0.count == 22 } ?? false
    }.sorted()
  }
}
