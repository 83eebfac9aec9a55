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
  /// rate with no dossiers). Values are summed in the order given, so a fixed order gives
  /// bit-identical results.
  public init<C: Collection>(_ values: C, confidence: Double = 0.95) where C.Element == Double {
    // Two passes (sum, then squared deviations): exact for counts, accurate otherwise.
    // Over the collection itself, skipping NaN, so that nothing is allocated.
    var n = 0
    var sum = 0.0
    for value in values where !value.isNaN {
      n += 1
      sum += value
    }
    count = n
    mean = n > 0 ? sum / Double(n) : .nan
    if n > 1 {
      let m = mean
      var squares = 0.0
      for value in values where !value.isNaN { squares += (value - m) * (value - m) }
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

/// Estimates of every measure of family `M`.
public struct Estimates<M: Measure>: Sendable, Equatable {
  /// One estimate per case of `M`, in case order.
  public var values: [Estimate]

  /// Estimates over `samples`, one `Measurements` per replication.
  public init(_ samples: [Measurements<M>]) {
    values = M.allCases.map { measure in Estimate(samples.lazy.map { $0[measure] }) }
  }

  /// The estimate of `measure`.
  public subscript(measure: M) -> Estimate { values[measure.index] }
}
