//===----------------------------------------------------------------------===//
// A scenario described for people, with the load it puts on the staff.
//===----------------------------------------------------------------------===//

import CentreModel
import Localization
import SimRandom

/// The text of `onestop describe`: the resolved scenario (defaults filled in) and, per
/// centre, the load on counters (with queueing theory) and back-office pools.
public struct ScenarioDescription: Sendable {
  public var scenario: Scenario
  public var centreLimit: Int

  public init(scenario: Scenario, centreLimit: Int = 5) {
    self.scenario = scenario
    self.centreLimit = centreLimit
  }

  public func rendered() -> String {
    let s = scenario
    var out = "Scenario \(s.name): \(s.horizon.start) to \(s.horizon.end) (\(s.horizon.days) days), seed \(s.seed), \(s.replications) replications\n"
    if !s.description.isEmpty { out += wrap(s.description.replacing("\n", with: " "), width: 88) + "\n" }
    out += "\nCalendar\n"
    for day in Weekday.allCases {
      let hours = s.calendar.openingHours[day.rawValue]
      out += "  \(day.shortName): \(hours.isEmpty ? "closed" : hours.map(\.description).joined(separator: ", "))"
        + (s.calendar.workingWeekdays.contains(day) ? "" : " (not a working day)") + "\n"
    }
    if !s.calendar.holidays.isEmpty { out += "  holidays: \(s.calendar.holidays.sorted().map(\.description).joined(separator: ", "))\n" }
    if !s.calendar.makeUpDays.isEmpty { out += "  make-up days: \(s.calendar.makeUpDays.sorted().map(\.description).joined(separator: ", "))\n" }
    out += "  receipt cut-off: \(s.calendar.receiptCutoff?.description ?? "none")\n"

    out += "\n"
    for line in ConsoleSummary.setting(s) { out += wrap(line, width: 88) + "\n" }
    out += "\nProcedures\n"
    out += textTable(header: ["id", "group", "share", "counter time", "back office", "deadline", "online", "service pt", "incomplete"],
                     rows: s.procedures.map { p in
                       [p.id, p.group, fixed(p.share, 3), Self.describe(p.counterTime),
                        p.steps.isEmpty ? "none" : p.steps.map(Self.describe).joined(separator: " → "), p.deadline.description,
                        fixed(p.onlineShare, 2), fixed(p.servicePointShare, 2),
                        "\(fixed(p.incompleteAtCounter, 2)) / \(fixed(p.incompleteInBackOffice, 2))"]
                     }, rightAligned: [2, 6, 7])
    out += "  (online intake: \(Self.describe(s.onlineIntake.time)) by \(s.onlineIntake.pool == BackOfficePool.onlineIntakeID ? "counter clerks" : s.onlineIntake.pool); "
      + "supplements: \(Int((s.resubmission.probability * 100).rounded()))% come back after \(Self.describe(s.resubmission.delay)) working days)\n"

    out += "\nCentres (\(s.centres.count)\(s.centres.count > centreLimit ? ", the first \(centreLimit) shown" : ""))\n"
    for centre in s.centres.prefix(centreLimit) {
      out += "\n\(centre.id): \(fixed(centre.arrivals.dailyVolume, 1)) dossiers per open day"
      let factors = Weekday.allCases.filter { centre.arrivals.weekdayFactors[$0.rawValue] != 1 }
      if !factors.isEmpty { out += " (× \(factors.map { "\(fixed(centre.arrivals.weekdayFactors[$0.rawValue], 2)) \($0.shortName)" }.joined(separator: ", ")))" }
      out += "; closing: \(centre.closing); routing: \(centre.routing.rawValue)\n"
      for surge in centre.arrivals.surges { out += "  demand × \(fixed(surge.factor, 2)) from \(surge.from) to \(surge.to)\n" }
      if let patience = centre.patience {
        out += "  patience: " + [patience.balkAt.map { "leave on seeing \($0) waiting" }, patience.patience.map { "give up after \(Self.describe($0)) min" },
                                  "\(Int((patience.returnProbability * 100).rounded()))% come back"].compactMap { $0 }.joined(separator: ", ") + "\n"
      }
      if let cap = centre.dailyTicketCap { out += "  at most \(cap) tickets a day\n" }
      for range in centre.onlineShare {
        out += "  online share \(fixed(range.share * 100, 1))% from \(range.from?.description ?? "the start") to \(range.to?.description ?? "the end")\n"
      }
      for group in centre.counters {
        out += "  counter \(group.id): \(Self.describe(group.staffing)); serves \(group.serves?.joined(separator: ", ") ?? "all")"
          + (group.helps.isEmpty ? "" : "; helps \(group.helps.joined(separator: ", "))") + "\n"
      }
      for pool in centre.backOffice {
        out += "  back office \(pool.id): \(Self.describe(pool.staffing)); \(pool.discipline.rawValue)"
          + (pool.hours.map { "; hours \($0.map(\.description).joined(separator: ", "))" } ?? "") + "\n"
      }
      out += backOfficeLoad(centre)
    }
    out += "\nCounter load and queueing theory\n"
    for theory in CounterTheory.analyse(s, limit: centreLimit) { out += "\n" + theory.rendered() }
    if !s.outages.isEmpty {
      out += "\nOutages\n"
      for o in s.outages {
        let when: String
        switch o.occurrence {
        case .daily(let p): when = "on \(Int((p * 100).rounded()))% of days"
        case .renewal(let gap): when = "every \(Self.describe(gap)) min"
        }
        out += "  \(o.id): \(when), lasting \(Self.describe(o.duration)) min, counter \(o.counter), back office \(o.backOffice)"
          + (o.blocksOnline ? ", online submissions wait" : "") + "; \(o.centres?.joined(separator: ", ") ?? "all centres")"
          + (o.independentPerCentre ? " (each on its own)" : "") + "\n"
      }
    }
    return out
  }

