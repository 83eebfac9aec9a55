//===----------------------------------------------------------------------===//
// The top level of a scenario file.
//===----------------------------------------------------------------------===//

import CentreModel
import Yams

extension NodeReader {
  static let topLevelKeys = [
    "name", "description", "seed", "replications", "horizon", "calendar", "procedures", "centre", "centres",
    "online_intake", "resubmission", "transfers", "outages", "arrivals_replay", "initial_backlog", "windows", "scales",
  ]

  /// Hard limits that keep a typo from asking for years of computing or of memory.
  enum Limits {
    static let days = 1...3660
    static let replications = 1...100_000
    static let staff = 0...10_000
  }

  /// Decodes a whole scenario; `nil` when any error was reported.
  func scenario(_ root: Located, baseDirectory: String) -> Scenario? {
    guard let top = fields(root, known: Self.topLevelKeys) else { return nil }
    let name = required(top, "name", "a scenario name").flatMap(scenarioName)
    let description = top["description"].flatMap { string($0) } ?? ""
    let seed = top["seed"].map(seedValue) ?? 1
    let replications = top["replications"].map { integer($0, in: Limits.replications) } ?? 10
    let horizon = required(top, "horizon", "{start: YYYY-MM-DD, days: N}").flatMap(horizonValue)
    let calendar = top["calendar"].map(calendarValue) ?? WorkingCalendar()
    if let calendar = calendar { self.calendar = calendar }
    var procedures = required(top, "procedures", "a list of procedures").flatMap(proceduresValue)
    if let node = top["scales"], let decoded = procedures {
      guard let scaled = scalesValue(node, decoded) else { return nil }
      procedures = scaled
    }
    noteProceduresNode(top["procedures"])
    let intake = top["online_intake"].map(onlineIntakeValue)
    if let intake = intake ?? nil { onlineIntakePool = intake.pool }
    let resubmission = top["resubmission"].map(resubmissionValue)
    var centres = centresValue(top, scenarioName: name ?? "centre", procedures: procedures ?? [], seed: (seed ?? nil) ?? 1)
    if let transfers = top["transfers"], centres != nil, let horizon {
      applyTransfers(transfers, to: &centres!, horizon: horizon)
    }
    let outages = top["outages"].map { outagesValue($0, centreIDs: centres?.map(\.id) ?? []) }
    guard let name, let seed, let replications, let horizon, let calendar, let procedures, let centres,
      intake != .some(nil), resubmission != .some(nil), outages != .some(nil), !hasErrors
    else { return nil }
    var scenario = Scenario(
      name: name, description: description, seed: seed, replications: replications, horizon: horizon,
      calendar: calendar, procedures: procedures, centres: centres)
    if let intake = intake ?? nil { scenario.onlineIntake = intake }
    if let resubmission = resubmission ?? nil { scenario.resubmission = resubmission }
    scenario.outages = (outages ?? nil) ?? []
    scenario.volumeDraw = volumeDraw
    if let replay = top["arrivals_replay"] {
      guard let recorded = recordedArrivals(replay, baseDirectory: baseDirectory, scenario: scenario) else { return nil }
      scenario.recordedArrivals = recorded
    }
    if let node = top["windows"] {
      guard let windows = windowsValue(node, horizon: horizon) else { return nil }
      scenario.windows = windows
    }
    if let backlog = top["initial_backlog"] {
      guard let pending = initialBacklog(backlog, baseDirectory: baseDirectory, scenario: scenario) else { return nil }
      scenario.initialBacklog = pending
    }
    checkServability(scenario, root: root, top: top)
    warnAboutIneffectiveSettings(scenario, top: top)
    return hasErrors ? nil : scenario
  }

  /// `scales: {counter_time: k, back_office_time: k}`: every procedure's counter time, or
  /// every back-office work step, `k` times as long (waits are not work): one knob for a
  /// productivity that calibration estimates, or for work made longer by using several
  /// software systems at once.
  func scalesValue(_ located: Located, _ procedures: [Procedure]) -> [Procedure]? {
    guard let f = fields(located, known: ["counter_time", "back_office_time"]) else { return nil }
    func factor(_ key: String) -> Double?? {
      f[key].map { number($0, "a factor > 0 and ≤ 100 (1: as written)") { $0 > 0 && $0 <= 100 } }
    }
    let counter = factor("counter_time"), backOffice = factor("back_office_time")
    guard counter != .some(nil), backOffice != .some(nil) else { return nil }
    return procedures.map { procedure in
      var scaled = procedure
      if let k = counter ?? nil { scaled.counterTime = procedure.counterTime.scaled(by: k) }
      if let k = backOffice ?? nil {
        scaled.steps = procedure.steps.map { step in
          guard case .work(let pool, let time) = step.kind else { return step }
          return WorkStep(step.name, .work(pool: pool, time: time.scaled(by: k)))
        }
      }
      return scaled
    }
  }

