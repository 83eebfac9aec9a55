import CentreModel
import CentreSimulation
import Experiments
import SimRandom
import Testing
import TestSupport

/// Demand follows people, not opening hours (issue 15, item 2): opening on Saturday
/// mornings spreads the week's citizens instead of adding a day of them.
@Suite struct DemandRuleTests {
  /// A commune on weekdays 08:00–12:00, 13:00–17:00, morning-heavy, 3 clerks; 8 weeks.
  static func commune(saturday: [OpeningInterval] = [], rule: ExtraDayDemand = .shifted, online: Double = 0) -> Scenario {
    var scenario = Scenarios.commune(dailyVolume: 60, counterStaff: 2, backOfficeStaff: 3, days: 56, replications: 10)
    scenario.centres[0].arrivals.hourlyWeights[8] = 1.3
    scenario.centres[0].arrivals.hourlyWeights[9] = 1.6
    scenario.centres[0].arrivals.hourlyWeights[10] = 1.4
    scenario.centres[0].arrivals.weekdayFactors[0] = 1.2
    scenario.centres[0].arrivals.weekdayFactors[4] = 0.8
    scenario.calendar.holidays = []  // (a holiday loses its day's demand, whatever the rule)
    scenario.calendar.openingHours[Weekday.saturday.rawValue] = saturday
    scenario.calendar.extraDayDemand = rule
    for p in scenario.procedures.indices { scenario.procedures[p].onlineShare = online }
    return scenario
  }

  static let saturdayMorning = [OpeningInterval("07:30-11:30")!]

  /// Per replication: arrivals on Saturdays, on Monday to Friday, all.
  func split(_ result: FullRun) -> [(saturday: Double, weekdays: Double, all: Double)] {
    let calendar = result.scenario.calendarTable()
    return result.replications.map { r in
      var saturday = 0.0, weekdays = 0.0
      for (d, day) in r.days.enumerated() {
        let weekday = calendar.date(ofDay: d).weekday
        if weekday == .saturday { saturday += day[.arrivals] } else if weekday.rawValue < 5 { weekdays += day[.arrivals] }
      }
      return (saturday, weekdays, r.totals[.arrivals])
    }
  }

  @Test func openingSaturdayMorningsKeepsTheWeeksArrivalsAndShortensWeekdayWaits() {
    let base = fullRun(Self.commune())
    let saturday = fullRun(Self.commune(saturday: Self.saturdayMorning))
    // The week's arrivals are the same within the 95% CI of the paired difference.
    let difference = Estimate(zip(base.replications, saturday.replications).map { $1.totals[.arrivals] - $0.totals[.arrivals] })
    #expect(difference.low <= 0 && 0 <= difference.high, "arrivals changed by \(difference.mean) ± \(difference.halfWidth)")
    // Saturday takes its share of the week: citizens come then, fewer on weekdays.
    let split = split(saturday)
    #expect(split.allSatisfy { $0.saturday > 0 })
    let weekdays = Estimate(zip(split, self.split(base)).map { $0.weekdays - $1.weekdays })
    #expect(weekdays.high < 0)
    // The mean wait of weekday citizens is shorter (days weighted by their arrivals).
    func weekdayWait(_ result: FullRun) -> [Double] {
      let calendar = result.scenario.calendarTable()
      return result.replications.map { r in
        var waited = 0.0, citizens = 0.0
        for (d, day) in r.days.enumerated() where calendar.date(ofDay: d).weekday.rawValue < 5 && day[.arrivals] > 0 {
          waited += day[.counterWaitMean] * day[.arrivals]
          citizens += day[.arrivals]
        }
        return waited / citizens
      }
    }
    let shorter = Estimate(zip(weekdayWait(saturday), weekdayWait(base)).map { $0 - $1 })
    #expect(shorter.high < 0, "weekday waits changed by \(shorter.mean) ± \(shorter.halfWidth) min")
  }

  @Test func addedDemandIsTheExplicitChoiceOfAnExtraDay() {
    // With `added`, Saturday brings a day of its own: the week grows by Saturday's
    // volume, 60 × 1 dossiers, i.e. by 1/5 of the 300 of Monday to Friday.
    let base = fullRun(Self.commune())
    let added = fullRun(Self.commune(saturday: Self.saturdayMorning, rule: .added))
    let ratio = Estimate(added.replications.map { $0.totals[.arrivals] }).mean / Estimate(base.replications.map { $0.totals[.arrivals] }).mean
    #expect(abs(ratio - 6.0 / 5.0) < 0.03, "ratio \(ratio)")
  }

  @Test func onlineDemandDoesNotGrowWithSaturdayOpening() {
    let base = fullRun(Self.commune(online: 0.5))
    let saturday = fullRun(Self.commune(saturday: Self.saturdayMorning, online: 0.5))
    let online = Estimate(zip(base.replications, saturday.replications).map {
      $1.channels[Channel.online.rawValue][.arrivals] - $0.channels[Channel.online.rawValue][.arrivals]
    })
    #expect(online.low <= 0 && 0 <= online.high, "online arrivals changed by \(online.mean) ± \(online.halfWidth)")
  }

  @Test func closingAWeekdayMovesItsDemandToTheOtherDays() {
    var closed = Self.commune()
    closed.calendar.openingHours[Weekday.wednesday.rawValue] = []
    let base = fullRun(Self.commune()), shifted = fullRun(closed)
    let difference = Estimate(zip(base.replications, shifted.replications).map { $1.totals[.arrivals] - $0.totals[.arrivals] })
    #expect(difference.low <= 0 && 0 <= difference.high, "arrivals changed by \(difference.mean) ± \(difference.halfWidth)")
  }
}
