//===----------------------------------------------------------------------===//
// Running the replications of a scenario, in parallel, reproducibly.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Dispatch
import Synchronization

/// The replications of one scenario and their aggregate.
///
/// Built by an ``ExperimentAccumulator``, replication by replication: it holds the
/// estimates and one ``ReplicationRecord`` per replication, never every replication's
/// full result, so its memory does not grow with the number of replications.
public struct ExperimentResult: Sendable {
  /// The scenario that was run.
  public var scenario: Scenario
  /// Every replication's record (run-level KPIs, windows, events), in replication order.
  public var replications: ReplicationLog
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
  /// Per ``Scenario/windows`` window, its cohort's figures over the replications.
  public var windows: [Estimates<WindowMeasure>]
  /// With `ModelPlan.recordsLoadByHour`, the samples of every replication together: per
  /// hour h and number n of citizens at the counters, at `h * 257 + min(n, 256)`.
  public var counterLoadByHour: [Int]
  /// Events processed over all replications.
  public var events: UInt64

  /// Aggregates `replications` (which must be replications 0, 1, 2 ... in order) of
  /// `scenario`.
  public init(scenario: Scenario, replications: [ReplicationResult], poolNames: [(kind: String, name: String)],
              keepsCentres: Bool = false) {
    var accumulator = ExperimentAccumulator(scenario: scenario, poolNames: poolNames, keepsCentres: keepsCentres)
    for replication in replications { accumulator.add(replication) }
    self = accumulator.result()
  }

  init(scenario: Scenario, replications: ReplicationLog, poolNames: [(kind: String, name: String)],
       totals: Estimates<RunMeasure>, procedures: [Estimates<ProcedureMeasure>], centres: [Estimates<CentreMeasure>],
       channels: [Estimates<ChannelMeasure>], pools: [Estimates<PoolMeasure>], days: [Estimates<DayMeasure>],
       centreDays: [Estimates<CentreDayMeasure>], hours: [Estimates<HourMeasure>], waitShares: Estimates<WaitBand>,
       windows: [Estimates<WindowMeasure>], counterLoadByHour: [Int], events: UInt64) {
    self.scenario = scenario
    self.replications = replications
    self.poolNames = poolNames
    self.totals = totals
    self.procedures = procedures
    self.centres = centres
    self.channels = channels
    self.pools = pools
    self.days = days
    self.centreDays = centreDays
    self.hours = hours
    self.waitShares = waitShares
    self.windows = windows
    self.counterLoadByHour = counterLoadByHour
    self.events = events
  }

  /// The replications stopped because their dossiers in the system exceeded
  /// `ModelPlan.maxInSystem`, with the day each stopped.
  public var stopped: [(replication: Int, day: Int)] {
    replications.compactMap { r in r.stoppedOnDay.map { (r.replication, $0) } }
  }
}

