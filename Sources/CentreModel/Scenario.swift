//===----------------------------------------------------------------------===//
// A complete, validated description of what to simulate.
//===----------------------------------------------------------------------===//

/// Everything a run needs: the experiment settings, the calendar, the procedure
/// catalogue and the centres. Build one with `ScenarioLoader` from a YAML file, or in
/// code; a `Scenario` is assumed valid (the loader checks everything).
public struct Scenario: Sendable, Hashable {
  /// Short name, used for the output folder (`results/<name>/`).
  public var name: String
  /// Free text describing the scenario.
  public var description: String
  /// Master seed: every random stream of every replication derives from it.
  public var seed: UInt64
  /// Number of independent replications.
  public var replications: Int
  /// The simulated period.
  public var horizon: Horizon
  /// Opening hours, working days, holidays.
  public var calendar: WorkingCalendar
  /// The procedure catalogue shared by all centres.
  public var procedures: [Procedure]
  /// The centres simulated (one in a commune scenario).
  public var centres: [Centre]
  /// How online dossiers are checked.
  public var onlineIntake: OnlineIntake = .standard
  /// What happens to dossiers found incomplete.
  public var resubmission: Resubmission = .standard
  /// Outage processes.
  public var outages: [OutageProcess] = []
  /// Arrivals replayed from a log, in time order (`nil`: arrivals are drawn).
  public var recordedArrivals: [RecordedArrival]?
  /// Dossiers pending at the start, in receipt order (empty: the run starts empty).
  public var initialBacklog: [PendingDossier] = []
  /// How the volume scales of a generated city are drawn (`nil`: as written).
  public var volumeDraw: VolumeDraw?
  /// Date windows whose arrivals a run follows to each window's end (``DateWindow``).
  public var windows: [DateWindow] = []

  /// A scenario with the given parts.
  public init(
    name: String, description: String = "", seed: UInt64, replications: Int, horizon: Horizon,
    calendar: WorkingCalendar, procedures: [Procedure], centres: [Centre]
  ) {
    self.name = name
    self.description = description
    self.seed = seed
    self.replications = replications
    self.horizon = horizon
    self.calendar = calendar
    self.procedures = procedures
    self.centres = centres
  }

  /// The largest deadline in working days (working-hour deadlines count as one day per
  /// started 8 hours), for sizing calendar tables.
  public var longestDeadlineInWorkingDays: Int {
    procedures.map {
      switch $0.deadline {
      case .workingDays(let n): return n
      case .workingHours(let h): return Int((h / 8).rounded(.up))
      }
    }.max() ?? 0
  }

  /// The calendar laid out over the horizon, with room for the deadlines of dossiers
  /// received on the last day and for citizens returning after it, and reaching back to
  /// the earliest receipt of the initial backlog.
  public func calendarTable() -> CalendarTable {
    CalendarTable(calendar, start: horizon.start, days: horizon.days, workingDaysAfter: longestDeadlineInWorkingDays + 40,
                  daysBefore: daysBeforeHorizon)
  }

  /// Whole days before the horizon back to the earliest receipt of the initial backlog.
  public var daysBeforeHorizon: Int {
    guard let earliest = initialBacklog.lazy.map(\.received).min(), earliest < 0 else { return 0 }
    return Int((-earliest / 1440).rounded(.up))
  }

  /// The procedure groups, in catalogue order of first appearance.
  public var procedureGroups: [String] {
    var groups: [String] = []
    for procedure in procedures where !groups.contains(procedure.group) { groups.append(procedure.group) }
    return groups
  }
}

/// The simulated period: whole days from a start date.
public struct Horizon: Sendable, Hashable {
  /// The first simulated day (the run starts at 00:00 on it).
  public var start: CivilDate
  /// Number of days simulated; the run ends at 24:00 on the last one.
  public var days: Int
  /// Days at the start whose waiting times, queues, utilisation and turnaround are left
  /// out of the statistics (a steady-state study's warm-up). Counts of dossiers (arrived,
  /// completed, overdue, the backlog) always cover the whole horizon, and so do the daily
  /// rows.
  public var warmUpDays: Int

  /// `days` days from `start`, the first `warmUpDays` of them a warm-up.
  public init(start: CivilDate, days: Int, warmUpDays: Int = 0) {
    self.start = start
    self.days = days
    self.warmUpDays = warmUpDays
  }

  /// The last simulated day.
  public var end: CivilDate { start.adding(days: days - 1) }
}

/// A window of dates over which a run reports the cohort of dossiers that arrived in it
/// and their state at its end (how many arrived, online, were completed, on time, are
/// overdue): the figures published for a period ("38,321 received from 1 to 8 July,
/// 87.88% processed") are of this kind.
public struct DateWindow: Sendable, Hashable, CustomStringConvertible {
  /// First and last days (both included).
  public var from: CivilDate
  public var to: CivilDate

  /// The window `from`...`to`.
  public init(from: CivilDate, to: CivilDate) {
    self.from = from
    self.to = to
  }

  /// `YYYY-MM-DD..YYYY-MM-DD`.
  public var description: String { "\(from)..\(to)" }

  /// Reads `YYYY-MM-DD..YYYY-MM-DD` (or one date, a window of one day).
  public init?(parsing text: String) {
    let trimmed = text.filter { $0 != " " }
    let parts: [Substring]
    if let range = trimmed.firstRange(of: "..") {
      parts = [trimmed[..<range.lowerBound], trimmed[range.upperBound...]]
    } else {
      parts = [trimmed[...]]
    }
    guard let from = CivilDate(iso: String(parts[0])), let to = CivilDate(iso: String(parts[parts.count - 1])), to >= from else {
      return nil
    }
    self.init(from: from, to: to)
  }
}
