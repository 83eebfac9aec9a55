//===----------------------------------------------------------------------===//
// The centre section of a scenario file: arrivals, staff, closing policy.
//===----------------------------------------------------------------------===//

import CentreModel
import Yams

extension NodeReader {
  static let centreKeys = ["id", "arrivals", "counter_staff", "back_office_staff", "closing", "procedure_shares"]

  func centreValue(_ located: Located, procedures: [Procedure], defaultID: String) -> Centre? {
    guard let f = fields(located, known: Self.centreKeys) else { return nil }
    let id = f["id"].flatMap(identifier) ?? defaultID
    let arrivals = required(f, "arrivals", "{daily_volume: N, ...}").flatMap(arrivalsValue)
    let counter = required(f, "counter_staff", "the number of counter staff").flatMap { integer($0, in: 1...Limits.staff.upperBound) }
    let backOffice = f["back_office_staff"].map { integer($0, in: Limits.staff) } ?? 0
    let closing = f["closing"].map(closingValue) ?? .serveWaiting(maxOvertime: 30)
    let shares = f["procedure_shares"].map { sharesValue($0, procedures: procedures) }
    guard let arrivals, let counter, let backOffice, let closing, shares != .some(nil) else { return nil }
    if backOffice == 0, let needy = procedures.first(where: { $0.backOfficeTime != nil }) {
      report(.unservable, at: f["back_office_staff"] ?? located,
             expected: "back-office staff for procedures with back-office work",
             found: "no back-office staff, but '\(needy.id)' has back_office_time")
      return nil
    }
    var centre = Centre(id: id, arrivals: arrivals, counterStaff: counter, backOfficeStaff: backOffice, closing: closing)
    centre.procedureShares = shares ?? nil
    return centre
  }

  private func arrivalsValue(_ located: Located) -> ArrivalPattern? {
    guard let f = fields(located, known: ["daily_volume", "hourly_profile", "weekday_factors"]) else { return nil }
    let volume = required(f, "daily_volume", "the expected arrivals per open day").flatMap(nonNegative)
    var pattern = ArrivalPattern(dailyVolume: volume ?? 0)
    var ok = volume != nil
    if let profile = f["hourly_profile"], let hours = fields(profile, known: (0..<24).map { String($0) } + (0..<10).map { "0\($0)" }) {
      for (key, value) in hours.entries {
        if let weight = nonNegative(value) { pattern.hourlyWeights[Int(key)!] = weight } else { ok = false }
      }
    } else if f.has("hourly_profile") {
      ok = false
    }
    if let factors = f["weekday_factors"], let days = fields(factors, known: Weekday.allCases.map(\.name)) {
      for (key, value) in days.entries {
        guard let day = Weekday.allCases.first(where: { $0.name == key }) else { continue }
        if let factor = nonNegative(value) { pattern.weekdayFactors[day.rawValue] = factor } else { ok = false }
      }
    } else if f.has("weekday_factors") {
      ok = false
    }
    return ok ? pattern : nil
  }

  private func closingValue(_ located: Located) -> ClosingPolicy? {
    guard let f = fields(located, known: ["policy", "max_overtime"]) else { return nil }
    guard let policy = required(f, "policy", "'serve_waiting' or 'return_next_day'").flatMap({
      choice($0, ["serve_waiting", "return_next_day"])
    }) else { return nil }
    if policy == "return_next_day" {
      if let extra = f["max_overtime"] {
        report(.unknownKey, at: extra, expected: "no 'max_overtime' with policy 'return_next_day'",
               found: "max_overtime \(describe(extra.node))")
        return nil
      }
      return .returnNextDay
    }
    guard let limit = f["max_overtime"] else { return .serveWaiting(maxOvertime: nil) }
    return nonNegative(limit).map { .serveWaiting(maxOvertime: $0) }
  }

  /// `procedure_shares: {id: share}`: this centre's own mix, for every procedure.
  private func sharesValue(_ located: Located, procedures: [Procedure]) -> [Double]? {
    let ids = procedures.map(\.id)
    guard case .mapping(let mapping) = located.node else {
      report(.wrongType, at: located, expected: "a mapping from procedure id to share")
      return nil
    }
    var shares = Array(repeating: 0.0, count: procedures.count)
    var ok = true
    for (keyNode, value) in mapping {
      let key = keyNode.scalar?.string ?? ""
      let child = located.child(key, value)
      guard let index = ids.firstIndex(of: key) else {
        issues.append(ScenarioIssue(.error, .unknownReference, at: position(keyNode), keyPath: child.path,
                                    expected: "a procedure id (\(list(ids)))", found: "'\(key)'",
                                    hint: suggestion(for: key, among: ids).map { "did you mean '\($0)'?" }))
        ok = false
        continue
      }
      if let share = number(child, "a share from 0 to 1", { (0...1).contains($0) }) { shares[index] = share } else { ok = false }
    }
    guard ok else { return nil }
    checkShares(shares, at: located, what: "procedure shares")
    return shares
  }
}
