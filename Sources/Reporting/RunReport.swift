//===----------------------------------------------------------------------===//
// The files of `onestop run`: summary.json, daily.csv, procedures.csv, replications.csv.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Experiments
import Localization

/// Renders an ``ExperimentResult`` as the output files of a run.
///
/// - `summary.json`: provenance, every KPI's mean and 95% CI, per centre, channel, pool
///   and procedure (each replication's KPIs are in `replications.csv`);
/// - `daily.csv`: one row per simulated day, mean and 95% CI of each daily quantity;
/// - `procedures.csv`: one row per procedure, mean and 95% CI of each KPI;
/// - `replications.csv`: one row per replication with its KPIs;
/// - `centres.csv`: one row per centre, mean and 95% CI of each centre KPI;
/// - `centres_daily.csv`: one row per (day, centre): each centre's backlog trajectory;
/// - `channels.csv`, `pools.csv`: one row per channel and per staff pool;
/// - `hourly.csv`: one row per hour of the day, the profile of a typical open day;
/// - `wait_distribution.csv`: the share of citizens served within 0, 5, 10 ... 240 min;
/// - `report.html`: the charts and tables for people, self-contained.
public struct RunReport: Sendable {
  /// The result to render.
  public var result: ExperimentResult
  /// Where it came from.
  public var provenance: Provenance
  /// What the loader warned about the scenario (settings without effect ...).
  public var warnings: [ReportedWarning]

  /// The language of `report.html` (the data files are the same in every language).
  public var language: Language

  /// A report of `result`, its `report.html` in `language`.
  public init(result: ExperimentResult, provenance: Provenance, warnings: [ReportedWarning] = [], language: Language = .en) {
    self.result = result
    self.provenance = provenance
    self.warnings = warnings
    self.language = language
  }

  /// File name → contents, in a fixed order (every file held in memory at once; see
  /// ``write(to:)``).
  public func files() -> [(name: String, contents: String)] {
    [
      ("summary.json", summaryJSON().rendered()),
      ("daily.csv", dailyTable().rendered()),
      ("procedures.csv", proceduresTable().rendered()),
      ("replications.csv", replicationsTable().rendered()),
    ] + fixedFiles()
  }

  /// The files whose size does not grow with the replications, after replications.csv.
  private func fixedFiles() -> [(name: String, contents: String)] {
    [
      ("centres.csv", centresTable().rendered()),
      ("centres_daily.csv", centresDailyTable().rendered()),
      ("channels.csv", channelsTable().rendered()),
      ("pools.csv", poolsTable().rendered()),
      ("hourly.csv", hourlyTable().rendered()),
      ("wait_distribution.csv", waitDistributionTable().rendered()),
      ("report.html", html(language: language)),
    ] + (result.scenario.windows.isEmpty ? [] : [("windows.csv", windowsTable().rendered())])
  }

  /// Writes every file into `directory` (created if needed), each atomically, then its
  /// manifest (``ResultDirectory``).
  /// `replications.csv` is written row by row from the replications' records, so that
  /// memory does not grow with their number.
  /// - Returns: the paths written.
  @discardableResult
  public func write(to directory: String) throws(OutputError) -> [String] {
    let first: [ResultDirectory.ResultFile] = [
      .init(name: "summary.json", text: summaryJSON().rendered()),
      .init(name: "daily.csv", text: dailyTable().rendered()),
      .init(name: "procedures.csv", text: proceduresTable().rendered()),
      .init(name: "replications.csv") { (file: AtomicFile.Pending) throws(OutputError) in
        var csv = CSVStream(columns: replicationColumns, to: file)
        for replication in result.replications { try csv.append(replicationFields(replication)) }
        try csv.finish()
      },
    ]
    return try ResultDirectory.write(first + fixedFiles().map { .init(name: $0.name, text: $0.contents) }, to: directory)
  }

  // MARK: - summary.json

  /// The summary as JSON.
  public func summaryJSON() -> JSONValue {
    let scenario = result.scenario
    return .object([
      ("scenario", .object([
        ("name", .string(scenario.name)),
        ("description", .string(scenario.description)),
        ("horizon_start", .string(scenario.horizon.start.description)),
        ("horizon_end", .string(scenario.horizon.end.description)),
        ("horizon_days", .number(Double(scenario.horizon.days))),
        ("warm_up_days", .number(Double(scenario.horizon.warmUpDays))),
      ])),
      ("provenance", provenance.json(scenario)),
      ("warnings", warningsJSON()),
      ("confidence_level", .number(0.95)),
      ("events", .number(Double(result.events))),
      ("verdict", verdictJSON()),
      ("demand", demandJSON()),
      ("volume_draw", volumeDrawJSON()),
      ("initial_backlog", initialBacklogJSON()),
      ("windows", .array(zip(scenario.windows, result.windows).map { window, estimates in
        .object([("from", .string(window.from.description)), ("to", .string(window.to.description)), ("kpis", estimatesJSON(estimates))])
      })),
      ("kpis", estimatesJSON(result.totals)),
      ("centres", .array(zip(scenario.centres, result.centres).map { centre, estimates in
        .object([("id", .string(centre.id)), ("kpis", estimatesJSON(estimates))])
      })),
      ("channels", .array(zip(Channel.allCases, result.channels).map { channel, estimates in
        .object([("id", .string(channel.id)), ("kpis", estimatesJSON(estimates))])
      })),
      ("pools", .array(zip(result.poolNames, result.pools).map { name, estimates in
        .object([("kind", .string(name.kind)), ("id", .string(name.name)), ("kpis", estimatesJSON(estimates))])
      })),
      ("procedures", .array(zip(scenario.procedures, result.procedures).map { procedure, estimates in
        .object([
          ("id", .string(procedure.id)),
          ("name", .string(procedure.name)),
          ("deadline", .string(procedure.deadline.description)),
          ("kpis", estimatesJSON(estimates)),
        ])
      })),
      // Each replication's KPIs are in replications.csv, so that this file stays small for any number of them.
      ("replications_file", .string("replications.csv")),
    ])
  }

