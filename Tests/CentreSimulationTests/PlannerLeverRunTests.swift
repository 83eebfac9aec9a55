import CentreModel
import CentreSimulation
import Experiments
import SimRandom
import Testing
import TestSupport

/// What the planner's levers do in a run (issue 15, items 6 and 7).
@Suite struct PlannerLeverRunTests {
  @Test func aCentresOnlineShareMovesDossiersBetweenChannelsFromItsDate() {
    // Hà Nội: 14% online before 15 September, 60% from then; demand unchanged.
    var scenario = Scenarios.commune(dailyVolume: 50, counterStaff: 3, backOfficeStaff: 3, days: 42, replications: 6)
    scenario.procedures[0].onlineShare = 0.05  // certification rarely online
    scenario.procedures[1].onlineShare = 0.3
    let switchDay = CivilDate(year: 2025, month: 9, day: 15)!
    scenario.centres[0].onlineShare = [OnlineShare(to: switchDay.adding(days: -1), share: 0.14), OnlineShare(from: switchDay, share: 0.6)]
    let base = fullRun({ var s = scenario; s.centres[0].onlineShare = []; return s }())
    let result = fullRun(scenario)
    let calendar = scenario.calendarTable()
    let split = (0..<scenario.horizon.days).first { calendar.date(ofDay: $0) == switchDay }!
    // Over the whole horizon the online share is the days-weighted targets, within CI.
    let expected = (0.14 * Double(split) + 0.6 * Double(scenario.horizon.days - split)) / Double(scenario.horizon.days)
    let share = Estimate(result.replications.map { $0.channels[Channel.online.rawValue][.arrivals] / $0.totals[.arrivals] })
    #expect(abs(share.mean - expected) < 3 * share.halfWidth + 0.01, "online share \(share.mean) ± \(share.halfWidth), expected \(expected)")
    // Demand is the same: the channels change, not the number of dossiers.
    let difference = Estimate(zip(base.replications, result.replications).map { $1.totals[.arrivals] - $0.totals[.arrivals] })
    #expect(difference.low <= 0 && 0 <= difference.high, "arrivals changed by \(difference.mean) ± \(difference.halfWidth)")
    // Fewer citizens at the counter after the switch.
    func walkIns(_ run: FullRun) -> Double { Estimate(run.replications.map { $0.channels[Channel.walkIn.rawValue][.arrivals] }).mean }
    #expect(walkIns(result) < walkIns(base))
  }

  /// A city of 20 centres whose sizes are lognormal with cv 0.6.
  static func city(_ mode: VolumeDraw.Mode) -> Scenario {
    var scenario = Scenarios.commune(dailyVolume: 40, days: 14, replications: 12)
    let centre = scenario.centres[0]
    scenario.centres = (0..<20).map { i in
      var c = centre
      c.id = "c\(i)"
      return c
    }
    scenario.volumeDraw = VolumeDraw(mode: mode, distribution: .lognormal(mean: 1, cv: 0.6), seed: 5, centres: Array(0..<20))
    return scenario
  }

  @Test func centreSizesRedrawnInEveryReplicationWidenTheIntervals() {
    // Per replication: a centre's arrivals vary with its drawn size, far beyond Poisson.
    let redrawn = Experiment.run(Self.city(.perReplication))
    let fixed = Experiment.run(Self.city(.once))
    let spread = redrawn.centres[0][.arrivals].standardDeviation
    let poisson = redrawn.centres[0][.arrivals].mean.squareRoot()
    #expect(spread > 3 * poisson, "sd \(spread), Poisson \(poisson)")
    // Drawn once (here: not at all in the run, the loader scales the volumes), a centre's
    // arrivals vary by Poisson noise only.
    #expect(fixed.centres[0][.arrivals].standardDeviation < 2 * fixed.centres[0][.arrivals].mean.squareRoot())
    // The scales differ between replications and repeat for the same one.
    let scenario = Self.city(.perReplication)
    #expect(CentreRun.volumeScales(scenario, replication: 0) != CentreRun.volumeScales(scenario, replication: 1))
    #expect(CentreRun.volumeScales(scenario, replication: 3) == CentreRun.volumeScales(scenario, replication: 3))
    #expect(CentreRun.volumeScales(Self.city(.once), replication: 0) == nil)
  }
}