  /// `windows: [YYYY-MM-DD..YYYY-MM-DD, {from, to}, ...]`: date windows within the horizon
  /// whose arrivals are followed to the window's end.
  func windowsValue(_ located: Located, horizon: Horizon) -> [DateWindow]? {
    guard let items = list(located, of: "date windows 'YYYY-MM-DD..YYYY-MM-DD' or {from, to}") else { return nil }
    var windows: [DateWindow] = []
    for item in items {
      let window: DateWindow
      if case .scalar(let scalar) = item.node {
        guard let parsed = DateWindow(parsing: scalar.string) else {
          report(.invalidDate, at: item, expected: "a date window 'YYYY-MM-DD..YYYY-MM-DD' (first day, last day)")
          return nil
        }
        window = parsed
      } else {
        guard let f = fields(item, known: ["from", "to"]),
          let from = required(f, "from", "the window's first day").flatMap(date),
          let to = required(f, "to", "the window's last day").flatMap(date)
        else { return nil }
        guard to >= from else {
          report(.overlappingIntervals, at: f["to"] ?? item, expected: "a last day on or after 'from' (\(from))")
          return nil
        }
        window = DateWindow(from: from, to: to)
      }
      guard window.from >= horizon.start && window.to <= horizon.end else {
        report(.outOfRange, at: item, expected: "a window within the horizon (\(horizon.start) to \(horizon.end))",
               found: "\(window)")
        return nil
      }
      windows.append(window)
    }
    return windows
  }

  /// The longest scenario name. It names output folders (`results/<name>`,
  /// `results/sweep-<name>`), which the file system allows 255 bytes.
  static let nameLength = 100

  /// A name of at most ``nameLength`` letters (of any script), digits, `-`, `_` and `.`,
  /// not starting with `.`; a bad one is echoed as a short excerpt (it may be a megabyte
  /// long). Its output folder is ``outputFolderName(_:)``.
  private func scenarioName(_ located: Located) -> String? {
    guard let text = string(located, "a name") else { return nil }
    let expected = "a name of at most \(Self.nameLength) characters: letters, digits, '-', '_' and '.' (it names the output folder)"
    guard text.count <= Self.nameLength else {
      report(.outOfRange, at: located, expected: expected, found: "a name of \(text.count) characters ('\(Self.excerpt(text))')")
      return nil
    }
    // Any script's letters (phường-hà-đông); the output folder drops the diacritics.
    let allowed = text.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
    guard allowed, !text.hasPrefix(".") else {
      report(.wrongType, at: located, expected: expected, found: "'\(Self.excerpt(text))'")
      return nil
    }
    return text
  }

  func seedValue(_ located: Located) -> UInt64? {
    guard case .scalar(let scalar) = located.node, scalar.style == .plain, let seed = UInt64(scalar.string) else {
      report(.wrongType, at: located, expected: "a whole number from 0 to \(UInt64.max)")
      return nil
    }
    return seed
  }

  private func horizonValue(_ located: Located) -> Horizon? {
    guard let f = fields(located, known: ["start", "days", "warm_up_days"]) else { return nil }
    let start = required(f, "start", "the first simulated date").flatMap(dateInRange)
    let days = required(f, "days", "the number of days simulated").flatMap { integer($0, in: Limits.days) }
    let warmUp = f["warm_up_days"].flatMap { integer($0, in: 0...Limits.days.upperBound) } ?? 0
    guard let start, let days else { return nil }
    if warmUp >= days, let node = f["warm_up_days"] {
      report(.outOfRange, at: node, expected: "fewer warm-up days than the \(days) days simulated", found: "\(warmUp)")
      return nil
    }
    let last = start.adding(days: days - 1)
    if last > CivilDate.latest, let node = f["days"] {
      report(.outOfRange, at: node,
             expected: "a horizon that ends by \(CivilDate.latest) (at most \(CivilDate.latest.dayNumber - start.dayNumber + 1) days from \(start))",
             found: "\(days) days, to \(last)")
      return nil
    }
    return Horizon(start: start, days: days, warmUpDays: warmUp)
  }

  /// A date `YYYY-MM-DD` from 0001-01-01 to 9999-12-31, the dates the outputs can write.
  private func dateInRange(_ located: Located) -> CivilDate? {
    guard case .scalar(let scalar) = located.node, let date = CivilDate(iso: scalar.string) else {
      report(.invalidDate, at: located, expected: "a date YYYY-MM-DD from \(CivilDate.earliest) to \(CivilDate.latest)")
      return nil
    }
    return date
  }

