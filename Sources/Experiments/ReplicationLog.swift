//===----------------------------------------------------------------------===//
// Each replication's run-level figures, kept in memory that does not grow with their
// number: records beyond a budget go to an unnamed temporary file.
//===----------------------------------------------------------------------===//

import CentreSimulation

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// What an experiment keeps of one replication once it is folded into the aggregate:
/// the figures per-replication tables, paired differences and targets read.
public struct ReplicationRecord: Sendable, Equatable {
  /// Replication index (0-based).
  public var replication: Int
  /// Events the engine processed.
  public var events: UInt64
  /// The day the run was stopped by the guard on dossiers in the system (nil: it ran to
  /// the end of the horizon).
  public var stoppedOnDay: Int?
  /// Run-level KPIs.
  public var totals: Measurements<RunMeasure>
  /// Per ``CentreModel/Scenario/windows`` window, its cohort's figures.
  public var windows: [Measurements<WindowMeasure>]
  /// Per-centre KPIs, in scenario order, when the experiment keeps them
  /// (``ExperimentAccumulator/keepsCentres``); empty otherwise.
  public var centres: [Measurements<CentreMeasure>]

  /// The record of `result`, with its centres' KPIs when `keepsCentres`.
  public init(_ result: ReplicationResult, keepsCentres: Bool) {
    replication = result.replication
    events = result.events
    stoppedOnDay = result.stoppedOnDay
    totals = result.totals
    windows = result.windows
    centres = keepsCentres ? result.centres : []
  }

  init(replication: Int, events: UInt64, stoppedOnDay: Int?, totals: Measurements<RunMeasure>,
       windows: [Measurements<WindowMeasure>], centres: [Measurements<CentreMeasure>]) {
    self.replication = replication
    self.events = events
    self.stoppedOnDay = stoppedOnDay
    self.totals = totals
    self.windows = windows
    self.centres = centres
  }
}

/// The records of an experiment's replications, in replication order.
///
/// Appended to only by the ``ExperimentAccumulator`` that builds it, before its result
/// is handed out; read-only from then on, from any thread. Each record is a fixed number
/// of doubles; once the records in memory reach ``memoryBudget`` bytes they are written
/// to a temporary file (created with `mkstemp` in `$TMPDIR` or `/tmp` and unlinked at
/// once, so that nothing is left behind whatever happens) and read back from it with
/// `pread`. Memory therefore stays flat in the number of replications; a file of about
/// 500 bytes per replication (plus the centres' figures when kept) takes its place.
public final class ReplicationLog: RandomAccessCollection, @unchecked Sendable, Equatable {
  /// Bytes of records held in memory before they go to the temporary file.
  public static let memoryBudget = 1 << 20

  /// Windows and centres per record.
  private let windowCount: Int
  private let centreCount: Int
  /// Doubles per record.
  private let width: Int
  /// Records not yet written to the file, one after another.
  private var buffer: [Double] = []
  /// Records in the file (the first ones).
  private var spilled = 0
  /// The temporary file, or -1 before the first spill (and when it could not be made:
  /// the records then stay in memory).
  private var descriptor: Int32 = -1
  private var spillFailed = false

  /// An empty log whose records have `windows` windows and, when `centres` is above 0,
  /// that many centres' KPIs.
  init(windows: Int, centres: Int) {
    windowCount = windows
    centreCount = centres
    width = 3 + RunMeasure.allCases.count + windows * WindowMeasure.allCases.count + centres * CentreMeasure.allCases.count
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// Adds `record` after the others.
  func append(_ record: ReplicationRecord) {
    precondition(record.windows.count == windowCount && record.centres.count == centreCount, "a record of another shape")
    buffer.append(Double(record.replication))
    buffer.append(Double(bitPattern: record.events))
    buffer.append(record.stoppedOnDay.map(Double.init) ?? -1)
    buffer.append(contentsOf: record.totals.values)
    for window in record.windows { buffer.append(contentsOf: window.values) }
    for centre in record.centres { buffer.append(contentsOf: centre.values) }
    if buffer.count * MemoryLayout<Double>.stride >= Self.memoryBudget { spill() }
  }

  /// Bytes of records held in memory now (at most about ``memoryBudget``, unless the
  /// temporary file could not be written).
  public var bytesInMemory: Int { buffer.count * MemoryLayout<Double>.stride }

  public var startIndex: Int { 0 }
  public var endIndex: Int { spilled + buffer.count / width }

  public subscript(position: Int) -> ReplicationRecord {
    precondition(position >= 0 && position < endIndex, "replication record \(position) of \(endIndex)")
    if position >= spilled {
      let start = (position - spilled) * width
      return decode(buffer[start..<start + width])
    }
    var values = [Double](repeating: 0, count: width)
    let bytes = width * MemoryLayout<Double>.stride
    let read = values.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, bytes, off_t(position * bytes)) }
    precondition(read == bytes, "the replications' temporary file could not be read back: \(String(cString: strerror(errno)))")
    return decode(values[...])
  }

  /// Same records, bit for bit.
  public static func == (a: ReplicationLog, b: ReplicationLog) -> Bool {
    a === b || (a.count == b.count && zip(a, b).allSatisfy { $0 == $1 })
  }

  private func decode(_ values: ArraySlice<Double>) -> ReplicationRecord {
    var i = values.startIndex
    func take(_ n: Int) -> [Double] {
      defer { i += n }
      return Array(values[i..<i + n])
    }
    let replication = Int(values[i])
    let events = values[i + 1].bitPattern
    let stopped = values[i + 2] < 0 ? nil : Int(values[i + 2])
    i += 3
    var totals = Measurements<RunMeasure>()
    totals.values = take(RunMeasure.allCases.count)
    let windows = (0..<windowCount).map { _ in
      var m = Measurements<WindowMeasure>()
      m.values = take(WindowMeasure.allCases.count)
      return m
    }
    let centres = (0..<centreCount).map { _ in
      var m = Measurements<CentreMeasure>()
      m.values = take(CentreMeasure.allCases.count)
      return m
    }
    return ReplicationRecord(replication: replication, events: events, stoppedOnDay: stopped, totals: totals,
                             windows: windows, centres: centres)
  }

  /// Writes the records in memory at the end of the temporary file (made at the first
  /// spill). If the file cannot be made or written, the records stay in memory.
  private func spill() {
    guard !spillFailed else { return }
    if descriptor < 0 {
      let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
      var template = Array("\(directory)/onestop-replications-XXXXXX".utf8CString)
      descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      guard descriptor >= 0 else {
        spillFailed = true
        return
      }
      template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }
    let bytes = buffer.count * MemoryLayout<Double>.stride
    let offset = off_t(spilled * width * MemoryLayout<Double>.stride)
    var done = 0
    while done < bytes {
      let written = buffer.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + done, bytes - done, offset + off_t(done)) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else {
        spillFailed = true  // a full disk: keep the records in memory, as before the log
        return
      }
      done += written
    }
    spilled += buffer.count / width
    buffer.removeAll(keepingCapacity: true)
  }
}
