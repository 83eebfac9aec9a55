//===----------------------------------------------------------------------===//
// A pool of staff: counter clerks or back-office specialists.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine

/// The members of one counter group or back-office pool during a run.
///
/// Each member is a slot. A slot is on duty or not (crew schedule, absences, the pool's
/// hours); an on-duty idle slot is in `idle`. A busy slot holds a dossier, the handle of
/// its completion event, the work left when it last (re)started and the rate it works at
/// (its speed times the outage factor), so that an outage can slow or stop work under
/// way and resume it later. A slot that goes off duty while busy finishes the citizen at
/// the counter (`leaving`), or hands its back-office work back to the queue.
///
/// Noncopyable, with ``UniqueArray`` tables, so that the writes made at every event do
/// not check for sharing.
struct StaffPool: ~Copyable {
  let size: Int
  var dossier: UniqueArray<Int32>
  var handle: UniqueArray<EventHandle>
  /// Nominal work left at `resumedAt`.
  var remaining: UniqueArray<Double>
  var resumedAt: UniqueArray<Double>
  /// Current work rate of the slot (speed × outage rate).
  var rate: UniqueArray<Double>
  var onDuty: UniqueArray<Bool>
  /// Busy, off duty, finishing the current citizen.
  var leaving: UniqueArray<Bool>
  /// Absent today.
  var absent: UniqueArray<Bool>
  /// Whether the busy slot is doing helper work for another pool (counter clerks).
  var helping: UniqueArray<Int32>
  /// On-duty idle slots.
  var idle: UniqueArray<Int32>
  /// Whether the pool's working window is open (opening hours, own hours, overtime).
  var isOpen = false
  /// Back office: the work queue.
  var queue: WorkQueue
  var busyCount = 0

  /// Busy staff over time.
  var busy = TimeWeighted()
  /// Staff on duty over time (including those finishing after going off duty).
  var staffed = TimeWeighted()

  init(size: Int, discipline: QueueDiscipline) {
    self.size = size
    dossier = UniqueArray(repeating: -1, count: size)
    handle = UniqueArray(repeating: .none, count: size)
    remaining = UniqueArray(repeating: 0, count: size)
    resumedAt = UniqueArray(repeating: 0, count: size)
    rate = UniqueArray(repeating: 1, count: size)
    onDuty = UniqueArray(repeating: false, count: size)
    leaving = UniqueArray(repeating: false, count: size)
    absent = UniqueArray(repeating: false, count: size)
    helping = UniqueArray(repeating: -1, count: size)
    idle = UniqueArray(capacity: size)
    queue = WorkQueue(discipline)
  }

  /// Staff on duty now, counting those finishing a citizen after going off duty.
  var presentCount: Int {
    var n = 0
    for slot in 0..<size where onDuty[slot] || leaving[slot] { n += 1 }
    return n
  }

  /// On-duty members now.
  var onDutyCount: Int {
    var n = 0
    for slot in 0..<size where onDuty[slot] { n += 1 }
    return n
  }

  /// Takes an idle slot for dossier `item` with `work` nominal minutes at `rate`.
  @inline(__always)
  mutating func seize(_ item: Int32, work: Double, rate slotRate: Double, at now: Double) -> Int {
    let slot = Int(idle.removeLast())
    dossier[slot] = item
    remaining[slot] = work
    resumedAt[slot] = now
    rate[slot] = slotRate
    busyCount &+= 1
    busy.set(Double(busyCount), at: SimTime(minutes: now))
    return slot
  }

  /// Frees `slot`, returning the dossier it held; the slot becomes idle if still on duty.
  @inline(__always)
  mutating func release(_ slot: Int, at now: Double) -> Int32 {
    let item = dossier[slot]
    dossier[slot] = -1
    handle[slot] = .none
    helping[slot] = -1
    busyCount &-= 1
    busy.set(Double(busyCount), at: SimTime(minutes: now))
    if leaving[slot] {
      leaving[slot] = false
      noteStaffing(at: now)
    } else if onDuty[slot] {
      idle.append(Int32(slot))
    }
    return item
  }

  /// Nominal work left on busy `slot` at `now`.
  @inline(__always)
  func workLeft(_ slot: Int, at now: Double) -> Double {
    max(0, remaining[slot] - (now - resumedAt[slot]) * rate[slot])
  }

  /// Whether busy `slot`'s task ends at `now` (its end event is due at this instant, up
  /// to rounding), so that going off duty should let it finish rather than interrupt it.
  func finishesNow(_ slot: Int, at now: Double) -> Bool {
    rate[slot] > 0 && workLeft(slot, at: now) / rate[slot] <= 1e-9 * max(1, now)
  }

  /// Records the number of staff present after a change.
  mutating func noteStaffing(at now: Double) {
    let present = Double(presentCount)
    if present != staffed.value { staffed.set(present, at: SimTime(minutes: now)) }
  }

  /// Removes `slot` from the idle list.
  mutating func removeIdle(_ slot: Int) {
    for position in idle.indices.reversed() where idle[position] == Int32(slot) {
      idle.remove(at: position)
      return
    }
  }
}
