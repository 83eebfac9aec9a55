//===----------------------------------------------------------------------===//
// Running the replications of a scenario, in parallel, reproducibly.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Dispatch
import Synchronization

/// The replications of one scenario and their aggregate.
public struct ExperimentResult: Sendable {
  /// The scenario that was run.
  public var scenario: Scenario
  /// Every replication's result, in replication order.
  public var replications: [ReplicationResult]
  /// Run-level KPIs over the replications.
  public var totals: Estimates<RunMeasure>
  /// Per-procedure KPIs over the replications, in catalogue order.
  public var procedures: [Estimates<ProcedureMeasure>]
  /// Per-centre KPIs over the replications, in scenario order.
  public var centres: [Estimates<CentreMeasure>]
  /// Per-channel KPIs over the replications, in `Channel` order.
  public var channels: [Estimates<ChannelMeasure>]
  /// Per-pool KPIs over the replications, in `poolNames` order.
  public var pools: [Estimates<PoolMeasure>]
  /// The pools reported: (kind, name).
  public var poolNames: [(kind: String, name: String)]
  /// Per-day values over the replications, one per day of the horizon.
  public var days: [Estimates<DayMeasure>]
  /// Per day and centre: `centreDays[day * centres + centre]`.
  public var centreDays: [Estimates<CentreDayMeasure>]
  /// Per hour of the day, 0 to 23, over the replications.
  public var hours: [Estimates<HourMeasure>]
  /// The distribution of the counter wait over the replications.
  public var waitShares: Estimates<WaitBand>

  /// Aggregates `replications` (which must be in replication order) of `scenario`.
  public init(scenario: Scenario, replications: [ReplicationResult], poolNames: [(kind: String, name: String)]) {
    self.scenario = scenario
    self.replications = replications
    self.poolNames = poolNames
    totals = Estimates(replications.map(\.totals))
    procedures = scenario.procedures.indices.map { p in Estimates(replications.map { $0.procedures[p] }) }
    centres = scenario.centres.indices.map { c in Estimates(replications.map { $0.centres[c] }) }
    channels = Channel.allCases.map { k in Estimates(replications.map { $0.channels[k.rawValue] }) }
    pools = poolNames.indices.map { r in Estimates(replications.map { $0.pools[r] }) }
    days = (0..<scenario.horizon.days).map { d in Estimates(replications.map { $0.days[d] }) }
    centreDays = (0..<scenario.horizon.days * scenario.centres.count).map { i in
      Estimates(replications.map { $0.centreDays[i] })
    }
    hours = (0..<24).map { h in Estimates(replications.map { $0.hours[h] }) }
    waitShares = Estimates(replications.map(\.waitShares))
  }

  /// With `ModelPlan.recordsLoadByHour`, the samples of every replication together: per
  /// hour h and number n of citizens at the counters, at `h * 257 + min(n, 256)`.
  public var counterLoadByHour: [Int] {
    guard let first = replications.first?.counterLoadByHour, !first.isEmpty else { return [] }
    return replications.dropFirst().reduce(into: first) { sum, r in
      for i in sum.indices { sum[i] += r.counterLoadByHour[i] }
    }
  }

  /// The replications stopped because their dossiers in the system exceeded
  /// `ModelPlan.maxInSystem`, with the day each stopped.
  public var stopped: [(replication: Int, day: Int)] {
    replications.compactMap { r in r.stoppedOnDay.map { (r.replication, $0) } }
  }

  /// Events processed over all replications.
  public var events: UInt64 { replications.reduce(0) { $0 + $1.events } }
}

/// Runs replications.
public enum Experiment {
  /// Runs the scenario's replications on up to `jobs` threads.
  ///
  /// Each replication builds its own state and random streams from (seed, replication
  /// index), and results are stored by index, so the outcome is bit-identical whatever
  /// `jobs` is and whichever replication finishes first.
  ///
  /// - Parameters:
  ///   - jobs: worker threads (at least 1).
  ///   - progress: called after each replication with the number finished so far (from
  ///     a worker thread).
  ///   - observer: receives the timeline of every dossier of replications
  ///     0..<`tracedReplications`, which then run first, one after the other on the
  ///     calling thread, so that it sees one replication's events after another's in
  ///     replication order, never from two threads (for `--trace`).
  ///   - tracedReplications: how many replications, from 0, the observer receives (1 by
  ///     default; at most the scenario's replications).
  ///   - shouldStop: asked before each replication; once it answers `true`, no new
  ///     replication starts and the result holds only those finished.
  public static func run(
    _ scenario: Scenario, jobs: Int = defaultJobs, observer: DossierObserver? = nil, tracedReplications: Int = 1,
    progress: (@Sendable (Int) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil
  ) -> ExperimentResult {
    let plan = ModelPlan(scenario)
    var replications: [ReplicationResult] = []
    var first = 0
    if let observer {
      for index in 0..<min(max(0, tracedReplications), scenario.replications) {
        if index > 0 && shouldStop?() == true {
          return ExperimentResult(scenario: scenario, replications: replications, poolNames: plan.reportPools)
        }
        replications.append(CentreRun(plan: plan, replication: index, observer: observer).run())
        first = index + 1
        progress?(first)
      }
    }
    let offset = first
    replications += run(plan, replications: first..<scenario.replications, jobs: jobs,
                        progress: progress.map { report in { @Sendable done in report(done + offset) } }, shouldStop: shouldStop)
    return ExperimentResult(scenario: scenario, replications: replications, poolNames: plan.reportPools)
  }

  /// Runs replications `indices` of `scenario` and returns their results in index order.
  public static func run(
    _ scenario: Scenario, replications indices: Range<Int>, jobs: Int = defaultJobs
  ) -> [ReplicationResult] {
    run(ModelPlan(scenario), replications: indices, jobs: jobs)
  }

  /// Runs replications `indices` of the compiled scenario `plan`, in index order; with
  /// `shouldStop`, only those finished before it answered `true`.
  public static func run(
    _ plan: ModelPlan, replications indices: Range<Int>, jobs: Int = defaultJobs,
    progress: (@Sendable (Int) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil
  ) -> [ReplicationResult] {
    guard !indices.isEmpty else { return [] }
    let state = Mutex(Progress(next: indices.lowerBound, results: Array(repeating: nil, count: indices.count)))
    let workers = max(1, min(jobs, indices.count))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        if shouldStop?() == true { return }
        let index: Int? = state.withLock { progress in
          guard progress.next < indices.upperBound else { return nil }
          defer { progress.next += 1 }
          return progress.next
        }
        guard let index else { return }
        let result = CentreRun(plan: plan, replication: index).run()
        let done = state.withLock { progress in
          progress.results[index - indices.lowerBound] = result
          progress.finished += 1
          return progress.finished
        }
        progress?(done)
      }
    }
    return state.withLock { $0.results.compactMap { $0 } }
  }

  /// One worker per core.
  public static var defaultJobs: Int { ProcessInfoCores.count }

  private struct Progress: Sendable {
    var next: Int
    var results: [ReplicationResult?]
    var finished = 0
  }
}

/// The number of cores, without importing Foundation.
enum ProcessInfoCores {
  static var count: Int {
    #if canImport(Glibc)
      return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
      return max(1, Int(sysconf(_SC_NPROCESSORS_ONLN)))
    #endif
  }
}

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif
