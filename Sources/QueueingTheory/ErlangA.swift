//===----------------------------------------------------------------------===//
// M/M/c+M: Erlang A, with exponential patience.
//===----------------------------------------------------------------------===//

/// Steady state of the M/M/c+M queue: Poisson arrivals, exponential service, c servers,
/// and customers who abandon after an exponential patience while waiting
/// (Garnett, Mandelbaum & Reiman 2002, "Designing a call center with impatient customers").
///
/// Computed exactly from the birth–death chain (death rate kμ for k ≤ c, cμ + (k − c)θ
/// above), truncated where the remaining probability is below 10⁻¹⁶.
public struct ErlangA: Sendable, Equatable {
  /// Number of servers c.
  public var servers: Int
  /// Arrival rate λ.
  public var arrivalRate: Double
  /// Mean service time 1/μ.
  public var meanServiceTime: Double
  /// Mean patience 1/θ.
  public var meanPatience: Double

  /// An M/M/`servers`+M queue.
  public init(servers: Int, arrivalRate: Double, meanServiceTime: Double, meanPatience: Double) {
    self.servers = servers
    self.arrivalRate = arrivalRate
    self.meanServiceTime = meanServiceTime
    self.meanPatience = meanPatience
  }

  /// Stationary probabilities of the number in system, truncated.
  public var stationaryDistribution: [Double] {
    let mu = 1 / meanServiceTime
    let theta = 1 / meanPatience
    var weights = [1.0]
    var k = 0
    var total = 1.0
    while true {
      k += 1
      let death = Double(min(k, servers)) * mu + Double(max(0, k - servers)) * theta
      let next = weights[k - 1] * arrivalRate / death
      weights.append(next)
      total += next
      if k > servers && next < 1e-16 * total { break }
    }
    return weights.map { $0 / total }
  }

  private var queueStatistics: (waitProbability: Double, meanQueue: Double) {
    let pi = stationaryDistribution
    var waiting = 0.0
    var queue = 0.0
    for (k, p) in pi.enumerated() where k >= servers {
      waiting += p
      queue += Double(k - servers) * p
    }
    return (waiting, queue)
  }

  /// Probability that an arrival finds every server busy (PASTA).
  public var probabilityOfWaiting: Double { queueStatistics.waitProbability }

  /// Mean number waiting L_q.
  public var meanQueueLength: Double { queueStatistics.meanQueue }

  /// Probability that an arrival abandons: θ·L_q / λ.
  public var probabilityOfAbandonment: Double { meanQueueLength / meanPatience / arrivalRate }

  /// Mean time in queue over all arrivals, served or not: L_q / λ.
  public var meanWait: Double { meanQueueLength / arrivalRate }
}
