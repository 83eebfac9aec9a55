//===----------------------------------------------------------------------===//
// Many scenarios (a sweep's design points) on one pool of workers.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Dispatch
import Synchronization

extension Experiment {
  /// The results of `scenarios` (variants, candidates), in order, run on one pool of
  /// `jobs` workers as ``run(points:jobs:shouldStop:finished:)`` runs them.
  public static func run(all scenarios: [Scenario], jobs: Int = defaultJobs) -> [ExperimentResult] {
    run(all: scenarios, jobs: jobs, progress: nil, shouldStop: nil)!
  }

  /// ``run(all:jobs:)`` that reports the number of replications finished (over all the
  /// scenarios) to `progress` and stops starting replications once `shouldStop` answers
  /// `true`, giving nil then.
  public static func run(all scenarios: [Scenario], jobs: Int = defaultJobs, progress: (@Sendable (Int) -> Void)?,
                         shouldStop: (@Sendable () -> Bool)?, keepsCentres: Bool = false) -> [ExperimentResult]? {
    var results = [ExperimentResult?](repeating: nil, count: scenarios.count)
    let done = FinishedCount()
    var finished: (@Sendable () -> Void)?
    if let progress { finished = { progress(done.increment()) } }
    run(points: scenarios, jobs: jobs, shouldStop: shouldStop, replicationFinished: finished, keepsCentres: keepsCentres) {
      (point: Int, result: ExperimentResult) in results[point] = result
    }
    return results.contains { $0 == nil } ? nil : results.map { $0! }
  }

  /// Runs the replications of `scenarios` (a sweep's design points), in order, on one
  /// pool of `jobs` workers: a worker that finds no replication of a point left to start
  /// begins the next point's instead of waiting for the point's last replication. Each
  /// replication is folded into its point's aggregate in replication order as soon as
  /// the ones before it are (``ExperimentAccumulator``), so memory holds the points being
  /// run, never all their replications; at most four replications per worker are
  /// started and not yet folded.
  ///
  /// Each point's result is the one ``run(_:jobs:observer:progress:shouldStop:)`` gives
  /// it, bit for bit, whatever `jobs` is.
  ///
  /// - Parameters:
  ///   - finished: called with a point's position in `scenarios` and its result once all
  ///     its replications are done, from a worker thread, one call at a time. An error it
  ///     throws stops the pool (no new replication starts) and is rethrown.
  ///   - shouldStop: asked before each replication; once it answers `true`, no new
  ///     replication starts, and the points not finished by then are not reported.
  ///   - replicationFinished: called after each replication, from its worker thread.
  ///   - keepsCentres: whether each replication's record keeps its per-centre KPIs.
  public static func run<Failure: Error>(
    points scenarios: [Scenario], jobs: Int = defaultJobs, shouldStop: (@Sendable () -> Bool)? = nil,
    replicationFinished: (@Sendable () -> Void)? = nil, keepsCentres: Bool = false,
    finished: (Int, ExperimentResult) throws(Failure) -> Void
  ) throws(Failure) {
    let workers = max(1, min(jobs, scenarios.reduce(0) { $0 + max(0, $1.replications) }))
    try run(points: scenarios.count, scenario: { (index: Int) throws(Failure) -> Scenario in scenarios[index] }, jobs: workers, shouldStop: shouldStop,
            replicationFinished: replicationFinished, keepsCentres: keepsCentres, finished: finished)
  }

