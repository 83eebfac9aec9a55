//===----------------------------------------------------------------------===//
// A dossier log checked against a base scenario and laid on its calendar.
//===----------------------------------------------------------------------===//

import ScenarioFormat
import CentreModel
import Foundation

/// One usable row of a log: indices into the base scenario and the fit's centres, times
/// in minutes since 00:00 of the log's first day (day 0 of ``PreparedLog/table``), and
/// the estimates it is left out of.
struct Observation: Sendable {
  var line: Int
  var replication: Int
  var centre: Int
  var procedure: Int
  var channel: Channel
  var arrived: Double
  var counterStart: Double?
  var received: Double?
  var workStart: Double?
  var completed: Double?
  var due: Double?
  /// `nil`: the cell could not be read.
  var supplement: Bool?
  var excluded: Set<LogUse>

  func uses(_ use: LogUse) -> Bool { !excluded.contains(use) }
}

/// A centre of the fit: its id in the log, its id in the fitted scenario, and the base
/// centre whose staff and settings it takes.
public struct FittedCentreSource: Sendable, Hashable {
  /// The centre as the log names it (the base's first centre with `--pool-centres`).
  public var logID: String
  /// Its id in the fitted scenario (the log's, made an identifier).
  public var id: String
  /// The base centre it takes its staff, hours and other settings from.
  public var template: String
}

/// The log's rows checked against the base scenario: unknown procedures and centres,
/// duplicate dossiers and impossible orders of times found and recorded as
/// ``RowProblem``s, the times laid on the base calendar over the log's dates.
struct PreparedLog {
  var observations: [Observation]
  var problems: [RowProblem]
  var rowsRead: Int
  var centres: [FittedCentreSource]
  /// Which base centre each fit centre copies.
  var templates: [Int]
  /// The replications' labels, in order of first appearance.
  var replications: [String]
  /// The first and last days with an arrival.
  var firstDay: CivilDate
  var lastDay: CivilDate
  /// The base calendar laid out from `firstDay` over every date in the log.
  var table: CalendarTable

  /// Days in the observed period (first to last arrival, both included).
  var periodDays: Int { lastDay.dayNumber - firstDay.dayNumber + 1 }

  /// The longest period a log may span, and how far beyond it other times may reach.
  static let longestPeriod = 3660
  static let reachBeyond = 400

