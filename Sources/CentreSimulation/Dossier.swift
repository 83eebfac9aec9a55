//===----------------------------------------------------------------------===//
// Dossiers in flight, stored by index.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine

/// Where a dossier is.
enum DossierState: UInt8 {
  /// The citizen is away and will come back (next day, or with a supplement).
  case away
  /// Waiting for a counter.
  case waitingCounter
  /// Being served at a counter.
  case atCounter
  /// Waiting for or in back-office work, or in a step's wait.
  case backOffice
}

/// One citizen's dossier while it is in the system: a value in a pool, addressed by an
/// `Int32` index, never a class instance.
///
/// Counter and back-office work are drawn when the dossier first enters the system (and
/// again after a supplement), from the streams of its procedure, so that the same
/// citizen brings the same work whatever the staffing (common random numbers).
struct Dossier {
  var procedure: Int32 = 0
  var centre: Int32 = 0
  var channel: Channel = .walkIn
  var state: DossierState = .away
  /// Priority at the counter (elderly, disabled).
  var priority = false
  /// Whether it was pending at the start (the initial backlog).
  var isInitial = false
  /// Back-office step in progress (index into the procedure's steps).
  var step: Int32 = 0
  /// Ticket number of the current queue entry (entries with another ticket are stale).
  var ticket: UInt32 = 0
  /// The ticket-queue owner the citizen waits in.
  var owner: Int32 = 0
  /// Serial number, for traces.
  var serial: UInt32 = 0
  /// When the citizen first arrived.
  var arrival = 0.0
  /// When the dossier last joined (or rejoined) a queue.
  var queuedSince = 0.0
  /// Counter waiting already done on earlier days.
  var earlierWait = 0.0
  /// Patience left at the counter, minutes (infinity: for ever).
  var patienceLeft = Double.infinity
  /// The pending reneging event.
  var renegeHandle = EventHandle.none
  /// Counter time, minutes.
  var counterWork = 0.0
  /// Work left in the current back-office step, minutes (after a pause or at its start).
  var remainingWork = 0.0
  /// Whether `remainingWork` is work already started (resumed, not drawn again).
  var workStarted = false
  /// When the counter received the dossier (the latest complete receipt).
  var received = 0.0
  /// When it falls due.
  var due = 0.0
  /// The day `due` falls on.
  var dueDay: Int32 = 0
  /// Whether it has been received (and has a due date).
  var isReceived = false
  /// Times the dossier came back with a supplement.
  var resubmissions: UInt8 = 0
}

/// A pool of dossiers addressed by index; freed slots are reused, so the storage grows
/// only to the largest number of dossiers in the system at once. Noncopyable tables
/// (``UniqueArray``): its writes do not check for sharing.
struct DossierStore: ~Copyable {
  private var items = UniqueArray<Dossier>(capacity: 64)
  private var free = UniqueArray<Int32>(capacity: 64)
  /// Number of dossiers in the system.
  private(set) var count = 0

  @inline(__always)
  mutating func insert(_ dossier: Dossier) -> Int32 {
    count &+= 1
    if let index = free.popLast() {
      items[Int(index)] = dossier
      return index
    }
    items.append(dossier)
    return Int32(items.count - 1)
  }

  @inline(__always)
  mutating func remove(_ index: Int32) {
    count &-= 1
    items[Int(index)].ticket &+= 1  // invalidates any queue entry still naming it
    free.append(index)
  }

  @inline(__always)
  subscript(index: Int32) -> Dossier {
    get { items[Int(index)] }
    _modify { yield &items[Int(index)] }
  }

  /// Indices of the dossiers in the system.
  var liveIndices: [Int32] {
    let freeSet = Set(free.array)
    return (0..<Int32(items.count)).filter { !freeSet.contains($0) }
  }
}

/// A queue entry: a dossier index and the ticket it held when queued.
struct QueueEntry {
  var index: Int32
  var ticket: UInt32
}
