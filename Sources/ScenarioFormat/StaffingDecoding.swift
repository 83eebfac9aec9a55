//===----------------------------------------------------------------------===//
// Staff in scenario files: a number, crews, or a plan of levels by date.
//===----------------------------------------------------------------------===//

import CentreModel
import Yams

extension NodeReader {
  static let crewKeys = ["count", "from", "to", "weekdays", "hours", "speed", "absence", "learning", "note"]

  /// The staff of a pool from `staff: N`, `crews: [...]` and/or `staff_plan: [...]`.
  ///
  /// - `staff: N`: N experienced staff whenever the pool works;
  /// - `crews`: groups with their own dates, weekdays, hours, speed, absence, learning;
  /// - `staff_plan`: levels by date range, `[{from, to, staff}]`; ranges must not overlap.
  /// The three add up. With none of them the pool has no staff of its own.
  ///
  /// `counterClosing`: the closing policy of a counter group's centre (`nil` for a
  /// back-office pool, whose crews may work any hours): counter crews' hours must lie
  /// within the opening hours and the overtime it allows.
  func staffing(_ f: Fields, absence: Double?, counterClosing: ClosingPolicy? = nil, poolHours: [OpeningInterval]? = nil)
    -> Staffing?
  {
    var crews: [Crew] = []
    var ok = true
    if let staff = f["staff"] {
      if let n = integer(staff, in: Limits.staff) {
        if n > 0 { crews.append(Crew(count: n, absence: absence ?? 0)) }
      } else {
        ok = false
      }
    }
    if let list = f["crews"] {
      if let items = self.list(list, of: "crews") {
        for item in items {
          if let crew = crewValue(item, absence: absence, counterClosing: counterClosing) {
            crews.append(crew)
            noted.crews.append((item, crew, counterClosing != nil, poolHours))
          } else {
            ok = false
          }
        }
      } else {
        ok = false
      }
    }
    if let plan = f["staff_plan"] {
      if let levels = staffPlan(plan, absence: absence) { crews += levels } else { ok = false }
    }
    return ok ? Staffing(crews) : nil
  }

  private func crewValue(_ located: Located, absence: Double?, counterClosing: ClosingPolicy?) -> Crew? {
    guard let f = fields(located, known: Self.crewKeys) else { return nil }
    let count = required(f, "count", "the number of members").flatMap { integer($0, in: 1...Limits.staff.upperBound) }
    let from = f["from"].map(date)
    let to = f["to"].map(date)
    let weekdays = f["weekdays"].map(weekdayList)
    let hours = f["hours"].map(intervals)
    let speed = f["speed"].map { number($0, "a speed > 0 and ≤ 10 (1: an experienced official)") { $0 > 0 && $0 <= 10 } }
    let crewAbsence = f["absence"].map(probability)
    let learning = f["learning"].map(learningValue)
    let note = f["note"].flatMap { string($0) } ?? ""
    guard let count, from != .some(nil), to != .some(nil), weekdays != .some(nil), hours != .some(nil),
      speed != .some(nil), crewAbsence != .some(nil), learning != .some(nil)
    else { return nil }
    if let from = from ?? nil, let to = to ?? nil, to < from, let node = f["to"] {
      report(.overlappingIntervals, at: node, expected: "a last day on or after 'from' (\(from))")
      return nil
    }
    if let closing = counterClosing, let hours = hours ?? nil, let node = f["hours"],
      let outside = counterHoursOutsideOpening(hours, weekdays: (weekdays ?? nil).map(Set.init), closing: closing)
    {
      report(.unservable, at: node,
             expected: "counter hours within the opening hours (or the overtime after closing): counter staff serve citizens only while the centre receives them; give evening or weekend work to a back-office pool",
             found: "\(outside), outside the opening hours of every day the crew works")
      return nil
    }
    return Crew(count: count, from: from ?? nil, to: to ?? nil, weekdays: (weekdays ?? nil).map(Set.init),
                hours: hours ?? nil, speed: (speed ?? nil) ?? 1, absence: (crewAbsence ?? nil) ?? absence ?? 0,
                learning: learning ?? nil, note: note)
  }