  private func warningsJSON() -> JSONValue {
    .array(warnings.map { warning -> JSONValue in
      .object([("location", .string(warning.location)), ("key_path", .string(warning.keyPath)), ("message", .string(warning.message))])
    })
  }

  private func volumeDrawJSON() -> JSONValue {
    guard let draw = result.scenario.volumeDraw else { return .null }
    return .object([("mode", .string(draw.mode.rawValue)), ("seed", .string(String(draw.seed))),
                    ("centres", .number(Double(draw.centres.count)))])
  }

  private func verdictJSON() -> JSONValue {
    let verdict = BacklogVerdict(result)
    return .object([
      ("backlog", .string(verdict.state.rawValue)),
      ("backlog_trend_per_week", estimateJSON(verdict.trend)),
      ("trend_window_days", .number(Double(verdict.windowDays))),
      ("sentence", .string(verdict.sentence)),
    ])
  }

  private func demandJSON() -> JSONValue {
    let demand = DemandSpread(result.scenario)
    return .object([
      ("replayed", .bool(demand.replayed)),
      ("weekly_volume", .finite(demand.weeklyVolume)),
      ("extra_day_demand", .string(demand.rule.rawValue)),
      ("rule_applies", .bool(demand.ruleApplies)),
      ("share_by_weekday", .object(Weekday.allCases.map { ($0.name, .finite(demand.shares[$0.rawValue])) })),
    ])
  }

  private func initialBacklogJSON() -> JSONValue {
    guard let initial = InitialBacklogSummary(result) else { return .null }
    var cleared: [(String, JSONValue)] = [("replications", .number(Double(initial.clearedIn))), ("day", estimateJSON(initial.clearedDay))]
    if let range = initial.clearedDayRange {
      cleared += [("first_day", .number(Double(range.first))), ("median_day", .number(range.median)), ("last_day", .number(Double(range.last)))]
    }
    return .object([
      ("count", .number(Double(initial.count))),
      ("past_due_at_start", .number(Double(initial.pastDueAtStart))),
      ("earliest_receipt", .string(initial.earliestReceipt.description)),
      ("latest_receipt", .string(initial.latestReceipt.description)),
      ("holidays_before_horizon", .array(initial.holidaysBefore.map { .string($0.description) })),
      ("replications", .number(Double(initial.replications))),
      ("cleared", .object(cleared)),
      ("overdue_initial", estimateJSON(initial.overdueInitial)),
      ("overdue_new", estimateJSON(initial.overdueNew)),
      ("sentence", .string(initial.clearedSentence(result.scenario))),
    ])
  }

  private func estimateJSON(_ e: Estimate) -> JSONValue {
    .object([("mean", .finite(e.mean)), ("ci95_low", .finite(e.low)), ("ci95_high", .finite(e.high)), ("n", .number(Double(e.count)))])
  }

  private func estimatesJSON<M: Measure>(_ estimates: Estimates<M>) -> JSONValue {
    .object(M.allCases.map { measure in
      let e = estimates[measure]
      return (measure.id, .object([
        ("label", .string(measure.label)),
        ("unit", .string(measure.unit)),
        ("mean", .finite(e.mean)),
        ("ci95_low", .finite(e.low)),
        ("ci95_high", .finite(e.high)),
        ("sd", .finite(e.standardDeviation)),
        ("n", .number(Double(e.count))),
      ]))
    })
  }

  // MARK: - CSV

  /// One row per day: calendar columns, then `<measure>_mean`, `_low`, `_high`.
  public func dailyTable() -> CSVTable {
    let scenario = result.scenario
    let calendar = scenario.calendarTable()
    var table = CSVTable(columns: ["day", "date", "weekday", "working_day", "open_minutes"] + estimateColumns(DayMeasure.self))
    for (day, estimates) in result.days.enumerated() {
      let date = calendar.date(ofDay: day)
      table.append([
        String(day), date.description, date.weekday.shortName, calendar.isWorkingDay(day) ? "1" : "0",
        CSVTable.field(calendar.openMinutes(ofDay: day)),
      ] + estimateFields(estimates))
    }
    return table
  }

