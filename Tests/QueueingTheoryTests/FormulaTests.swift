import QueueingTheory
import Testing

@Suite struct ErlangCFormulaTests {
  @Test func mm1ClosedForm() {
    // M/M/1: P(wait) = ρ, Wq = ρ/(μ − λ).
    let q = ErlangC(servers: 1, arrivalRate: 0.8, meanServiceTime: 1)
    #expect(abs(q.probabilityOfWaiting - 0.8) < 1e-12)
    #expect(abs(q.meanWait - 4) < 1e-12)
    #expect(abs(q.meanQueueLength - 3.2) < 1e-12)
  }

  @Test func domainWorkedExample() {
    // domain.md T3: a = 4.84 Erlang, mean 9 min; 6 counters P(wait) 0.53, Wq 4.1 min; 7 give 0.29, 1.2.
    let lambda = 4.84 / 9
    let six = ErlangC(servers: 6, arrivalRate: lambda, meanServiceTime: 9)
    let seven = ErlangC(servers: 7, arrivalRate: lambda, meanServiceTime: 9)
    #expect(abs(six.probabilityOfWaiting - 0.53) < 0.01)
    #expect(abs(six.meanWait - 4.1) < 0.05)
    #expect(abs(seven.probabilityOfWaiting - 0.29) < 0.01)
    #expect(abs(seven.meanWait - 1.2) < 0.05)
  }

  @Test func textbookValue() {
    // c = 10, a = 9 Erlang: C(10, 9) = 0.6687 (standard tables).
    let q = ErlangC(servers: 10, arrivalRate: 9, meanServiceTime: 1)
    #expect(abs(q.probabilityOfWaiting - 0.66871) < 1e-4)
  }

  @Test func unstableQueues() {
    let q = ErlangC(servers: 2, arrivalRate: 3, meanServiceTime: 1)
    #expect(!q.isStable)
    #expect(q.meanWait == .infinity)
    #expect(q.probabilityOfWaiting == 1)
  }

  @Test func quantileInvertsTheTail() {
    let q = ErlangC(servers: 3, arrivalRate: 2.4, meanServiceTime: 1)
    let t = q.waitQuantile(0.95)
    #expect(abs(q.probabilityWaitExceeds(t) - 0.05) < 1e-12)
    #expect(q.waitQuantile(0.1) == 0)
  }

  @Test func minimumServersAndSquareRootStaffing() {
    let c = ErlangC.minimumServers(arrivalRate: 9, meanServiceTime: 1) { $0.meanWait <= 0.5 }
    #expect(c == 10 || c == 11)
    if let c {
      #expect(ErlangC(servers: c, arrivalRate: 9, meanServiceTime: 1).meanWait <= 0.5)
      #expect(ErlangC(servers: c - 1, arrivalRate: 9, meanServiceTime: 1).meanWait > 0.5)
    }
    #expect(squareRootStaffing(offeredLoad: 100, beta: 1) == 110)
  }
}

@Suite struct ErlangAFormulaTests {
  @Test func infinitePatienceIsErlangC() {
    let a = ErlangA(servers: 3, arrivalRate: 2.4, meanServiceTime: 1, meanPatience: 1e9)
    let c = ErlangC(servers: 3, arrivalRate: 2.4, meanServiceTime: 1)
    #expect(abs(a.probabilityOfWaiting - c.probabilityOfWaiting) < 1e-6)
    #expect(abs(a.meanWait - c.meanWait) < 1e-5)
    #expect(a.probabilityOfAbandonment < 1e-8)
  }

  @Test func equalPatienceAndServiceIsAnInfiniteServerQueue() {
    // θ = μ: the number in system is Poisson(λ/μ) (M/M/∞), so P(abandon) = E[(N − c)+]/a.
    let a = ErlangA(servers: 2, arrivalRate: 3, meanServiceTime: 1, meanPatience: 1)
    var expectedQueue = 0.0
    var p = exp(-3.0)
    for k in 0..<200 {
      if k > 2 { expectedQueue += Double(k - 2) * p }
      p *= 3 / Double(k + 1)
    }
    #expect(abs(a.meanQueueLength - expectedQueue) < 1e-10)
    #expect(abs(a.probabilityOfAbandonment - expectedQueue / 3) < 1e-10)
  }

  @Test func overloadedButStable() {
    let a = ErlangA(servers: 2, arrivalRate: 5, meanServiceTime: 1, meanPatience: 2)
    #expect(a.probabilityOfAbandonment > 0.5 && a.probabilityOfAbandonment < 0.7)
    #expect(abs(a.stationaryDistribution.reduce(0, +) - 1) < 1e-12)
  }
}

@Suite struct PollaczekKhinchineFormulaTests {
  @Test func exponentialServiceIsMM1() {
    let pk = PollaczekKhinchine(arrivalRate: 0.8, meanServiceTime: 1, serviceSecondMoment: 2)
    #expect(abs(pk.meanWait - ErlangC(servers: 1, arrivalRate: 0.8, meanServiceTime: 1).meanWait) < 1e-12)
  }

  @Test func deterministicServiceHalvesTheWait() {
    let md1 = PollaczekKhinchine(arrivalRate: 0.8, meanServiceTime: 1, serviceSecondMoment: 1)
    #expect(abs(md1.meanWait - 2) < 1e-12)
    #expect(PollaczekKhinchine(arrivalRate: 1, meanServiceTime: 1, serviceSecondMoment: 1).meanWait == .infinity)
  }
}

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif
