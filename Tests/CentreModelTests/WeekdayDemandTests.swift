import CentreModel
import Testing

/// How the week's demand is spread over the open days (``ArrivalPattern/weekdayMultipliers(on:)``).
@Suite struct WeekdayDemandTests {
  let saturdayMorning = [OpeningInterval("07:30-11:30")!]

  @Test func aStandardWeekKeepsTheFactorsAsWritten() {
    var pattern = ArrivalPattern(dailyVolume: 48)
    pattern.weekdayFactors[0] = 1.2
    pattern.weekdayFactors[4] = 0.8
    #expect(pattern.weekdayMultipliers(on: WorkingCalendar()) == pattern.weekdayFactors)
    #expect(pattern.weeklyVolume(on: WorkingCalendar()) == 48 * 5)
  }

  @Test func aSaturdayMorningTakesItsShareOfTheWeek() {
    // Flat profile: Saturday's 4 hours against five days of 8: Saturday gets 4/44 of the
    // week's 5 × 48 dossiers, each weekday 8/44.
    var calendar = WorkingCalendar()
    calendar.openingHours[Weekday.saturday.rawValue] = saturdayMorning
    let multipliers = ArrivalPattern(dailyVolume: 48).weekdayMultipliers(on: calendar)
    #expect(abs(multipliers[5] - 5 * 4.0 / 44) < 1e-12)
    #expect(abs(multipliers[0] - 5 * 8.0 / 44) < 1e-12)
    #expect(multipliers[6] == 0)
    #expect(abs(ArrivalPattern(dailyVolume: 48).weeklyVolume(on: calendar) - 240) < 1e-9)
  }

  @Test func theHourlyProfileWeighsTheOpenHours() {
    // Mornings twice as busy as afternoons: a Saturday morning weighs 4 × 2 against a
    // weekday's 4 × 2 + 4 × 1.
    var pattern = ArrivalPattern(dailyVolume: 10)
    for hour in 0..<12 { pattern.hourlyWeights[hour] = 2 }
    var calendar = WorkingCalendar()
    calendar.openingHours[Weekday.saturday.rawValue] = [OpeningInterval("08:00-12:00")!]
    let multipliers = pattern.weekdayMultipliers(on: calendar)
    #expect(abs(multipliers[5] / multipliers[0] - 8.0 / 12) < 1e-12)
    #expect(abs(multipliers.reduce(0, +) - 5) < 1e-12)
  }

  @Test func addedKeepsEveryOpenDaysVolume() {
    var calendar = WorkingCalendar()
    calendar.openingHours[Weekday.saturday.rawValue] = saturdayMorning
    calendar.extraDayDemand = .added
    let pattern = ArrivalPattern(dailyVolume: 48)
    #expect(pattern.weekdayMultipliers(on: calendar) == pattern.weekdayFactors)
    #expect(pattern.weeklyVolume(on: calendar) == 48 * 6)
  }
}