/// Runs replications.
public enum Experiment {
  /// Runs the scenario's replications on up to `jobs` threads.
  ///
  /// Each replication builds its own state and random streams from (seed, replication
  /// index), and results are folded into the aggregate in index order, so the outcome is
  /// bit-identical whatever `jobs` is and whichever replication finishes first. Memory
  /// does not grow with the number of replications (``ExperimentAccumulator``).
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
  ///     replication starts and the result holds the replications 0, 1 ... finished
  ///     by then without a gap.
  ///   - keepsCentres: whether each replication's record keeps its per-centre KPIs.
  public static func run(
    _ scenario: Scenario, jobs: Int = defaultJobs, observer: DossierObserver? = nil, tracedReplications: Int = 1,
    progress: (@Sendable (Int) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil, keepsCentres: Bool = false
  ) -> ExperimentResult {
    run(ModelPlan(scenario), jobs: jobs, observer: observer, tracedReplications: tracedReplications, progress: progress,
        shouldStop: shouldStop, keepsCentres: keepsCentres)
  }

  /// ``run(_:jobs:observer:tracedReplications:progress:shouldStop:keepsCentres:)`` of the
  /// compiled scenario `plan` (one whose recording options were set, for instance).
  public static func run(
    _ plan: ModelPlan, jobs: Int = defaultJobs, observer: DossierObserver? = nil, tracedReplications: Int = 1,
    progress: (@Sendable (Int) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil, keepsCentres: Bool = false
  ) -> ExperimentResult {
    let scenario = plan.scenario
    var accumulator = ExperimentAccumulator(scenario: scenario, poolNames: plan.reportPools, keepsCentres: keepsCentres)
    if let observer {
      for index in 0..<min(max(0, tracedReplications), scenario.replications) {
        if index > 0 && shouldStop?() == true { return accumulator.result() }
        accumulator.add(CentreRun(plan: plan, replication: index, observer: observer).run())
        progress?(index + 1)
      }
    }
    let offset = accumulator.count
    run(plan, replications: offset..<scenario.replications, jobs: jobs,
        progress: progress.map { report in { @Sendable done in report(done + offset) } }, shouldStop: shouldStop) {
      accumulator.add($0)
      return true
    }
    return accumulator.result()
  }

  /// Runs replications `indices` of `scenario` and returns their full results in index
  /// order (all of them in memory: for checks and tests on a few replications).
  public static func run(
    _ scenario: Scenario, replications indices: Range<Int>, jobs: Int = defaultJobs
  ) -> [ReplicationResult] {
    run(ModelPlan(scenario), replications: indices, jobs: jobs)
  }

  /// Runs replications `indices` of the compiled scenario `plan` and returns their full
  /// results in index order (all of them in memory).
  public static func run(_ plan: ModelPlan, replications indices: Range<Int>, jobs: Int = defaultJobs) -> [ReplicationResult] {
    var results: [ReplicationResult] = []
    run(plan, replications: indices, jobs: jobs) {
      results.append($0)
      return true
    }
    return results
  }

  /// Runs replications `indices` of `plan` on up to `jobs` threads and hands each result
  /// to `fold` in index order, one call at a time, from a worker thread.
  ///
  /// At most four replications per worker are started and not yet folded, so the results
  /// waiting for an earlier one to finish stay few. No new replication starts once
  /// `shouldStop` answers `true` or `fold` returns `false`; the replications finished
  /// by then are still handed over, without a gap, unless `fold` returned `false`.
  public static func run(
    _ plan: ModelPlan, replications indices: Range<Int>, jobs: Int = defaultJobs,
    progress: (@Sendable (Int) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil,
    fold: (ReplicationResult) -> Bool
  ) {
    guard !indices.isEmpty else { return }
    let workers = max(1, min(jobs, indices.count))
    let window = DispatchSemaphore(value: 4 * workers)
    let state = Mutex(InOrder(next: indices.lowerBound, folded: indices.lowerBound))
    let halted = Atomic(false)
    withoutActuallyEscaping(fold) { fold in
      let fold = UnsafeSendable(fold)
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while !halted.load(ordering: .relaxed) && shouldStop?() != true {
          window.wait()
          let index: Int? = state.withLock { order in
            guard order.next < indices.upperBound, !halted.load(ordering: .relaxed) else { return nil }
            defer { order.next += 1 }
            return order.next
          }
          guard let index else {
            window.signal()
            return
          }
          let result = CentreRun(plan: plan, replication: index).run()
          let done = state.withLock { order in
            order.finished += 1
            order.waiting[index] = result
            while let ready = order.waiting.removeValue(forKey: order.folded) {
              if !halted.load(ordering: .relaxed) && !fold.value(ready) { halted.store(true, ordering: .relaxed) }
              order.folded += 1
              window.signal()
            }
            return order.finished
          }
          progress?(done)
        }
      }
    }
  }

  /// One worker per core.
  public static var defaultJobs: Int { ProcessInfoCores.count }

  /// The replications started, finished, and folded in order so far.
  private struct InOrder: Sendable {
    var next: Int
    var folded: Int
    var finished = 0
    var waiting: [Int: ReplicationResult] = [:]
  }
}

/// A value handed to the workers that is only used under a lock.
struct UnsafeSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
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
