//===----------------------------------------------------------------------===//
// A scenario written as a YAML file that the loader reads back unchanged.
//===----------------------------------------------------------------------===//

import CentreModel
import ScenarioFormat
import SimRandom

/// Writes a resolved ``Scenario`` as a scenario file in the schema of the README, every
/// value spelled out (the defaults filled in, shorthands written as what they stand for:
/// `counter_staff: 3` as a counter group `counter` with one crew of 3), so that
/// `ScenarioLoader` reads back the same scenario.
///
/// Numbers are written in Swift's shortest form that reads back to the same `Double`, so
/// a value round-trips exactly. Free text is double-quoted. Settings that would have no
/// effect and draw a loader warning (`online_intake` with no online dossier,
/// `resubmission` with no supplement, `extra_day_demand` in a standard week,
/// `make_up_hours` without make-up days) are left out. Not written: recorded arrivals
/// (`arrivals_replay`), an initial backlog and a city's volume draw (a fitted scenario
/// has none of them).
///
/// ``comments`` puts a comment after the line of a key path (`procedures[land].share`,
/// `centres[commune].arrivals.daily_volume`, `centres[commune]` ...), ``header`` comment
/// lines at the top.
public struct ScenarioYAML: Sendable {
  /// Comment lines at the top (without `#`).
  public var header: [String] = []
  /// Comments after the lines of key paths.
  public var comments: [String: String] = [:]

  /// A writer with no comments.
  public init(header: [String] = [], comments: [String: String] = [:]) {
    self.header = header
    self.comments = comments
  }

  /// The scenario as YAML text.
  public func render(_ s: Scenario) -> String {
    var out = Lines(comments: comments)
    for line in header { out.raw(line.isEmpty ? "#" : "# \(line)") }
    out.key("name", Self.quoted(s.name), path: "name")
    if !s.description.isEmpty { out.key("description", Self.quoted(s.description), path: "description") }
    out.key("seed", "\(s.seed)", path: "seed")
    out.key("replications", "\(s.replications)", path: "replications")
    var horizon = "{start: \(s.horizon.start), days: \(s.horizon.days)"
    if s.horizon.warmUpDays > 0 { horizon += ", warm_up_days: \(s.horizon.warmUpDays)" }
    out.key("horizon", horizon + "}", path: "horizon")
    calendar(s.calendar, &out)
    out.block("procedures", path: "procedures")
    for p in s.procedures { procedure(p, &out) }
    let online = s.procedures.contains { $0.onlineShare > 0 } || s.centres.contains { !$0.onlineShare.isEmpty }
    if online {
      let pool = s.onlineIntake.pool == BackOfficePool.onlineIntakeID ? "counter" : Self.quoted(s.onlineIntake.pool)
      out.key("online_intake", "{pool: \(pool), time: \(Self.distribution(s.onlineIntake.time))}", path: "online_intake")
    }
    if s.procedures.contains(where: { $0.incompleteAtCounter > 0 || $0.incompleteInBackOffice > 0 }) {
      out.key("resubmission", "{probability: \(Self.number(s.resubmission.probability)), delay: \(Self.distribution(s.resubmission.delay))}",
              path: "resubmission")
    }
    if s.centres.count == 1 {
      out.block("centre", path: "centres[\(s.centres[0].id)]")
      out.indent += 1
      centre(s.centres[0], s, &out, listed: false)
      out.indent -= 1
    } else {
      out.block("centres", path: "centres")
      for c in s.centres { centre(c, s, &out, listed: true) }
    }
    if !s.outages.isEmpty {
      out.block("outages", path: "outages")
      for o in s.outages { outage(o, &out) }
    }
    if !s.windows.isEmpty {
      out.key("windows", "[" + s.windows.map { "\"\($0)\"" }.joined(separator: ", ") + "]", path: "windows")
    }
    return out.text
  }

  // MARK: - Sections

