//===----------------------------------------------------------------------===//
// Designs of experiments: which settings a sweep runs.
//===----------------------------------------------------------------------===//

import SimRandom

/// One parameter a sweep varies: a key path and its levels.
public struct SweepFactor: Sendable, Hashable {
  /// The scenario field (`centre.counter_staff`).
  public var keyPath: String
  /// The values it takes, as YAML text.
  public var levels: Levels
  /// Whether the field takes fractional values, so that a continuous range with whole
  /// ends (`daily_volume=40:60`) is sampled as reals, not as whole numbers. The caller
  /// asks the scenario's schema (see `Studies.SweepFactorKinds`); false by default.
  public var takesFractions = false

  /// How the values are given.
  public enum Levels: Sendable, Hashable {
    /// An explicit list (`3,4,5` or `fifo,earliest_due_date`).
    case list([String])
    /// A range `low:high:step`, both ends included (integers when all three are).
    case range(low: Double, high: Double, step: Double)
  }

  /// A factor.
  public init(keyPath: String, levels: Levels) {
    self.keyPath = keyPath
    self.levels = levels
  }

  /// Parses `key.path=a,b,c` or `key.path=low:high[:step]`; `nil` when
  /// ``init(validating:)`` would throw.
  public init?(parsing text: String) {
    guard let factor = try? SweepFactor(validating: text) else { return nil }
    self = factor
  }

  /// Parses `key.path=a,b,c` (a list) or `key.path=low:high[:step]` (a range).
  ///
  /// A value without a comma whose first two `:`-separated parts are numbers is a range:
  /// `low:high:step` (both ends included) or `low:high` (a Latin hypercube's continuous
  /// range, or its two ends in a grid). Its ends must be finite with low ≤ high, and its
  /// step a number above 0. One exception keeps a time of day a value: `16:00`, which
  /// would be a range going down, is the list of that one value. Anything else is a list
  /// (write a value with ':' in quotes, `'"12:30"'`, to keep it whole).
  /// - Throws: a ``Problem`` saying what is wrong.
  public init(validating text: String) throws(Problem) {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
      throw Problem("is not key.path=a,b,c or key.path=low:high[:step]")
    }
    keyPath = String(text[..<equals])
    let spec = String(text[text.index(after: equals)...])
    let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
    if (parts.count == 2 || parts.count == 3), !spec.contains(","), let low = Double(parts[0]), let high = Double(parts[1]),
      !(parts.count == 2 && high < low && Self.isClockTime(spec))
    {
      guard low.isFinite, high.isFinite else { throw Problem("has a range whose ends are not both finite numbers") }
      guard low <= high else {
        throw Problem("has a range from \(parts[0]) down to \(parts[1]); a range goes up, from low to high")
      }
      var step = 0.0
      if parts.count == 3 {
        guard let value = Double(parts[2]), value > 0, value.isFinite else {
          let shown = Double(parts[2]) == nil ? "'\(parts[2])'" : String(parts[2])
          throw Problem("has a range whose step must be a number above 0, not \(shown)")
        }
        step = value
      }
      levels = .range(low: low, high: high, step: step)
    } else {
      let values = spec.split(separator: ",").map { String($0).trimmingSpaces }
      guard !values.isEmpty, !values.contains(where: \.isEmpty) else { throw Problem("has an empty value in its list a,b,c") }
      levels = .list(values)
    }
  }

  /// Why a `--vary` text is not a factor.
  public struct Problem: Error, Sendable, CustomStringConvertible {
    /// What is wrong, as the end of a sentence about the text ("has a range from 5 down to 1").
    public var reason: String
    init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
  }

  /// `H:MM` or `HH:MM` (a time of day, not a range).
  private static func isClockTime(_ text: String) -> Bool {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    return parts.count == 2 && (1...2).contains(parts[0].count) && parts[1].count == 2
      && parts.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
  }

  /// How many levels the factor has in a grid, counted without listing them (a range
  /// can have billions); at most `Int.max`.
  public var levelCount: Int {
    switch levels {
    case .list(let values): return values.count
    case .range(let low, let high, let step):
      guard step > 0 else { return 2 }
      // As many as ``gridValues`` lists: low + i × step ≤ high, with the same tolerance.
      let count = ((high + 1e-9 * max(1, abs(high)) - low) / step).rounded(.down) + 1
      return count >= Double(Int.max) ? Int.max : max(1, Int(count))
    }
  }

  /// Whether every value is a whole number: a range with whole ends (and step) whose
  /// field does not take fractions.
  public var isInteger: Bool {
    guard case .range(let low, let high, let step) = levels, !(takesFractions && step == 0) else { return false }
    return low == low.rounded() && high == high.rounded() && (step == 0 || step == step.rounded())
  }

  /// The grid levels (a range without a step is its two ends).
  public var gridValues: [String] {
    switch levels {
    case .list(let values): return values
    case .range(let low, let high, let step):
      guard step > 0 else { return [format(low), format(high)] }
      var values: [String] = []
      var i = 0.0
      while low + i * step <= high + 1e-9 * max(1, abs(high)) {
        values.append(format(low + i * step))
        i += 1
      }
      return values
    }
  }

  /// A level as YAML text: a whole number without a fraction, unless it is beyond what
  /// `Int64` holds (`-1e300:10` has the ends -1e+300 and 10; converting -1e300 trapped).
  func format(_ x: Double) -> String {
    if (isInteger && abs(x) < 9e18) || (x == x.rounded() && abs(x) < 1e15) { return String(Int64(x.rounded())) }
    return "\(x)"
  }
}