  /// Checks `log` against `base`.
  /// - Throws: a ``DossierLogError`` when no row can be used at all, or the arrivals span
  ///   more than ``longestPeriod`` days.
  init(_ log: DossierLog, base: Scenario, poolCentres: Bool) throws(DossierLogError) {
    rowsRead = log.records.count
    var problems = log.records.flatMap(\.problems)
    let procedureIndex = Dictionary(base.procedures.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    let lowerProcedure = Dictionary(base.procedures.enumerated().map { ($1.id.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
    let baseCentres = Dictionary(base.centres.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    var centres: [FittedCentreSource] = []
    var templates: [Int] = []
    var centreOf: [String: Int] = [:]
    var replications: [String] = []
    var replicationOf: [String: Int] = [:]
    var seen: [String: Int] = [:]
    var pending: [(DossierRecord, procedure: Int, centre: Int, replication: Int)] = []
    var usedIDs = Set<String>()

    for record in log.records {
      if record.problems.contains(where: { $0.excluded.contains(.arrivals) }) { continue }
      func drop(_ column: String, _ message: String) {
        problems.append(RowProblem(line: record.line, column: column, message: message, excluded: LogUse.everything))
      }
      guard let procedure = procedureIndex[record.procedure] ?? lowerProcedure[record.procedure.lowercased()] else {
        let hint = Self.nearest(record.procedure, among: base.procedures.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
        drop("procedure", "'\(DossierLog.excerpt(record.procedure))' is not a procedure of the base scenario ("
          + base.procedures.prefix(12).map(\.id).joined(separator: ", ") + (base.procedures.count > 12 ? ", ..." : "") + ")" + hint)
        continue
      }
      let centreKey = poolCentres ? base.centres[0].id : record.centre
      var centre = centreOf[centreKey]
      if centre == nil {
        let template: Int
        if let index = baseCentres[centreKey] {
          template = index
        } else if base.centres.count == 1 {
          template = 0
        } else {
          drop("centre", "'\(DossierLog.excerpt(record.centre))' is not a centre of the base scenario ("
            + base.centres.prefix(12).map(\.id).joined(separator: ", ") + (base.centres.count > 12 ? ", ..." : "")
            + "); with --pool-centres the whole log is fitted as one centre")
          continue
        }
        let id = Self.identifier(centreKey, taken: &usedIDs)
        centre = centres.count
        centreOf[centreKey] = centres.count
        centres.append(FittedCentreSource(logID: centreKey, id: id, template: base.centres[template].id))
        templates.append(template)
      }
      var replication = replicationOf[record.replication]
      if replication == nil {
        replication = replications.count
        replicationOf[record.replication] = replications.count
        replications.append(record.replication)
      }
      if !record.dossier.isEmpty {
        let key = "\(record.replication)\u{1}\(record.centre)\u{1}\(record.dossier)"
        if let first = seen[key] {
          drop("dossier", "dossier '\(DossierLog.excerpt(record.dossier))' is already on line \(first)")
          continue
        }
        seen[key] = record.line
      }
      pending.append((record, procedure, centre!, replication!))
    }
    guard let first = pending.lazy.compactMap({ $0.0.arrived?.date }).min(),
      let last = pending.lazy.compactMap({ $0.0.arrived?.date }).max()
    else {
      throw DossierLogError(file: log.file, line: 0, column: 0, expected: "at least one row that can be used",
                            found: "\(log.records.count) row\(log.records.count == 1 ? "" : "s"), every one with a problem ("
                              + (problems.first.map { $0.description } ?? "") + ")")
    }
    guard last.dayNumber - first.dayNumber < Self.longestPeriod else {
      let firstLine = pending.first { $0.0.arrived?.date == first }?.0.line ?? 0
      let lastLine = pending.first { $0.0.arrived?.date == last }?.0.line ?? 0
      throw DossierLogError(file: log.file, line: lastLine, column: 1,
                            expected: "arrivals within \(Self.longestPeriod) days",
                            found: "arrivals from \(first) (line \(firstLine)) to \(last) (line \(lastLine))")
    }
    let limit = last.dayNumber + Self.reachBeyond
    // Times beyond the reach, or before the first day, are problems of their own cell.
    var latest = last
    var observations: [Observation] = []
    observations.reserveCapacity(pending.count)
    for (record, procedure, centre, replication) in pending {
      guard let arrived = record.arrived else { continue }
      var excluded = Set(record.problems.flatMap(\.excluded))
      func problem(_ column: LogColumn, _ message: String, _ uses: Set<LogUse>) {
        problems.append(RowProblem(line: record.line, column: column.rawValue, message: message, excluded: uses))
        excluded.formUnion(uses)
      }
      func minutes(_ stamp: Timestamp?, _ column: LogColumn) -> Double? {
        guard let stamp else { return nil }
        guard stamp.date.dayNumber <= limit else {
          problem(column, "\(stamp.date) is more than \(Self.reachBeyond) days after the last arrival (\(last))",
                  DossierRecord.scope[column] ?? [])
          return nil
        }
        if stamp.date > latest { latest = stamp.date }
        // A due date alone is the end of that day.
        return stamp.minutes(since: first, defaultMinute: column == .due ? 1440 : 0)
      }
      var observation = Observation(
        line: record.line, replication: replication, centre: centre, procedure: procedure, channel: record.channel ?? .walkIn,
        arrived: arrived.minutes(since: first), counterStart: minutes(record.counterStart, .counterStart),
        received: minutes(record.received, .received), workStart: minutes(record.workStart, .workStart),
        completed: minutes(record.completed, .completed), due: minutes(record.due, .due), supplement: record.supplement,
        excluded: [])
      func text(_ column: LogColumn) -> String {
        let stamp: Timestamp?
        switch column {
        case .arrived: stamp = record.arrived
        case .counterStart: stamp = record.counterStart
        case .received: stamp = record.received
        case .workStart: stamp = record.workStart
        case .completed: stamp = record.completed
        default: stamp = record.due
        }
        return stamp.map(Self.describe) ?? ""
      }
      func before(_ later: LogColumn, _ laterTime: Double?, _ earlier: LogColumn, _ earlierTime: Double?, _ uses: Set<LogUse>) {
        guard let a = laterTime, let b = earlierTime, a < b else { return }
        problem(later, "\(later.rawValue) \(text(later)) is before \(earlier.rawValue) \(text(earlier))", uses)
      }
      before(.counterStart, observation.counterStart, .arrived, observation.arrived, [.counterTime])
      before(.received, observation.received, .arrived, observation.arrived, LogUse.needingReceipt)
      before(.received, observation.received, .counterStart, observation.counterStart, [.counterTime])
      before(.workStart, observation.workStart, .received, observation.received, [.backOfficeWork])
      before(.completed, observation.completed, .received, observation.received, [.backOfficeWork, .turnaround])
      before(.completed, observation.completed, .workStart, observation.workStart, [.backOfficeWork])
      if let due = observation.due, let received = observation.received, due < received {
        problem(.due, "due \(text(.due)) is before received \(text(.received))", [.deadline])
      }
      if observation.received == nil && record.supplement == false && !record.problems.contains(where: { $0.column == "received" }) {
        if observation.completed != nil {
          problem(.completed, "completed \(text(.completed)) but never received (and no supplement)", [.turnaround, .incomplete])
        } else if observation.workStart != nil {
          problem(.workStart, "back-office work began \(text(.workStart)) but the dossier was never received", [.backOfficeWork])
        }
      }
      observation.excluded = excluded
      observations.append(observation)
    }
    problems.sort { $0.line < $1.line }
    self.problems = problems
    self.observations = observations
    self.centres = centres
    self.templates = templates
    self.replications = replications
    firstDay = first
    lastDay = last
    table = CalendarTable(base.calendar, start: first, days: latest.dayNumber - first.dayNumber + 2,
                          workingDaysAfter: base.longestDeadlineInWorkingDays + 40)
  }

  /// The name among `names` within two edits of `word` (the nearest), if any.
  static func nearest(_ word: String, among names: [String]) -> String? {
    guard word.count <= 64 else { return nil }
    func distance(_ a: [Character], _ b: [Character]) -> Int {
      guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
      var previous = Array(0...b.count)
      for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
          current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
      }
      return previous[b.count]
    }
    let lower = Array(word.lowercased())
    let best = names.map { (name: $0, distance: distance(lower, Array($0))) }.min { $0.distance < $1.distance }
    return best.flatMap { $0.distance <= 2 ? $0.name : nil }
  }

  /// `YYYY-MM-DD HH:MM` (or the date alone).
  static func describe(_ stamp: Timestamp) -> String {
    guard let minute = stamp.minute else { return "\(stamp.date)" }
    let whole = Int(minute.rounded(.down))
    let seconds = Int(((minute - Double(whole)) * 60).rounded())
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(stamp.date) \(two(whole / 60)):\(two(whole % 60))" + (seconds > 0 ? ":\(two(min(59, seconds)))" : "")
  }

  /// `text` as a scenario identifier (lower-case letters, digits, '-' and '_'), not in
  /// `taken`: diacritics dropped (đ → d), other characters as '-'.
  static func identifier(_ text: String, taken: inout Set<String>) -> String {
    let folded = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
      .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    var id = ""
    for scalar in folded.unicodeScalars {
      if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") || scalar == "_" || scalar == "-" {
        id.unicodeScalars.append(scalar)
      } else if !id.hasSuffix("-") {
        id += "-"
      }
    }
    while id.hasSuffix("-") && id.count > 1 { id.removeLast() }
    while id.hasPrefix("-") && id.count > 1 { id.removeFirst() }
    if id.isEmpty || id == "-" { id = "centre" }
    id = String(id.prefix(60))
    var candidate = id
    var n = 2
    while taken.contains(candidate) {
      candidate = "\(id)-\(n)"
      n += 1
    }
    taken.insert(candidate)
    return candidate
  }
}
