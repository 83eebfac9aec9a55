import CentreModel
import CentreSimulation
import Experiments
import QueueingTheory
import ScenarioFormat
import Testing
import TestSupport

/// Little's law, L = λW, at the counters.
///
/// On every sample path the area under the number of citizens waiting equals the sum of
/// their waits (time spent at home overnight is in neither). So, per replication:
/// mean queue (per centre) × opening minutes × centres = mean wait × citizens served, up
/// to the partial waits of citizens still waiting at the end. Citizens who give up count
/// with the wait they did (the area holds it too).
@Suite(.tags(.statistical)) struct LittlesLawTests {
  func checkSamplePath(_ result: ExperimentResult, _ name: String) {
    for replication in result.replications {
      let t = replication.totals
      let openMinutes = (0..<result.scenario.horizon.days).reduce(0.0) {
        $0 + result.scenario.calendarTable().openMinutes(ofDay: $1)
      }
      let area = t[.counterQueueMean] * openMinutes * Double(result.scenario.centres.count)
      let waits = t[.counterWaitMean] * t[.counterServed]
      if t[.waitingEnd] == 0 && t[.reneged] == 0 {
        #expect(abs(area - waits) <= 1e-9 * max(area, 1), "\(name) replication \(replication.replication): ∫Q = \(area), Σw = \(waits)")
      } else {
        #expect(area >= waits - 1e-9 * max(area, 1), "\(name): citizens still waiting, or gone, add to the area")
      }
    }
  }

  @Test func holdsOnEveryShippedScenario() throws {
    for file in try scenarioFiles(in: repositoryRoot() + "/scenarios") {
      var scenario = try ScenarioLoader.load(path: file).scenario
      scenario.replications = min(scenario.replications, 4)
      checkSamplePath(Experiment.run(scenario), file)
    }
  }

  @Test func holdsWithCitizensSentHome() {
    checkSamplePath(Experiment.run(Scenarios.commune(dailyVolume: 140, closing: .returnNextDay)), "sent home")
    checkSamplePath(Experiment.run(Scenarios.commune(dailyVolume: 140, closing: .serveWaiting(maxOvertime: 30))), "overtime")
  }

  @Test func timeAverageQueueMatchesErlangC() {
    // M/M/3 at ρ = 0.8: L_q from Erlang C against the simulated time-average queue.
    let theory = ErlangC(servers: 3, arrivalRate: 2.4, meanServiceTime: 1)
    let scenario = Scenarios.singleQueue(servers: 3, arrivalRate: 2.4, service: .exponential(mean: 1), days: 20,
                                         replications: 20, seed: 31)
    let result = Experiment.run(scenario)
    checkSamplePath(result, "M/M/3")
    let queue = SampleStatistics(result.replications.map { $0.totals[.counterQueueMean] })
    #expect(queue.covers(theory.meanQueueLength), "L_q \(queue.mean) ± \(queue.halfWidth(level: 0.999)) vs \(theory.meanQueueLength)")
  }
}
