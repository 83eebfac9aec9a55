//===----------------------------------------------------------------------===//
// Nothing silently does nothing: warnings for settings without effect in the run.
//===----------------------------------------------------------------------===//

import CentreModel

extension NodeReader {
  /// Warns, at where each is written, about the settings of a whole scenario that cannot
  /// change its run: dates of surges, crews, staff-plan levels and outage windows
  /// outside the horizon; holidays and make-up days outside the days the calendar is
  /// asked about; crews never on duty; learning curves over before the start; channel
  /// shares of procedures no centre receives; demand settings under a replayed log;
  /// online intake or resubmission rules where no dossier needs them.
  func warnAboutIneffectiveSettings(_ scenario: Scenario, top: Fields) {
    let start = scenario.horizon.start, end = scenario.horizon.end
    func warn(_ node: Located, _ expected: String, _ found: String) {
      report(.outOfRange, at: node, expected: expected, found: found, severity: .warning)
    }
    func span(_ from: CivilDate?, _ to: CivilDate?) -> String {
      "\(from?.description ?? "the start") to \(to?.description ?? "the end")"
    }
    let horizon = "the horizon (\(start) to \(end))"
    for range in noted.ranges where (range.to.map { $0 < start } ?? false) || (range.from.map { $0 > end } ?? false) {
      warn(range.node, "a \(range.what) with days within \(horizon)", "\(span(range.from, range.to)): it has no effect")
    }
    // The calendar is asked about the days from the earliest receipt to the last due date
    // a dossier received in the horizon can have.
    let table = scenario.calendarTable()
    let first = table.date(ofDay: table.firstDay), last = table.date(ofDay: table.dayCount - 1)
    for date in noted.dates where date.date < first || date.date > last {
      warn(date.node, "a \(date.what) within \(horizon), the receipts of the initial backlog or the deadlines they count (to \(last))",
           "\(date.date): it has no effect")
    }
    for (node, crew, counter, poolHours) in noted.crews {
      if (crew.to.map { $0 < start } ?? false) || (crew.from.map { $0 > end } ?? false) {
        warn(node, "a crew with days within \(horizon)", "\(span(crew.from, crew.to)): it has no effect")
        continue
      }
      if !Self.isEverOnDuty(crew, counter: counter, poolHours: poolHours, table: table, days: scenario.horizon.days) {
        warn(node, "a crew on duty at some time of \(horizon)",
             "a crew never on duty: its dates, weekdays and hours fall on no day \(counter ? "the centre is open" : "it can work") (holidays aside)")
        continue
      }
      if let learning = crew.learning, let begins = learning.start ?? crew.from,
        Double(begins.dayNumber - start.dayNumber) + learning.days <= 0, let curve = node.node["learning"]
      {
        warn(node.child("learning", curve), "a learning curve still under way at the start (\(start))",
             "one from \(begins) over \(Int(learning.days)) days: it has no effect")
      }
    }
    warnAboutUnusedShares(scenario, top: top)
  }

  /// Whether a member of `crew` is ever on duty in the horizon (``Crew/worksInBackOffice``
  /// for the back office; open days within its dates and weekdays at the counter).
  static func isEverOnDuty(_ crew: Crew, counter: Bool, poolHours: [OpeningInterval]?, table: CalendarTable, days: Int) -> Bool {
    let hours = counter ? crew.hours : (crew.hours ?? poolHours)
    if let hours, hours.isEmpty { return false }
    for day in 0..<days {
      let open = table.openMinutes(ofDay: day) > 0
      let date = table.date(ofDay: day)
      if counter ? crew.covers(date) && open
        : crew.worksInBackOffice(on: date, isOpenDay: open, isHoliday: table.isHoliday(day)) && (hours != nil || open)
      {
        return true
      }
    }
    return false
  }

  private func warnAboutUnusedShares(_ scenario: Scenario, top: Fields) {
    if let replay = top["arrivals_replay"] {
      report(.unknownKey, at: replay, expected: "arrivals drawn from the centres' demand, or replayed from a log",
             found: "a replayed log: the centres' daily_volume, hourly_profile, weekday_factors and surges, the procedures' and centres' "
               + "shares, and the channel shares do not shape arrivals (the log says when, what and how)", severity: .warning)
      return
    }
    let received = scenario.procedures.indices.map { p in scenario.centres.contains { $0.shares(scenario.procedures)[p] > 0 } }
    for (node, id) in noted.channelShares {
      guard let p = scenario.procedures.firstIndex(where: { $0.id == id }), !received[p], node.node.float.map({ $0 > 0 }) ?? true else {
        continue
      }
      report(.unknownKey, at: node, expected: "a channel share for a procedure some centre receives",
             found: "'\(id)' has a share of 0 at every centre: it has no effect", severity: .warning)
    }
    let online = scenario.procedures.indices.contains { received[$0] && scenario.procedures[$0].onlineShare > 0 }
    if let intake = top["online_intake"], !online {
      report(.unknownKey, at: intake, expected: "online_intake with online dossiers", found: "no procedure has an online share: it has no effect",
             severity: .warning)
    }
    let incomplete = scenario.procedures.contains { $0.incompleteAtCounter > 0 || $0.incompleteInBackOffice > 0 }
    if let rule = top["resubmission"], !incomplete {
      report(.unknownKey, at: rule, expected: "resubmission with incomplete dossiers",
             found: "no procedure is ever found incomplete: it has no effect", severity: .warning)
    }
  }
}
