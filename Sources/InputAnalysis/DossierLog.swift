//===----------------------------------------------------------------------===//
// A centre's dossier log, as the one-door software exports it.
//===----------------------------------------------------------------------===//

import CentreModel
import Foundation
import ScenarioFormat

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The columns of a dossier log.
public enum LogColumn: String, CaseIterable, Sendable {
  case dossier, centre, procedure, arrived, channel
  case counterStart = "counter_start"
  case received
  case workStart = "work_start"
  case completed, due, supplement, replication

  /// The columns every log must have.
  public static let required: [LogColumn] = [.dossier, .centre, .procedure, .arrived]
}

/// A dossier log: one row per dossier, as the centres' one-door software exports it
/// (and as `onestop run --trace FILE --trace-format log` writes it).
///
/// The schema (a CSV file with a header; any column order; comma or semicolon; quoted
/// fields allowed, as ``CSVReader`` reads them):
///
/// | column | required | meaning |
/// |---|---|---|
/// | `dossier` | yes | the dossier's number (a second row with the same number, centre and replication is refused) |
/// | `centre` | yes | the centre that received it |
/// | `procedure` | yes | a procedure id of the base scenario |
/// | `arrived` | yes | the ticket (walk-in) or submission (online, service point) time |
/// | `channel` | no | `walk_in` (default), `online` or `service_point` |
/// | `counter_start` | no | when a clerk called the citizen (walk-ins) |
/// | `received` | no | end of reception: the dossier accepted as complete; empty when it was handed back at reception |
/// | `work_start` | no | when back-office work on it began |
/// | `completed` | no | when it was completed |
/// | `due` | no | its due date (a date alone: that day) |
/// | `supplement` | no | `yes`/`no` (also `true`/`false`, `1`/`0`, `có`/`không`; empty: no): papers were asked for; with `received` empty at reception, with `received` set by the back office |
/// | `replication` | no | which independent copy of the period the row belongs to (a simulated trace writes several) |
///
/// Times are `YYYY-MM-DD` or `DD/MM/YYYY` with a time `HH:MM[:SS]` (``Timestamp``);
/// `arrived`, `counter_start`, `received`, `work_start` and `completed` need the time of
/// day. A leading `'` before `=`, `+`, `-` or `@` (a spreadsheet's formula guard) is
/// removed. Other columns are ignored (and named in a warning).
///
/// A file that is not such a log (no header, a required column missing, a column
/// twice, a quote left open, not UTF-8) is refused with a ``DossierLogError`` at its
/// line and column. A row with a cell that cannot be read is kept, with a
/// ``RowProblem`` that says which estimates it is left out of.
public struct DossierLog: Sendable {
  /// The file as named by the user.
  public let file: String
  /// SHA-256 of the file's bytes, lowercase hex.
  public let sha256: String
  /// The rows, in file order.
  public let records: [DossierRecord]
  /// The known columns present.
  public let columns: [LogColumn]
  /// Columns the reader does not know (ignored), with their positions (column number).
  public let unknownColumns: [(name: String, column: Int)]

  /// The largest log read.
  public static let sizeLimit = 256 << 20

