import CentreModel
import CentreSimulation
import Experiments
import QueueingTheory
import SimRandom
import Testing
import TestSupport

/// A two-station tandem, counter → back office, with Poisson arrivals and exponential
/// times, around the clock: a Jackson network. Its product form makes each station an
/// independent M/M/c queue fed at the arrival rate (Burke's theorem for the output of the
/// counter), so the counter wait is Erlang C for the counter, the back-office wait is
/// Erlang C for the back office, and the time from receipt to completion is the
/// back-office wait plus the mean work. 20 replications; each theoretical value must lie
/// in the 99.9% Student-t interval.
@Suite(.tags(.statistical)) struct JacksonTandemTests {
  @Test func eachStationWaitsAsItsOwnMMcQueue() {
    let lambda = 0.8, counterMean = 1.0, workMean = 3.0
    let counterServers = 1, specialists = 3  // ρ = 0.8 at both stations
    var scenario = Scenarios.singleQueue(servers: counterServers, arrivalRate: lambda, service: .exponential(mean: counterMean),
                                         days: 30, replications: 20, seed: 61)
    scenario.procedures = [Procedure(id: "only", name: "Only procedure", share: 1, counterTime: .exponential(mean: counterMean),
                                     backOfficeTime: .exponential(mean: workMean), deadline: .workingDays(0))]
    scenario.centres[0] = Centre(id: "tandem", arrivals: ArrivalPattern(dailyVolume: lambda * 1440),
                                 counterStaff: counterServers, backOfficeStaff: specialists,
                                 closing: .serveWaiting(maxOvertime: nil))
    let result = Experiment.run(scenario)

    let counter = ErlangC(servers: counterServers, arrivalRate: lambda, meanServiceTime: counterMean)
    let backOffice = ErlangC(servers: specialists, arrivalRate: lambda, meanServiceTime: workMean)
    func statistics(_ measure: RunMeasure, scale: Double = 1) -> SampleStatistics {
      SampleStatistics(result.replications.map { $0.totals[measure] * scale })
    }
    let counterWait = statistics(.counterWaitMean)
    let backOfficeWait = statistics(.backOfficeWaitMean)
    let sojourn = statistics(.turnaroundMean, scale: 60)  // hours to minutes
    #expect(counterWait.covers(counter.meanWait),
            "counter wait \(counterWait.mean) ± \(counterWait.halfWidth(level: 0.999)) vs \(counter.meanWait)")
    #expect(backOfficeWait.covers(backOffice.meanWait),
            "back-office wait \(backOfficeWait.mean) ± \(backOfficeWait.halfWidth(level: 0.999)) vs \(backOffice.meanWait)")
    #expect(sojourn.covers(backOffice.meanWait + workMean),
            "receipt to completion \(sojourn.mean) ± \(sojourn.halfWidth(level: 0.999)) vs \(backOffice.meanWait + workMean)")
    let utilisation = statistics(.backOfficeUtilisation)
    #expect(utilisation.covers(lambda * workMean / Double(specialists)), "back-office utilisation \(utilisation.mean)")
  }
}
