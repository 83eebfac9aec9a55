//===----------------------------------------------------------------------===//
// The last value of a step function of time, with the span of times it holds for.
//===----------------------------------------------------------------------===//

/// Remembers the value of a step function of time (the hour of the day, the receipt day
/// of a deadline) together with the span of times over which it keeps that value, so that
/// asking again at a later time of the same span is two comparisons instead of a
/// division, a floor and a conversion.
///
/// The functions memoised are non-decreasing in time for the key they are computed from
/// (the day, then the hour or the side of the receipt cut-off): the times with one key form
/// an interval. When a value is computed at `time`, ``nextChange(after:near:key:)`` finds
/// the exact first time after it with another key (a floating-point search from the
/// boundary the arithmetic suggests, a few steps of one ulp), and the memo answers for
/// `from ..< until`. The answers are exactly those of the function itself.
struct StepMemo<Value> {
  /// The times the memo answers for: `from ..< until` (empty at first).
  private(set) var from = Double.infinity
  private(set) var until = -Double.infinity
  private(set) var value: Value

  init(_ placeholder: Value) { value = placeholder }

  /// The remembered value, if `time` is within its span.
  @inline(__always)
  func lookup(_ time: Double) -> Value? {
    time >= from && time < until ? value : nil
  }

  /// Remembers `value`, valid from `time` (where it was computed) until `until`.
  @inline(__always)
  mutating func remember(_ value: Value, from time: Double, until: Double) {
    self.value = value
    from = time
    self.until = until
  }

  /// The first time after `time` at which `key` differs from `key(time)`, searched from
  /// `candidate` (the boundary computed in exact arithmetic).
  ///
  /// - Precondition: `key` is non-decreasing in time, so that the times with one key form
  ///   an interval; `candidate` is finite.
  static func nextChange<Key: Equatable>(after time: Double, near candidate: Double, key: (Double) -> Key) -> Double {
    let current = key(time)
    var boundary = max(candidate, time.nextUp)
    while key(boundary) == current { boundary = boundary.nextUp }
    while boundary.nextDown > time && key(boundary.nextDown) != current { boundary = boundary.nextDown }
    return boundary
  }
}
