//===----------------------------------------------------------------------===//
// The events of a run and their order at equal times.
//===----------------------------------------------------------------------===//

/// The order of events that fall at the same instant (the engine's `order` class).
///
/// Calendar and staffing changes come first, so that a centre closing at 17:00 (or a
/// specialist whose hours end at 16:00) is closed before anyone freed at that instant
/// looks for more work, and a centre opening at 08:00 is open for what is released then;
/// releases next, so that a counter freed at 08:00 can take the citizen who arrives at
/// 08:00; arrivals after; the end-of-day snapshot last. A task that ends at the very
/// instant its worker goes off duty is finished, not interrupted (`CentreRun.review`).
enum SameTimeOrder: UInt8 {
  /// The centres open or close, staff come on or go off duty, an outage starts or ends.
  case calendar = 0
  /// A service or a task ends, a wait ends, a citizen gives up.
  case release = 1
  /// A citizen arrives or comes back.
  case arrival = 2
  /// The end-of-day statistics snapshot.
  case statistics = 3
}

/// What happens at an event: a kind and one integer target. 8 bytes, so that a heap
/// entry is 24 bytes.
struct Event {
  enum Kind: UInt8 {
    /// A new dossier arrives: target = centre × 3 + channel.
    case arrival
    /// A citizen comes back (next day, or with a supplement): target = dossier.
    case comeBack
    /// A member of staff finishes: target = pool << 16 | slot.
    case serviceEnd
    /// A waiting citizen gives up: target = dossier (checked against its handle).
    case renege
    /// A back-office wait step ends: target = dossier.
    case stepWaitEnd
    /// The centres open (start of an opening interval).
    case open
    /// The centres close; target 1 at the day's last closing, 0 at a break.
    case close
    /// Overtime ends at centre `target`.
    case overtimeEnd
    /// Re-check who is on duty in pool `target` (crew hours, pool hours).
    case review
    /// Outage instance `target` starts.
    case outageStart
    /// Outage instance `target` ends.
    case outageEnd
    /// Day `target` starts (absences drawn, reviews scheduled).
    case dayStart
    /// Day `target` ends (statistics snapshot).
    case dayEnd
  }

  /// The target in the high 32 bits, the kind in the low 8: one word, so that the event
  /// list moves an entry as three words (a byte and an `Int32` would be two moves).
  private let bits: UInt64

  init(_ kind: Kind, _ target: Int32 = 0) {
    bits = UInt64(UInt32(bitPattern: target)) << 32 | UInt64(kind.rawValue)
  }

  var kind: Kind { Kind(rawValue: UInt8(truncatingIfNeeded: bits)).unsafelyUnwrapped }
  var target: Int32 { Int32(truncatingIfNeeded: bits >> 32) }
}
