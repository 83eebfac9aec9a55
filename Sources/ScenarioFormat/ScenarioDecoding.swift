//===----------------------------------------------------------------------===//
// The top level of a scenario file: experiment settings and horizon.
//===----------------------------------------------------------------------===//

import CentreModel
import Yams

extension NodeReader {
  static let topLevelKeys = [
    "name", "description", "seed", "replications", "horizon", "calendar", "procedures", "centre",
  ]

  /// Hard limits that keep a typo from asking for years of computing or of memory.
  enum Limits {
    static let days = 1...3660
    static let replications = 1...100_000
    static let staff = 0...10_000
  }

  /// Decodes a whole scenario; `nil` when any error was reported.
  func scenario(_ root: Located) -> Scenario? {
    guard let top = fields(root, known: Self.topLevelKeys) else { return nil }
    let name = required(top, "name", "a scenario name").flatMap(scenarioName)
    let description = top["description"].flatMap { string($0) } ?? ""
    let seed = top["seed"].map(seedValue) ?? 1
    let replications = top["replications"].map { integer($0, in: Limits.replications) } ?? 10
    let horizon = required(top, "horizon", "{start: YYYY-MM-DD, days: N}").flatMap(horizonValue)
    let calendar = top["calendar"].map(calendarValue) ?? WorkingCalendar()
    let procedures = required(top, "procedures", "a list of procedures").flatMap(proceduresValue)
    let centre = required(top, "centre", "the centre's arrivals and staff").flatMap {
      centreValue($0, procedures: procedures ?? [], defaultID: name ?? "centre")
    }
    guard let name, let seed, let replications, let horizon, let calendar, let procedures, let centre, !hasErrors
    else { return nil }
    let scenario = Scenario(
      name: name, description: description, seed: seed, replications: replications, horizon: horizon,
      calendar: calendar, procedures: procedures, centres: [centre])
    checkServability(scenario, root: root, top: top)
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

  private func seedValue(_ located: Located) -> UInt64? {
    guard case .scalar(let scalar) = located.node, scalar.style == .plain, let seed = UInt64(scalar.string) else {
      report(.wrongType, at: located, expected: "a whole number from 0 to \(UInt64.max)")
      return nil
    }
    return seed
  }

  private func horizonValue(_ located: Located) -> Horizon? {
    guard let f = fields(located, known: ["start", "days"]) else { return nil }
    let start = required(f, "start", "the first simulated date").flatMap(date)
    let days = required(f, "days", "the number of days simulated").flatMap { integer($0, in: Limits.days) }
    guard let start, let days else { return nil }
    return Horizon(start: start, days: days)
  }

  /// Errors for scenarios that would leave work undone whatever happens, and warnings for
  /// those whose demand exceeds capacity.
  private func checkServability(_ scenario: Scenario, root: Located, top: Fields) {
    let table = scenario.calendarTable()
    let open = (0..<scenario.horizon.days).reduce(0.0) { $0 + table.openMinutes(ofDay: $1) }
    if open == 0 {
      report(.unservable, at: top["calendar"] ?? top["horizon"] ?? root,
             expected: "opening hours on at least one day of the horizon",
             found: "a centre that never opens from \(scenario.horizon.start) to \(scenario.horizon.end)")
      return
    }
    guard let centreNode = top["centre"] else { return }
    for centre in scenario.centres {
      let mix = centre.procedureShares ?? scenario.procedures.map(\.share)
      let counterLoad = zip(scenario.procedures, mix).reduce(0.0) { $0 + $1.1 * $1.0.counterTime.mean }
      let backOfficeLoad = zip(scenario.procedures, mix).reduce(0.0) { $0 + $1.1 * ($1.0.backOfficeTime?.mean ?? 0) }
      let openDays = (0..<scenario.horizon.days).filter { table.openMinutes(ofDay: $0) > 0 }.count
      let minutesPerDay = open / Double(max(openDays, 1))
      let demand = centre.arrivals.dailyVolume * (centre.arrivals.weekdayFactors.max() ?? 1)
      let counterUse = demand * counterLoad / (Double(centre.counterStaff) * minutesPerDay)
      if counterUse >= 1 {
        report(.outOfRange, at: centreNode.child("counter_staff", centreNode.node),
               expected: "counter capacity above demand (utilisation < 1)",
               found: "utilisation \(percent(counterUse)) on the busiest weekday: the queue will grow", severity: .warning)
      }
      if backOfficeLoad > 0 && centre.backOfficeStaff > 0 {
        let use = demand * backOfficeLoad / (Double(centre.backOfficeStaff) * minutesPerDay)
        if use >= 1 {
          report(.outOfRange, at: centreNode.child("back_office_staff", centreNode.node),
                 expected: "back-office capacity above demand (utilisation < 1)",
                 found: "utilisation \(percent(use)) on the busiest weekday: the backlog will grow", severity: .warning)
        }
      }
    }
  }

  private func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