  private func calendar(_ c: WorkingCalendar, _ out: inout Lines) {
    out.block("calendar", path: "calendar")
    out.indent += 1
    out.block("opening_hours", path: "calendar.opening_hours")
    out.indent += 1
    for day in Weekday.allCases {
      out.key(day.name, Self.intervals(c.openingHours[day.rawValue]), path: "calendar.opening_hours.\(day.name)")
    }
    out.indent -= 1
    out.key("working_weekdays", "[" + Weekday.allCases.filter { c.workingWeekdays.contains($0) }.map(\.name).joined(separator: ", ") + "]",
            path: "calendar.working_weekdays")
    out.key("holidays", "[" + c.holidays.sorted().map(\.description).joined(separator: ", ") + "]", path: "calendar.holidays")
    if !c.makeUpDays.isEmpty {
      out.key("make_up_days", "[" + c.makeUpDays.sorted().map(\.description).joined(separator: ", ") + "]", path: "calendar.make_up_days")
      out.key("make_up_hours", Self.intervals(c.makeUpHours), path: "calendar.make_up_hours")
    }
    out.key("receipt_cutoff", c.receiptCutoff.map { "\"\($0)\"" } ?? "none", path: "calendar.receipt_cutoff")
    if !c.isStandardWeek { out.key("extra_day_demand", c.extraDayDemand.rawValue, path: "calendar.extra_day_demand") }
    out.indent -= 1
  }

  private func procedure(_ p: Procedure, _ out: inout Lines) {
    let path = "procedures[\(p.id)]"
    out.item("id", Self.quoted(p.id), path: path)
    out.indent += 1
    out.key("name", Self.quoted(p.name), path: "\(path).name")
    if p.group != p.id { out.key("group", Self.quoted(p.group), path: "\(path).group") }
    out.key("share", Self.number(p.share), path: "\(path).share")
    out.key("counter_time", Self.distribution(p.counterTime), path: "\(path).counter_time")
    if !p.steps.isEmpty {
      out.block("steps", path: "\(path).steps")
      for (i, step) in p.steps.enumerated() {
        let text: String
        switch step.kind {
        case .work(let pool, let time):
          text = "{name: \(Self.quoted(step.name)), pool: \(Self.quoted(pool)), time: \(Self.distribution(time))}"
        case .wait(let days):
          text = "{name: \(Self.quoted(step.name)), wait: \(Self.distribution(days))}"
        }
        out.raw(String(repeating: "  ", count: out.indent) + "- " + text, path: "\(path).steps[\(i)]")
      }
    }
    switch p.deadline {
    case .workingDays(let n): out.key("deadline", "{working_days: \(n)}", path: "\(path).deadline")
    case .workingHours(let h): out.key("deadline", "{working_hours: \(Self.number(h))}", path: "\(path).deadline")
    }
    if p.onlineShare > 0 { out.key("online_share", Self.number(p.onlineShare), path: "\(path).online_share") }
    if p.servicePointShare > 0 {
      out.key("service_point_share", Self.number(p.servicePointShare), path: "\(path).service_point_share")
    }
    if p.incompleteAtCounter > 0 || p.incompleteInBackOffice > 0 {
      out.key("incomplete", "{at_counter: \(Self.number(p.incompleteAtCounter)), in_back_office: \(Self.number(p.incompleteInBackOffice))}",
              path: "\(path).incomplete")
    }
    out.indent -= 1
  }

