//===----------------------------------------------------------------------===//
// The top level of a scenario file.
//===----------------------------------------------------------------------===//

import CentreModel
import Yams

extension NodeReader {
  static let topLevelKeys = [
    "name", "description", "seed", "replications", "horizon", "calendar", "procedures", "centre", "centres",
    "online_intake", "resubmission", "transfers", "outages", "arrivals_replay", "initial_backlog",
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
    let procedures = required(top, "procedures", "a list of procedures").flatMap(proceduresValue)
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
    if let backlog = top["initial_backlog"] {
      guard let pending = initialBacklog(backlog, baseDirectory: baseDirectory, scenario: scenario) else { return nil }
      scenario.initialBacklog = pending
    }
    checkServability(scenario, root: root, top: top)
    warnAboutIneffectiveSettings(scenario, top: top)
    return hasErrors ? nil : scenario
  }

  private func scenarioName(_ located: Located) -> String? {
    guard let text = string(located, "a name") else { return nil }
    let allowed = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    guard allowed, !text.hasPrefix(".") else {
      report(.wrongType, at: located, expected: "a name of letters, digits, '-', '_' and '.' (it names the output folder)")
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
    let start = required(f, "start", "the first simulated date").flatMap(date)
    let days = required(f, "days", "the number of days simulated").flatMap { integer($0, in: Limits.days) }
    let warmUp = f["warm_up_days"].flatMap { integer($0, in: 0...Limits.days.upperBound) } ?? 0
    guard let start, let days else { return nil }
    if warmUp >= days, let node = f["warm_up_days"] {
      report(.outOfRange, at: node, expected: "fewer warm-up days than the \(days) days simulated", found: "\(warmUp)")
      return nil
    }
    return Horizon(start: start, days: days, warmUpDays: warmUp)
  }

  /// An error for a centre that never opens, and warnings for centres whose demand
  /// exceeds capacity on the busiest weekday.
  private func checkServability(_ scenario: Scenario, root: Located, top: Fields) {
    let table = scenario.calendarTable()
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
