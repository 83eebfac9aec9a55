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

  /// Parses `key.path=a,b,c` or `key.path=low:high:step` (`low:high` for a Latin
  /// hypercube over a continuous range).
  public init?(parsing text: String) {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
    keyPath = String(text[..<equals])
    let spec = String(text[text.index(after: equals)...])
    let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
    if (parts.count == 2 || parts.count == 3), !spec.contains(","),
      let low = Double(parts[0]), let high = Double(parts[1]), high >= low
    {
      let step = parts.count == 3 ? Double(parts[2]) ?? 0 : 0
      guard step >= 0, parts.count == 2 || step > 0 else { return nil }
      levels = .range(low: low, high: high, step: step)
    } else {
      let values = spec.split(separator: ",").map { String($0).trimmingSpaces }
      guard !values.isEmpty, !values.contains(where: \.isEmpty) else { return nil }
      levels = .list(values)
    }
  }

  /// Whether every value is a whole number.
  var isInteger: Bool {
    guard case .range(let low, let high, let step) = levels else { return false }
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

  func format(_ x: Double) -> String {
    if isInteger || x == x.rounded() && abs(x) < 1e15 { return String(Int64(x.rounded())) }
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
  /// used once, strata paired at random (with a GSL stream seeded from `seed`). Lists and
  /// ranges with a step are stratified by the position of their levels.
  case latinHypercube(points: Int, seed: UInt64)

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
            let x = low + u * (high - low)
            return factor.format(factor.isInteger ? min(high, x.rounded(.down)) : x)
          default:
            // Lists and stepped ranges: stratify the levels by position.
            let values = factor.gridValues
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
