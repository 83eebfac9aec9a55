//===----------------------------------------------------------------------===//
// Each dossier's timeline as CSV (`--trace FILE`).
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation

/// Writes every event of every dossier of a replication as one CSV row, as the run goes:
/// `replication, dossier, centre, procedure, channel, event, time, due, detail`, with times
/// as `YYYY-MM-DD HH:MM:SS` (the same form `arrivals_replay` reads). Memory stays flat
/// however long the run.
///
/// The trace is written like the other outputs (``AtomicFile``): into a new temporary
/// file beside `path`, renamed over it only by ``finish()``, so that a run that fails or
/// is interrupted leaves nothing at `path`. A path that holds something other than a
/// regular file (a link, a directory, a FIFO, a device) is refused at once, before
/// anything is simulated. Text cells (centre and procedure ids, step and pool names) are
/// quoted and guarded against spreadsheet formulas as ``CSVTable`` does.
public final class TraceWriter: DossierObserver {
  private let output: AtomicFile.Pending
  private let scenario: Scenario
  /// The centres' and procedures' ids as CSV fields.
  private let centres: [String]
  private let procedures: [String]
  private var buffer = ""

  /// Opens a trace of `scenario`'s run, to be written to `path`.
  /// - Throws: an ``OutputError`` when `path` holds something other than a regular file
  ///   or no temporary file can be created beside it.
  public init(path: String, scenario: Scenario) throws(OutputError) {
    output = try AtomicFile.Pending(path: path)
    self.scenario = scenario
    centres = scenario.centres.map { CSVTable.escaped($0.id) }
    procedures = scenario.procedures.map { CSVTable.escaped($0.id) }
    buffer = "replication,dossier,centre,procedure,channel,event,time,due,detail\n"
  }

  public func record(_ event: DossierEvent) {
    buffer += "\(event.replication),\(event.dossier),\(centres[event.centre]),"
    buffer += "\(procedures[event.procedure]),\(event.channel.id),\(event.kind.rawValue),"
    buffer += timestamp(event.time) + "," + (event.due.map(timestamp) ?? "") + "," + CSVTable.escaped(event.detail) + "\n"
    if buffer.utf8.count > 1 << 16 { flush() }
  }

  /// Writes what is left and puts the file in place.
  /// - Throws: an ``OutputError`` when a write failed (then or during the run) or the
  ///   file cannot be put in place.
  public func finish() throws(OutputError) {
    flush()
    try output.commit()
  }

  /// Writes the buffer out; a failure is kept by `output` and thrown by ``finish()``.
  private func flush() {
    try? output.write(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  /// `YYYY-MM-DD HH:MM:SS` of a simulated time.
  private func timestamp(_ minutes: Double) -> String {
    let totalSeconds = Int((minutes * 60).rounded())
    let day = totalSeconds / 86_400
    let seconds = totalSeconds % 86_400
    let date = scenario.horizon.start.adding(days: day)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(date) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
  }
}

@available(*, unavailable)
extension TraceWriter: Sendable {}