  /// Reads the log at `path`.
  /// - Throws: a ``DossierLogError`` when the file cannot be read or is not a dossier log.
  public static func read(path: String) throws(DossierLogError) -> DossierLog {
    func refuse(_ expected: String, _ found: String) -> DossierLogError {
      DossierLogError(file: path, line: 0, column: 0, expected: expected, found: found)
    }
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw refuse("a readable dossier log (CSV)", errno == ENOENT ? "no file at '\(path)'" : "'\(path)' (\(String(cString: strerror(errno))))")
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw refuse("a dossier log (CSV)", "'\(path)', which is not a regular file")
    }
    guard Int(info.st_size) <= sizeLimit else {
      throw refuse("a dossier log of at most \(sizeLimit >> 20) MiB", "'\(path)' of \(Int(info.st_size) >> 20) MiB")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw refuse("a readable dossier log (CSV)", "'\(path)', which cannot be read")
    }
    let bytes = [UInt8](data)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      let (line, column, byte) = firstInvalidUTF8(bytes)
      let found = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        ? "a UTF-16 byte-order mark: the file is UTF-16, save it as UTF-8"
        : "the byte 0x\(String(byte, radix: 16, uppercase: true)), which is not UTF-8 (save the file as UTF-8)"
      throw DossierLogError(file: path, line: line, column: column, expected: "a UTF-8 text file", found: found)
    }
    return try DossierLog(text: text, file: path, sha256: SHA256.hex(bytes))
  }

  /// Reads a log from `text`; `file` names it in messages.
  /// - Throws: a ``DossierLogError`` when the text is not a dossier log.
  public init(text: String, file: String, sha256: String? = nil) throws(DossierLogError) {
    self.file = file
    self.sha256 = sha256 ?? SHA256.hex(Array(text.utf8))
    let csv = CSVReader(text)
    let schema = "a header naming the columns dossier, centre, procedure and arrived (optionally also "
      + "channel, counter_start, received, work_start, completed, due, supplement, replication)"
    if let problem = csv.problem {
      throw DossierLogError(file: file, line: problem.line, column: problem.column, expected: "a closing quote '\"'",
                            found: problem.text)
    }
    guard let header = csv.headerRow else {
      throw DossierLogError(file: file, line: 1, column: 1, expected: schema, found: "an empty file")
    }
    var indices: [LogColumn: Int] = [:]
    var unknown: [(String, Int)] = []
    for (i, name) in csv.header.enumerated() {
      let field = header.fields[i]
      if let column = LogColumn(rawValue: name) {
        if indices[column] != nil {
          throw DossierLogError(file: file, line: field.line, column: field.column, expected: "each column once",
                                found: "a second '\(name)' column")
        }
        indices[column] = i
      } else {
        unknown.append((field.text, i + 1))
      }
    }
    let missing = LogColumn.required.filter { indices[$0] == nil }
    if !missing.isEmpty {
      let written = header.fields.map(\.text).joined(separator: String(csv.separator))
      let found: String
      if indices.isEmpty {
        let looksLikeData = header.fields.contains { Timestamp($0.text) != nil || Double($0.text) != nil }
        found = "'\(Self.excerpt(written))'" + (looksLikeData ? ", which looks like a row of data: the file has no header" : "")
      } else {
        found = "no column \(missing.map { "'\($0.rawValue)'" }.joined(separator: ", ")) in the header '\(Self.excerpt(written))'"
      }
      throw DossierLogError(file: file, line: header.line, column: 1, expected: schema, found: found)
    }
    guard !csv.rows.isEmpty else {
      throw DossierLogError(file: file, line: header.line + 1, column: 1, expected: "at least one dossier after the header",
                            found: "no row")
    }
    columns = LogColumn.allCases.filter { indices[$0] != nil }
    unknownColumns = unknown
    records = csv.rows.map { DossierRecord(row: $0, columns: indices) }
  }

  /// At most 60 characters of `text`, for messages.
  static func excerpt(_ text: String) -> String {
    text.count <= 60 ? text : String(text.prefix(57)) + "..."
  }
}

/// A file that is not a dossier log, located at its line and column (0: the file as a
/// whole), with what was expected and what was found.
public struct DossierLogError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file as named by the user.
  public var file: String
  /// The line (from 1; 0 when the file as a whole is at fault).
  public var line: Int
  /// The column, in characters (from 1).
  public var column: Int
  /// What a dossier log has there.
  public var expected: String
  /// What the file has.
  public var found: String

  /// Compiler-style: `file:line:column: error: expected X, found Y`.
  public var description: String {
    "\(line > 0 ? "\(file):\(line):\(column)" : file): error: expected \(expected), found \(found)"
  }
}

/// One row of a dossier log, its cells read.
public struct DossierRecord: Sendable {
  /// The row's line in the file.
  public var line: Int
  /// The replication it belongs to ("" without a `replication` column).
  public var replication: String
  /// The dossier's number.
  public var dossier: String
  /// The centre, as written.
  public var centre: String
  /// The procedure, as written.
  public var procedure: String
  /// The channel (`walkIn` when the cell is empty or the column absent; `nil` when it
  /// cannot be read).
  public var channel: Channel?
  /// The times; `nil` when the cell is empty (or cannot be read: see ``problems``).
  public var arrived: Timestamp?
  public var counterStart: Timestamp?
  public var received: Timestamp?
  public var workStart: Timestamp?
  public var completed: Timestamp?
  public var due: Timestamp?
  /// Whether a supplement was asked for (`false` when the cell is empty or the column
  /// absent; `nil` when it cannot be read).
  public var supplement: Bool?
  /// The cells that cannot be read.
  public var problems: [RowProblem] = []

  /// A record with the given cells, for tests and tools.
  public init(
    line: Int, replication: String = "", dossier: String, centre: String, procedure: String, channel: Channel? = .walkIn,
    arrived: Timestamp?, counterStart: Timestamp? = nil, received: Timestamp? = nil,
    workStart: Timestamp? = nil, completed: Timestamp? = nil, due: Timestamp? = nil, supplement: Bool? = false
  ) {
    self.line = line
    self.replication = replication
    self.dossier = dossier
    self.centre = centre
    self.procedure = procedure
    self.channel = channel
    self.arrived = arrived
    self.counterStart = counterStart
    self.received = received
    self.workStart = workStart
    self.completed = completed
    self.due = due
    self.supplement = supplement
  }

