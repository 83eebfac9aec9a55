//===----------------------------------------------------------------------===//
// Means and confidence intervals over replications.
//===----------------------------------------------------------------------===//

import CentreSimulation
import SimRandom

/// The mean of one quantity over independent replications, with its 95% confidence
/// interval from Student's t (quantile from GSL's `gsl_cdf_tdist_Pinv`).
public struct Estimate: Sendable, Equatable {
  /// Mean over the replications in which the quantity is defined.
  public var mean: Double
  /// Sample standard deviation across those replications (NaN with fewer than two).
  public var standardDeviation: Double
  /// Half-width of the 95% confidence interval for the mean (NaN with fewer than two).
  public var halfWidth: Double
  /// Replications in which the quantity is defined (not NaN).
  public var count: Int

  /// The estimate from `values`, ignoring NaN (an undefined value, such as an on-time
  /// rate with no dossiers). Values are taken in the order given, so a fixed order gives
  /// bit-identical results, the same as ``Moments`` folding them one by one.
  public init<C: Collection>(_ values: C, confidence: Double = 0.95) where C.Element == Double {
    var moments = Moments()
    for value in values { moments.add(value) }
    self = moments.estimate(confidence: confidence)
  }

  /// The estimate of `count` defined values whose sum is `sum` and whose sum of squared
  /// deviations from their mean is `squares`.
  init(count n: Int, sum: Double, squares: Double, confidence: Double) {
    count = n
    mean = n > 0 ? sum / Double(n) : .nan
    if n > 1 {
      standardDeviation = (squares / Double(n - 1)).squareRoot()
      let t = StudentT.quantile(1 - (1 - confidence) / 2, degreesOfFreedom: Double(n - 1))
      halfWidth = t * standardDeviation / Double(n).squareRoot()
    } else {
      standardDeviation = .nan
      halfWidth = .nan
    }
  }

  /// An estimate known only by its mean and half-width (read back from a table).
  public static func described(mean: Double, halfWidth: Double) -> Estimate {
    var estimate = Estimate([Double]())
    estimate.mean = mean
    estimate.halfWidth = halfWidth
    estimate.count = halfWidth.isNaN ? 1 : 2
    return estimate
  }

  /// Lower end of the confidence interval.
  public var low: Double { mean - halfWidth }
  /// Upper end of the confidence interval.
  public var high: Double { mean + halfWidth }

  /// Bit-for-bit equality (two NaN are equal).
  public static func == (a: Self, b: Self) -> Bool {
    a.count == b.count && a.mean.bitPattern == b.mean.bitPattern
      && a.standardDeviation.bitPattern == b.standardDeviation.bitPattern && a.halfWidth.bitPattern == b.halfWidth.bitPattern
  }
}

/// The running moments of one quantity over replications, folded one value at a time
/// in replication order: what an ``Estimate`` is made of, in memory that does not grow
/// with the number of replications.
///
/// The mean is the plain sum over the count (exact for counts below 2^53); the squared
/// deviations are Welford's update, as accurate as two passes without a second one.
public struct Moments: Sendable {
  /// Values folded that were defined (not NaN).
  public private(set) var count = 0
  private var sum = 0.0
  private var runningMean = 0.0
  private var squares = 0.0

  /// No values yet.
  public init() {}

  /// Folds `value` in; NaN (undefined) is skipped.
  @inline(__always)
  public mutating func add(_ value: Double) {
    guard !value.isNaN else { return }
    count += 1
    sum += value
    let deviation = value - runningMean
    runningMean += deviation / Double(count)
    squares += deviation * (value - runningMean)
  }

  /// The estimate of the values folded so far, with its `confidence` interval.
  public func estimate(confidence: Double = 0.95) -> Estimate {
    Estimate(count: count, sum: sum, squares: squares, confidence: confidence)
  }
}

/// Estimates of every measure of family `M`.
public struct Estimates<M: Measure>: Sendable, Equatable {
  /// One estimate per case of `M`, in case order.
  public var values: [Estimate]

  /// Estimates over `samples`, one `Measurements` per replication.
  public init(_ samples: [Measurements<M>]) {
    values = M.allCases.map { measure in Estimate(samples.lazy.map { $0[measure] }) }
  }

  /// Estimates given one per case of `M`.
  init(values: [Estimate]) {
    precondition(values.count == M.allCases.count)
    self.values = values
  }

  /// The estimate of `measure`.
  public subscript(measure: M) -> Estimate { values[measure.index] }
}
