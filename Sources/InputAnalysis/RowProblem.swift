//===----------------------------------------------------------------------===//
// Rows of a dossier log that cannot be used, and what they are left out of.
//===----------------------------------------------------------------------===//

/// An estimate made from a dossier log, for saying which ones a bad row is left out of.
public enum LogUse: String, CaseIterable, Sendable, Hashable, Comparable {
  /// The daily volume, weekday factors, procedure mix and channel shares (every row
  /// counts as an arrival): a row left out of these is left out of everything.
  case arrivals
  /// The hour-of-day profile and the Poisson check (the arrival's time of day).
  case hourlyProfile = "hourly_profile"
  /// Counter times (`counter_start` to `received`).
  case counterTime = "counter_time"
  /// Back-office work (`work_start` to `completed`).
  case backOfficeWork = "back_office_work"
  /// The observed turnaround (`received` to `completed`).
  case turnaround
  /// Deadlines (`received` to `due`).
  case deadline
  /// The shares of dossiers needing a supplement (`supplement`).
  case incomplete

  /// The estimate's name in messages.
  public var label: String {
    switch self {
    case .arrivals: return "arrivals"
    case .hourlyProfile: return "hourly profile"
    case .counterTime: return "counter time"
    case .backOfficeWork: return "back-office work"
    case .turnaround: return "turnaround"
    case .deadline: return "deadline"
    case .incomplete: return "supplements"
    }
  }

  public static func < (a: LogUse, b: LogUse) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }

  /// Every use (a row left out of the arrivals is left out of all of them).
  public static let everything = Set(allCases)
  /// The uses that need the `received` time.
  static let needingReceipt: Set<LogUse> = [.counterTime, .backOfficeWork, .turnaround, .deadline, .incomplete]
}

/// A problem with one row of a dossier log: where, what, and the estimates the row is
/// left out of because of it (only those it would corrupt).
public struct RowProblem: Sendable, Hashable, CustomStringConvertible {
  /// The row's line in the file (from 1; the header is line 1).
  public var line: Int
  /// The column at fault (`completed`), or "" for the row as a whole.
  public var column: String
  /// What is wrong, in words ("completed 2025-07-01 09:00 is before received 2025-07-01 10:00").
  public var message: String
  /// The estimates the row is left out of.
  public var excluded: Set<LogUse>

  /// A problem on `line` at `column`.
  public init(line: Int, column: String, message: String, excluded: Set<LogUse>) {
    self.line = line
    self.column = column
    self.message = message
    self.excluded = excluded
  }

  /// `row 17 (completed): completed ... is before received ... (left out of: back-office work, turnaround)`.
  public var description: String {
    let out = excluded.contains(.arrivals) ? "left out of every estimate"
      : "left out of: \(excluded.sorted().map(\.label).joined(separator: ", "))"
    return "row \(line)\(column.isEmpty ? "" : " (\(column))"): \(message) (\(out))"
  }
}

/// The rows of a log with problems, summed up.
public struct RowProblems: Sendable {
  /// Every problem, by line, then in the order found.
  public var problems: [RowProblem]
  /// Rows read (after the header).
  public var rowsRead: Int

  /// How many problems are listed one by one in the console and the reports.
  public static let listed = 20

  /// The lines with at least one problem.
  public var rowsWithProblems: Int { Set(problems.map(\.line)).count }
  /// The lines left out of every estimate.
  public var rowsDropped: Int { Set(problems.filter { $0.excluded.contains(.arrivals) }.map(\.line)).count }
  /// Rows used for the arrivals (every row not dropped).
  public var rowsUsed: Int { rowsRead - rowsDropped }

  /// Lines left out of each use, in ``LogUse`` order.
  public var excludedByUse: [(use: LogUse, rows: Int)] {
    LogUse.allCases.map { use in
      (use, Set(problems.filter { $0.excluded.contains(use) || $0.excluded.contains(.arrivals) }.map(\.line)).count)
    }
  }

  /// The first ``listed`` problems' descriptions, then a line counting the rest.
  public var listing: [String] {
    var lines = problems.prefix(Self.listed).map(\.description)
    if problems.count > Self.listed {
      lines.append("… and \(problems.count - Self.listed) more problem\(problems.count - Self.listed == 1 ? "" : "s")")
    }
    return lines
  }
}
