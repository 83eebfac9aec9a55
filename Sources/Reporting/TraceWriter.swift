//===----------------------------------------------------------------------===//
// Each dossier's timeline as CSV (`--trace FILE`).
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation

/// Writes each dossier's timeline of a run's traced replications as CSV, as the run goes,
/// in one of two ``Format``s:
///
/// - ``Format/events``: every event of every dossier as one row,
///   `replication, dossier, centre, procedure, channel, event, time, due, detail`;
/// - ``Format/log``: one row per dossier, in the schema `onestop fit` reads (the one-door
///   software's export): `replication, dossier, centre, procedure, channel, arrived,
///   counter_start, received, work_start, completed, due, supplement` (see
///   ``Format/log`` for what each column holds).
///
/// Times are written as `YYYY-MM-DD HH:MM:SS` (the same form `arrivals_replay` reads).
/// Memory stays flat however long the run: the event format writes each event at once;
/// the log format holds a dossier's row until it is completed or abandoned and the rows
/// of every dossier that arrived before it are written (rows come in arrival order), and
/// writes the rows still open when a replication ends.
///
/// The trace is written like the other outputs (``AtomicFile``): into a new temporary
/// file beside `path`, renamed over it only by ``finish()``, so that a run that fails or
/// is interrupted leaves nothing at `path`. A path that holds something other than a
/// regular file (a link, a directory, a FIFO, a device) is refused at once, before
/// anything is simulated. Text cells (centre and procedure ids, step and pool names) are
/// quoted and guarded against spreadsheet formulas as ``CSVTable`` does.
public final class TraceWriter: DossierObserver {
  /// What a trace holds.
  public enum Format: String, CaseIterable, Sendable {
    /// Every event of every dossier, one row each.
    case events
    /// One row per dossier, in the schema of `onestop fit`'s dossier log:
    ///
    /// - `arrived`: the dossier's arrival (a walk-in's ticket, an online or service-point
    ///   submission);
    /// - `counter_start`: the start of its first reception at a counter (walk-ins);
    /// - `received`: when it was first accepted as complete (the end of reception; for
    ///   an online or service-point dossier, its submission); empty when it was handed
    ///   back at reception or at the online intake check;
    /// - `work_start`: the start of its first back-office work step (after the intake
    ///   check of an online dossier), before any supplement;
    /// - `completed`: when it was completed (after its supplement, if it needed one);
    /// - `due`: the due time counted from `received`;
    /// - `supplement`: `yes` when papers were asked for: with `received` empty, at
    ///   reception; with `received` set, by the back office.
    ///
    /// Dossiers pending at the start (an initial backlog) have no row: they did not
    /// arrive in the horizon.
    case log
  }

  /// The columns of the ``Format/log`` format, in order.
  public static let logColumns = [
    "replication", "dossier", "centre", "procedure", "channel", "arrived", "counter_start", "received", "work_start",
    "completed", "due", "supplement",
  ]

  private let output: AtomicFile.Pending
  private let scenario: Scenario
  private let format: Format
  /// The centres' and procedures' ids as CSV fields.
  private let centres: [String]
  private let procedures: [String]
  private var buffer = ""
  /// The log format's rows not yet written, in arrival order, from absolute index `base`.
  private var rows: [LogRow] = []
  private var base = 0
  /// Absolute index in `rows` of each open dossier's row, by serial number.
  private var position: [Int: Int] = [:]
  /// The replication whose rows `rows` holds.
  private var replication = 0

  /// Opens a trace of `scenario`'s run in `format`, to be written to `path`.
  /// - Throws: an ``OutputError`` when `path` holds something other than a regular file
  ///   or no temporary file can be created beside it.
  public init(path: String, scenario: Scenario, format: Format = .events) throws(OutputError) {
    output = try AtomicFile.Pending(path: path)
    self.scenario = scenario
    self.format = format
    centres = scenario.centres.map { CSVTable.escaped($0.id) }
    procedures = scenario.procedures.map { CSVTable.escaped($0.id) }
    switch format {
    case .events: buffer = "replication,dossier,centre,procedure,channel,event,time,due,detail\n"
    case .log: buffer = Self.logColumns.joined(separator: ",") + "\n"
    }
  }

