//===----------------------------------------------------------------------===//
// The future event list: a binary heap with deterministic tie-breaking.
//===----------------------------------------------------------------------===//

/// Identifies one scheduled event; compare it with the handle a popped event carries to
/// tell whether a pending event is still the one you want (lazy cancellation).
public struct EventHandle: Hashable, Sendable {
  /// Same-time order class in the top 8 bits, insertion sequence in the low 56.
  public let rawValue: UInt64
  @inlinable init(rawValue: UInt64) { self.rawValue = rawValue }

  /// A handle that no event ever carries. A computed constant rather than a stored
  /// `static let`, so that using it costs no call to a lazy global's accessor.
  @inlinable public static var none: EventHandle { EventHandle(rawValue: .max) }
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
/// Storage is one ``UniqueArray`` of 24-byte entries (for an 8-byte payload) that grows
/// geometrically and is never shrunk, so scheduling allocates nothing once the list has
/// reached its peak size, and no write checks for sharing (the queue is `~Copyable`).
/// Events are never removed early: to cancel one, forget its handle and ignore the event
/// when it comes out (the model compares handles).
///
/// A process that schedules a long series of events at times known in advance (every
/// midnight of the horizon, say) need not put them all in the list at the start, where
/// they would deepen the heap for the whole run: it can ``reserveSequences(_:)`` for them
/// and schedule each one later with its reserved sequence, which orders it exactly as if
/// it had been scheduled at the reservation.
///
/// A binary heap, chosen by measurement (callgrind, `bench/city-year.yaml` over 60 days):
/// a 4-ary heap ran 0.4% more instructions for 0.5% fewer L1 data misses, since the list
/// holds a few thousand events at most and fits in cache. What did pay is comparing
/// (time, key) as one 128-bit integer and picking the lesser child without a branch:
/// 27% fewer mispredicted conditional branches in the whole run, for 1.5% more
/// instructions. A calendar queue (O(1) per event) ran 42% fewer event-list
/// instructions on `city-year` (about 2,500 pending events) but made M/M/10 (about 11)
/// 13% slower; see the README's Performance section.
///
/// The root taken by ``popNext()`` stays in place until the next call: a `schedule` in
/// between (a handler scheduling the follow-up of the event it handles, the common case)
/// puts the new entry at the root and sifts it down once, instead of a sift-down for the
/// pop and a sift-up for the insertion. Keys are unique, so the order of events is the
/// same whatever the heap's layout.
///
/// - Complexity: `schedule` and `popNext` are O(log n).
public struct EventQueue<Payload>: ~Copyable {
  @usableFromInline
  struct Entry {
    /// The time as an unsigned integer in the same order (``orderedBits(_:)``), so that
    /// (time, key) compares as one 128-bit integer: a compare and a subtract with borrow,
    /// with no branch to mispredict on a tie test.
    @usableFromInline var timeBits: UInt64
    @usableFromInline var key: UInt64
    @usableFromInline var payload: Payload

    @inlinable init(time: Double, key: UInt64, payload: Payload) {
      self.timeBits = orderedBits(time)
      self.key = key
      self.payload = payload
    }

    @inlinable var time: Double { timeFromOrderedBits(timeBits) }

    @inlinable func precedes(_ other: Entry) -> Bool {
      (UInt128(timeBits) << 64 | UInt128(key)) < (UInt128(other.timeBits) << 64 | UInt128(other.key))
    }
  }

  @usableFromInline var heap = UniqueArray<Entry>(capacity: 64)
  @usableFromInline var nextSequence: UInt64 = 0
  /// Whether `heap[0]` was popped already and is only waiting to be overwritten.
  @usableFromInline var rootTaken = false

  /// An empty queue.
  public init() {}

  /// Number of pending events.
  @inlinable public var count: Int { rootTaken ? heap.count &- 1 : heap.count }

  /// Whether no event is pending.
  @inlinable public var isEmpty: Bool { count == 0 }

  /// The time of the next event, if any.
  @inlinable public var nextTime: SimTime? {
    guard rootTaken else { return heap.isEmpty ? nil : SimTime(minutes: heap[0].time) }
    // The root is gone: the next event is the lesser of its children.
    let n = heap.count
    guard n > 1 else { return nil }
    let h = heap.base
    let child = n > 2 && h[2].precedes(h[1]) ? 2 : 1
    return SimTime(minutes: h[child].time)
  }

  /// Schedules `payload` at `time`, after every pending event with the same time and a
  /// lower or equal `order`.
  ///
  /// - Precondition: `time` is finite.
  @inlinable @discardableResult
  public mutating func schedule(_ payload: Payload, at time: SimTime, order: UInt8 = 0) -> EventHandle {
    let sequence = nextSequence
    nextSequence &+= 1
    return insert(payload, at: time, key: UInt64(order) << 56 | sequence)
  }

  /// Takes `count` sequence numbers now, for events to be scheduled later with
  /// ``schedule(_:at:order:sequence:)``; returns the first.
  @inlinable
  public mutating func reserveSequences(_ count: Int) -> UInt64 {
    let first = nextSequence
    nextSequence &+= UInt64(count)
    return first
  }

