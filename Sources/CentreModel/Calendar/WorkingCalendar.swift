//===----------------------------------------------------------------------===//
// Opening hours, holidays, make-up days and the receipt cut-off.
//===----------------------------------------------------------------------===//

/// What opening a day that is not a working weekday (a Saturday morning), or closing a
/// working weekday, does to demand.
///
/// Citizens' needs do not come from the opening hours: a planner who opens on Saturday
/// mornings expects some of the week's citizens to come then instead of on weekdays, not
/// a new day of demand.
public enum ExtraDayDemand: String, Sendable, Hashable, CaseIterable {
  /// The week's demand, `daily_volume` × the weekday factors of the working weekdays, is
  /// spread over the regular week's open time: each open weekday gets a share in
  /// proportion to its weekday factor times its open hours weighted by the hourly
  /// profile. Opening Saturday mornings takes demand from the weekdays; closing a
  /// weekday moves its demand to the others; the week's total is unchanged.
  case shifted
  /// Every open day brings `daily_volume` × its weekday factor, however many days are
  /// open: opening on Saturday adds a day of demand, closing a weekday loses one.
  case added
}

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
  /// What opening days other than the working weekdays (a Saturday morning), or working
  /// weekdays kept closed, do to demand (see ``ExtraDayDemand``).
  public var extraDayDemand: ExtraDayDemand = .shifted

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

  /// Whether the regular week opens exactly on the working weekdays, with the same hours
  /// every day: then demand is spread by the weekday factors as written, whatever the rule.
  public var isStandardWeek: Bool {
    let open = Weekday.allCases.filter { !openingHours[$0.rawValue].isEmpty }
    guard Set(open) == workingWeekdays, let first = open.first else { return false }
    return open.allSatisfy { openingHours[$0.rawValue] == openingHours[first.rawValue] }
  }

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