  public func record(_ event: DossierEvent) {
    switch format {
    case .events:
      buffer += "\(event.replication),\(event.dossier),\(centres[event.centre]),"
      buffer += "\(procedures[event.procedure]),\(event.channel.id),\(event.kind.rawValue),"
      buffer += timestamp(event.time) + "," + (event.due.map(timestamp) ?? "") + "," + CSVTable.escaped(event.detail) + "\n"
    case .log:
      recordInLog(event)
    }
    if buffer.utf8.count > 1 << 16 { flush() }
  }

  /// Writes what is left and puts the file in place.
  /// - Throws: an ``OutputError`` when a write failed (then or during the run) or the
  ///   file cannot be put in place.
  public func finish() throws(OutputError) {
    writeOpenRows()
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

  // MARK: - The log format

  /// One dossier's row while it is open.
  private struct LogRow {
    var dossier: Int
    var centre: Int
    var procedure: Int
    var channel: Channel
    var arrived: Double
    var counterStart: Double?
    var received: Double?
    var workStart: Double?
    var completed: Double?
    var due: Double?
    var supplement = false
    /// Still in its first pass (no supplement asked yet).
    var firstPass = true
    /// An online dossier's intake check is over.
    var intakeDone = false
    /// Completed or abandoned: nothing more will happen to it.
    var finished = false
  }

  /// Updates the row of the event's dossier, following the rule of ``Format/log``.
  private func recordInLog(_ event: DossierEvent) {
    if event.replication != replication {
      writeOpenRows()
      replication = event.replication
    }
    if event.kind == .arrival {
      position[event.dossier] = base + rows.count
      rows.append(LogRow(dossier: event.dossier, centre: event.centre, procedure: event.procedure, channel: event.channel,
                         arrived: event.time))
      return
    }
    // Dossiers pending at the start (an initial backlog) did not arrive in the horizon:
    // they have no row.
    guard let absolute = position[event.dossier] else { return }
    let i = absolute - base
    switch event.kind {
    case .counterStart where rows[i].firstPass && rows[i].counterStart == nil:
      rows[i].counterStart = event.time
    case .received where rows[i].firstPass && rows[i].received == nil:
      rows[i].received = event.time
      rows[i].due = event.due
    case .stepStart where rows[i].firstPass && rows[i].workStart == nil && (rows[i].channel != .online || rows[i].intakeDone):
      rows[i].workStart = event.time
    case .stepEnd where rows[i].channel == .online:
      rows[i].intakeDone = true
    case .handedBack where rows[i].firstPass:
      // At reception, or at the online intake check: never accepted as complete.
      rows[i].supplement = true
      rows[i].firstPass = false
      rows[i].received = nil
      rows[i].due = nil
    case .returnedForSupplement where rows[i].firstPass:
      rows[i].supplement = true
      rows[i].firstPass = false
    case .completed:
      rows[i].completed = event.time
      finishRow(i)
    case .abandoned:
      finishRow(i)
    default:
      break
    }
  }

  /// Marks row `i` final and writes the rows that are now first in arrival order.
  private func finishRow(_ i: Int) {
    rows[i].finished = true
    var head = 0
    while head < rows.count && rows[head].finished {
      writeRow(rows[head])
      position[rows[head].dossier] = nil
      head += 1
    }
    if head > 0 {
      rows.removeFirst(head)
      base += head
    }
  }

  /// Writes every row still held (the dossiers open at the end of a replication).
  private func writeOpenRows() {
    for row in rows { writeRow(row) }
    base += rows.count
    rows.removeAll(keepingCapacity: true)
    position.removeAll(keepingCapacity: true)
  }

  private func writeRow(_ row: LogRow) {
    func time(_ value: Double?) -> String { value.map(timestamp) ?? "" }
    buffer += "\(replication),\(row.dossier),\(centres[row.centre]),\(procedures[row.procedure]),\(row.channel.id),"
    buffer += time(row.arrived) + "," + time(row.counterStart) + "," + time(row.received) + "," + time(row.workStart) + ","
    buffer += time(row.completed) + "," + time(row.due) + "," + (row.supplement ? "yes" : "no") + "\n"
  }
}

@available(*, unavailable)
extension TraceWriter: Sendable {}
