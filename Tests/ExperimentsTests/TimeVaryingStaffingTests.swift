import CentreModel
import CentreSimulation
import Experiments
import QueueingTheory
import Testing
import TestSupport

/// The iterative staffing algorithm and its pieces.
@Suite struct TimeVaryingStaffingTests {
  @Test func staffNeededIsTheSmallestWithATailWithinAlpha() throws {
    var counts = [Int](repeating: 0, count: 24 * (HourlyLoad.cap + 1))
    // Hour 9: loads 0, 1, 2, 3 seen 40, 30, 20, 10 times: P(L ≥ 2) = 0.3, P(L ≥ 3) = 0.1.
    for (n, k) in [40, 30, 20, 10].enumerated() { counts[9 * (HourlyLoad.cap + 1) + n] = k }
    let load = HourlyLoad(counts: counts)
    #expect(try load.staffNeeded(hour: 9, alpha: 0.3) == 2)
    #expect(try load.staffNeeded(hour: 9, alpha: 0.2) == 3)
    #expect(try load.staffNeeded(hour: 9, alpha: 0.05) == 4)
    #expect(try load.staffNeeded(hour: 10, alpha: 0.2) == nil)  // no samples
    counts[11 * (HourlyLoad.cap + 1) + HourlyLoad.cap] = 1
    #expect(throws: TimeVaryingStaffingError.loadBeyondRecord(hour: 11)) {
      try HourlyLoad(counts: counts).staffNeeded(hour: 11, alpha: 0.2)
    }
  }

  @Test func staffByTheHourBecomesOneCrewPerLayer() {
    var staff = [Int](repeating: 0, count: 24)
    staff[8] = 2; staff[9] = 3; staff[10] = 1; staff[13] = 2; staff[14] = 1
    let scenario = HourlyStaffing(staff).applied(to: Scenarios.commune(), openHours: [8, 9, 10, 11, 13, 14])
    let crews = scenario.centres[0].counters[0].staffing.crews
    #expect(crews.map(\.count) == [1, 1, 1])
    // Member 1 works 08–11 and 13 to the end of the day (on duty at the last open hour: overtime).
    #expect(crews[0].hours?.map(\.description) == ["08:00-11:00", "13:00-24:00"])
    #expect(crews[1].hours?.map(\.description) == ["08:00-10:00", "13:00-14:00"])
    #expect(crews[2].hours?.map(\.description) == ["09:00-10:00"])
  }

  @Test func refusesWhatItCannotStaff() {
    var scenario = Scenarios.commune()
    scenario.centres.append(scenario.centres[0])
    scenario.centres[1].id = "second"
    #expect(throws: TimeVaryingStaffingError.notOneCounterGroup(centres: 2, groups: 1)) { try TimeVaryingStaffing.check(scenario) }
  }

  @Test(.tags(.statistical)) func aStationaryQueueGetsErlangCsAnswerInEveryHour() throws {
    // M/M/c around the clock, a = 5 Erlangs: Erlang C's P(wait) is 0.32 with 7 servers and
    // 0.17 with 8, so for α = 0.24 every hour needs 8.
    let scenario = Scenarios.singleQueue(servers: 5, arrivalRate: 0.5, service: .exponential(mean: 10), days: 30,
                                         replications: 10, seed: 81)
    let result = try TimeVaryingStaffing.iterate(scenario, alpha: 0.24)
    #expect(result.converged)
    #expect(result.staffing.staff == [Int](repeating: 8, count: 24))
    #expect(ErlangC(servers: 8, arrivalRate: 0.5, meanServiceTime: 10).probabilityOfWaiting <= 0.24)
    #expect(ErlangC(servers: 7, arrivalRate: 0.5, meanServiceTime: 10).probabilityOfWaiting > 0.24)
  }

  @Test(.tags(.statistical)) func theAnswerKeepsTheDelayProbabilityWithinTargetEveryHour() throws {
    // A commune with a morning peak, counter staff helping nobody.
    let scenario = Scenarios.commune(dailyVolume: 160, counterStaff: 4, backOfficeStaff: 6, days: 28, replications: 8)
    let result = try TimeVaryingStaffing.iterate(scenario, alpha: 0.2)
    #expect(result.converged)
    let final = result.iterations[result.iterations.count - 1]
    for hour in result.openHours where final.hours[hour][.walkInArrivals].mean > 0 {
      let delayed = final.hours[hour][.delayProbability]
      #expect(delayed.low <= 0.2, "\(hour):00: P(wait) \(delayed.mean) [\(delayed.low), \(delayed.high)]")
    }
  }
}
