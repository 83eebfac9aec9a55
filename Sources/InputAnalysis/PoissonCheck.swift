//===----------------------------------------------------------------------===//
// Are a centre's walk-ins Poisson? Index of dispersion per weekday and hour.
//===----------------------------------------------------------------------===//

import CentreModel
import Fitting
import Foundation

/// The index-of-dispersion check of a centre's walk-in arrivals against the
/// non-homogeneous Poisson process onestop simulates.
///
/// Following Kim and Whitt (2014), the counts are taken over intervals in which the rate
/// is roughly constant: for each (weekday, hour of day) cell, the walk-ins in that hour on
/// each regular open day of that weekday on which the whole hour is open, over every
/// replication. Each cell is tested with ``IndexOfDispersion/test(counts:significanceLevel:)``
/// (cells with fewer than two days or no arrival are skipped). The pooled test adds the
/// cells' statistics, Σ (nᵢ − 1)·Dᵢ, which under the Poisson is chi-square with
/// Σ (nᵢ − 1) degrees of freedom; its two-sided p-value uses the Wilson–Hilferty normal
/// approximation (accurate for the hundreds of degrees of freedom a log gives).
public struct PoissonCheck: Sendable {
  /// One tested cell.
  public struct Cell: Sendable {
    /// Weekday (Monday = 0) and hour of day.
    public var weekday: Int
    public var hour: Int
    /// The test of its counts.
    public var test: DispersionTest
  }

  /// The verdict of the pooled test.
  public enum Verdict: String, Sendable {
    case consistentWithPoisson = "consistent_with_poisson"
    case overdispersed, underdispersed
    /// Too few days or arrivals to test.
    case untestable
  }

  /// The tested cells, by weekday then hour.
  public var cells: [Cell]
  /// Cells consistent with the Poisson at the level, and those rejected either way.
  public var consistent: Int
  public var overdispersed: Int
  public var underdispersed: Int
  /// The pooled statistic, its degrees of freedom, the pooled index (statistic ÷ degrees)
  /// and its two-sided p-value.
  public var pooledStatistic: Double
  public var pooledDegrees: Int
  public var pooledIndex: Double
  public var pooledPValue: Double
  /// The level of every test.
  public var significance: Double
  /// The pooled verdict.
  public var verdict: Verdict

  /// Tests walk-in `counts` per (replication, day, hour): `counts[(r · days + d) · 24 + h]`.
  static func test(
    counts: [Int], days: Int, replications: Int, regular: [Bool], weekdays: [Int], table: CalendarTable,
    significance: Double
  ) -> PoissonCheck {
    var cells: [Cell] = []
    for w in 0..<7 {
      for h in 0..<24 {
        var sample: [Int] = []
        for d in 0..<days where regular[d] && weekdays[d] == w && Self.isWholeHourOpen(table, day: d, hour: h) {
          for r in 0..<replications { sample.append(counts[(r * days + d) * 24 + h]) }
        }
        if let test = try? IndexOfDispersion.test(counts: sample, significanceLevel: significance) {
          cells.append(Cell(weekday: w, hour: h, test: test))
        }
      }
    }
    let statistic = cells.reduce(0.0) { $0 + $1.test.statistic }
    let degrees = cells.reduce(0) { $0 + $1.test.degreesOfFreedom }
    var p = Double.nan
    var verdict = Verdict.untestable
    if degrees > 0 {
      let k = Double(degrees)
      let z = (pow(statistic / k, 1.0 / 3) - (1 - 2 / (9 * k))) / (2 / (9 * k)).squareRoot()
      let lower = 0.5 * erfc(-z / 2.0.squareRoot())
      p = min(1, 2 * min(lower, 1 - lower))
      verdict = p >= significance ? .consistentWithPoisson : (statistic > k ? .overdispersed : .underdispersed)
    }
    return PoissonCheck(
      cells: cells, consistent: cells.count(where: { $0.test.verdict == .consistentWithPoisson }),
      overdispersed: cells.count(where: { $0.test.verdict == .overdispersed }),
      underdispersed: cells.count(where: { $0.test.verdict == .underdispersed }),
      pooledStatistic: statistic, pooledDegrees: degrees, pooledIndex: degrees > 0 ? statistic / Double(degrees) : .nan,
      pooledPValue: p, significance: significance, verdict: verdict)
  }

  /// Whether the whole of hour `hour` of day `day` is open.
  static func isWholeHourOpen(_ table: CalendarTable, day: Int, hour: Int) -> Bool {
    let start = Double(day) * 1440 + Double(hour) * 60
    var open = 0.0
    table.forEachOpenInterval(ofDay: day) { a, b in open += max(0, min(b, start + 60) - max(a, start)) }
    return open >= 60
  }

  /// The result in plain words.
  public var summary: String {
    guard verdict != .untestable else {
      return "The Poisson check needs walk-ins on at least two days of the same weekday in the same whole open hour; this log has too few to test."
    }
    let level = "\(Int((significance * 100).rounded()))%"
    var text = "Walk-ins per hour, in the \(cells.count) (weekday, hour) cells with at least two days: \(consistent) "
      + "consistent with Poisson at \(level)"
    if overdispersed + underdispersed > 0 {
      text += " (\(overdispersed) burstier, \(underdispersed) more regular; about \(level) fail by chance even when arrivals are Poisson)"
    }
    text += ". Pooled index of dispersion \(Self.format(pooledIndex)) (χ² = \(Self.format(pooledStatistic)) on \(pooledDegrees) degrees of freedom, p = \(Self.format(pooledPValue))): "
    switch verdict {
    case .consistentWithPoisson:
      text += "consistent with a Poisson process whose rate depends on the weekday and the hour, as onestop simulates."
    case .overdispersed:
      text += "the arrivals are burstier than Poisson (demand that swings from day to day, groups arriving together, or days the calendar does not know); the simulated arrivals will be smoother than the real ones, and simulated waits somewhat optimistic."
    case .underdispersed:
      text += "the arrivals are more regular than Poisson (appointments, or a cap on tickets); the simulated arrivals will be more variable than the real ones, and simulated waits somewhat pessimistic."
    case .untestable:
      break
    }
    return text
  }

  static func format(_ x: Double) -> String {
    guard x.isFinite else { return "n/a" }
    if x != 0 && abs(x) < 0.001 { return String(format: "%.1e", x) }
    return String(format: abs(x) >= 100 ? "%.0f" : "%.3g", x)
  }
}
