//===----------------------------------------------------------------------===//
// Dates and times of day without time zones.
//===----------------------------------------------------------------------===//

/// A calendar date in the proleptic Gregorian calendar, with no time zone.
///
/// Arithmetic goes through a day number (days since 1970-01-01) computed with Howard
/// Hinnant's `days_from_civil` algorithm, so it is exact for any year. Dates are read
/// (``init(year:month:day:)``, ``init(iso:)``) only in ``years``, 1 to 9999, the years
/// `YYYY-MM-DD` can write; a date reached by arithmetic beyond them (``adding(days:)``)
/// is for callers to check against ``earliest`` and ``latest``.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before).
  public let dayNumber: Int

  /// The years a date may be read in: those written with four digits.
  public static let years = 1...9999
  /// 0001-01-01.
  public static let earliest = CivilDate(dayNumber: -719_162)
  /// 9999-12-31.
  public static let latest = CivilDate(dayNumber: 2_932_896)

  /// The date `dayNumber` days after 1970-01-01.
  public init(dayNumber: Int) { self.dayNumber = dayNumber }

  /// The date year-month-day, or `nil` when it does not exist (2025-02-30) or its year
  /// is outside ``years``.
  public init?(year: Int, month: Int, day: Int) {
    guard Self.years.contains(year), (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year)
    else { return nil }
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let shiftedMonth = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    dayNumber = era * 146_097 + dayOfEra - 719_468
  }

  /// Parses `YYYY-MM-DD` (digits only, a year from 0001 to 9999).
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// (year, month, day), by Hinnant's `civil_from_days`.
  public var components: (year: Int, month: Int, day: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// The day of the week.
  public var weekday: Weekday {
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    Weekday(rawValue: ((dayNumber % 7) + 7 + 3) % 7)!
  }

  /// The date `days` days later.
  public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

  /// `YYYY-MM-DD`, the year with at least four digits.
  public var description: String {
    let (y, m, d) = components
    let year = y >= 0 && y < 1000 ? String(repeating: "0", count: 4 - String(y).count) + String(y) : String(y)
    return "\(year)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
  }

  public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

/// A day of the week, Monday first.
public enum Weekday: Int, CaseIterable, Sendable, Hashable, CustomStringConvertible {
  case monday, tuesday, wednesday, thursday, friday, saturday, sunday

  /// Lower-case English name, as written in scenario files.
  public var name: String {
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue]
  }

  /// Three-letter abbreviation.
  public var shortName: String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue] }

  public var description: String { name }
}

/// A time of day in whole minutes after midnight, 0...1440 ("24:00" is the end of the day).
public struct ClockTime: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Minutes after midnight.
  public let minutes: Int

  /// The time `minutes` after midnight.
  public init(minutes: Int) { self.minutes = minutes }

  /// Parses `HH:MM` (00:00 to 24:00).
  public init?(_ text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
      let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m),
      h * 60 + m <= 1440
    else { return nil }
    minutes = h * 60 + m
  }

  /// `HH:MM`.
  public var description: String {
    let h = minutes / 60, m = minutes % 60
    return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
  }

  public static func < (a: ClockTime, b: ClockTime) -> Bool { a.minutes < b.minutes }
}

/// An interval of a day, [start, end), during which a centre is open.
public struct OpeningInterval: Hashable, Sendable, CustomStringConvertible {
  /// When it opens.
  public var start: ClockTime
  /// When it closes.
  public var end: ClockTime

  /// The interval [start, end).
  public init(_ start: ClockTime, _ end: ClockTime) {
    self.start = start
    self.end = end
  }

  /// Parses `HH:MM-HH:MM`.
  public init?(_ text: String) {
    let parts = text.split(separator: "-")
    guard parts.count == 2, let s = ClockTime(String(parts[0]).trimmed), let e = ClockTime(String(parts[1]).trimmed)
    else { return nil }
    self.init(s, e)
  }

  /// Length in minutes.
  public var minutes: Int { end.minutes - start.minutes }

  /// `HH:MM-HH:MM`.
  public var description: String { "\(start)-\(end)" }
}

extension String {
  var trimmed: String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
