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
  public init<S: Sequence>(_ values: S, confidence: Double = 0.95) where S.Element == Double {
    var n = 0
    var mean = 0.0
    var m2 = 0.0
    for value in values where !value.isNaN {
      n += 1
      let delta = value - mean
      mean += delta / Double(n)
      m2 += delta * (value - mean)
    }
    self.count = n
    self.mean = n > 0 ? mean : .nan
    if n > 1 {
      standardDeviation = (m2 / Double(n - 1)).squareRoot()
      let t = StudentT.quantile(1 - (1 - confidence) / 2, degreesOfFreedom: Double(n - 1))
      halfWidth = t * standardDeviation / Double(n).squareRoot()
    } else {
      standardDeviation = .nan
      halfWidth = .nan
    }
  }

  /// Lower end of the confidence interval.
  public var low: Double { mean - halfWidth }
  /// Upper end of the confidence interval.
  public var high: Double { mean + halfWidth }
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
