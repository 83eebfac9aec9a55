//===----------------------------------------------------------------------===//
// The workspace's studies, run one at a time in a bounded queue.
//===----------------------------------------------------------------------===//

import Dispatch
import Synchronization

/// Studies started from the browser. They run one at a time, in the order they were
/// started, each on all the worker threads; at most `capacity` are waiting or running,
/// so ten planners at once are served in turn and the pages stay responsive. A job can
/// be cancelled while it waits or runs.
public final class JobQueue: Sendable {
  /// What a job is doing.
  public enum State: String, Sendable { case queued, running, finished, failed, cancelled }

  /// What a page shows of a job.
  public struct Snapshot: Sendable {
    public var id: Int
    /// What it is (`run`, `compare`) and of what, for the pages.
    public var kind: String
    public var title: String
    public var state: State
    /// Replications finished, of `total` (0 when the study cannot tell in advance: a
    /// search).
    public var done: Int
    public var total: Int
    /// The study's last word on where it is (a search's last step).
    public var detail: String?
    /// Jobs ahead of it in the queue (0 when running or done).
    public var ahead: Int
    /// Where its result is shown (a path of the workspace), once finished.
    public var result: String?
    /// Why it failed.
    public var message: String?
  }

  /// How a job's work ended.
  public enum Outcome: Sendable {
    /// Done; its result is shown at `link`.
    case finished(link: String)
    /// It could not be done: why, in the page's language.
    case failed(String)
    /// It stopped on request.
    case cancelled
  }

  /// The queue is full.
  public struct Full: Error, Sendable {
    public var capacity: Int
  }

  /// What a job's work sees: its progress and whether it should stop.
  public struct Control: Sendable {
    fileprivate let queue: JobQueue
    public let id: Int
    /// Records `done` replications finished.
    public func progress(_ done: Int) { queue.update(id) { $0.done = max($0.done, done) } }
    /// Records where the study is, in words.
    public func say(_ detail: String) { queue.update(id) { $0.detail = String(detail.prefix(300)) } }
    /// Whether the job was cancelled.
    public var isCancelled: Bool { queue.state.withLock { $0.cancelled.contains(id) } }
  }

  private struct Inner: Sendable {
    var next = 1
    var jobs: [Int: Snapshot] = [:]
    var order: [Int] = []
    var cancelled: Set<Int> = []
  }

  /// How many jobs may wait or run at once.
  public let capacity: Int
  /// How many finished jobs are remembered for their pages.
  private let remembered = 200
  private let state = Mutex(Inner())
  private let worker = DispatchQueue(label: "onestop.workspace.jobs")

  public init(capacity: Int) {
    self.capacity = capacity
  }

  /// Queues `work` (which runs on a worker thread, not the server's) and returns the job's
  /// number; throws ``Full`` when `capacity` jobs are already waiting or running.
  public func submit(kind: String, title: String, total: Int,
                     work: @escaping @Sendable (Control) -> Outcome) throws(Full) -> Int {
    let id = try state.withLock { (inner: inout Inner) throws(Full) -> Int in
      let active = inner.order.filter { inner.jobs[$0].map { $0.state == .queued || $0.state == .running } ?? false }
      guard active.count < capacity else { throw Full(capacity: capacity) }
      let id = inner.next
      inner.next += 1
      inner.jobs[id] = Snapshot(id: id, kind: kind, title: title, state: .queued, done: 0, total: total, ahead: 0)
      inner.order.append(id)
      while inner.order.count > remembered, let oldest = inner.order.first,
        let job = inner.jobs[oldest], job.state != .queued && job.state != .running {
        inner.order.removeFirst()
        inner.jobs[oldest] = nil
        inner.cancelled.remove(oldest)
      }
      return id
    }
    worker.async { [self] in
      let control = Control(queue: self, id: id)
      guard !control.isCancelled else { return }
      update(id) { $0.state = .running }
      let outcome = work(control)
      update(id) { job in
        switch outcome {
        case .finished(let link):
          job.state = .finished
          job.result = link
          job.done = job.total
        case .failed(let message):
          job.state = .failed
          job.message = message
        case .cancelled: job.state = .cancelled
        }
      }
    }
    return id
  }

  /// The job `id` as it is now, with the jobs ahead of it counted; nil when unknown.
  public func snapshot(_ id: Int) -> Snapshot? {
    state.withLock { inner in
      guard var job = inner.jobs[id] else { return nil }
      if job.state == .queued {
        job.ahead = inner.order.prefix { $0 != id }.count { inner.jobs[$0].map { $0.state == .queued || $0.state == .running } ?? false }
      }
      return job
    }
  }

  /// Every job remembered, the newest first.
  public func all() -> [Snapshot] {
    state.withLock { inner in inner.order.reversed().compactMap { inner.jobs[$0] } }
  }

  /// Asks job `id` to stop: a waiting job never starts, a running one stops before its
  /// next replication and writes nothing. Returns false when it was already over.
  @discardableResult
  public func cancel(_ id: Int) -> Bool {
    state.withLock { inner in
      guard let job = inner.jobs[id], job.state == .queued || job.state == .running else { return false }
      inner.cancelled.insert(id)
      if job.state == .queued { inner.jobs[id]?.state = .cancelled }
      return true
    }
  }

  private func update(_ id: Int, _ change: (inout Snapshot) -> Void) {
    state.withLock { inner in
      guard var job = inner.jobs[id] else { return }
      change(&job)
      inner.jobs[id] = job
    }
  }
}
