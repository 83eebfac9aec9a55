//===----------------------------------------------------------------------===//
// Folding replications, one by one in replication order, into an experiment's result.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation

/// An experiment's aggregate built one replication at a time, in replication order, so
/// that memory does not grow with the number of replications: each figure keeps its
/// running ``Moments``, and each replication leaves only its ``ReplicationRecord`` (in a
/// ``ReplicationLog``, which spills to a temporary file).
///
/// Folding the same results in the same order gives the same aggregate, bit for bit;
/// the runners fold in replication order whatever thread finished a replication first.
/// A copy shares its log with the original: fold into one of them only.
public struct ExperimentAccumulator: Sendable {
  /// The scenario whose replications are folded.
  public let scenario: Scenario
  /// The pools reported: (kind, name).
  public let poolNames: [(kind: String, name: String)]
  /// Whether each record keeps its replication's per-centre KPIs.
  public let keepsCentres: Bool
  /// The replication expected next.
  public private(set) var next = 0

  private var totals = MomentTable<RunMeasure>(rows: 1)
  private var procedures: MomentTable<ProcedureMeasure>
  private var centres: MomentTable<CentreMeasure>
  private var channels = MomentTable<ChannelMeasure>(rows: Channel.allCases.count)
  private var pools: MomentTable<PoolMeasure>
  private var days: MomentTable<DayMeasure>
  private var centreDays: MomentTable<CentreDayMeasure>
  private var hours = MomentTable<HourMeasure>(rows: 24)
  private var waitShares = MomentTable<WaitBand>(rows: 1)
  private var windows: MomentTable<WindowMeasure>
  private var counterLoadByHour: [Int] = []
  private var events: UInt64 = 0
  private let log: ReplicationLog

  /// An empty aggregate of `scenario`'s replications, whose pools are `poolNames`
  /// (`ModelPlan.reportPools`).
  public init(scenario: Scenario, poolNames: [(kind: String, name: String)], keepsCentres: Bool = false) {
    self.scenario = scenario
    self.poolNames = poolNames
    self.keepsCentres = keepsCentres
    procedures = MomentTable(rows: scenario.procedures.count)
    centres = MomentTable(rows: scenario.centres.count)
    pools = MomentTable(rows: poolNames.count)
    days = MomentTable(rows: scenario.horizon.days)
    centreDays = MomentTable(rows: scenario.horizon.days * scenario.centres.count)
    windows = MomentTable(rows: scenario.windows.count)
    log = ReplicationLog(windows: scenario.windows.count, centres: keepsCentres ? scenario.centres.count : 0)
  }

  /// Replications folded so far.
  public var count: Int { next }

  /// The running estimate of run-level `measure` over the replications folded so far.
  public func estimate(_ measure: RunMeasure) -> Estimate { totals.estimate(row: 0, measure) }

  /// Folds in `result`, which must be replication ``next``.
  public mutating func add(_ result: ReplicationResult) {
    precondition(result.replication == next, "replication \(result.replication) folded where \(next) was expected")
    next += 1
    events += result.events
    totals.add(result.totals, row: 0)
    for (p, m) in result.procedures.enumerated() { procedures.add(m, row: p) }
    for (c, m) in result.centres.enumerated() { centres.add(m, row: c) }
    for (k, m) in result.channels.enumerated() { channels.add(m, row: k) }
    for (r, m) in result.pools.enumerated() { pools.add(m, row: r) }
    for (d, m) in result.days.enumerated() { days.add(m, row: d) }
    for (i, m) in result.centreDays.enumerated() { centreDays.add(m, row: i) }
    for (h, m) in result.hours.enumerated() { hours.add(m, row: h) }
    waitShares.add(result.waitShares, row: 0)
    var record = ReplicationRecord(result, keepsCentres: keepsCentres)
    if record.windows.count != scenario.windows.count {  // a replication stopped before measuring its windows
      record.windows = Array(repeating: Measurements(), count: scenario.windows.count)
    } else {
      for (w, m) in result.windows.enumerated() { windows.add(m, row: w) }
    }
    log.append(record)
    if !result.counterLoadByHour.isEmpty {
      if counterLoadByHour.isEmpty {
        counterLoadByHour = result.counterLoadByHour
      } else {
        for i in counterLoadByHour.indices { counterLoadByHour[i] += result.counterLoadByHour[i] }
      }
    }
  }

  /// The aggregate of the replications folded so far. The accumulator is spent: its
  /// log belongs to the result from then on.
  public consuming func result() -> ExperimentResult {
    ExperimentResult(
      scenario: scenario, replications: log, poolNames: poolNames,
      totals: totals.estimates()[0], procedures: procedures.estimates(), centres: centres.estimates(),
      channels: channels.estimates(), pools: pools.estimates(), days: days.estimates(), centreDays: centreDays.estimates(),
      hours: hours.estimates(), waitShares: waitShares.estimates()[0], windows: windows.estimates(),
      counterLoadByHour: counterLoadByHour, events: events)
  }
}

/// Running moments of every measure of family `M`, for `rows` rows (days, centres ...).
struct MomentTable<M: Measure>: Sendable {
  private var moments: [Moments]
  private let width = M.allCases.count

  init(rows: Int) { moments = Array(repeating: Moments(), count: rows * M.allCases.count) }

  @inline(__always)
  mutating func add(_ measurements: Measurements<M>, row: Int) {
    let base = row * width
    for (i, value) in measurements.values.enumerated() { moments[base + i].add(value) }
  }

  func estimate(row: Int, _ measure: M) -> Estimate { moments[row * width + measure.index].estimate() }

  func estimates() -> [Estimates<M>] {
    stride(from: 0, to: moments.count, by: width).map { base in
      Estimates(values: moments[base..<base + width].map { $0.estimate() })
    }
  }
}
