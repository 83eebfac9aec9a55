//===----------------------------------------------------------------------===//
// The model's invariants, checked on a scenario's runs.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import SimEngine

/// The outcome of checking a scenario's invariants.
public struct InvariantReport: Sendable {
  /// One invariant and the violations found (empty when it holds).
  public struct Check: Sendable {
    public var name: String
    public var violations: [String]
    public var holds: Bool { violations.isEmpty }

    public init(name: String, violations: [String]) {
      self.name = name
      self.violations = violations
    }
  }

  public var checks: [Check]

  public init(checks: [Check]) { self.checks = checks }
  /// Whether every invariant holds.
  public var holds: Bool { checks.allSatisfy(\.holds) }
}

/// Runs a scenario and checks what must always be true of the model, whatever the
/// scenario: a test any pipeline can run on its own scenarios (`onestop check`).
///
/// On every replication: conservation (arrived = completed + in system + abandoned;
/// received = completed + backlog), no negative queue, backlog or overdue count, on-time
/// ≤ completed, busy staff-hours ≤ staff-hours on duty in every pool, per-day, per-procedure
/// and per-centre figures adding up to the totals. On every event of replication 0: no
/// counter service starts outside opening hours unless the closing policy allows
/// overtime (and then not after its limit), no back-office work starts outside the
/// pool's hours, a due date is never before its receipt, a dossier completes only after
/// it is received. And determinism: the same seed gives the same results, with one
/// thread or several.
public enum InvariantCheck {
  public static func run(_ scenario: Scenario, jobs: Int = Experiment.defaultJobs) -> InvariantReport {
    let plan = ModelPlan(scenario)
    let observer = EventChecker(scenario: scenario)
    // Each check is applied to every replication as it finishes (in replication order),
    // so that memory does not grow with the replications; the first few are kept.
    var rules: [(name: String, body: (ReplicationResult) -> [String])] = []
    func check(_ name: String, _ body: @escaping (ReplicationResult) -> [String]) { rules.append((name, body)) }
    let tolerance = 1e-6
    check("every replication runs to the end of the horizon (under \(plan.maxInSystem) dossiers in the system)") { r in
      r.stoppedOnDay.map { ["stopped on day \($0): demand far beyond capacity"] } ?? []
    }
    check("arrived + pending at the start = completed + in the system + abandoned") { r in
      let t = r.totals
      return t[.arrivals] + t[.initialBacklog] == t[.completed] + t[.inSystemEnd] + t[.abandoned] ? []
        : ["\(t[.arrivals]) arrived, \(t[.initialBacklog]) pending at the start, \(t[.completed]) completed, "
           + "\(t[.inSystemEnd]) in the system, \(t[.abandoned]) abandoned"]
    }
    check("received + pending at the start = completed + backlog") { r in
      let t = r.totals
      return t[.received] + t[.initialBacklog] == t[.completed] + t[.backlogEnd] ? []
        : ["\(t[.received]) received, \(t[.initialBacklog]) pending at the start, \(t[.completed]) completed, backlog \(t[.backlogEnd])"]
    }
    check("initial + new = all (overdue, completed)") { r in
      let t = r.totals
      var found: [String] = []
      if t[.initialOverdue] + t[.newOverdue] != t[.overdue] { found.append("overdue \(t[.overdue]) ≠ \(t[.initialOverdue]) initial + \(t[.newOverdue]) new") }
      if t[.initialCompleted] > min(t[.completed], t[.initialBacklog]) { found.append("\(t[.initialCompleted]) initial dossiers completed of \(t[.initialBacklog])") }
      if t[.initialOverdue] > t[.initialBacklog] { found.append("\(t[.initialOverdue]) initial dossiers overdue of \(t[.initialBacklog])") }
      if t[.initialCleared] == 1, t[.initialCompleted] + t[.abandoned] < t[.initialBacklog] { found.append("cleared with initial dossiers left") }
      return found
    }
    check("on time ≤ completed, on time + late = completed") { r in
      let t = r.totals
      return t[.completedOnTime] <= t[.completed] && t[.completedOnTime] + t[.completedLate] == t[.completed] ? []
        : ["\(t[.completedOnTime]) on time, \(t[.completedLate]) late, \(t[.completed]) completed"]
    }
    check("no negative queue, backlog or overdue count") { r in
      var found: [String] = []
      for (d, day) in r.days.enumerated() {
        for m: DayMeasure in [.backlog, .inSystem, .overdueOpen, .counterQueueMax] where day[m] < 0 { found.append("day \(d): \(m.id) = \(day[m])") }
      }
      for m: RunMeasure in [.backlogEnd, .inSystemEnd, .waitingEnd, .overdueOpen, .counterQueueMax] where r.totals[m] < 0 { found.append("\(m.id) = \(r.totals[m])") }
      return found
    }
    let scheduled = Self.scheduledBackOfficeHours(scenario, plan: plan)
    check("back-office staff-hours = the hours their crews are scheduled (own hours outside opening included), absences aside") { r in
      scheduled.compactMap { pool, hours, exact in
        let staffed = r.pools[pool][.staffOnDutyHours]
        let holds = exact ? abs(staffed - hours) <= tolerance * max(1, hours) : staffed <= hours * (1 + tolerance) + tolerance
        return holds ? nil : "pool \(plan.reportPools[pool].name): \(staffed) staff-hours on duty for \(hours) scheduled"
      }
    }
    check("busy staff ≤ staff on duty, in every pool") { r in
      r.pools.enumerated().compactMap { i, p in
        p[.busyHours] <= p[.staffOnDutyHours] * (1 + tolerance) + tolerance ? nil
          : "pool \(plan.reportPools[i].name): \(p[.busyHours]) busy hours for \(p[.staffOnDutyHours]) on duty"
      }
    }
    check("days, procedures and centres add up to the totals") { r in
      var found: [String] = []
      let t = r.totals
      if r.days.reduce(0, { $0 + $1[.arrivals] }) != t[.arrivals] { found.append("daily arrivals") }
      if r.days.reduce(0, { $0 + $1[.completed] }) != t[.completed] { found.append("daily completions") }
      if r.procedures.reduce(0, { $0 + $1[.completed] }) != t[.completed] { found.append("completions per procedure") }
      if r.centres.reduce(0, { $0 + $1[.arrivals] }) != t[.arrivals] { found.append("arrivals per centre") }
      if let last = r.days.last, last[.backlog] != t[.backlogEnd] { found.append("the last day's backlog") }
      return found
    }
    var found = rules.map { ViolationList(name: $0.name) }
    var first: [ReplicationResult] = []
    let sampled = min(scenario.replications, 4)
    func apply(_ r: ReplicationResult) {
      for (i, rule) in rules.enumerated() { found[i].add(rule.body(r), replication: r.replication) }
      if first.count < sampled { first.append(r) }
    }
    apply(CentreRun(plan: plan, replication: 0, observer: observer).run())
    Experiment.run(plan, replications: 1..<scenario.replications, jobs: jobs) {
      apply($0)
      return true
    }
    var checks = found.map(\.check)
    checks += observer.checks()
    let again = Experiment.run(plan, replications: 0..<sampled, jobs: 1)
    let parallel = Experiment.run(plan, replications: 0..<sampled, jobs: max(2, jobs))
    checks.append(.init(name: "the same seed gives the same results, on one thread or several",
                        violations: (again == first ? [] : ["a second run on one thread differs"])
                          + (parallel == first ? [] : ["a run on \(max(2, jobs)) threads differs"])))
    return InvariantReport(checks: checks)
  }
}

