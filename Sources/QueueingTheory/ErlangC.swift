//===----------------------------------------------------------------------===//
// M/M/c: Erlang's delay formula.
//===----------------------------------------------------------------------===//

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Steady state of the M/M/c queue (Poisson arrivals, exponential service, c servers,
/// FIFO, unlimited waiting room): A. K. Erlang (1917).
///
/// Times are in any one unit (onestop uses minutes); rates are per that unit.
public struct ErlangC: Sendable, Equatable {
  /// Number of servers c.
  public var servers: Int
  /// Arrival rate λ.
  public var arrivalRate: Double
  /// Mean service time E[S] = 1/μ.
  public var meanServiceTime: Double

  /// An M/M/`servers` queue with arrival rate `arrivalRate` and mean service time
  /// `meanServiceTime`.
  public init(servers: Int, arrivalRate: Double, meanServiceTime: Double) {
    self.servers = servers
    self.arrivalRate = arrivalRate
    self.meanServiceTime = meanServiceTime
  }

  /// Offered load a = λ·E[S], in Erlangs.
  public var offeredLoad: Double { arrivalRate * meanServiceTime }

  /// Server utilisation ρ = a / c.
  public var utilisation: Double { offeredLoad / Double(servers) }

  /// Whether a steady state exists (ρ < 1).
  public var isStable: Bool { servers > 0 && utilisation < 1 }

  /// Erlang's loss formula B(c, a), by the stable recursion B(k) = a·B(k−1) / (k + a·B(k−1)).
  public var blockingProbability: Double {
    let a = offeredLoad
    var b = 1.0
    if servers > 0 {
      for k in 1...servers { b = a * b / (Double(k) + a * b) }
    }
    return b
  }

  /// Probability that an arrival waits, C(c, a) = c·B / (c − a(1 − B)); 1 when unstable.
  public var probabilityOfWaiting: Double {
    guard isStable else { return 1 }
    let b = blockingProbability
    let c = Double(servers)
    return c * b / (c - offeredLoad * (1 - b))
  }

  /// Mean wait in queue W_q = C(c, a)·E[S] / (c − a); +∞ when unstable.
  public var meanWait: Double {
    guard isStable else { return .infinity }
    return probabilityOfWaiting * meanServiceTime / (Double(servers) - offeredLoad)
  }

  /// Mean number waiting L_q = λ·W_q (Little's law).
  public var meanQueueLength: Double { arrivalRate * meanWait }

  /// P(W_q > t) = C(c, a)·exp(−(c − a)·t / E[S]).
  public func probabilityWaitExceeds(_ t: Double) -> Double {
    guard isStable else { return 1 }
    return probabilityOfWaiting * exp(-(Double(servers) - offeredLoad) * t / meanServiceTime)
  }

  /// The `p`-quantile of the wait in queue (0 when p ≤ 1 − C).
  public func waitQuantile(_ p: Double) -> Double {
    guard isStable else { return .infinity }
    let c = probabilityOfWaiting
    guard p > 1 - c else { return 0 }
    return meanServiceTime * log(c / (1 - p)) / (Double(servers) - offeredLoad)
  }

  /// The smallest number of servers for which `isAcceptable` holds, searching upwards
  /// from the fewest servers that give a steady state (at most `limit`).
  public static func minimumServers(
    arrivalRate: Double, meanServiceTime: Double, limit: Int = 10_000,
    where isAcceptable: (ErlangC) -> Bool
  ) -> Int? {
    let load = arrivalRate * meanServiceTime
    var c = max(1, Int(load.rounded(.down)) + 1)
    while c <= limit {
      let queue = ErlangC(servers: c, arrivalRate: arrivalRate, meanServiceTime: meanServiceTime)
      if isAcceptable(queue) { return c }
      c += 1
    }
    return nil
  }
}

/// Square-root staffing c = ⌈R + β√R⌉ for offered load R (Halfin & Whitt 1981).
public func squareRootStaffing(offeredLoad: Double, beta: Double) -> Int {
  Int((offeredLoad + beta * offeredLoad.squareRoot()).rounded(.up))
}