  private func centre(_ c: Centre, _ s: Scenario, _ out: inout Lines, listed: Bool) {
    let path = "centres[\(c.id)]"
    if listed {
      out.item("id", Self.quoted(c.id), path: path)
      out.indent += 1
    } else {
      out.key("id", Self.quoted(c.id), path: "\(path).id")
    }
    out.block("arrivals", path: "\(path).arrivals")
    out.indent += 1
    let a = c.arrivals
    out.key("daily_volume", Self.number(a.dailyVolume), path: "\(path).arrivals.daily_volume")
    let hours = (0..<24).filter { a.hourlyWeights[$0] != 1 }
    if !hours.isEmpty {
      out.key("hourly_profile", "{" + hours.map { "\($0): \(Self.number(a.hourlyWeights[$0]))" }.joined(separator: ", ") + "}",
              path: "\(path).arrivals.hourly_profile")
    }
    let days = Weekday.allCases.filter { a.weekdayFactors[$0.rawValue] != 1 }
    if !days.isEmpty {
      out.key("weekday_factors", "{" + days.map { "\($0.name): \(Self.number(a.weekdayFactors[$0.rawValue]))" }.joined(separator: ", ") + "}",
              path: "\(path).arrivals.weekday_factors")
    }
    if !a.surges.isEmpty {
      out.key("surges", "[" + a.surges.map { "{from: \($0.from), to: \($0.to), factor: \(Self.number($0.factor))}" }.joined(separator: ", ") + "]",
              path: "\(path).arrivals.surges")
    }
    out.indent -= 1
    if let shares = c.procedureShares {
      out.key("procedure_shares", "{" + zip(s.procedures, shares).map { "\(Self.quoted($0.0.id)): \(Self.number($0.1))" }.joined(separator: ", ") + "}",
              path: "\(path).procedure_shares")
    }
    out.block("counters", path: "\(path).counters")
    for g in c.counters {
      var fields = ["id: \(Self.quoted(g.id))"]
      if !g.staffing.crews.isEmpty { fields.append("crews: [" + g.staffing.crews.map(Self.crew).joined(separator: ", ") + "]") }
      if let serves = g.serves { fields.append("serves: [" + serves.map(Self.quoted).joined(separator: ", ") + "]") }
      if !g.helps.isEmpty { fields.append("helps: [" + g.helps.map(Self.quoted).joined(separator: ", ") + "]") }
      out.raw(String(repeating: "  ", count: out.indent) + "- {" + fields.joined(separator: ", ") + "}", path: "\(path).counters[\(g.id)]")
    }
    if c.routing != .sharedQueue { out.key("routing", c.routing.rawValue, path: "\(path).routing") }
    if c.priorityShare > 0 { out.key("priority_share", Self.number(c.priorityShare), path: "\(path).priority_share") }
    if !c.backOffice.isEmpty {
      out.block("back_office", path: "\(path).back_office")
      for pool in c.backOffice {
        var fields = ["id: \(Self.quoted(pool.id))"]
        if !pool.staffing.crews.isEmpty { fields.append("crews: [" + pool.staffing.crews.map(Self.crew).joined(separator: ", ") + "]") }
        if pool.discipline != .fifo { fields.append("discipline: \(pool.discipline.rawValue)") }
        if let hours = pool.hours { fields.append("hours: \(Self.intervals(hours))") }
        out.raw(String(repeating: "  ", count: out.indent) + "- {" + fields.joined(separator: ", ") + "}",
                path: "\(path).back_office[\(pool.id)]")
      }
    }
    switch c.closing {
    case .serveWaiting(let limit?):
      out.key("closing", "{policy: serve_waiting, max_overtime: \(Self.number(limit))}", path: "\(path).closing")
    case .serveWaiting(nil): out.key("closing", "{policy: serve_waiting}", path: "\(path).closing")
    case .returnNextDay: out.key("closing", "{policy: return_next_day}", path: "\(path).closing")
    }
    if let patience = c.patience {
      var fields: [String] = []
      if let balk = patience.balkAt { fields.append("balk_at: \(balk)") }
      if let time = patience.patience { fields.append("patience: \(Self.distribution(time))") }
      fields.append("return_probability: \(Self.number(patience.returnProbability))")
      out.key("patience", "{" + fields.joined(separator: ", ") + "}", path: "\(path).patience")
    }
    if let cap = c.dailyTicketCap { out.key("daily_ticket_cap", "\(cap)", path: "\(path).daily_ticket_cap") }
    if !c.onlineShare.isEmpty {
      out.key("online_share", "[" + c.onlineShare.map { range in
        var fields: [String] = []
        if let from = range.from { fields.append("from: \(from)") }
        if let to = range.to { fields.append("to: \(to)") }
        fields.append("share: \(Self.number(range.share))")
        return "{" + fields.joined(separator: ", ") + "}"
      }.joined(separator: ", ") + "]", path: "\(path).online_share")
    }
    if listed { out.indent -= 1 }
  }

  private func outage(_ o: OutageProcess, _ out: inout Lines) {
    var fields = ["id: \(Self.quoted(o.id))"]
    fields.append("centres: " + (o.centres.map { "[" + $0.map(Self.quoted).joined(separator: ", ") + "]" } ?? "all"))
    if o.independentPerCentre { fields.append("independent: true") }
    switch o.occurrence {
    case .daily(let p): fields.append("daily_probability: \(Self.number(p))")
    case .renewal(let gap): fields.append("time_between: \(Self.distribution(gap))")
    }
    fields.append("duration: \(Self.distribution(o.duration))")
    fields.append("counter: \(Self.effect(o.counter))")
    fields.append("back_office: \(Self.effect(o.backOffice))")
    if !o.blocksOnline { fields.append("blocks_online: false") }
    if let from = o.from { fields.append("from: \(from)") }
    if let to = o.to { fields.append("to: \(to)") }
    out.raw(String(repeating: "  ", count: out.indent) + "- {" + fields.joined(separator: ", ") + "}", path: "outages[\(o.id)]")
  }

