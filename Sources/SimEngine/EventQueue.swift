//===----------------------------------------------------------------------===//
// The future event list: a binary heap with deterministic tie-breaking.
//===----------------------------------------------------------------------===//

/// Identifies one scheduled event; compare it with the handle a popped event carries to
/// tell whether a pending event is still the one you want (lazy cancellation).
public struct EventHandle: Hashable, Sendable {
  /// Same-time order class in the top 8 bits, insertion sequence in the low 56.
  public let rawValue: UInt64
  @inlinable init(rawValue: UInt64) { self.rawValue = rawValue }

  /// A handle that no event ever carries.
  public static let none = EventHandle(rawValue: .max)
}

/// An event taken off the queue.
public struct ScheduledEvent<Payload> {
  /// When it happens.
  public var time: SimTime
  /// The handle returned when it was scheduled.
  public var handle: EventHandle
  /// What happens, as defined by the model.
  public var payload: Payload

  @inlinable init(time: SimTime, handle: EventHandle, payload: Payload) {
    self.time = time
    self.handle = handle
    self.payload = payload
  }
}

/// The future event list of a discrete-event simulation.
///
/// Events are totally ordered by `(time, order, sequence)`: earlier time first; at the
/// same time, the lower `order` class first (a model names its classes in one table, e.g.
/// "service completions before arrivals"); within a class, the order of scheduling
/// (`sequence`, a counter, as in SimPy's `_eid`). A heap alone orders equal keys
/// arbitrarily, so the sequence is what makes runs reproducible.
///
/// Storage is one contiguous array of 24-byte entries (for an 8-byte payload) that grows
/// geometrically and is never shrunk, so scheduling allocates nothing once the list has
/// reached its peak size. Events are never removed early: to cancel one, forget its
/// handle and ignore the event when it comes out (the model compares handles).
///
/// - Complexity: `schedule` and `popNext` are O(log n).
public struct EventQueue<Payload> {
  @usableFromInline
  struct Entry {
    @usableFromInline var time: Double
    @usableFromInline var key: UInt64
    @usableFromInline var payload: Payload

    @inlinable init(time: Double, key: UInt64, payload: Payload) {
      self.time = time
      self.key = key
      self.payload = payload
    }

    @inlinable func precedes(_ other: Entry) -> Bool {
      time < other.time || (time == other.time && key < other.key)
    }
  }

  @usableFromInline var heap: ContiguousArray<Entry> = []
  @usableFromInline var nextSequence: UInt64 = 0

  /// An empty queue.
  public init() {}

  /// Number of pending events.
  @inlinable public var count: Int { heap.count }

  /// Whether no event is pending.
  @inlinable public var isEmpty: Bool { heap.isEmpty }

  /// The time of the next event, if any.
  @inlinable public var nextTime: SimTime? { heap.first.map { SimTime(minutes: $0.time) } }

  /// Schedules `payload` at `time`, after every pending event with the same time and a
  /// lower or equal `order`.
  ///
  /// - Precondition: `time` is finite.
  @inlinable @discardableResult
  public mutating func schedule(_ payload: Payload, at time: SimTime, order: UInt8 = 0) -> EventHandle {
    precondition(time.minutes.isFinite, "event scheduled at a non-finite time \(time.minutes)")
    let key = UInt64(order) << 56 | nextSequence
    nextSequence &+= 1
    heap.append(Entry(time: time.minutes, key: key, payload: payload))
    siftUp(from: heap.count - 1)
    return EventHandle(rawValue: key)
  }

  /// Removes and returns the first event.
  @inlinable
  public mutating func popNext() -> ScheduledEvent<Payload>? {
    guard let last = heap.popLast() else { return nil }
    guard !heap.isEmpty else {
      return ScheduledEvent(time: SimTime(minutes: last.time), handle: EventHandle(rawValue: last.key), payload: last.payload)
    }
    let first = heap[0]
    siftDown(last)
    return ScheduledEvent(time: SimTime(minutes: first.time), handle: EventHandle(rawValue: first.key), payload: first.payload)
  }

  /// Moves the entry at `index` up to its place (hole technique: one write per level).
  @inlinable
  mutating func siftUp(from index: Int) {
    heap.withUnsafeMutableBufferPointer { h in
      let entry = h[index]
      var child = index
      while child > 0 {
        let parent = (child - 1) >> 1
        guard entry.precedes(h[parent]) else { break }
        h[child] = h[parent]
        child = parent
      }
      h[child] = entry
    }
  }

  /// Places `entry` at the root and moves it down to its place.
  @inlinable
  mutating func siftDown(_ entry: Entry) {
    heap.withUnsafeMutableBufferPointer { h in
      let count = h.count
      var hole = 0
      while true {
        var child = 2 * hole + 1
        if child >= count { break }
        if child + 1 < count && h[child + 1].precedes(h[child]) { child += 1 }
        guard h[child].precedes(entry) else { break }
        h[hole] = h[child]
        hole = child
      }
      h[hole] = entry
    }
  }
}
