//===----------------------------------------------------------------------===//
// Centres in scenario files: demand, counters, back office, closing, patience.
//===----------------------------------------------------------------------===//

import CentreModel
import SimRandom
import Yams

extension NodeReader {
  static let centreKeys = [
    "id", "volume_scale", "arrivals", "procedure_shares", "counter_staff", "counters", "routing", "priority_share",
    "back_office_staff", "back_office", "closing", "patience", "daily_ticket_cap", "absence",
  ]
  static let counterKeys = ["id", "staff", "crews", "staff_plan", "serves", "helps"]
  static let poolKeys = ["id", "staff", "crews", "staff_plan", "discipline", "hours"]

  /// The centres: `centre: {...}`, `centres: [{...}, ...]`, or
  /// `centres: {defaults: {...}, generate: {...}, list: [...]}`.
  func centresValue(_ top: Fields, scenarioName: String, procedures: [Procedure], seed: UInt64) -> [Centre]? {
    switch (top["centre"], top["centres"]) {
    case (let single?, nil):
      return centreValue(single, defaults: nil, procedures: procedures, defaultID: scenarioName, scale: 1).map { [$0] }
    case (nil, let many?):
      return cityValue(many, procedures: procedures, seed: seed)
    case (.some, .some(let many)):
      report(.unknownKey, at: many, expected: "either 'centre' or 'centres', not both", found: "both")
      return nil
    case (nil, nil):
      issues.append(ScenarioIssue(.error, .missingKey, at: position(top.owner.node), keyPath: "centre",
                                  expected: "'centre' (one centre) or 'centres' (a list or a city)", found: "neither"))
      return nil
    }
  }

  private func cityValue(_ located: Located, procedures: [Procedure], seed: UInt64) -> [Centre]? {
    if case .sequence = located.node {
      guard let items = list(located, of: "centres") else { return nil }
      return collectCentres(items.enumerated().map { i, item in
        centreValue(item, defaults: nil, procedures: procedures, defaultID: "centre-\(i + 1)", scale: 1)
      }, nodes: items)
    }
    guard let f = fields(located, known: ["defaults", "generate", "list"]) else { return nil }
    let defaults = f["defaults"]
    if let defaults, fields(defaults, known: Self.centreKeys) == nil { return nil }
    var centres: [Centre?] = []
    var nodes: [Located] = []
    var generatedScale: [String: Double] = [:]
    if let generate = f["generate"], let g = fields(generate, known: ["count", "id_prefix", "volume_scale"]) {
      guard let count = required(g, "count", "how many centres").flatMap({ integer($0, in: 1...5000) }) else { return nil }
      let prefix = g["id_prefix"].flatMap(identifier) ?? "centre-"
      var scales = Array(repeating: 1.0, count: count)
      if let spread = g["volume_scale"] {
        guard let distribution = distribution(spread) else { return nil }
        guard distribution.lowerBound >= 0 else {
          report(.invalidDistribution, at: spread, expected: "a distribution of non-negative scales")
          return nil
        }
        // Drawn once from the scenario's seed: part of the city, the same in every replication.
        let stream = RandomStream(master: seed, replication: -1, key: StreamKey("centre-volume-scale"))
        let sampler = Sampler(distribution)
        scales = scales.map { _ in stream.sample(sampler) }
      }
      let width = String(count).count
      for i in 0..<count {
        let number = String(i + 1)
        let id = prefix + String(repeating: "0", count: width - number.count) + number
        generatedScale[id] = scales[i]
        centres.append(centreValue(nil, defaults: defaults, procedures: procedures, defaultID: id, scale: scales[i]))
        nodes.append(generate)
      }
    } else if f.has("generate") {
      return nil
    }
    if let list = f["list"] {
      guard let items = self.list(list, of: "centres") else { return nil }
      for item in items {
        // An item with the id of a generated centre replaces it (keeping its volume scale).
        let id = item.node["id"]?.string
        let scale = id.flatMap { generatedScale[$0] } ?? 1
        let centre = centreValue(item, defaults: defaults, procedures: procedures,
                                 defaultID: "centre-\(centres.count + 1)", scale: scale)
        if let id, let existing = centres.firstIndex(where: { $0?.id == id }), generatedScale[id] != nil {
          centres[existing] = centre
          nodes[existing] = item
        } else {
          centres.append(centre)
          nodes.append(item)
        }
      }
    }
    if centres.isEmpty {
      report(.missingKey, at: located, expected: "'generate' or 'list' with at least one centre", found: "no centre")
      return nil
    }
    return collectCentres(centres, nodes: nodes)
  }

  private func collectCentres(_ centres: [Centre?], nodes: [Located]) -> [Centre]? {
    var seen: [String: Int] = [:]
    for (i, centre) in centres.enumerated() {
      guard let centre else { continue }
      if let first = seen[centre.id] {
        report(.duplicateIdentifier, at: nodes[i], expected: "a centre id used once",
               found: "'\(centre.id)' again (first at line \(position(nodes[first].node)?.line ?? 0))")
      }
      seen[centre.id] = i
    }
    let all = centres.compactMap { $0 }
    return all.count == centres.count && !hasErrors ? all : nil
  }