  /// ``run(points:jobs:shouldStop:replicationFinished:keepsCentres:finished:)`` over
  /// `count` points whose scenarios `scenario` makes only when the pool starts each (one
  /// call at a time, in order, from a worker thread), so that memory does not grow with
  /// the number of points. An error `scenario` throws stops the pool and is rethrown.
  public static func run<Failure: Error>(
    points count: Int, scenario: (Int) throws(Failure) -> Scenario, jobs: Int = defaultJobs,
    shouldStop: (@Sendable () -> Bool)? = nil, replicationFinished: (@Sendable () -> Void)? = nil, keepsCentres: Bool = false,
    finished: (Int, ExperimentResult) throws(Failure) -> Void
  ) throws(Failure) {
    let state = Mutex(PoolState(count: count))
    // Serialises the calls of `finished`, and holds the first error it or `scenario`
    // threw; `failing` says so without waiting for a call in progress.
    let reporting = Mutex<Failure?>(nil)
    let failing = Atomic(false)
    func fail(_ error: Failure) {
      reporting.withLock { failure in if failure == nil { failure = error } }
      failing.store(true, ordering: .relaxed)
    }
    func report(_ point: Int, _ result: ExperimentResult) {
      reporting.withLock { failure in
        guard failure == nil else { return }
        do throws(Failure) {
          try finished(point, result)
        } catch {
          failure = error
          failing.store(true, ordering: .relaxed)
        }
      }
    }
    /// Point `index`'s scenario, or nil after recording the error making it threw.
    func make(_ index: Int) -> Scenario? {
      do throws(Failure) {
        return try scenario(index)
      } catch {
        fail(error)
        return nil
      }
    }
    @Sendable func failed() -> Bool { failing.load(ordering: .relaxed) }
    let workers = max(1, jobs)
    let window = DispatchSemaphore(value: 4 * workers)
    withoutActuallyEscaping(report) { report in
      withoutActuallyEscaping(make) { make in
        let report = UnsafeSendable(report), make = UnsafeSendable(make)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
          while shouldStop?() != true && !failed() {
            window.wait()
            // The next replication to run, and the points passed over that have none.
            let (task, empty) = state.withLock { pool in pool.take(make.value, keepsCentres: keepsCentres) }
            for (point, scenario) in empty {
              report.value(point, ExperimentAccumulator(scenario: scenario, poolNames: ModelPlan(scenario).reportPools,
                                                        keepsCentres: keepsCentres).result())
            }
            guard let task else {
              window.signal()
              return
            }
            let result = CentreRun(plan: task.plan, replication: task.replication).run()
            let (folded, complete) = state.withLock { pool in pool.finish(task, result) }
            for _ in 0..<folded { window.signal() }
            replicationFinished?()
            if let complete { report.value(task.point, complete.result()) }
          }
        }
      }
    }
    if let failure = reporting.withLock({ $0 }) { throw failure }
  }

  /// A replication to run: which point, which replication, the point's compiled plan.
  private struct PointTask: Sendable {
    let point: Int
    let replication: Int
    let plan: ModelPlan
  }

  /// The pool's progress through the points. Only the points being run hold a plan and
  /// an aggregate, so memory does not grow with the number of points.
  private struct PoolState: Sendable {
    /// Points in all.
    let count: Int
    var point = 0
    var replication = 0
    /// Whether `point`'s scenario was made, and its replications.
    var started = false
    var replications = 0
    var running: [Int: RunningPoint] = [:]

    init(count: Int) { self.count = count }

    /// The next replication to start (nil: none left, or a scenario could not be made),
    /// and the points without any replication passed over on the way, with their
    /// scenarios.
    mutating func take(_ make: (Int) -> Scenario?, keepsCentres: Bool) -> (PointTask?, [(Int, Scenario)]) {
      var empty: [(Int, Scenario)] = []
      while point < count {
        if !started {
          guard let scenario = make(point) else { return (nil, empty) }
          started = true
          replications = scenario.replications
          if replications <= 0 {
            empty.append((point, scenario))
          } else {
            let plan = ModelPlan(scenario)
            running[point] = RunningPoint(
              plan: plan, aggregate: ExperimentAccumulator(scenario: scenario, poolNames: plan.reportPools, keepsCentres: keepsCentres))
          }
        }
        if replication < replications { break }
        point += 1
        replication = 0
        started = false
      }
      guard point < count else { return (nil, empty) }
      defer { replication += 1 }
      return (PointTask(point: point, replication: replication, plan: running[point]!.plan), empty)
    }

    /// Folds `result` and those after it that were waiting for it; returns how many were
    /// folded, and the point's aggregate when it was the last.
    mutating func finish(_ task: PointTask, _ result: ReplicationResult) -> (Int, ExperimentAccumulator?) {
      var folded = 0
      running[task.point]!.waiting[task.replication] = result
      while let ready = running[task.point]!.waiting.removeValue(forKey: running[task.point]!.aggregate.next) {
        running[task.point]!.aggregate.add(ready)
        folded += 1
      }
      guard running[task.point]!.aggregate.count == task.plan.scenario.replications else { return (folded, nil) }
      return (folded, running.removeValue(forKey: task.point)!.aggregate)
    }
  }

  /// A point being run: its plan, its aggregate so far, and the replications finished
  /// ahead of one still running.
  private struct RunningPoint: Sendable {
    let plan: ModelPlan
    var aggregate: ExperimentAccumulator
    var waiting: [Int: ReplicationResult] = [:]
  }
}

/// A count of finished replications shared by the workers.
private final class FinishedCount: Sendable {
  private let count = Atomic(0)
  /// Adds one; returns the new count.
  func increment() -> Int { count.add(1, ordering: .relaxed).newValue }
}