  /// Schedules `payload` at `time` with a reserved `sequence`: it comes after the pending
  /// events with the same time and a lower order, or the same order and a lower sequence.
  ///
  /// - Precondition: `time` is finite; `sequence` was reserved and is used once.
  @inlinable @discardableResult
  public mutating func schedule(_ payload: Payload, at time: SimTime, order: UInt8 = 0, sequence: UInt64) -> EventHandle {
    precondition(sequence < nextSequence, "sequence \(sequence) was not reserved")
    return insert(payload, at: time, key: UInt64(order) << 56 | sequence)
  }

  /// Adds an entry and moves it up to its place (hole technique: one write per level).
  /// Index arithmetic wraps (`&+`): indices stay below `count`, so it cannot overflow.
  @inlinable
  mutating func insert(_ payload: Payload, at time: SimTime, key: UInt64) -> EventHandle {
    precondition(time.minutes.isFinite, "event scheduled at a non-finite time \(time.minutes)")
    let entry = Entry(time: time.minutes, key: key, payload: payload)
    if rootTaken {
      // Into the popped root's place, then down to its own.
      rootTaken = false
      siftDown(entry, count: heap.count)
      return EventHandle(rawValue: key)
    }
    heap.append(entry)
    let h = heap.base
    var child = heap.count &- 1
    while child > 0 {
      let parent = (child &- 1) >> 1
      guard entry.precedes(h[parent]) else { break }
      h[child] = h[parent]
      child = parent
    }
    h[child] = entry
    return EventHandle(rawValue: key)
  }

  /// Removes and returns the first event.
  ///
  /// The entry stays at the root, marked taken, until the next `schedule` overwrites it
  /// or the next `popNext` removes it.
  @inlinable @inline(__always)
  public mutating func popNext() -> ScheduledEvent<Payload>? {
    dropTakenRoot()
    if heap.isEmpty { return nil }
    rootTaken = true
    let first = heap[0]
    return ScheduledEvent(time: SimTime(minutes: first.time), handle: EventHandle(rawValue: first.key), payload: first.payload)
  }

  /// Removes and returns the first event if it happens no later than `horizon`.
  @inlinable @inline(__always)
  public mutating func popNext(notAfter horizon: SimTime) -> ScheduledEvent<Payload>? {
    dropTakenRoot()
    guard !heap.isEmpty else { return nil }
    let first = heap[0]
    guard first.time <= horizon.minutes else { return nil }
    rootTaken = true
    return ScheduledEvent(time: SimTime(minutes: first.time), handle: EventHandle(rawValue: first.key), payload: first.payload)
  }

  /// Removes the root taken by the last ``popNext()``, if no `schedule` has overwritten
  /// it (then `heap[0]`, if any, is the next event).
  @inlinable @inline(__always)
  public mutating func dropTakenRoot() {
    guard rootTaken else { return }
    rootTaken = false
    let last = heap.removeLast()
    if !heap.isEmpty { siftDownFromBottom(last, count: heap.count) }
  }

  /// Puts `entry` in the root's place among the first `count` entries and moves it down
  /// to its place (hole technique: one write per level). For a newly scheduled event,
  /// which often belongs near the top.
  @inlinable @inline(__always)
  mutating func siftDown(_ entry: Entry, count: Int) {
    let h = heap.base
    var hole = 0
    while true {
      var child = 2 &* hole &+ 1
      if child >= count { break }
      // The lesser child without a branch: which one it is cannot be predicted.
      if child &+ 1 < count { child &+= h[child &+ 1].precedes(h[child]) ? 1 : 0 }
      guard h[child].precedes(entry) else { break }
      h[hole] = h[child]
      hole = child
    }
    h[hole] = entry
  }

  /// The same, bottom-up (Floyd): the hole goes down to a leaf along the lesser children,
  /// one comparison a level, then `entry` comes up from there. For the heap's last entry,
  /// which belongs near the bottom.
  @inlinable @inline(__always)
  mutating func siftDownFromBottom(_ entry: Entry, count: Int) {
    let h = heap.base
    var hole = 0
    while true {
      var child = 2 &* hole &+ 1
      if child >= count { break }
      if child &+ 1 < count { child &+= h[child &+ 1].precedes(h[child]) ? 1 : 0 }
      h[hole] = h[child]
      hole = child
    }
    while hole > 0 {
      let parent = (hole &- 1) >> 1
      guard entry.precedes(h[parent]) else { break }
      h[hole] = h[parent]
      hole = parent
    }
    h[hole] = entry
  }
}

/// `time` as an unsigned integer with the same order (−0 as +0): the bits of a
/// non-negative double with the sign bit set, or all the bits of a negative one flipped.
@inlinable
func orderedBits(_ time: Double) -> UInt64 {
  let bits = (time + 0).bitPattern
  let sign: UInt64 = 1 << 63
  return bits & sign != 0 ? ~bits : bits | sign
}

/// The time whose ``orderedBits(_:)`` are `bits`.
@inlinable
func timeFromOrderedBits(_ bits: UInt64) -> Double {
  let sign: UInt64 = 1 << 63
  return Double(bitPattern: bits & sign != 0 ? bits ^ sign : ~bits)
}
