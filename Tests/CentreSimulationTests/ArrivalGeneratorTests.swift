import CentreModel
import CentreSimulation
import SimRandom
import Testing

/// The arrival process against its definition: expected counts per hour and per weekday.
@Suite struct ArrivalGeneratorTests {
  @Test func countsFollowTheHourlyProfileAndWeekdayFactors() {
    var weights = Array(repeating: 1.0, count: 24)
    for (hour, w) in [8: 1.3, 9: 1.6, 10: 1.4, 11: 0.9, 13: 0.7, 14: 1.0, 15: 0.9, 16: 0.5] { weights[hour] = w }
    var factors = Array(repeating: 1.0, count: 7)
    factors[0] = 1.2
    factors[4] = 0.8
    let pattern = ArrivalPattern(dailyVolume: 50, hourlyWeights: weights, weekdayFactors: factors)
    let days = 7 * 400
    let start = CivilDate(year: 2025, month: 6, day: 30)!  // a Monday
    let calendar = CalendarTable(WorkingCalendar(), start: start, days: days)
    var generator = ArrivalGenerator(pattern: pattern, days: days)
    let stream = RandomStream(master: 9, replication: 0, key: StreamKey("arrivals"))
    var byHour = Array(repeating: 0, count: 24)
    var byWeekday = Array(repeating: 0, count: 7)
    while let t = generator.next(stream, calendar: calendar) {
      #expect(calendar.isOpen(at: .init(minutes: t)))
      let day = Int(t / 1440)
      byHour[Int((t - Double(day) * 1440) / 60)] += 1
      byWeekday[day % 7] += 1
    }
    // Poisson counts: 4 standard deviations (√expected) either way.
    let weeks = Double(days / 7)
    let weekly = 50 * (1.2 + 1 + 1 + 1 + 0.8)
    let weightSum = [1.3, 1.6, 1.4, 0.9, 0.7, 1.0, 0.9, 0.5].reduce(0, +)
    for hour in 0..<24 {
      let expected = weights[hour] / weightSum * weekly * weeks * ((8..<12).contains(hour) || (13..<17).contains(hour) ? 1 : 0)
      #expect(abs(Double(byHour[hour]) - expected) <= 4 * expected.squareRoot(), "hour \(hour): \(byHour[hour]) vs \(expected)")
    }
    for weekday in 0..<7 {
      let expected = weekday < 5 ? 50 * factors[weekday] * weeks : 0
      #expect(abs(Double(byWeekday[weekday]) - expected) <= 4 * expected.squareRoot(), "weekday \(weekday)")
    }
  }

  @Test func noArrivalsWhenClosedOrWithZeroVolume() {
    let calendar = CalendarTable(WorkingCalendar(holidays: [CivilDate(year: 2025, month: 9, day: 2)!]),
                                 start: CivilDate(year: 2025, month: 9, day: 1)!, days: 2)
    var generator = ArrivalGenerator(pattern: ArrivalPattern(dailyVolume: 100), days: 2)
    let stream = RandomStream(seed: 1)
    var count = 0
    while let t = generator.next(stream, calendar: calendar) {
      #expect(t < 1440, "no arrival on the holiday")
      count += 1
    }
    #expect(count > 50)
    var empty = ArrivalGenerator(pattern: ArrivalPattern(dailyVolume: 0), days: 2)
    #expect(empty.next(stream, calendar: calendar) == nil)
  }
}
