//===----------------------------------------------------------------------===//
// Dossiers in flight, stored by index.
//===----------------------------------------------------------------------===//

/// One citizen's dossier while it is in the system: a value in a pool, addressed by an
/// `Int32` index, never a class instance.
///
/// Work contents are drawn when the citizen arrives, from the streams of the procedure,
/// so that the same citizen brings the same work whatever the staffing (common random
/// numbers).
struct Dossier {
  /// Index of the procedure in the catalogue.
  var procedure: Int32 = 0
  /// Index of the centre.
  var centre: Int32 = 0
  /// When the citizen arrived.
  var arrival = 0.0
  /// When the citizen last joined (or rejoined) the counter queue.
  var queuedSince = 0.0
  /// Waiting already done on earlier days (before being sent home at closing).
  var earlierWait = 0.0
  /// Counter time, minutes.
  var counterWork = 0.0
  /// Back-office work, minutes (0: none).
  var backOfficeWork = 0.0
  /// When the counter received the dossier.
  var received = 0.0
  /// When it falls due.
  var due = 0.0
  /// The day `due` falls on.
  var dueDay: Int32 = 0
}

/// A pool of dossiers addressed by index; freed slots are reused, so the storage grows
/// only to the largest number of dossiers in the system at once.
struct DossierStore {
  private(set) var items: ContiguousArray<Dossier> = []
  private var free: [Int32] = []

  /// Number of dossiers in the system.
  private(set) var count = 0

  /// Stores `dossier` and returns its index.
  @inline(__always)
  mutating func insert(_ dossier: Dossier) -> Int32 {
    count += 1
    if let index = free.popLast() {
      items[Int(index)] = dossier
      return index
    }
    items.append(dossier)
    return Int32(items.count - 1)
  }

  /// Releases dossier `index`.
  @inline(__always)
  mutating func remove(_ index: Int32) {
    count -= 1
    free.append(index)
  }

  @inline(__always)
  subscript(index: Int32) -> Dossier {
    get { items[Int(index)] }
    _modify { yield &items[Int(index)] }
  }
}
