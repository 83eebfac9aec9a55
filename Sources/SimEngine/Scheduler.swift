//===----------------------------------------------------------------------===//
// The simulation clock and run loop.
//===----------------------------------------------------------------------===//

/// The clock of one simulation run plus its future event list.
///
/// A model owns a scheduler and drives it SimPy-style:
///
/// ```swift
/// while let event = scheduler.next(until: horizon) {
///   switch event.payload { ... }   // handle it, scheduling more events
/// }
/// ```
///
/// `next(until:)` advances the clock to the event's time; the clock never goes backwards,
/// and scheduling into the past is a programming error caught by a precondition.
public struct Scheduler<Payload>: ~Copyable {
  /// The current simulated time.
  public var now: SimTime { _now }
  @usableFromInline var _now: SimTime = .zero
  @usableFromInline var queue = EventQueue<Payload>()
  /// Number of events taken off the queue so far.
  public var processedEvents: UInt64 { _processedEvents }
  @usableFromInline var _processedEvents: UInt64 = 0

  /// A scheduler at time zero with no events.
  public init() {}

  /// Number of pending events.
  @inlinable public var pendingEvents: Int { queue.count }

  /// Schedules `payload` at `time` (≥ now) in same-time class `order`.
  @inlinable @discardableResult
  public mutating func schedule(_ payload: Payload, at time: SimTime, order: UInt8 = 0) -> EventHandle {
    precondition(time >= now, "event scheduled in the past: at \(time.minutes) while now is \(now.minutes)")
    return queue.schedule(payload, at: time, order: order)
  }

  /// Takes `count` sequence numbers now for events scheduled later (see ``EventQueue``).
  @inlinable
  public mutating func reserveSequences(_ count: Int) -> UInt64 { queue.reserveSequences(count) }

  /// Schedules `payload` at `time` (≥ now) with a sequence taken by ``reserveSequences(_:)``.
  @inlinable @discardableResult
  public mutating func schedule(_ payload: Payload, at time: SimTime, order: UInt8 = 0, sequence: UInt64) -> EventHandle {
    precondition(time >= now, "event scheduled in the past: at \(time.minutes) while now is \(now.minutes)")
    return queue.schedule(payload, at: time, order: order, sequence: sequence)
  }

  /// Schedules `payload` after `delay` (≥ 0) in same-time class `order`.
  @inlinable @discardableResult
  public mutating func schedule(_ payload: Payload, after delay: SimDuration, order: UInt8 = 0) -> EventHandle {
    schedule(payload, at: now + delay, order: order)
  }

  /// Takes the next event if it happens no later than `horizon`, advancing the clock to it.
  /// Returns `nil`, with the clock at `horizon`, when no such event remains.
  @inlinable
  public mutating func next(until horizon: SimTime) -> ScheduledEvent<Payload>? {
    guard let event = queue.popNext(notAfter: horizon) else {
      if horizon > _now { _now = horizon }
      return nil
    }
    _now = event.time
    _processedEvents &+= 1
    return event
  }
}