  /// An error for a centre that never opens, and warnings for centres whose demand
  /// exceeds capacity on the busiest weekday.
  private func checkServability(_ scenario: Scenario, root: Located, top: Fields) {
    let table = scenario.calendarTable()
    let (first, last) = (table.date(ofDay: table.firstDay), table.date(ofDay: table.dayCount - 1))
    if first < CivilDate.earliest || last > CivilDate.latest {
      report(.outOfRange, at: top["horizon"] ?? root,
             expected: "a calendar within \(CivilDate.earliest) to \(CivilDate.latest): the horizon, the receipts of the initial backlog "
               + "and the deadlines counted past its end (up to \(scenario.longestDeadlineInWorkingDays + 40) working days)",
             found: "one from \(first) to \(last)")
      return
    }
    let openDays = (0..<scenario.horizon.days).filter { table.openMinutes(ofDay: $0) > 0 }
    let open = openDays.reduce(0.0) { $0 + table.openMinutes(ofDay: $1) }
    if open == 0 {
      report(.unservable, at: top["calendar"] ?? top["horizon"] ?? root,
             expected: "opening hours on at least one day of the horizon",
             found: "a centre that never opens from \(scenario.horizon.start) to \(scenario.horizon.end)")
      return
    }
    let minutesPerDay = open / Double(openDays.count)
    let node = top["centre"] ?? top["centres"] ?? root
    // One warning per kind of overload, naming the worst centre (a city would otherwise
    // print one per centre).
    var counterOverloads: [(centre: Centre, use: Double)] = []
    var backOfficeOverloads: [(centre: Centre, use: Double)] = []
    // The generated centres of a city share their staff and mix (the same arrays): the
    // figures of the previous centre then serve again, compared in constant time.
    var previous: (centre: Centre, counterLoad: Double, backOfficeLoad: Double, counterStaff: Double, backOfficeStaff: Double)?
    for centre in scenario.centres {
      if let p = previous, p.centre.counters == centre.counters, p.centre.backOffice == centre.backOffice,
        p.centre.procedureShares == centre.procedureShares
      {
        previous?.centre = centre
      } else {
        let mix = centre.shares(scenario.procedures)
        previous = (
          centre,
          zip(scenario.procedures, mix).reduce(0.0) { $0 + $1.1 * $1.0.walkInShare * $1.0.counterTime.mean },
          zip(scenario.procedures, mix).reduce(0.0) { $0 + $1.1 * $1.0.meanBackOfficeWork },
          Self.permanentCapacity(centre.counters.map(\.staffing)),
          Self.permanentCapacity(centre.backOffice.map(\.staffing))
        )
      }
      guard let (_, counterLoad, backOfficeLoad, counterStaff, backOfficeStaff) = previous else { continue }
      let demand = centre.arrivals.dailyVolume * (centre.arrivals.weekdayMultipliers(on: scenario.calendar).max() ?? 1)
      if counterStaff > 0 && demand * counterLoad >= counterStaff * minutesPerDay {
        counterOverloads.append((centre, demand * counterLoad / (counterStaff * minutesPerDay)))
      }
      if backOfficeLoad > 0 && backOfficeStaff > 0 && demand * backOfficeLoad >= backOfficeStaff * minutesPerDay {
        backOfficeOverloads.append((centre, demand * backOfficeLoad / (backOfficeStaff * minutesPerDay)))
      }
    }
    for (overloads, what, grows) in [(counterOverloads, "counter", "queue"), (backOfficeOverloads, "back-office", "backlog")] {
      guard let worst = overloads.max(by: { $0.use < $1.use }) else { continue }
      let nodes = centreNodes[worst.centre.id]
      let at = (what == "counter" ? nodes?.counters : nodes?.backOffice) ?? node
      let which = scenario.centres.count > 1
        ? "at \(overloads.count) of \(scenario.centres.count) centres (worst: '\(worst.centre.id)' at \(percent(worst.use)))"
        : "utilisation \(percent(worst.use))"
      report(.outOfRange, at: at, expected: "\(what) capacity of the permanent staff above demand (utilisation < 1)",
             found: "\(which) on the busiest weekday: the \(grows) will grow without temporary staff", severity: .warning)
    }
  }

  /// Staff-equivalents on duty all the time (crews without dates, weighted by speed).
  private static func permanentCapacity(_ staffings: [Staffing]) -> Double {
    staffings.reduce(0) { total, staffing in
      staffing.crews.reduce(total) { sum, crew in
        crew.from == nil && crew.to == nil && crew.hours == nil ? sum + Double(crew.count) * crew.speed : sum
      }
    }
  }

  /// A utilisation in whole percent (demand can be so large that it is no Int).
  private func percent(_ share: Double) -> String {
    guard share.isFinite, share < 1e12 else { return share.isNaN ? "unknown" : "above 10^14%" }
    return "\(Int((share * 100).rounded()))%"
  }
}
