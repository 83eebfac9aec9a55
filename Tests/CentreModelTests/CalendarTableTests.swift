import CentreModel
import SimEngine
import Testing

/// Working days, opening times and due dates on the real 2025 calendar: 1 July 2025 was a
/// Tuesday; 1 and 2 September 2025 were National Day holidays.
@Suite struct CalendarTableTests {
  static let nationalDay = WorkingCalendar(holidays: [date(2025, 9, 1), date(2025, 9, 2)])
  /// From Monday 25 August 2025.
  let table = CalendarTable(nationalDay, start: date(2025, 8, 25), days: 21, workingDaysAfter: 30)

  /// Minutes since the table's start for a date and time.
  func at(_ d: CivilDate, _ hh: Int, _ mm: Int = 0) -> SimTime {
    SimTime(minutes: Double(d.dayNumber - table.start.dayNumber) * 1440 + Double(hh * 60 + mm))
  }

  func due(_ d: CivilDate, _ hh: Int, _ mm: Int = 0, _ deadline: Deadline) -> SimTime {
    table.dueTime(receivedAt: at(d, hh, mm), deadline: deadline)
  }

  @Test func workingDaysSkipWeekendsAndTheHoliday() {
    let working = (0..<21).filter { table.isWorkingDay($0) }.map { table.date(ofDay: $0).description }
    #expect(working == [
      "2025-08-25", "2025-08-26", "2025-08-27", "2025-08-28", "2025-08-29",
      "2025-09-03", "2025-09-04", "2025-09-05",
      "2025-09-08", "2025-09-09", "2025-09-10", "2025-09-11", "2025-09-12",
    ])
    #expect(table.openMinutes(ofDay: 0) == 480)
    #expect(table.openMinutes(ofDay: 7) == 0)  // Monday 1 September
  }

  @Test func sameDayDeadlineBeforeAndAfterTheCutoff() {
    #expect(due(date(2025, 8, 26), 10, 0, .workingDays(0)) == at(date(2025, 8, 26), 17))
    #expect(due(date(2025, 8, 26), 15, 0, .workingDays(0)) == at(date(2025, 8, 26), 17))  // at the cut-off: same day
    #expect(due(date(2025, 8, 26), 15, 1, .workingDays(0)) == at(date(2025, 8, 27), 17))
  }

  @Test func afterTheCutoffOnFridayBeforeNationalDay() {
    // Friday 29 August after 15:00: next working day is Wednesday 3 September.
    #expect(due(date(2025, 8, 29), 16, 0, .workingDays(0)) == at(date(2025, 9, 3), 17))
    #expect(due(date(2025, 8, 29), 16, 0, .workingDays(2)) == at(date(2025, 9, 5), 17))
  }

  @Test func workingDayDeadlinesCrossTheHoliday() {
    // Thursday 28 August + 3 WD: Fri 29, Wed 3, Thu 4 September.
    #expect(due(date(2025, 8, 28), 9, 0, .workingDays(3)) == at(date(2025, 9, 4), 17))
    // Wednesday 27 August + 10 WD: 28, 29, 3, 4, 5, 8, 9, 10, 11, 12 September.
    #expect(due(date(2025, 8, 27), 9, 0, .workingDays(10)) == at(date(2025, 9, 12), 17))
  }

  @Test func receiptOnAHolidayOrWeekendCountsFromTheNextWorkingDay() {
    #expect(table.receiptDay(of: at(date(2025, 8, 30), 10)) == 9)  // Saturday → Wed 3 Sep (day 9)
    #expect(due(date(2025, 9, 1), 10, 0, .workingDays(1)) == at(date(2025, 9, 4), 17))
  }

  @Test func workingHourDeadlinesSkipLunchNightsAndHolidays() {
    // Tuesday 26 August 11:00 + 2 h: 11-12, then 13-14.
    #expect(due(date(2025, 8, 26), 11, 0, .workingHours(2)) == at(date(2025, 8, 26), 14))
    // Friday 29 August 16:00 + 4 h: 16-17, then Wednesday 3 September 08-11.
    #expect(due(date(2025, 8, 29), 16, 0, .workingHours(4)) == at(date(2025, 9, 3), 11))
  }

  @Test func openingTimes() {
    #expect(table.isOpen(at: at(date(2025, 8, 26), 8)))
    #expect(!table.isOpen(at: at(date(2025, 8, 26), 12)))
    #expect(!table.isOpen(at: at(date(2025, 8, 26), 17)))
    #expect(!table.isOpen(at: at(date(2025, 9, 2), 10)))
    let next = table.openInterval(atOrAfter: at(date(2025, 8, 29), 17, 30))
    #expect(next?.start == at(date(2025, 9, 3), 8))
    #expect(next?.end == at(date(2025, 9, 3), 12))
    let lunch = table.openInterval(atOrAfter: at(date(2025, 8, 26), 12, 10))
    #expect(lunch?.start == at(date(2025, 8, 26), 13))
    #expect(table.advance(at(date(2025, 8, 26), 11, 30), byOpenMinutes: 60) == at(date(2025, 8, 26), 13, 30))
  }

  @Test func makeUpSaturdayAndSaturdayMorningReception() {
    var calendar = WorkingCalendar(makeUpDays: [date(2025, 4, 26)])
    calendar.openingHours[Weekday.saturday.rawValue] = [OpeningInterval("07:30-11:30")!]
    let april = CalendarTable(calendar, start: date(2025, 4, 21), days: 14, workingDaysAfter: 5)
    // Saturday 26 April 2025 was worked in exchange for Friday 2 May: a working day with full hours.
    #expect(april.isWorkingDay(5))
    #expect(april.isMakeUpDay(5))
    #expect(april.openMinutes(ofDay: 5) == 480)
    // An ordinary Saturday opens in the morning but does not count towards deadlines.
    #expect(!april.isWorkingDay(12))
    #expect(april.openMinutes(ofDay: 12) == 240)
    #expect(april.receiptDay(of: SimTime(minutes: 12 * 1440 + 9 * 60)) == 14)  // → Monday 5 May
  }

  @Test func holidaysOnTheCalendarTypeItself() {
    #expect(!Self.nationalDay.isWorkingDay(date(2025, 9, 2)))
    #expect(Self.nationalDay.isWorkingDay(date(2025, 9, 3)))
    #expect(Self.nationalDay.openingIntervals(on: date(2025, 9, 6)).isEmpty)
  }
}

func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }
