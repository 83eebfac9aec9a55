import CentreModel
import CentreSimulation
import Experiments
import Testing
import TestSupport

/// Model invariants on small commune scenarios, over several seeds and closing policies.
@Suite struct InvariantTests {
  static let scenarios: [(String, Scenario)] = [
    ("commune", Scenarios.commune()),
    ("overloaded, return next day", Scenarios.commune(dailyVolume: 140, closing: .returnNextDay, seed: 11)),
    ("overloaded, serve all", Scenarios.commune(dailyVolume: 140, closing: .serveWaiting(maxOvertime: nil), seed: 12)),
    ("overloaded, 30 min overtime", Scenarios.commune(dailyVolume: 140, backOfficeStaff: 1, seed: 13)),
    ("every feature", Scenarios.everything()),
    ("every feature, return next day", Scenarios.everything(seed: 22, closing: .returnNextDay)),
  ]

  @Test(arguments: scenarios)
  func conservationAndConsistency(name: String, scenario: Scenario) {
    for replication in fullRun(scenario, jobs: 2).replications {
      let t = replication.totals
      #expect(t[.arrivals] == t[.completed] + t[.inSystemEnd] + t[.abandoned],
              "\(name): arrived = completed + in system + abandoned")
      #expect(t[.received] == t[.completed] + t[.backlogEnd], "\(name): received = completed + backlog")
      #expect(t[.inSystemEnd] >= t[.backlogEnd] + t[.waitingEnd], "\(name): in system ⊇ backlog + waiting")
      #expect(t[.completedOnTime] + t[.completedLate] == t[.completed])
      #expect(t[.overdue] == t[.completedLate] + t[.overdueOpen])
      #expect(t[.overdueOpen] >= 0 && t[.overdueOpen] <= t[.backlogEnd])
      #expect(t[.counterUtilisation] <= 1 && t[.backOfficeUtilisation] <= 1)
      #expect(t[.counterWaitP50] <= t[.counterWaitP90] && t[.counterWaitP90] <= t[.counterWaitP95])
      #expect(t[.counterWaitP95] <= t[.counterWaitMax])
      // Per procedure and per day add up to the totals.
      let pairs: [(ProcedureMeasure, RunMeasure)] = [
        (.arrivals, .arrivals), (.received, .received), (.completed, .completed), (.completedLate, .completedLate),
        (.overdueOpen, .overdueOpen), (.abandoned, .abandoned),
      ]
      for (perProcedure, total) in pairs {
        #expect(replication.procedures.reduce(0) { $0 + $1[perProcedure] } == t[total])
      }
      let centrePairs: [(CentreMeasure, RunMeasure)] = [
        (.arrivals, .arrivals), (.received, .received), (.completed, .completed), (.completedLate, .completedLate),
        (.overdueOpen, .overdueOpen), (.abandoned, .abandoned), (.carriedOver, .carriedOver),
      ]
      for (perCentre, total) in centrePairs {
        #expect(replication.centres.reduce(0) { $0 + $1[perCentre] } == t[total])
      }
      #expect(replication.channels.reduce(0) { $0 + $1[.arrivals] } == t[.arrivals])
      #expect(replication.channels.reduce(0) { $0 + $1[.completed] } == t[.completed])
      let ages = t[.overdueOpenAge0to1] + t[.overdueOpenAge2to5] + t[.overdueOpenAge6to10] + t[.overdueOpenAgeOver10]
      #expect(ages == t[.overdueOpen], "\(name): overdue by age adds up")
      #expect(t[.abandoned] <= t[.balked] + t[.reneged] + t[.turnedAway] + t[.handedBack] + t[.returnedFromBackOffice])
      #expect(replication.days.reduce(0) { $0 + $1[.arrivals] } == t[.arrivals])
      #expect(replication.days.reduce(0) { $0 + $1[.completed] } == t[.completed])
      #expect(replication.days.reduce(0) { $0 + $1[.completedLate] } == t[.completedLate])
      #expect(replication.days.reduce(0) { $0 + $1[.carriedOver] } == t[.carriedOver])
      #expect(replication.days.reduce(0) { $0 + $1[.abandoned] } == t[.abandoned])
      #expect(replication.days.last?[.backlog] == t[.backlogEnd])
      #expect(replication.days.last?[.overdueOpen] == t[.overdueOpen])
      #expect(replication.days.allSatisfy { $0[.backlog] >= 0 && $0[.inSystem] >= $0[.backlog] && $0[.overdueOpen] >= 0 })
    }
  }

  @Test func theEverythingScenarioExercisesEveryFeature() {
    let result = Experiment.run(Scenarios.everything())
    let t = result.totals
    for measure: RunMeasure in [.balked, .reneged, .turnedAway, .handedBack, .returnedFromBackOffice, .comeBacks,
                                .abandoned, .outageMinutes, .completedLate, .counterWaitPriorityMean] {
      #expect(t[measure].mean > 0, "\(measure) never happens")
    }
    for channel in Channel.allCases { #expect(result.channels[channel.rawValue][.completed].mean > 0, "\(channel)") }
    // Two counter groups, two back-office pools, and the online intake the clerks do.
    #expect(result.poolNames.map(\.name) == ["certification", "general", "back-office", "leaders", "online-intake"])
    #expect(result.pools.allSatisfy { $0[.staffOnDutyHours].mean == 0 || $0[.busyHours].mean > 0 })
  }

  @Test func closingPoliciesDecideWhoComesBack() {
    let sendHome = Experiment.run(Scenarios.commune(dailyVolume: 140, closing: .returnNextDay, seed: 5))
    let serveAll = Experiment.run(Scenarios.commune(dailyVolume: 140, closing: .serveWaiting(maxOvertime: nil), seed: 5))
    #expect(sendHome.totals[.carriedOver].mean > 0)
    #expect(serveAll.replications.allSatisfy { $0.totals[.carriedOver] == 0 })
    // Sent home, the same citizens wait longer in total (they lose their place in the evening).
    #expect(sendHome.totals[.completed].mean <= serveAll.totals[.completed].mean)
  }

  @Test func backOfficeWorkPausesOutsideOpeningHours() {
    // 600 minutes of back-office work cannot fit in one 480-minute day: every dossier
    // spans at least one night (15 h closed) and a lunch break.
    var scenario = Scenarios.commune(dailyVolume: 5, backOfficeStaff: 10, days: 28)
    scenario.procedures[1].steps = [WorkStep("work", .work(pool: "back-office", time: .deterministic(600)))]
    scenario.procedures[1].deadline = .workingDays(10)
    let result = Experiment.run(scenario)
    let turnaround = result.procedures[1][.turnaroundMean].mean
    #expect(turnaround >= (600 + 60 + 900) / 60.0, "turnaround \(turnaround) h")
    #expect(result.totals[.backOfficeUtilisation].mean <= 1)
  }

  @Test func deadlinesDecideLateness() {
    // Back-office work longer than a day makes a same-day deadline impossible.
    var scenario = Scenarios.commune(dailyVolume: 5, backOfficeStaff: 10, days: 28)
    scenario.procedures[1].steps = [WorkStep("work", .work(pool: "back-office", time: .deterministic(600)))]
    scenario.procedures[1].deadline = .workingDays(0)
    let late = fullRun(scenario)
    #expect(late.replications.allSatisfy { $0.procedures[1][.completedOnTime] == 0 })
    #expect(late.replications.allSatisfy { $0.procedures[1][.completed] > 0 })
    scenario.procedures[1].deadline = .workingDays(5)
    let onTime = fullRun(scenario)
    #expect(onTime.replications.allSatisfy { $0.procedures[1][.completedLate] == 0 && $0.procedures[1][.onTimeRate] == 1 })
  }
}