  /// One centre from its own keys over `defaults` (a key given in both: the centre's
  /// wins; `arrivals` merges key by key).
  func centreValue(_ located: Located?, defaults: Located?, procedures: [Procedure], defaultID: String, scale: Double)
    -> Centre?
  {
    let own = located.flatMap { fields($0, known: Self.centreKeys) }
    if located != nil && own == nil { return nil }
    let base = defaults.flatMap { fields($0, known: Self.centreKeys) }
    let owner = located ?? defaults ?? Located(node: Node(""), path: "centre")
    func value(_ key: String) -> Located? { own?[key] ?? base?[key] }
    func merged(_ keys: [String]) -> Fields {
      Fields(owner: owner, entries: keys.compactMap { key in value(key).map { (key, $0) } })
    }

    let id = value("id").flatMap(identifier) ?? defaultID
    let volumeScale = value("volume_scale").flatMap(nonNegative) ?? 1
    let arrivals = arrivalsValue(own?["arrivals"], base?["arrivals"], owner: owner)
    let shares = value("procedure_shares").map { sharesValue($0, procedures: procedures) }
    let absence = value("absence").map(probability)
    guard absence != .some(nil) else { return nil }
    let counters = countersValue(merged(["counter_staff", "counters"]), procedures: procedures, absence: absence ?? nil)
    let backOffice = backOfficeValue(merged(["back_office_staff", "back_office"]), absence: absence ?? nil)
    let routing = value("routing").flatMap { choice($0, ["shared_queue", "queue_per_counter"]) }.flatMap(Routing.init)
      ?? .sharedQueue
    let priority = value("priority_share").map(probability) ?? 0
    let closing = value("closing").map(closingValue) ?? .serveWaiting(maxOvertime: 30)
    let patience = value("patience").map(patienceValue)
    let cap = value("daily_ticket_cap").map { integer($0, in: 1...1_000_000) }
    guard var arrivals, let counters, let backOffice, let priority, let closing, shares != .some(nil),
      patience != .some(nil), cap != .some(nil)
    else { return nil }
    arrivals.dailyVolume *= volumeScale * scale
    var centre = Centre(id: id, arrivals: arrivals, counters: counters, backOffice: backOffice, closing: closing,
                        routing: routing, priorityShare: priority)
    centre.procedureShares = shares ?? nil
    centre.patience = patience ?? nil
    centre.dailyTicketCap = cap ?? nil
    let counterNode = value("counters") ?? value("counter_staff")
    let backOfficeNode = value("back_office") ?? value("back_office_staff")
    centreNodes[id] = (counterNode ?? owner, backOfficeNode ?? owner)
    checkCentre(centre, procedures: procedures, at: owner, counters: counterNode, backOffice: backOfficeNode)
    return centre
  }

  private func countersValue(_ f: Fields, procedures: [Procedure], absence: Double?) -> [CounterGroup]? {
    if let staff = f["counter_staff"], f.has("counters") {
      report(.unknownKey, at: staff, expected: "either 'counter_staff' (one group) or 'counters' (groups), not both",
             found: "both")
      return nil
    }
    if let staff = f["counter_staff"] {
      return integer(staff, in: 1...Limits.staff.upperBound).map {
        [CounterGroup(id: CounterGroup.defaultID, staffing: Staffing([Crew(count: $0, absence: absence ?? 0)]))]
      }
    }
    guard let node = f["counters"] else {
      issues.append(ScenarioIssue(.error, .missingKey, at: position(f.owner.node), keyPath: "\(f.owner.path).counter_staff",
                                  expected: "'counter_staff: N' (one group) or 'counters: [...]' (groups)",
                                  found: "neither"))
      return nil
    }
    guard let items = list(node, of: "counter groups") else { return nil }
    let groups = Set(procedures.map(\.group))
    var result: [CounterGroup] = []
    for (i, item) in items.enumerated() {
      guard let g = fields(item, known: Self.counterKeys) else { return nil }
      let id = g["id"].flatMap(identifier) ?? "counter-\(i + 1)"
      guard let staffing = staffing(g, absence: absence) else { return nil }
      var serves: [String]?
      if let list = g["serves"] {
        if list.node.scalar?.string == "all" {
          serves = nil
        } else {
          guard let names = self.list(list, of: "procedure groups") else { return nil }
          var values: [String] = []
          for name in names {
            guard let text = string(name, "a procedure group") else { return nil }
            guard groups.contains(text) else {
              report(.unknownReference, at: name, expected: "a procedure group (\(self.list(groups.sorted())))",
                     hint: suggestion(for: text, among: groups.sorted()).map { "did you mean '\($0)'?" })
              return nil
            }
            values.append(text)
          }
          serves = values
        }
      }
      let helps = g["helps"].flatMap { list($0, of: "back-office pool ids") }.map { $0.compactMap { string($0) } } ?? []
      if result.contains(where: { $0.id == id }) {
        report(.duplicateIdentifier, at: g["id"] ?? item, expected: "a counter group id used once in the centre")
        return nil
      }
      result.append(CounterGroup(id: id, staffing: staffing, serves: serves, helps: helps))
    }
    if result.isEmpty {
      report(.outOfRange, at: node, expected: "at least one counter group", found: "an empty list")
      return nil
    }
    return result
  }