/// One combination of settings of a sweep.
public struct DesignPoint: Sendable, Hashable {
  /// Position in the design (0-based), the key of its results.
  public var index: Int
  /// `(key path, value)` for each factor, in factor order.
  public var settings: [Setting]

  /// One factor's value at a design point.
  public struct Setting: Sendable, Hashable {
    public var keyPath: String
    public var value: String
  }
}

/// How the points of a sweep are chosen.
public enum SweepDesign: Sendable, Hashable {
  /// Every combination of the factors' levels (the first factor varies slowest).
  case grid
  /// `points` points of a Latin hypercube over the factors (McKay, Beckman & Conover
  /// 1979): each factor's range is cut into `points` equal strata and each stratum is
  /// used once, strata paired at random (with a GSL stream seeded from `seed`). A
  /// continuous range is sampled as reals when its field takes fractions
  /// (``SweepFactor/takesFractions``) or its ends are not whole, else as the whole numbers
  /// low...high, each in an equal share of the strata. Lists and ranges with a step are
  /// stratified by the position of their levels.
  case latinHypercube(points: Int, seed: UInt64)

  /// How many points ``points(_:)`` gives, counted without building them (the product of
  /// the factors' ``SweepFactor/levelCount``s for a grid); `nil` beyond `Int.max`.
  public func pointCount(_ factors: [SweepFactor]) -> Int? {
    switch self {
    case .latinHypercube(let count, _): return count
    case .grid:
      var product = 1
      for factor in factors {
        let (next, overflow) = product.multipliedReportingOverflow(by: factor.levelCount)
        if overflow { return nil }
        product = next
      }
      return product
    }
  }

  /// The design's points.
  public func points(_ factors: [SweepFactor]) -> [DesignPoint] {
    switch self {
    case .grid:
      var combinations: [[String]] = [[]]
      for factor in factors {
        combinations = combinations.flatMap { prefix in factor.gridValues.map { prefix + [$0] } }
      }
      return combinations.enumerated().map { i, values in
        DesignPoint(index: i, settings: zip(factors, values).map { .init(keyPath: $0.keyPath, value: $1) })
      }
    case .latinHypercube(let count, let seed):
      let stream = RandomStream(master: seed, replication: 0, key: StreamKey("latin-hypercube"))
      let columns = factors.map { factor -> [String] in
        let values = factor.gridValues
        // A random permutation of the strata (Fisher–Yates), then a point in each stratum.
        var strata = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) {
          let j = Int(stream.uniform() * Double(i + 1))
          strata.swapAt(i, j)
        }
        return strata.map { stratum in
          let u = (Double(stratum) + stream.uniform()) / Double(count)
          switch factor.levels {
          case .range(let low, let high, let step) where step == 0:
            // Whole numbers: low...high, each in an equal share of the strata.
            if factor.isInteger { return factor.format(min(high, (low + u * (high - low + 1)).rounded(.down))) }
            return factor.format(low + u * (high - low))
          default:
            // Lists and stepped ranges: stratify the levels by position.
            return values[min(values.count - 1, Int(u * Double(values.count)))]
          }
        }
      }
      return (0..<count).map { i in
        DesignPoint(index: i, settings: factors.indices.map { .init(keyPath: factors[$0].keyPath, value: columns[$0][i]) })
      }
    }
  }
}

/// A deterministic share of a design: point i belongs to shard `part` of `of` (1-based)
/// when i mod `of` = `part` − 1.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
  /// This shard, from 1.
  public var part: Int
  /// The number of shards.
  public var of: Int

  /// Shard `part` of `of`.
  public init(part: Int, of: Int) {
    precondition(of >= 1 && (1...of).contains(part))
    self.part = part
    self.of = of
  }

  /// Parses `k/n`.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
    self.init(part: k, of: n)
  }

  /// Whether point `index` is in this shard.
  public func contains(_ index: Int) -> Bool { index % of == part - 1 }

  public var description: String { "\(part)/\(of)" }
}

extension String {
  var trimmingSpaces: String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
