import CentreModel
import Testing

@Suite struct CivilDateTests {
  @Test func knownWeekdays() {
    #expect(CivilDate(year: 2025, month: 7, day: 1)?.weekday == .tuesday)
    #expect(CivilDate(year: 2025, month: 9, day: 2)?.weekday == .tuesday)
    #expect(CivilDate(year: 2026, month: 2, day: 16)?.weekday == .monday)
    #expect(CivilDate(year: 1970, month: 1, day: 1)?.weekday == .thursday)
    #expect(CivilDate(year: 2000, month: 2, day: 29)?.weekday == .tuesday)
  }

  @Test func roundTripsOverCenturies() {
    var date = CivilDate(year: 1899, month: 12, day: 25)!
    var previous = date.components
    for _ in 0..<100_000 {
      date = date.adding(days: 1)
      let c = date.components
      #expect(CivilDate(year: c.year, month: c.month, day: c.day) == date)
      #expect(c.day == 1 || (c.day == previous.day + 1 && c.month == previous.month))
      previous = c
    }
  }

  @Test func parsingAndPrinting() {
    #expect(CivilDate(iso: "2025-09-02")?.description == "2025-09-02")
    #expect(CivilDate(iso: "2025-02-29") == nil)
    #expect(CivilDate(iso: "2024-02-29") != nil)
    #expect(CivilDate(iso: "2025-9-2") == nil)
    #expect(CivilDate(iso: "yesterday") == nil)
    #expect(ClockTime("15:00")?.minutes == 900)
    #expect(ClockTime("24:00")?.minutes == 1440)
    #expect(ClockTime("24:01") == nil)
    #expect(ClockTime("7:30")?.description == "07:30")
    #expect(OpeningInterval("08:00-12:00")?.minutes == 240)
    #expect(OpeningInterval("08:00") == nil)
  }
}