  /// What each time column, unreadable, leaves the row out of.
  static let scope: [LogColumn: Set<LogUse>] = [
    .arrived: LogUse.everything,
    .counterStart: [.counterTime],
    .received: LogUse.needingReceipt,
    .workStart: [.backOfficeWork],
    .completed: [.backOfficeWork, .turnaround, .incomplete],
    .due: [.deadline],
  ]

  init(row: CSVReader.Row, columns: [LogColumn: Int]) {
    let line = row.line
    var problems: [RowProblem] = []
    func cell(_ column: LogColumn) -> String {
      guard let index = columns[column], let field = row[index] else { return "" }
      return Self.unguarded(field.text)
    }
    func text(_ column: LogColumn) -> String {
      let value = cell(column)
      if value.isEmpty && LogColumn.required.contains(column) && column != .dossier {
        problems.append(RowProblem(line: line, column: column.rawValue, message: "no \(column.rawValue)",
                                   excluded: LogUse.everything))
      }
      return value
    }
    func time(_ column: LogColumn) -> Timestamp? {
      let value = cell(column)
      guard !value.isEmpty else {
        if column == .arrived {
          problems.append(RowProblem(line: line, column: column.rawValue, message: "no arrival time", excluded: LogUse.everything))
        }
        return nil
      }
      guard let stamp = Timestamp(value) else {
        problems.append(RowProblem(line: line, column: column.rawValue,
                                   message: "'\(DossierLog.excerpt(value))' is not \(Timestamp.expected)",
                                   excluded: Self.scope[column] ?? []))
        return nil
      }
      if stamp.minute == nil && column != .due {
        let excluded: Set<LogUse> = column == .arrived ? [.hourlyProfile] : Self.scope[column] ?? []
        problems.append(RowProblem(line: line, column: column.rawValue,
                                   message: "'\(DossierLog.excerpt(value))' has no time of day", excluded: excluded))
        return column == .arrived ? stamp : nil
      }
      return stamp
    }
    let replication = columns[.replication] == nil ? "" : cell(.replication)
    if columns[.replication] != nil && replication.isEmpty {
      problems.append(RowProblem(line: line, column: "replication", message: "no replication", excluded: LogUse.everything))
    }
    let dossier = text(.dossier)
    let centre = text(.centre)
    let procedure = text(.procedure)
    let channelText = cell(.channel)
    var channel: Channel?
    if channelText.isEmpty {
      channel = .walkIn
    } else if let value = Self.channel(channelText) {
      channel = value
    } else {
      problems.append(RowProblem(line: line, column: "channel",
                                 message: "'\(DossierLog.excerpt(channelText))' is not walk_in, online or service_point",
                                 excluded: LogUse.everything))
    }
    let arrived = time(.arrived)
    let counterStart = time(.counterStart)
    let received = time(.received)
    let workStart = time(.workStart)
    let completed = time(.completed)
    let due = time(.due)
    let flag = cell(.supplement)
    var supplement: Bool?
    if flag.isEmpty {
      supplement = false
    } else if let value = Self.yesNo(flag) {
      supplement = value
    } else {
      problems.append(RowProblem(line: line, column: "supplement",
                                 message: "'\(DossierLog.excerpt(flag))' is not yes or no (true/false, 1/0, có/không)",
                                 excluded: [.incomplete, .backOfficeWork, .turnaround]))
    }
    self.init(line: line, replication: replication, dossier: dossier, centre: centre, procedure: procedure, channel: channel,
              arrived: arrived, counterStart: counterStart, received: received, workStart: workStart, completed: completed,
              due: due, supplement: supplement)
    self.problems = problems
  }

  /// A cell without a spreadsheet's formula guard (a `'` before `=`, `+`, `-` or `@`).
  static func unguarded(_ text: String) -> String {
    guard text.hasPrefix("'"), let next = text.dropFirst().first, "=+-@".contains(next) else { return text }
    return String(text.dropFirst())
  }

  /// A channel as written (`walk_in`, `walk-in`, `online`, `service_point` ...).
  static func channel(_ text: String) -> Channel? {
    switch text.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_") {
    case "walk_in", "walkin": return .walkIn
    case "online": return .online
    case "service_point": return .servicePoint
    default: return nil
    }
  }

  /// `yes`/`no`, `true`/`false`, `1`/`0`, `có`/`không` (any case).
  static func yesNo(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "yes", "y", "true", "1", "có", "co": return true
    case "no", "n", "false", "0", "không", "khong": return false
    default: return nil
    }
  }
}