/// One invariant's violations over the replications: the first
/// ``ViolationList/listed`` in full, then a count of the rest.
private struct ViolationList {
  /// Violations listed in full.
  static let listed = 20
  let name: String
  var lines: [String] = []
  var more = 0

  mutating func add(_ violations: [String], replication: Int) {
    for violation in violations {
      if lines.count < Self.listed { lines.append("replication \(replication): \(violation)") } else { more += 1 }
    }
  }

  var check: InvariantReport.Check {
    .init(name: name, violations: lines + (more > 0 ? ["… and \(more) more violations of this invariant"] : []))
  }
}

extension InvariantCheck {
  /// Per reported back-office pool: the staff-hours its crews are scheduled over the
  /// horizon after the warm-up (`Crew.worksInBackOffice` and each crew's hours, counted
  /// here from the scenario, not from the run), and whether a run must match them exactly
  /// (no one is ever absent) or may fall short (absences).
  static func scheduledBackOfficeHours(_ scenario: Scenario, plan: ModelPlan) -> [(pool: Int, hours: Double, exact: Bool)] {
    let table = scenario.calendarTable()
    var hours = Array(repeating: 0.0, count: plan.reportPools.count)
    var exact = Array(repeating: true, count: plan.reportPools.count)
    var present = Array(repeating: false, count: plan.reportPools.count)
    for centre in scenario.centres {
      for pool in centre.backOffice {
        guard let r = plan.reportPools.firstIndex(where: { $0.kind == "back_office" && $0.name == pool.id }) else { continue }
        present[r] = true
        for crew in pool.staffing.crews {
          if crew.absence > 0 { exact[r] = false }
          for day in scenario.horizon.warmUpDays..<scenario.horizon.days {
            let date = table.date(ofDay: day)
            guard crew.worksInBackOffice(on: date, isOpenDay: table.openMinutes(ofDay: day) > 0, isHoliday: table.isHoliday(day))
            else { continue }
            let minutes = pool.hours(of: crew).map { $0.reduce(0) { $0 + Double($1.minutes) } } ?? table.openMinutes(ofDay: day)
            hours[r] += Double(crew.count) * minutes / 60
          }
        }
      }
    }
    return hours.indices.filter { present[$0] }.map { ($0, hours[$0], exact[$0]) }
  }
}

