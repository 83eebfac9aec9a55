//===----------------------------------------------------------------------===//
// A pool of identical staff serving one queue of dossiers.
//===----------------------------------------------------------------------===//

import SimEngine

/// Staff who take dossiers from one FIFO queue: the counter clerks or the back-office
/// specialists of a centre.
///
/// Each member of staff is a slot. A busy slot holds a dossier, the handle of its pending
/// completion event and the work still to do when last resumed, so that work can be
/// paused (the back office at closing) and resumed later. Slots and queue are preallocated
/// storage: serving allocates nothing.
struct StaffPool {
  /// Staff in the pool.
  let size: Int
  /// Per slot: the dossier served (-1 when idle).
  var dossier: [Int32]
  /// Per slot: the completion event that is still valid.
  var handle: [EventHandle]
  /// Per slot: work left when the task was last resumed.
  var remaining: [Double]
  /// Per slot: when the task was last resumed.
  var resumedAt: [Double]
  /// Idle slots.
  var idle: [Int32]
  /// Dossiers waiting for this pool.
  var queue = RingBuffer<Int32>(capacity: 64)
  /// Whether the pool is working now (the centre is open).
  var isWorking = false

  /// Busy staff over time.
  var busy = TimeWeighted()
  /// Staff on duty over time.
  var staffed = TimeWeighted()
  /// Dossiers waiting over time (the physical queue: see `CentreRun`).
  var waiting = TimeWeighted()

  init(size: Int) {
    self.size = size
    dossier = Array(repeating: -1, count: size)
    handle = Array(repeating: .none, count: size)
    remaining = Array(repeating: 0, count: size)
    resumedAt = Array(repeating: 0, count: size)
    idle = (0..<Int32(size)).reversed()
  }

  /// Number of busy staff.
  var busyCount: Int { size - idle.count }

  /// Takes an idle slot for `item`, with `work` minutes to do from `now`.
  @inline(__always)
  mutating func seize(_ item: Int32, work: Double, at now: Double) -> Int {
    let slot = Int(idle.removeLast())
    dossier[slot] = item
    remaining[slot] = work
    resumedAt[slot] = now
    busy.add(1, at: SimTime(minutes: now))
    return slot
  }

  /// Frees `slot` and returns the dossier it held.
  @inline(__always)
  mutating func release(_ slot: Int, at now: Double) -> Int32 {
    let item = dossier[slot]
    dossier[slot] = -1
    handle[slot] = .none
    idle.append(Int32(slot))
    busy.add(-1, at: SimTime(minutes: now))
    return item
  }
}
