//===----------------------------------------------------------------------===//
// M/G/1: the Pollaczek–Khinchine mean-value formula.
//===----------------------------------------------------------------------===//

/// Steady state of the M/G/1 queue (Poisson arrivals, general service, one server, FIFO).
public struct PollaczekKhinchine: Sendable, Equatable {
  /// Arrival rate λ.
  public var arrivalRate: Double
  /// Mean service time E[S].
  public var meanServiceTime: Double
  /// Second moment of the service time E[S²].
  public var serviceSecondMoment: Double

  /// An M/G/1 queue with the given arrival rate and service-time moments.
  public init(arrivalRate: Double, meanServiceTime: Double, serviceSecondMoment: Double) {
    self.arrivalRate = arrivalRate
    self.meanServiceTime = meanServiceTime
    self.serviceSecondMoment = serviceSecondMoment
  }

  /// Utilisation ρ = λ·E[S].
  public var utilisation: Double { arrivalRate * meanServiceTime }

  /// Mean wait in queue W_q = λ·E[S²] / (2(1 − ρ)); +∞ when ρ ≥ 1.
  public var meanWait: Double {
    guard utilisation < 1 else { return .infinity }
    return arrivalRate * serviceSecondMoment / (2 * (1 - utilisation))
  }

  /// Mean number waiting L_q = λ·W_q.
  public var meanQueueLength: Double { arrivalRate * meanWait }
}