  // MARK: - Values

  /// A number in the shortest form that reads back to the same value.
  static func number(_ x: Double) -> String {
    if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }

  /// Text in double quotes, escaped.
  static func quoted(_ text: String) -> String { yamlQuoted(text) }

  static func intervals(_ list: [OpeningInterval]) -> String {
    "[" + list.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
  }

  static func crew(_ c: Crew) -> String {
    var fields = ["count: \(c.count)"]
    if let from = c.from { fields.append("from: \(from)") }
    if let to = c.to { fields.append("to: \(to)") }
    if let weekdays = c.weekdays {
      fields.append("weekdays: [" + Weekday.allCases.filter { weekdays.contains($0) }.map(\.name).joined(separator: ", ") + "]")
    }
    if let hours = c.hours { fields.append("hours: \(intervals(hours))") }
    if c.speed != 1 { fields.append("speed: \(number(c.speed))") }
    if c.absence != 0 { fields.append("absence: \(number(c.absence))") }
    if let l = c.learning {
      fields.append("learning: {multiplier: \(number(l.initialMultiplier)), days: \(number(l.days))"
        + (l.start.map { ", start: \($0)" } ?? "") + "}")
    }
    if !c.note.isEmpty { fields.append("note: \(quoted(c.note))") }
    return "{" + fields.joined(separator: ", ") + "}"
  }

  static func effect(_ e: OutageEffect) -> String {
    switch e {
    case .none: return "none"
    case .stop: return "stop"
    case .slow(let factor): return "{slow: \(number(factor))}"
    }
  }

  /// A distribution as a flow mapping (a constant as a plain number).
  static func distribution(_ d: Distribution) -> String {
    func list(_ values: [Double]) -> String { "[" + values.map(number).joined(separator: ", ") + "]" }
    switch d {
    case .deterministic(let v): return number(v)
    case .exponential(let mean): return "{exponential: {mean: \(number(mean))}}"
    case .gamma(let shape, let scale): return "{gamma: {shape: \(number(shape)), scale: \(number(scale))}}"
    case .lognormal(let mu, let sigma): return "{lognormal: {mu: \(number(mu)), sigma: \(number(sigma))}}"
    case .weibull(let scale, let shape): return "{weibull: {scale: \(number(scale)), shape: \(number(shape))}}"
    case .truncatedNormal(let mean, let sd): return "{normal: {mean: \(number(mean)), sd: \(number(sd))}}"
    case .uniform(let low, let high): return "{uniform: {min: \(number(low)), max: \(number(high))}}"
    case .triangular(let low, let mode, let high):
      return "{triangular: {min: \(number(low)), mode: \(number(mode)), max: \(number(high))}}"
    case .discrete(let values, let weights): return "{discrete: {values: \(list(values)), weights: \(list(weights))}}"
    case .piecewise(let breaks, let weights): return "{piecewise: {breaks: \(list(breaks)), weights: \(list(weights))}}"
    }
  }
}

/// YAML lines being written, with the current indentation and the comments to place.
private struct Lines {
  let comments: [String: String]
  var text = ""
  var indent = 0

  /// `key: value`, with the comment of `path`.
  mutating func key(_ key: String, _ value: String, path: String) {
    raw(String(repeating: "  ", count: indent) + "\(key): \(value)", path: path)
  }

  /// `key:` opening a block, with the comment of `path`.
  mutating func block(_ key: String, path: String) {
    raw(String(repeating: "  ", count: indent) + "\(key):", path: path)
  }

  /// `- key: value`, the first line of a list item.
  mutating func item(_ key: String, _ value: String, path: String) {
    raw(String(repeating: "  ", count: indent) + "- \(key): \(value)", path: path)
  }

  /// A line as is, with the comment of `path` after it.
  mutating func raw(_ line: String, path: String? = nil) {
    text += line
    if let path, let comment = comments[path], !comment.isEmpty {
      text += "  # " + comment.replacingOccurrences(of: "\n", with: " ")
    }
    text += "\n"
  }
}

import Foundation
