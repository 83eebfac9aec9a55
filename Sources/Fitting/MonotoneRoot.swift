//===----------------------------------------------------------------------===//
// Newton's method kept inside a bracket, for the likelihood equations' shapes.
//===----------------------------------------------------------------------===//

/// The root of an increasing function on (0, ∞) by Newton's method, safeguarded.
///
/// Each evaluation narrows a bracket [low, high] around the root (f < 0 below it, f > 0
/// above). A Newton step that leaves the bracket, or is not finite, is replaced by the
/// bracket's geometric midpoint, or by a factor of 4 towards the root while one side is
/// still open. Converges quadratically near the root and never diverges. After
/// ``newtonSteps`` evaluations (when rounding noise in f, near a root where f is tiny,
/// keeps Newton's steps from settling) it only bisects, which ends within about 60 more.
enum MonotoneRoot {
  /// Evaluations after which the search only bisects the bracket.
  static let newtonSteps = 60

  /// The x > 0 with f(x) = 0, starting from `start` > 0, where `f` returns the value and
  /// the (positive) slope; `nil` if none is found to relative precision 1e-14 within
  /// 1,000 evaluations.
  static func solve(from start: Double, _ f: (Double) -> (value: Double, slope: Double)) -> Double? {
    var low = 0.0
    var high = Double.infinity
    var x = start
    for step in 0..<1_000 {
      let (value, slope) = f(x)
      if value == 0 { return x }
      if !value.isFinite { return nil }
      if value < 0 { low = x } else { high = x }
      var next = x - value / slope
      if step >= newtonSteps || !(next.isFinite && next > low && next < high) {
        if high.isFinite {
          next = low > 0 ? (low * high).squareRoot() : high / 4
        } else {
          next = low * 4
        }
      }
      if abs(next - x) <= 1e-14 * x || (high.isFinite && high <= low * (1 + 1e-15)) { return next }
      x = next
    }
    return nil
  }
}