  /// One row per procedure.
  public func proceduresTable() -> CSVTable {
    let scenario = result.scenario
    var table = CSVTable(columns: ["procedure", "name", "share", "deadline"] + estimateColumns(ProcedureMeasure.self))
    for (procedure, estimates) in zip(scenario.procedures, result.procedures) {
      table.append([procedure.id, procedure.name, CSVTable.field(procedure.share), procedure.deadline.description]
        + estimateFields(estimates))
    }
    return table
  }

  /// One row per replication.
  public func replicationsTable() -> CSVTable {
    var table = CSVTable(columns: replicationColumns)
    for replication in result.replications { table.append(replicationFields(replication)) }
    return table
  }

  private var replicationColumns: [String] { ["replication", "events"] + RunMeasure.ids }

  private func replicationFields(_ replication: ReplicationRecord) -> [String] {
    [String(replication.replication), String(replication.events)] + RunMeasure.allCases.map { CSVTable.field(replication.totals[$0]) }
  }

  /// One row per centre.
  public func centresTable() -> CSVTable {
    let scenario = result.scenario
    var table = CSVTable(columns: ["centre", "counter_staff", "back_office_staff", "daily_volume"]
      + estimateColumns(CentreMeasure.self))
    for (centre, estimates) in zip(scenario.centres, result.centres) {
      table.append([centre.id, String(centre.counterStaff), String(centre.backOfficeStaff),
                    CSVTable.field(centre.arrivals.dailyVolume)] + estimateFields(estimates))
    }
    return table
  }

  /// One row per (day, centre).
  public func centresDailyTable() -> CSVTable {
    let scenario = result.scenario
    let calendar = scenario.calendarTable()
    let count = scenario.centres.count
    var table = CSVTable(columns: ["day", "date", "centre"] + estimateColumns(CentreDayMeasure.self))
    for day in 0..<scenario.horizon.days {
      let date = calendar.date(ofDay: day).description
      for c in 0..<count {
        table.append([String(day), date, scenario.centres[c].id] + estimateFields(result.centreDays[day * count + c]))
      }
    }
    return table
  }

  /// One row per report window: its cohort's figures at the window's end.
  public func windowsTable() -> CSVTable {
    var table = CSVTable(columns: ["from", "to"] + estimateColumns(WindowMeasure.self))
    for (window, estimates) in zip(result.scenario.windows, result.windows) {
      table.append([window.from.description, window.to.description] + estimateFields(estimates))
    }
    return table
  }

  /// One row per channel.
  public func channelsTable() -> CSVTable {
    var table = CSVTable(columns: ["channel"] + estimateColumns(ChannelMeasure.self))
    for (channel, estimates) in zip(Channel.allCases, result.channels) {
      table.append([channel.id] + estimateFields(estimates))
    }
    return table
  }

  /// One row per hour of the day (0–23): arrivals, queue, staff and waits of a typical
  /// open day after the warm-up.
  public func hourlyTable() -> CSVTable {
    var table = CSVTable(columns: ["hour", "from", "to"] + estimateColumns(HourMeasure.self))
    for (hour, estimates) in result.hours.enumerated() {
      table.append([String(hour), clock(hour), clock(hour + 1)] + estimateFields(estimates))
    }
    return table
  }

  /// One row per wait band: the share of citizens served who waited at most that long.
  public func waitDistributionTable() -> CSVTable {
    var table = CSVTable(columns: ["waited_at_most_min", "share_mean", "share_low", "share_high"])
    for band in WaitBand.allCases {
      let e = result.waitShares[band]
      table.append([CSVTable.field(band.minutes), CSVTable.field(e.mean), CSVTable.field(e.low), CSVTable.field(e.high)])
    }
    return table
  }

  private func clock(_ hour: Int) -> String { (hour < 10 ? "0" : "") + "\(hour):00" }

  /// One row per staff pool (counter groups and back-office pools, over all centres).
  public func poolsTable() -> CSVTable {
    var table = CSVTable(columns: ["kind", "pool"] + estimateColumns(PoolMeasure.self))
    for (name, estimates) in zip(result.poolNames, result.pools) {
      table.append([name.kind, name.name] + estimateFields(estimates))
    }
    return table
  }

  private func estimateColumns<M: Measure>(_: M.Type) -> [String] {
    M.allCases.flatMap { ["\($0.id)_mean", "\($0.id)_low", "\($0.id)_high"] }
  }

  private func estimateFields<M: Measure>(_ estimates: Estimates<M>) -> [String] {
    var fields: [String] = []
    fields.reserveCapacity(3 * M.allCases.count)
    for measure in M.allCases {
      let e = estimates[measure]
      fields.append(CSVTable.field(e.mean))
      fields.append(CSVTable.field(e.low))
      fields.append(CSVTable.field(e.high))
    }
    return fields
  }
}