  /// Each back-office pool's expected daily work against its permanent capacity.
  private func backOfficeLoad(_ centre: Centre) -> String {
    let table = scenario.calendarTable()
    guard let day = (0..<table.dayCount).first(where: { table.isWorkingDay($0) && table.openMinutes(ofDay: $0) > 0 }) else { return "" }
    let open = table.openMinutes(ofDay: day)
    let shares = centre.shares(scenario.procedures)
    var out = ""
    for pool in centre.backOffice {
      var work = 0.0
      for (p, procedure) in scenario.procedures.enumerated() {
        for step in procedure.steps {
          if case .work(let id, let time) = step.kind, id == pool.id { work += centre.arrivals.dailyVolume * shares[p] * time.mean }
        }
        if pool.id == scenario.onlineIntake.pool { work += centre.arrivals.dailyVolume * shares[p] * procedure.onlineShare * scenario.onlineIntake.time.mean }
      }
      guard work > 0 else { continue }
      let minutes = pool.hours.map { $0.reduce(0.0) { $0 + Double($1.minutes) } } ?? open
      let staff = pool.staffing.crews.filter { $0.from == nil && $0.to == nil && $0.hours == nil }.reduce(0.0) { $0 + Double($1.count) * $1.speed }
      let use = staff > 0 ? work / (staff * minutes) : .infinity
      out += "  load on \(pool.id): \(fixed(work / 60, 1)) staff-hours of work a day for \(fixed(staff * minutes / 60, 1)) available"
        + (use.isFinite ? " (utilisation \(Int((use * 100).rounded()))%)" : "") + "\n"
      if use >= 1 { out += "  warning: \(pool.id) cannot keep up with an average day: its backlog grows without temporary staff\n" }
    }
    return out
  }

  static func describe(_ d: Distribution) -> String {
    switch d {
    case .deterministic(let v): return fixed(v, 2)
    case .exponential(let m): return "exponential(mean \(fixed(m, 2)))"
    case .gamma: return "gamma(mean \(fixed(d.mean, 2)), sd \(fixed(d.variance.squareRoot(), 2)))"
    case .lognormal: return "lognormal(mean \(fixed(d.mean, 2)), sd \(fixed(d.variance.squareRoot(), 2)))"
    case .weibull(let scale, let shape): return "weibull(scale \(fixed(scale, 2)), shape \(fixed(shape, 2)))"
    case .truncatedNormal(let m, let sd): return "normal≥0(mean \(fixed(m, 2)), sd \(fixed(sd, 2)))"
    case .uniform(let a, let b): return "uniform(\(fixed(a, 2))–\(fixed(b, 2)))"
    case .triangular(let a, let c, let b): return "triangular(\(fixed(a, 2)), \(fixed(c, 2)), \(fixed(b, 2)))"
    case .discrete: return "discrete(mean \(fixed(d.mean, 2)))"
    case .piecewise: return "piecewise(mean \(fixed(d.mean, 2)))"
    }
  }

  static func describe(_ step: WorkStep) -> String {
    switch step.kind {
    case .work(let pool, let time): return "\(step.name) [\(pool), \(describe(time))]"
    case .wait(let days): return "\(step.name) [wait \(describe(days)) WD]"
    }
  }

  static func describe(_ staffing: Staffing) -> String {
    guard !staffing.crews.isEmpty else { return "no staff of its own" }
    return staffing.crews.map { crew in
      var text = "\(crew.count)"
      if crew.from != nil || crew.to != nil { text += " (\(crew.from?.description ?? "start") to \(crew.to?.description ?? "end"))" }
      if let hours = crew.hours { text += " \(hours.map(\.description).joined(separator: ","))" }
      if let days = crew.weekdays { text += " on \(Weekday.allCases.filter { days.contains($0) }.map(\.shortName).joined(separator: ","))" }
      if crew.speed != 1 { text += " at \(fixed(crew.speed, 2))×" }
      if crew.absence > 0 { text += ", \(Int((crew.absence * 100).rounded()))% absent" }
      if let learning = crew.learning { text += ", learning ×\(fixed(learning.initialMultiplier, 2)) over \(fixed(learning.days, 0)) days" }
      if !crew.note.isEmpty { text += " [\(crew.note)]" }
      return text
    }.joined(separator: " + ")
  }
}
