import CentreModel
import Testing

/// Dates the tool can write and read back: years 1 to 9999, always four digits.
@Suite struct CivilDateRobustnessTests {
  @Test func yearsOutside1To9999AreRefused() {
    #expect(CivilDate(iso: "0000-01-01") == nil)
    #expect(CivilDate(iso: "0000-12-31") == nil)
    #expect(CivilDate(year: 0, month: 6, day: 1) == nil)
    #expect(CivilDate(year: -5, month: 6, day: 1) == nil)
    #expect(CivilDate(year: 10_000, month: 1, day: 1) == nil)
    #expect(CivilDate(iso: "+999-01-01") == nil)
    #expect(CivilDate(iso: "-999-01-01") == nil)
    #expect(CivilDate(iso: "2025-+1-01") == nil)
    #expect(CivilDate(iso: "0001-01-01") == CivilDate(year: 1, month: 1, day: 1)!)
    #expect(CivilDate(iso: "9999-12-31") == CivilDate(year: 9999, month: 12, day: 31)!)
  }

  @Test func everyDateInRangeIsWrittenSoThatItReadsBack() {
    for date in [CivilDate(year: 1, month: 1, day: 1)!, CivilDate(year: 999, month: 3, day: 4)!, CivilDate(year: 42, month: 12, day: 31)!, CivilDate(year: 9999, month: 12, day: 31)!] {
      #expect(date.description.count == 10, "\(date)")
      #expect(CivilDate(iso: date.description) == date, "\(date)")
    }
    #expect(CivilDate.earliest.description == "0001-01-01" && CivilDate.earliest == CivilDate(year: 1, month: 1, day: 1))
    #expect(CivilDate.latest.description == "9999-12-31" && CivilDate.latest == CivilDate(year: 9999, month: 12, day: 31))
  }
}
