//===----------------------------------------------------------------------===//
// Each dossier's timeline as CSV (`--trace FILE`).
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Writes every event of every dossier of a replication as one CSV row, as the run goes:
/// `replication, dossier, centre, procedure, channel, event, time, due, detail`, with times
/// as `YYYY-MM-DD HH:MM:SS` (the same form `arrivals_replay` reads). Memory stays flat
/// however long the run; the file appears under its name only when complete (it is
/// written to a temporary file and renamed by ``finish()``).
public final class TraceWriter: DossierObserver {
  private let path: String
  private let temporary: String
  private let file: UnsafeMutablePointer<FILE>
  private let scenario: Scenario
  private var buffer = ""

  /// Opens a trace of `scenario`'s run, to be written to `path`.
  public init(path: String, scenario: Scenario) throws(OutputError) {
    self.path = path
    self.temporary = path + ".tmp-\(getpid())"
    self.scenario = scenario
    guard let file = fopen(temporary, "w") else {
      throw OutputError(path: path, reason: String(cString: strerror(errno)))
    }
    self.file = file
    buffer = "replication,dossier,centre,procedure,channel,event,time,due,detail\n"
  }

  deinit {
    fclose(file)
    unlink(temporary)
  }

  public func record(_ event: DossierEvent) {
    buffer += "\(event.replication),\(event.dossier),\(scenario.centres[event.centre].id),"
    buffer += "\(scenario.procedures[event.procedure].id),\(event.channel.id),\(event.kind.rawValue),"
    buffer += timestamp(event.time) + "," + (event.due.map(timestamp) ?? "") + "," + event.detail + "\n"
    if buffer.utf8.count > 1 << 16 { flush() }
  }

  /// Writes what is left and puts the file in place.
  public func finish() throws(OutputError) {
    flush()
    guard fflush(file) == 0, fsync(fileno(file)) == 0, rename(temporary, path) == 0 else {
      throw OutputError(path: path, reason: String(cString: strerror(errno)))
    }
  }

  private func flush() {
    _ = buffer.withCString { fputs($0, file) }
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
