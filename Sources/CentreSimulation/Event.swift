//===----------------------------------------------------------------------===//
// The events of a centre run and their order at equal times.
//===----------------------------------------------------------------------===//

/// The order of events that fall at the same instant (the engine's `order` class).
///
/// Releases come first, so that a counter freed at 08:00 can take the citizen who
/// arrives at 08:00; calendar changes next, so that a centre opening at 08:00 is open for
/// that citizen; arrivals after; the end-of-day snapshot last, when the day's work is done.
enum SameTimeOrder: UInt8 {
  /// A counter service or a back-office task ends.
  case release = 0
  /// The centre opens or closes, or overtime ends.
  case calendar = 1
  /// A citizen arrives.
  case arrival = 2
  /// The end-of-day statistics snapshot.
  case statistics = 3
}

/// What happens at an event. 8 bytes, so that a heap entry is 24 bytes.
struct Event {
  enum Kind: UInt8 {
    /// A citizen arrives at centre `target`.
    case arrival
    /// The server in slot `target` (pool << 16 | slot) finishes its work.
    case serviceEnd
    /// The centres open (start of an opening interval).
    case open
    /// The centres close; `target` is 1 at the day's last closing, 0 at a break.
    case close
    /// Overtime ends at centre `target`: citizens still waiting return next opening.
    case overtimeEnd
    /// Midnight: the day ends.
    case dayEnd
  }

  var kind: Kind
  var target: Int32

  init(_ kind: Kind, _ target: Int32 = 0) {
    self.kind = kind
    self.target = target
  }
}
