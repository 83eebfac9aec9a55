import CentreModel
import CentreSimulation
import Experiments
import SimRandom
import Testing
import TestSupport

/// Back-office work does not need the doors open: a pool's or crew's own hours count,
/// evenings and Saturdays included (issue 15, item 3).
@Suite struct OutOfHoursWorkTests {
  static func procedure(work: Double, deadline: Deadline = .workingDays(10)) -> Procedure {
    Procedure(id: "p", name: "p", share: 1, counterTime: .deterministic(1),
              steps: [WorkStep("work", .work(pool: "back-office", time: .deterministic(work)))], deadline: deadline)
  }

  /// One week from Monday 7 July 2025 on the standard calendar (08:00–12:00, 13:00–17:00).
  static func week(_ crews: [Crew], arrivals: [(Double, Int, Channel)] = [], poolHours: [OpeningInterval]? = nil,
                   work: Double = 60) -> Scenario {
    var scenario = Scenarios.recorded(arrivals, procedures: [procedure(work: work)],
                                      backOffice: [BackOfficePool(id: "back-office", staffing: Staffing(crews), hours: poolHours)],
                                      calendar: WorkingCalendar(), days: 7)
    scenario.horizon.start = CivilDate(year: 2025, month: 7, day: 7)!
    return scenario
  }

  func backOfficeHours(_ scenario: Scenario) -> Double {
    CentreRun(plan: ModelPlan(scenario), replication: 0).run().centres[0][.backOfficeStaffHours]
  }

  @Test func anEveningCrewCountsItsOwnHours() {
    // A planner adding two officials 17:00–19:00 on the five working days expects 20
    // more staff-hours in the week (before the fix: none).
    let base = backOfficeHours(Self.week([Crew(count: 1)]))
    #expect(base == 40)
    let evening = backOfficeHours(Self.week([Crew(count: 1), Crew(count: 2, hours: [OpeningInterval("17:00-19:00")!])]))
    #expect(evening == 40 + 2 * 2 * 5)
    // 13:00–19:00 counts six hours a day, not four.
    let afternoon = backOfficeHours(Self.week([Crew(count: 1, hours: [OpeningInterval("13:00-19:00")!])]))
    #expect(afternoon == 6 * 5)
  }

  @Test func eveningWorkCompletesDossiersAfterClosing() {
    // A service-point dossier arrives Monday 16:30 with 60 minutes of work. The day crew
    // goes off duty at 17:00 (30 minutes done); the evening crew resumes it at 17:00 and
    // completes it at 17:30, the same day.
    let arrival: (Double, Int, Channel) = (16 * 60 + 30, 0, .servicePoint)
    let scenario = Self.week([Crew(count: 1), Crew(count: 1, hours: [OpeningInterval("17:00-19:00")!])], arrivals: [arrival])
    let log = EventLog()
    let result = CentreRun(plan: ModelPlan(scenario), replication: 0, observer: log).run()
    #expect(log.times(of: .completed) == [17 * 60 + 30])
    #expect(result.totals[.completedOnTime] == 1)
  }

  @Test func aSaturdayCrewWorksThoughTheCentreIsClosed() {
    // Four hours on Saturday 12 July for two officials, the centre closed that day.
    let scenario = Self.week([Crew(count: 1), Crew(count: 2, weekdays: [.saturday], hours: [OpeningInterval("08:00-12:00")!])])
    #expect(backOfficeHours(scenario) == 40 + 2 * 4)
    // A dossier left on Friday evening is done on Saturday morning.
    let friday = 4.0 * 1440 + 17 * 60 + 30
    let withWork = Self.week([Crew(count: 2, weekdays: [.saturday], hours: [OpeningInterval("08:00-12:00")!])],
                             arrivals: [(friday, 0, .servicePoint)])
    let log = EventLog()
    _ = CentreRun(plan: ModelPlan(withWork), replication: 0, observer: log).run()
    #expect(log.times(of: .completed) == [5 * 1440 + 9 * 60])
  }

  @Test func aPoolsOwnHoursMayLieOutsideTheOpeningHours() {
    // A pool working 07:00–19:00 (lunch included) on open days: 12 h a day.
    #expect(backOfficeHours(Self.week([Crew(count: 1)], poolHours: [OpeningInterval("07:00-19:00")!])) == 12 * 5)
  }

  @Test func overtimeLowersOverdueDossiersOfAnOverloadedBackOffice() {
    // The planner's lever: an understaffed commune adds an evening crew; the extra
    // staff-hours must show up as completions (paired on common random numbers).
    var base = Scenarios.commune(dailyVolume: 50, counterStaff: 3, backOfficeStaff: 1, days: 28, replications: 6)
    base.procedures[1].deadline = .workingDays(2)
    var overtime = base
    overtime.centres[0].backOffice[0].staffing.crews.append(Crew(count: 2, hours: [OpeningInterval("17:00-20:00")!]))
    let before = Experiment.run(base, keepsCentres: true), after = Experiment.run(overtime, keepsCentres: true)
    let hours = zip(before.replications, after.replications).map { $1.centres[0][.backOfficeStaffHours] - $0.centres[0][.backOfficeStaffHours] }
    // 2 officials × 3 h × 18 working days (25 Aug – 21 Sep 2025 less 1–2 September).
    #expect(hours.allSatisfy { $0 == 2 * 3 * 18 })
    let gained = zip(before.replications, after.replications).map { $1.totals[.completed] - $0.totals[.completed] }
    #expect(gained.allSatisfy { $0 > 0 })
    #expect(after.totals[.overdue].mean < before.totals[.overdue].mean)
  }
}