/// Checks every dossier event of a run as it happens.
final class EventChecker: DossierObserver {
  let scenario: Scenario
  let calendar: CalendarTable
  var outsideHours: [String] = []
  var dueBeforeReceipt: [String] = []
  var completedUnreceived: [String] = []
  var received = Set<Int>()

  init(scenario: Scenario) {
    self.scenario = scenario
    self.calendar = scenario.calendarTable()
  }

  func record(_ event: DossierEvent) {
    let t = SimTime(minutes: event.time)
    let centre = scenario.centres[event.centre]
    switch event.kind {
    case .counterStart:
      if !calendar.isOpen(at: t) && !overtimeAllows(t, centre.closing) {
        note(&outsideHours, "dossier \(event.dossier) called to a counter at \(clock(t)), outside opening hours")
      }
    case .stepStart:
      if !backOfficeWorks(centre, pool: event.detail, at: t) {
        note(&outsideHours, "dossier \(event.dossier) started work in '\(event.detail)' at \(clock(t)), outside its hours")
      }
    case .received:
      received.insert(event.dossier)
      if let due = event.due, due < event.time { note(&dueBeforeReceipt, "dossier \(event.dossier) received at \(clock(t)), due before it") }
    case .pending:
      received.insert(event.dossier)  // received before the horizon (due any time, even before it)
    case .completed:
      if !received.contains(event.dossier) { note(&completedUnreceived, "dossier \(event.dossier) completed without being received") }
      received.remove(event.dossier)
    default:
      break
    }
  }

  /// Whether someone may work in back-office pool `id` of `centre` at `t`: a member of one
  /// of its crews on duty (their own hours, which may lie outside the opening hours), or,
  /// while the centre is open, a counter clerk helping it.
  private func backOfficeWorks(_ centre: Centre, pool id: String, at t: SimTime) -> Bool {
    let day = calendar.day(of: t)
    let minute = t.minutes - Double(day) * 1440
    let date = calendar.date(ofDay: day)
    let open = calendar.isOpen(at: t)
    func within(_ intervals: [OpeningInterval]) -> Bool {
      intervals.contains { Double($0.start.minutes) <= minute && minute < Double($0.end.minutes) }
    }
    if open && (id == BackOfficePool.onlineIntakeID || centre.counters.contains(where: { $0.helps.contains(id) })) {
      return true
    }
    guard let pool = centre.backOffice.first(where: { $0.id == id }) else { return false }
    return pool.staffing.crews.contains { crew in
      crew.worksInBackOffice(on: date, isOpenDay: calendar.openMinutes(ofDay: day) > 0, isHoliday: calendar.isHoliday(day))
        && (pool.hours(of: crew).map(within) ?? open)
    }
  }

  /// Whether a service may start at `t`, outside opening hours, as overtime after the
  /// last closing before it (which may be days earlier when overtime is unlimited).
  private func overtimeAllows(_ t: SimTime, _ policy: ClosingPolicy) -> Bool {
    guard case .serveWaiting(let limit) = policy else { return false }
    var day = min(calendar.day(of: t), calendar.dayCount - 1)
    while day >= 0 {
      if let last = calendar.openIntervals(ofDay: day).last(where: { $0.end <= t }) {
        // Overtime follows only the day's last closing, not a lunch break.
        guard last.end == calendar.closingTime(ofDay: day) else { return false }
        return limit.map { t.minutes <= last.end.minutes + $0 + 1e-9 } ?? true
      }
      day -= 1
    }
    return false
  }

  private func note(_ list: inout [String], _ text: String) { if list.count < 20 { list.append(text) } }

  private func clock(_ t: SimTime) -> String {
    let day = calendar.day(of: t)
    let minute = Int((t.minutes - Double(day) * 1440).rounded(.down))
    return "\(calendar.date(ofDay: max(0, min(day, calendar.dayCount - 1)))) \(minute / 60 < 10 ? "0" : "")\(minute / 60):\(minute % 60 < 10 ? "0" : "")\(minute % 60)"
  }

  func checks() -> [InvariantReport.Check] {
    [
      .init(name: "no counter service outside opening hours (but allowed overtime), no back-office work outside its staff's hours",
            violations: outsideHours),
      .init(name: "due dates never before receipt", violations: dueBeforeReceipt),
      .init(name: "a dossier completes only after being received", violations: completedUnreceived),
    ]
  }
}
