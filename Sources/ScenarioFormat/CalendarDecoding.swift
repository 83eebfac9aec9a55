//===----------------------------------------------------------------------===//
// The calendar section of a scenario file.
//===----------------------------------------------------------------------===//

import CentreModel
import Yams

extension NodeReader {
  static let calendarKeys = [
    "opening_hours", "working_weekdays", "holidays", "make_up_days", "make_up_hours", "receipt_cutoff", "extra_day_demand",
  ]

  func calendarValue(_ located: Located) -> WorkingCalendar? {
    guard let f = fields(located, known: Self.calendarKeys) else { return nil }
    var calendar = WorkingCalendar()
    if let hours = f["opening_hours"] {
      guard let week = openingHours(hours) else { return nil }
      calendar.openingHours = week
    }
    if let days = f["working_weekdays"] {
      guard let items = list(days, of: "weekday names") else { return nil }
      let names = Weekday.allCases.map(\.name)
      let weekdays = items.compactMap { choice($0, names).flatMap { name in Weekday.allCases.first { $0.name == name } } }
      guard weekdays.count == items.count else { return nil }
      if weekdays.isEmpty {
        report(.outOfRange, at: days, expected: "at least one working weekday", found: "an empty list")
        return nil
      }
      calendar.workingWeekdays = Set(weekdays)
    }
    if let dates = f["holidays"] {
      guard let holidays = dateList(dates, noting: "holiday") else { return nil }
      calendar.holidays = Set(holidays)
    }
    if let dates = f["make_up_days"] {
      guard let days = dateList(dates, noting: "make-up day") else { return nil }
      calendar.makeUpDays = Set(days)
    }
    if let hours = f["make_up_hours"] {
      guard let intervals = intervals(hours) else { return nil }
      calendar.makeUpHours = intervals
      if calendar.makeUpDays.isEmpty {
        report(.unknownKey, at: hours, expected: "make_up_hours with make_up_days", found: "no make-up day: they have no effect",
               severity: .warning)
      }
    }
    if let rule = f["extra_day_demand"] {
      guard let text = choice(rule, ExtraDayDemand.allCases.map(\.rawValue)), let value = ExtraDayDemand(rawValue: text) else {
        return nil
      }
      calendar.extraDayDemand = value
      if calendar.isStandardWeek {
        report(.unknownKey, at: rule, expected: "extra_day_demand with opening days that differ from the working weekdays",
               found: "a regular week open on exactly the working weekdays with equal hours: it has no effect", severity: .warning)
      }
    }
    if let cutoff = f["receipt_cutoff"] {
      if cutoff.node.null != nil || cutoff.node.scalar?.string == "none" {
        calendar.receiptCutoff = nil
      } else {
        guard let time = clockTime(cutoff) else { return nil }
        calendar.receiptCutoff = time
      }
    }
    return calendar
  }

  /// `opening_hours`: `weekdays` (Monday to Friday) first, then named days override.
  private func openingHours(_ located: Located) -> [[OpeningInterval]]? {
    let names = ["weekdays"] + Weekday.allCases.map(\.name)
    guard let f = fields(located, known: names) else { return nil }
    var week = WorkingCalendar().openingHours
    var ok = true
    if let weekdays = f["weekdays"] {
      if let day = intervals(weekdays) {
        for index in 0..<5 { week[index] = day }
      } else {
        ok = false
      }
    }
    for weekday in Weekday.allCases {
      guard let node = f[weekday.name] else { continue }
      if let day = intervals(node) { week[weekday.rawValue] = day } else { ok = false }
    }
    return ok ? week : nil
  }

  /// A list of `HH:MM-HH:MM`, in order and not overlapping (empty: closed).
  func intervals(_ located: Located) -> [OpeningInterval]? {
    guard let items = list(located, of: "opening intervals 'HH:MM-HH:MM'") else { return nil }
    var result: [OpeningInterval] = []
    for item in items {
      guard case .scalar(let scalar) = item.node, let interval = OpeningInterval(scalar.string) else {
        report(.invalidDate, at: item, expected: "an opening interval 'HH:MM-HH:MM'")
        return nil
      }
      guard interval.end > interval.start else {
        report(.overlappingIntervals, at: item, expected: "an interval that ends after it starts")
        return nil
      }
      if let previous = result.last, interval.start < previous.end {
        report(.overlappingIntervals, at: item, expected: "intervals in order, each starting at or after \(previous.end)")
        return nil
      }
      result.append(interval)
    }
    return result
  }

  private func dateList(_ located: Located, noting what: String) -> [CivilDate]? {
    guard let items = list(located, of: "dates YYYY-MM-DD") else { return nil }
    var dates: [CivilDate] = []
    for item in items {
      guard let date = date(item) else { continue }
      dates.append(date)
      noted.dates.append((what, item, date))
    }
    return dates.count == items.count ? dates : nil
  }
}
