//===----------------------------------------------------------------------===//
// Opening hours, holidays, make-up days and the receipt cut-off.
//===----------------------------------------------------------------------===//

/// When a centre is open and which days count towards statutory deadlines.
///
/// Two notions of day are kept apart:
/// - an **open day** has opening intervals: citizens are received and staff work;
/// - a **working day** (ngày làm việc) counts towards deadlines: by default Monday to
///   Friday, minus public holidays, plus make-up days (a Saturday declared a working day).
///   A Saturday-morning reception is an open day but not a working day.
///
/// Defaults follow the common commune schedule (domain.md §5): 08:00–12:00 and
/// 13:00–17:00 Monday to Friday, closed at weekends, a 15:00 receipt cut-off.
public struct WorkingCalendar: Sendable, Hashable {
  /// Opening intervals for each weekday, indexed by `Weekday.rawValue` (Monday = 0).
  public var openingHours: [[OpeningInterval]]
  /// Weekdays that count as working days when they are not holidays.
  public var workingWeekdays: Set<Weekday>
  /// Dates on which the centre is closed and that are not working days.
  public var holidays: Set<CivilDate>
  /// Dates that are working days whatever their weekday (with `makeUpHours`).
  public var makeUpDays: Set<CivilDate>
  /// Opening intervals of a make-up day.
  public var makeUpHours: [OpeningInterval]
  /// A dossier received after this time of day counts as received on the next working day.
  /// `nil`: no cut-off.
  public var receiptCutoff: ClockTime?

  /// The standard commune day: 08:00–12:00 and 13:00–17:00.
  public static let standardDay = [
    OpeningInterval(ClockTime(minutes: 8 * 60), ClockTime(minutes: 12 * 60)),
    OpeningInterval(ClockTime(minutes: 13 * 60), ClockTime(minutes: 17 * 60)),
  ]

  /// A calendar with the given hours; see the type's documentation for the defaults.
  public init(
    openingHours: [[OpeningInterval]] = Array(repeating: WorkingCalendar.standardDay, count: 5) + [[], []],
    workingWeekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday],
    holidays: Set<CivilDate> = [],
    makeUpDays: Set<CivilDate> = [],
    makeUpHours: [OpeningInterval] = WorkingCalendar.standardDay,
    receiptCutoff: ClockTime? = ClockTime(minutes: 15 * 60)
  ) {
    precondition(openingHours.count == 7, "opening hours are needed for all 7 weekdays")
    self.openingHours = openingHours
    self.workingWeekdays = workingWeekdays
    self.holidays = holidays
    self.makeUpDays = makeUpDays
    self.makeUpHours = makeUpHours
    self.receiptCutoff = receiptCutoff
  }

  /// Open around the clock, every day, no holidays and no cut-off: the calendar of a
  /// textbook queue (M/M/c and friends).
  public static let alwaysOpen = WorkingCalendar(
    openingHours: Array(repeating: [OpeningInterval(ClockTime(minutes: 0), ClockTime(minutes: 1440))], count: 7),
    workingWeekdays: Set(Weekday.allCases),
    receiptCutoff: nil
  )

  /// Whether `date` counts towards deadlines.
  public func isWorkingDay(_ date: CivilDate) -> Bool {
    if makeUpDays.contains(date) { return true }
    return !holidays.contains(date) && workingWeekdays.contains(date.weekday)
  }

  /// The opening intervals of `date` (empty when closed).
  public func openingIntervals(on date: CivilDate) -> [OpeningInterval] {
    if makeUpDays.contains(date) { return makeUpHours }
    if holidays.contains(date) { return [] }
    return openingHours[date.weekday.rawValue]
  }
}