  private func backOfficeValue(_ f: Fields, absence: Double?) -> [BackOfficePool]? {
    if let staff = f["back_office_staff"], f.has("back_office") {
      report(.unknownKey, at: staff, expected: "either 'back_office_staff' or 'back_office' (pools), not both",
             found: "both")
      return nil
    }
    if let staff = f["back_office_staff"] {
      return integer(staff, in: Limits.staff).map {
        $0 > 0 ? [BackOfficePool(id: BackOfficePool.defaultID, staffing: Staffing([Crew(count: $0, absence: absence ?? 0)]))]
          : []
      }
    }
    guard let node = f["back_office"] else { return [] }
    guard let items = list(node, of: "back-office pools") else { return nil }
    var pools: [BackOfficePool] = []
    for item in items {
      guard let p = fields(item, known: Self.poolKeys),
        let id = required(p, "id", "a pool id").flatMap(identifier),
        let staffing = staffing(p, absence: absence)
      else { return nil }
      let discipline = p["discipline"].map { choice($0, ["fifo", "earliest_due_date"]).flatMap(QueueDiscipline.init) }
      let hours = p["hours"].map(intervals)
      guard discipline != .some(nil), hours != .some(nil) else { return nil }
      if pools.contains(where: { $0.id == id }) {
        report(.duplicateIdentifier, at: p["id"] ?? item, expected: "a pool id used once in the centre")
        return nil
      }
      pools.append(BackOfficePool(id: id, staffing: staffing, discipline: (discipline ?? nil) ?? .fifo,
                                  hours: hours ?? nil))
    }
    return pools
  }

  private func arrivalsValue(_ own: Located?, _ base: Located?, owner: Located) -> ArrivalPattern? {
    let keys = ["daily_volume", "hourly_profile", "weekday_factors", "surges"]
    let ownFields = own.flatMap { fields($0, known: keys) }
    let baseFields = base.flatMap { fields($0, known: keys) }
    if (own != nil && ownFields == nil) || (base != nil && baseFields == nil) { return nil }
    func value(_ key: String) -> Located? { ownFields?[key] ?? baseFields?[key] }
    guard let volumeNode = value("daily_volume") else {
      issues.append(ScenarioIssue(.error, .missingKey, at: position((own ?? base ?? owner).node),
                                  keyPath: (own ?? base).map { "\($0.path).daily_volume" } ?? "\(owner.path).arrivals",
                                  expected: "the expected dossiers per open day", found: "no 'daily_volume' key"))
      return nil
    }
    let volume = nonNegative(volumeNode)
    var pattern = ArrivalPattern(dailyVolume: volume ?? 0)
    var ok = volume != nil
    if let profile = value("hourly_profile") {
      if let hours = fields(profile, known: (0..<24).map { String($0) } + (0..<10).map { "0\($0)" }) {
        for (key, value) in hours.entries {
          if let weight = nonNegative(value), let hour = Int(key) { pattern.hourlyWeights[hour] = weight } else { ok = false }
        }
      } else {
        ok = false
      }
    }
    if let factors = value("weekday_factors") {
      if let days = fields(factors, known: Weekday.allCases.map(\.name)) {
        for (key, value) in days.entries {
          guard let day = Weekday.allCases.first(where: { $0.name == key }) else { continue }
          if let factor = nonNegative(value) { pattern.weekdayFactors[day.rawValue] = factor } else { ok = false }
        }
      } else {
        ok = false
      }
    }
    if let surges = value("surges") {
      if let items = list(surges, of: "{from, to, factor} surges") {
        for item in items {
          guard let s = fields(item, known: ["from", "to", "factor"]),
            let from = required(s, "from", "the first day").flatMap(date),
            let to = required(s, "to", "the last day").flatMap(date),
            let factor = required(s, "factor", "a demand multiplier").flatMap(nonNegative)
          else {
            ok = false
            continue
          }
          if to < from {
            report(.overlappingIntervals, at: s["to"] ?? item, expected: "a last day on or after 'from' (\(from))")
            ok = false
          }
          pattern.surges.append(Surge(from: from, to: to, factor: factor))
        }
      } else {
        ok = false
      }
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

  private func patienceValue(_ located: Located) -> Patience? {
    guard let f = fields(located, known: ["balk_at", "patience", "return_probability"]) else { return nil }
    let balk = f["balk_at"].map { integer($0, in: 0...1_000_000) }
    let patience = f["patience"].map(duration)
    let back = f["return_probability"].map(probability)
    guard balk != .some(nil), patience != .some(nil), back != .some(nil) else { return nil }
    return Patience(balkAt: balk ?? nil, patience: patience ?? nil, returnProbability: (back ?? nil) ?? 0)
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
      if let share = probability(child) { shares[index] = share } else { ok = false }
    }
    guard ok else { return nil }
    checkShares(shares, at: located, what: "procedure shares")
    return shares
  }
}
