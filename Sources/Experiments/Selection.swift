//===----------------------------------------------------------------------===//
// Choosing the best of several variants: Kim and Nelson's KN procedure.
//===----------------------------------------------------------------------===//

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif
import CentreModel
import CentreSimulation

/// The outcome of a ranking-and-selection run.
public struct Selection: Sendable {
  /// Index of the variant selected as the best.
  public var best: Int
  /// Replications each variant received before it was eliminated (or the end).
  public var replications: [Int]
  /// The replication count at which each variant was eliminated (`nil`: survived).
  public var eliminatedAt: [Int?]
  /// Sample means of the KPI over each variant's replications.
  public var means: [Double]
  /// The indifference-zone parameter δ: differences smaller than this are not resolved.
  public var indifferenceZone: Double
  /// The guaranteed probability of correct selection, 1 − α, when the best is at least δ
  /// better than the others.
  public var confidence: Double
  /// Whether the procedure stopped at the replication limit with several survivors (then
  /// `best` is the survivor with the best mean and the guarantee does not hold).
  public var hitLimit: Bool
}

/// Kim and Nelson's fully sequential procedure KN (Kim & Nelson 2001, "A fully
/// sequential procedure for indifference-zone selection in simulation", ACM TOMACS
/// 11(3):251–273), which stays valid under common random numbers.
///
/// After n₀ replications of each variant it computes the variances S²ᵢₗ of the paired
/// differences and η = ½[(2α/(k−1))^(−2/(n₀−1)) − 1], h² = 2η(n₀−1); then, one
/// replication at a time, it eliminates variant i when its mean falls below another's by
/// more than W_il(r) = max(0, δ/(2r)·(h²S²ᵢₗ/δ² − r)). Replications are computed in
/// parallel batches, but eliminations are decided replication by replication, so the
/// outcome does not depend on the number of threads.
public enum KimNelson {
  /// Selects the variant with the best `measure`.
  ///
  /// - Parameters:
  ///   - delta: the indifference zone δ (> 0), in the KPI's unit.
  ///   - confidence: 1 − α, the probability of correct selection to guarantee.
  ///   - initial: n₀ ≥ 2.
  ///   - limit: the most replications per variant.
  public static func select(
    _ variants: [Variant], measure: RunMeasure, delta: Double, confidence: Double = 0.95, initial: Int = 10,
    limit: Int = 1_000, jobs: Int = Experiment.defaultJobs
  ) -> Selection {
    let k = variants.count
    precondition(k >= 2 && delta > 0 && initial >= 2 && limit >= initial && confidence > 0 && confidence < 1)
    let sign = Direction(measure) == .higherIsBetter ? 1.0 : -1.0
    let plans = variants.map { ModelPlan($0.scenario) }
    var values = Array(repeating: [Double](), count: k)
    func extend(_ i: Int, to count: Int) {
      guard values[i].count < count else { return }
      let results = Experiment.run(plans[i], replications: values[i].count..<count, jobs: jobs)
      values[i] += results.map { sign * $0.totals[measure] }
    }
    for i in 0..<k { extend(i, to: initial) }
    let alpha = 1 - confidence
    let eta = 0.5 * (pow(2 * alpha / Double(k - 1), -2 / Double(initial - 1)) - 1)
    let h2 = 2 * eta * Double(initial - 1)
    var variance = Array(repeating: Array(repeating: 0.0, count: k), count: k)
    for i in 0..<k {
      for l in 0..<k where l != i {
        let d = (0..<initial).map { values[i][$0] - values[l][$0] }
        let m = d.reduce(0, +) / Double(initial)
        variance[i][l] = d.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(initial - 1)
      }
    }
    var alive = Array(repeating: true, count: k)
    var eliminatedAt = [Int?](repeating: nil, count: k)
    var r = initial
    let batch = max(1, jobs)
    while alive.filter({ $0 }).count > 1 && r <= limit {
      // Eliminate at r, using the first r replications only.
      let means = (0..<k).map { i in values[i].prefix(r).reduce(0, +) / Double(r) }
      var next = alive
      for i in 0..<k where alive[i] {
        for l in 0..<k where l != i && alive[l] {
          let w = max(0, delta / (2 * Double(r)) * (h2 * variance[i][l] / (delta * delta) - Double(r)))
          if means[i] < means[l] - w {
            next[i] = false
            eliminatedAt[i] = r
            break
          }
        }
      }
      alive = next
      guard alive.filter({ $0 }).count > 1, r < limit else { break }
      r += 1
      for i in 0..<k where alive[i] && values[i].count < r { extend(i, to: min(limit, r + batch - 1)) }
    }
    let counts = (0..<k).map { eliminatedAt[$0] ?? min(r, values[$0].count) }
    let means = (0..<k).map { i in sign * values[i].prefix(counts[i]).reduce(0, +) / Double(counts[i]) }
    let survivors = (0..<k).filter { alive[$0] }
    let best = survivors.max { sign * means[$0] < sign * means[$1] } ?? 0
    return Selection(best: best, replications: counts, eliminatedAt: eliminatedAt, means: means, indifferenceZone: delta,
                     confidence: confidence, hitLimit: survivors.count > 1)
  }
}