  /// `staff_plan: [{from, to, staff}]`: levels by date range, which must not overlap.
  private func staffPlan(_ located: Located, absence: Double?) -> [Crew]? {
    guard let items = list(located, of: "{from, to, staff} levels") else { return nil }
    var crews: [Crew] = []
    var ranges: [(from: CivilDate, to: CivilDate, node: Located)] = []
    for item in items {
      guard let f = fields(item, known: ["from", "to", "staff", "note"]) else { return nil }
      let from = required(f, "from", "the first day of the level").flatMap(date)
      let to = required(f, "to", "the last day of the level").flatMap(date)
      let staff = required(f, "staff", "the staff level").flatMap { integer($0, in: Limits.staff) }
      guard let from, let to, let staff else { return nil }
      guard to >= from else {
        report(.overlappingIntervals, at: f["to"] ?? item, expected: "a last day on or after 'from' (\(from))")
        return nil
      }
      if let clash = ranges.first(where: { !(to < $0.from || from > $0.to) }) {
        report(.overlappingIntervals, at: item,
               expected: "date ranges that do not overlap (each date has one staff level)",
               found: "\(from) to \(to), overlapping \(clash.from) to \(clash.to) (line \(position(clash.node.node)?.line ?? 0))")
        return nil
      }
      ranges.append((from, to, item))
      noted.ranges.append(("staff-plan level", item, from, to))
      if staff > 0 {
        crews.append(Crew(count: staff, from: from, to: to, absence: absence ?? 0,
                          note: f["note"].flatMap { string($0) } ?? "staff plan"))
      }
    }
    return crews
  }

  /// The part of a counter crew's `hours` that falls outside every day it works: the
  /// span from a day's opening to its last closing (breaks included), extended by the
  /// overtime the closing policy allows; `nil` when there is none.
  func counterHoursOutsideOpening(_ hours: [OpeningInterval], weekdays: Set<Weekday>?, closing: ClosingPolicy) -> String? {
    var spans: [(Int, Int)] = []
    let extra: Int
    switch closing {
    case .serveWaiting(let limit?): extra = Int(limit.rounded(.up))
    case .serveWaiting(nil): extra = 1440
    case .returnNextDay: extra = 0
    }
    for day in Weekday.allCases where weekdays?.contains(day) ?? true {
      let open = calendar.openingHours[day.rawValue]
      if let first = open.first, let last = open.last { spans.append((first.start.minutes, min(1440, last.end.minutes + extra))) }
    }
    if !calendar.makeUpDays.isEmpty, let first = calendar.makeUpHours.first, let last = calendar.makeUpHours.last {
      spans.append((first.start.minutes, min(1440, last.end.minutes + extra)))
    }
    guard !spans.isEmpty else { return nil }  // never open on its days: warned about later
    for interval in hours {
      var minute = interval.start.minutes
      while minute < interval.end.minutes {
        if !spans.contains(where: { $0.0 <= minute && minute < $0.1 }) {
          var end = minute
          while end < interval.end.minutes && !spans.contains(where: { $0.0 <= end && end < $0.1 }) { end += 1 }
          return "\(ClockTime(minutes: minute))-\(ClockTime(minutes: end))"
        }
        minute += 1
      }
    }
    return nil
  }

  private func learningValue(_ located: Located) -> LearningCurve? {
    guard let f = fields(located, known: ["multiplier", "days", "start"]) else { return nil }
    let multiplier = required(f, "multiplier", "the work-time multiplier on the first day (e.g. 1.3)").flatMap {
      number($0, "a multiplier ≥ 1 and ≤ 10") { $0 >= 1 && $0 <= 10 }
    }
    let days = required(f, "days", "the days until work takes normal time").flatMap(positive)
    let start = f["start"].map(date)
    guard let multiplier, let days, start != .some(nil) else { return nil }
    return LearningCurve(initialMultiplier: multiplier, days: days, start: start ?? nil)
  }

  func weekdayList(_ located: Located) -> [Weekday]? {
    guard let items = list(located, of: "weekday names") else { return nil }
    let names = Weekday.allCases.map(\.name)
    let days = items.compactMap { choice($0, names).flatMap { name in Weekday.allCases.first { $0.name == name } } }
    return days.count == items.count ? days : nil
  }

  /// A probability or share: a number from 0 to 1, or a percentage (`45%`).
  func probability(_ located: Located) -> Double? {
    if case .scalar(let scalar) = located.node, scalar.style == .plain, scalar.string.hasSuffix("%"),
      let percent = Double(String(scalar.string.dropLast()).trimmingSpaces), percent.isFinite
    {
      guard (0...100).contains(percent) else {
        report(.outOfRange, at: located, expected: "a probability from 0 to 1 (or 0% to 100%)")
        return nil
      }
      return percent / 100
    }
    return number(located, "a probability from 0 to 1 (or a percentage, 45%)") { (0...1).contains($0) }
  }
}
