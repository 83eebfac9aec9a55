//===----------------------------------------------------------------------===//
// Centres in scenario files: demand, counters, back office, closing, patience.
//===----------------------------------------------------------------------===//

import CentreModel
import SimRandom
import Yams

extension NodeReader {
  static let centreKeys = [
    "id", "volume_scale", "arrivals", "procedure_shares", "counter_staff", "counters", "routing", "priority_share",
    "back_office_staff", "back_office", "closing", "patience", "daily_ticket_cap", "absence", "online_share",
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
    let base = defaults.flatMap { fields($0, known: Self.centreKeys) }
    if defaults != nil && base == nil { return nil }
    var centres: [Centre?] = []
    var nodes: [Located] = []
    /// Generated centres by id: their place in `centres` and volume scale.
    var generated: [String: (index: Int, scale: Double)] = [:]
    if let generate = f["generate"],
      let g = fields(generate, known: ["count", "id_prefix", "volume_scale", "volume_scale_draw", "seed"])
    {
      guard let count = required(g, "count", "how many centres").flatMap({ integer($0, in: 1...5000) }) else { return nil }
      let prefix = g["id_prefix"].flatMap(identifier) ?? "centre-"
      var scales = Array(repeating: 1.0, count: count)
      let mode = g["volume_scale_draw"].map { choice($0, VolumeDraw.Mode.allCases.map(\.rawValue)).flatMap(VolumeDraw.Mode.init) }
      let citySeed = g["seed"].map(seedValue)
      guard mode != .some(nil), citySeed != .some(nil) else { return nil }
      if let spread = g["volume_scale"] {
        guard let distribution = distribution(spread) else { return nil }
        guard distribution.lowerBound >= 0 else {
          report(.invalidDistribution, at: spread, expected: "a distribution of non-negative scales")
          return nil
        }
        let draw = VolumeDraw(mode: (mode ?? nil) ?? .once, distribution: distribution, seed: (citySeed ?? nil) ?? seed,
                              centres: Array(centres.count..<centres.count + count))
        volumeDraw = draw
        if draw.mode == .once {
          // Drawn once: part of the city, the same in every replication.
          let stream = RandomStream(master: draw.seed, replication: -1, key: StreamKey("centre-volume-scale"))
          let sampler = Sampler(distribution)
          scales = scales.map { _ in stream.sample(sampler) }
        }
      } else if let node = g["volume_scale_draw"] ?? g["seed"] {
        report(.unknownKey, at: node, expected: "'volume_scale' with it (no centre size is drawn)",
               found: "\(g["volume_scale_draw"] != nil ? "volume_scale_draw" : "seed") alone, which has no effect", severity: .warning)
      }
      // Generated centres differ only in id and volume: decode and check the defaults once
      // (a city of 5000 centres would otherwise read them 5000 times).
      let owner = defaults ?? Located(node: generate.node, path: "\(located.path).defaults")
      let template = centreTemplate(nil, defaults: base, owner: owner, procedures: procedures)
      let width = String(count).count
      for i in 0..<count {
        let number = String(i + 1)
        let id = prefix + String(repeating: "0", count: width - number.count) + number
        generated[id] = (centres.count, scales[i])
        let centre = template?.instance(id: id, scale: scales[i])
        if let centre, let template {
          centreNodes[centre.id] = (template.counterNode ?? owner, template.backOfficeNode ?? owner)
        }
        centres.append(centre)
        nodes.append(generate)
      }
      if let overflow = centres.first(where: { $0.map { !Self.demandWithinLimit($0) } ?? false }) ?? nil,
        let template
      {
        reportVolume(of: overflow, at: g["volume_scale"] ?? template.volumeNode)
        return nil
      }
      if let template, let first = centres.first ?? nil, let last = centres.last ?? nil {
        checkCentre(first, procedures: procedures, at: owner, counters: template.counterNode,
                    backOffice: template.backOfficeNode,
                    name: count == 1 ? nil
                      : "centre '\(first.id)' (and the \(count - 1) other generated centres, to '\(last.id)')")
      }
    } else if f.has("generate") {
      return nil
    }
    if let list = f["list"] {
      guard let items = self.list(list, of: "centres") else { return nil }
      for item in items {
        // An item with the id of a generated centre replaces it (keeping its volume scale).
        let id = item.node["id"]?.string
        let scale = id.flatMap { generated[$0]?.scale } ?? 1
        let centre = centreValue(item, defaults: base, procedures: procedures,
                                 defaultID: "centre-\(centres.count + 1)", scale: scale)
        if let id, let existing = generated[id]?.index {
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
  func centreValue(_ located: Located?, defaults: Fields?, procedures: [Procedure], defaultID: String, scale: Double)
    -> Centre?
  {
    let owner = located ?? defaults?.owner ?? Located(node: Node(""), path: "centre")
    guard let template = centreTemplate(located, defaults: defaults, owner: owner, procedures: procedures) else {
      return nil
    }
    let centre = template.instance(id: defaultID, scale: scale)
    guard Self.demandWithinLimit(centre) else {
      reportVolume(of: centre, at: template.volumeNode)
      return nil
    }
    centreNodes[centre.id] = (template.counterNode ?? template.owner, template.backOfficeNode ?? template.owner)
    checkCentre(centre, procedures: procedures, at: template.owner, counters: template.counterNode,
                backOffice: template.backOfficeNode)
    return centre
  }

  /// A centre decoded from its keys and `defaults`, before its default id and volume
  /// scale are known: the generated centres of a city are all one template, decoded once.
  struct CentreTemplate {
    /// The centre, with the daily volume as written (not yet scaled).
    var centre: Centre
    /// The id written in the file, if any.
    var id: String?
    /// `volume_scale` as written.
    var volumeScale: Double
    var owner: Located
    var counterNode: Located?
    var backOfficeNode: Located?
    /// Where the daily volume is set (`volume_scale`, else `arrivals`).
    var volumeNode: Located

    /// The centre named `defaultID` (unless the file names it) whose volume is scaled by `scale`.
    func instance(id defaultID: String, scale: Double) -> Centre {
      var result = centre
      result.id = id ?? defaultID
      result.arrivals.dailyVolume *= volumeScale * scale
      return result
    }
  }

  /// `base`: the keys of the city's `defaults`; `owner`: where to report keys missing
  /// from both. What comes from the defaults is decoded once, however many centres of
  /// the list inherit it (a long list over large defaults would otherwise take their
  /// product in time).
  func centreTemplate(_ located: Located?, defaults base: Fields?, owner: Located, procedures: [Procedure])
    -> CentreTemplate?
  {
    let own = located.flatMap { fields($0, known: Self.centreKeys) }
    if located != nil && own == nil { return nil }
    func value(_ key: String) -> Located? { own?[key] ?? base?[key] }
    func merged(_ keys: [String]) -> Fields {
      Fields(owner: owner, entries: keys.compactMap { key in value(key).map { (key, $0) } })
    }

    let id = value("id").flatMap(identifier)
    let volumeScale = value("volume_scale").flatMap(nonNegative) ?? 1
    let arrivals = arrivalsValue(own?["arrivals"], base?["arrivals"], owner: owner)
    /// Decodes `located` once per place in the file.
    func once<T>(_ what: String, _ located: Located, _ decode: (Located) -> T) -> T {
      memoized("\(what)@\(located.path)") { decode(located) }
    }
    let shares = value("procedure_shares").map { once("procedure_shares", $0) { sharesValue($0, procedures: procedures) } }
    let absence = value("absence").map(probability)
    guard absence != .some(nil) else { return nil }
    let closing = value("closing").map { once("closing", $0, closingValue) } ?? .serveWaiting(maxOvertime: 30)
    // Keyed by where the keys come from and by the absence and closing they inherit; not
    // when neither key is there (the missing key is then reported at each centre).
    let staff = merged(["counter_staff", "counters"])
    let counters = staff.entries.isEmpty
      ? countersValue(staff, procedures: procedures, absence: absence ?? nil, closing: closing ?? .returnNextDay)
      : memoized("counters@\(staff.entries.map(\.value.path))|\(String(describing: absence))|\(String(describing: closing))") {
        countersValue(staff, procedures: procedures, absence: absence ?? nil, closing: closing ?? .returnNextDay)
      }
    let pools = merged(["back_office_staff", "back_office"])
    let backOffice = memoized("back_office@\(pools.entries.map(\.value.path))|\(String(describing: absence))") {
      backOfficeValue(pools, absence: absence ?? nil)
    }
    let routing = value("routing").flatMap { choice($0, ["shared_queue", "queue_per_counter"]) }.flatMap(Routing.init)
      ?? .sharedQueue
    let priority = value("priority_share").map(probability) ?? 0
    let patience = value("patience").map { once("patience", $0, patienceValue) }
    let cap = value("daily_ticket_cap").map { integer($0, in: 1...1_000_000) }
    let online = value("online_share").map { once("online_share", $0) { onlineShareValue($0) } }
    guard let arrivals, let counters, let backOffice, let priority, let closing, shares != .some(nil),
      patience != .some(nil), cap != .some(nil), online != .some(nil)
    else { return nil }
    var centre = Centre(id: id ?? "", arrivals: arrivals, counters: counters, backOffice: backOffice, closing: closing,
                        routing: routing, priorityShare: priority)
    centre.procedureShares = shares ?? nil
    centre.patience = patience ?? nil
    centre.dailyTicketCap = cap ?? nil
    if let ranges = online ?? nil, let node = value("online_share") {
      let mix = (shares ?? nil) ?? procedures.map(\.share)
      let reachable = OnlineShare.reachable(procedures, mix: mix)
      if let beyond = ranges.first(where: { $0.share > reachable + 1e-12 }) {
        report(.outOfRange, at: node,
               expected: "an online share of at most \(rounded(reachable * 100))% (what the procedures can take online: each up to what its service-point share leaves\(procedures.contains { $0.onlineShare > 0 } ? ", and those with no online_share stay at the counter" : ""))",
               found: "\(rounded(beyond.share * 100))%")
        return nil
      }
      if onlineIntakePool != BackOfficePool.onlineIntakeID, !backOffice.contains(where: { $0.id == onlineIntakePool }),
        ranges.contains(where: { $0.share > 0 })
      {
        report(.unservable, at: node, expected: "a back-office pool '\(onlineIntakePool)' to check online dossiers",
               found: "none at this centre")
        return nil
      }
      centre.onlineShare = ranges
    }
    warnAboutWalkInSettings(centre, procedures: procedures, nodes: ["patience", "priority_share", "daily_ticket_cap"].compactMap { key in
      value(key).map { (key, $0) }
    })
    return CentreTemplate(centre: centre, id: id, volumeScale: volumeScale, owner: owner,
                          counterNode: value("counters") ?? value("counter_staff"),
                          backOfficeNode: value("back_office") ?? value("back_office_staff"),
                          volumeNode: value("volume_scale") ?? own?["arrivals"] ?? base?["arrivals"] ?? owner)
  }

  /// The most dossiers a centre may expect on its busiest day (volume × scales × weekday
  /// factor × surge): far above any real centre (a whole city of 126 wards has about
  /// 5,000), low enough that a day's arrivals cannot run away with time or memory.
  static let maximumDailyDemand = 1_000_000.0

  /// The centre's demand on its busiest day, if finite and within ``maximumDailyDemand``.
  static func demandWithinLimit(_ centre: Centre) -> Bool {
    let arrivals = centre.arrivals
    let peak = arrivals.dailyVolume * (arrivals.weekdayFactors.max() ?? 1) * max(1, arrivals.surges.map(\.factor).max() ?? 1)
    return peak.isFinite && peak <= maximumDailyDemand
  }

  /// A daily volume times its scales, weekday factor and surges beyond the limit (or 0 × ∞).
  func reportVolume(of centre: Centre, at located: Located) {
    let arrivals = centre.arrivals
    let peak = arrivals.dailyVolume * (arrivals.weekdayFactors.max() ?? 1) * max(1, arrivals.surges.map(\.factor).max() ?? 1)
    report(.outOfRange, at: located,
           expected: "at most \(Int(Self.maximumDailyDemand)) dossiers on the busiest day (daily volume × volume scales × weekday factor × surge)",
           found: "\(peak.isNaN ? "an undefined number of" : peak < 1e15 ? String(Int(peak.rounded())) : "\(peak)") dossiers a day at centre '\(centre.id)'")
  }

  private func countersValue(_ f: Fields, procedures: [Procedure], absence: Double?, closing: ClosingPolicy) -> [CounterGroup]? {
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
      guard let staffing = staffing(g, absence: absence, counterClosing: closing) else { return nil }
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
      guard let p = fields(item, known: Self.poolKeys), let id = required(p, "id", "a pool id").flatMap(identifier) else {
        return nil
      }
      let hours = p["hours"].map(intervals)
      guard hours != .some(nil), let staffing = staffing(p, absence: absence, poolHours: hours ?? nil) else { return nil }
      let discipline = p["discipline"].map { choice($0, ["fifo", "earliest_due_date"]).flatMap(QueueDiscipline.init) }
      guard discipline != .some(nil) else { return nil }
      if pools.contains(where: { $0.id == id }) {
        report(.duplicateIdentifier, at: p["id"] ?? item, expected: "a pool id used once in the centre")
        return nil
      }
      pools.append(BackOfficePool(id: id, staffing: staffing, discipline: (discipline ?? nil) ?? .fifo,
                                  hours: hours ?? nil))
    }
    return pools
  }

  /// `online_share`: a share (0 to 1, or a percentage), or a list of `{from, to, share}`
  /// date ranges that do not overlap.
  private func onlineShareValue(_ located: Located) -> [OnlineShare]? {
    if case .scalar = located.node { return probability(located).map { [OnlineShare(share: $0)] } }
    guard let items = list(located, of: "{from, to, share} ranges, or a share") else { return nil }
    var ranges: [OnlineShare] = []
    for item in items {
      guard let f = fields(item, known: ["from", "to", "share"]) else { return nil }
      let from = f["from"].map(date), to = f["to"].map(date)
      guard let share = required(f, "share", "the centre's share of dossiers online, 0 to 1").flatMap(probability),
        from != .some(nil), to != .some(nil)
      else { return nil }
      let range = OnlineShare(from: from ?? nil, to: to ?? nil, share: share)
      if let first = range.from, let last = range.to, last < first {
        report(.overlappingIntervals, at: f["to"] ?? item, expected: "a last day on or after 'from' (\(first))")
        return nil
      }
      if let clash = ranges.first(where: { other in
        !((range.to.map { end in other.from.map { end < $0 } ?? false } ?? false) || (range.from.map { start in other.to.map { start > $0 } ?? false } ?? false))
      }) {
        report(.overlappingIntervals, at: item, expected: "date ranges that do not overlap (each day has one online share)",
               found: "a range overlapping \(clash.from?.description ?? "the start") to \(clash.to?.description ?? "the end")")
        return nil
      }
      ranges.append(range)
      noted.ranges.append(("online-share range", item, range.from, range.to))
    }
    return ranges
  }

  /// Warnings for settings about citizens at the counters where no citizen comes (every
  /// dossier online or through service points), and for a return probability when no one
  /// ever leaves.
  private func warnAboutWalkInSettings(_ centre: Centre, procedures: [Procedure], nodes: [(String, Located)]) {
    let walkIns = centre.arrivals.dailyVolume * zip(procedures, centre.shares(procedures)).reduce(0) { $0 + $1.1 * $1.0.walkInShare }
    let which = centre.id.isEmpty ? "the generated centres" : "centre '\(centre.id)'"
    let returns = procedures.contains { $0.incompleteAtCounter > 0 || $0.incompleteInBackOffice > 0 }
    for (key, node) in nodes where walkIns == 0 && !(key == "patience" && returns) {
      report(.unknownKey, at: node, expected: "\(key) at a centre with walk-in citizens",
             found: "no walk-ins at \(which) (every dossier online, through service points, or no demand): it has no effect",
             severity: .warning)
    }
    if let patience = centre.patience, patience.returnProbability > 0, patience.balkAt == nil, patience.patience == nil,
      centre.dailyTicketCap == nil, let node = nodes.first(where: { $0.0 == "patience" })?.1
    {
      report(.unknownKey, at: node.child("return_probability", node.node),
             expected: "return_probability with balk_at, patience or daily_ticket_cap (a way for citizens to leave)",
             found: "no one ever leaves at \(which): it has no effect", severity: .warning)
    }
  }

  static let arrivalsKeys = ["daily_volume", "hourly_profile", "weekday_factors", "surges"]

  /// `arrivals`, merged key by key over the defaults' `arrivals`. What comes from the
  /// defaults is decoded once however many centres inherit it (see ``memoized(_:_:)``).
  private func arrivalsValue(_ own: Located?, _ base: Located?, owner: Located) -> ArrivalPattern? {
    if own == nil, let base {
      return memoized("arrivals@\(base.path)") { arrivalsPattern(nil, base, owner: owner) }
    }
    return arrivalsPattern(own, base, owner: owner)
  }

  private func arrivalsPattern(_ own: Located?, _ base: Located?, owner: Located) -> ArrivalPattern? {
    let ownFields = own.flatMap { fields($0, known: Self.arrivalsKeys) }
    let baseFields = base.flatMap { base in memoized("arrivals-fields@\(base.path)") { fields(base, known: Self.arrivalsKeys) } }
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
    if let node = value("hourly_profile") {
      if let weights = memoized("hourly_profile@\(node.path)", { hourlyWeights(node) }) {
        for (hour, weight) in weights { pattern.hourlyWeights[hour] = weight }
      } else {
        ok = false
      }
    }
    if let node = value("weekday_factors") {
      if let factors = memoized("weekday_factors@\(node.path)", { weekdayFactors(node) }) {
        for (day, factor) in factors { pattern.weekdayFactors[day] = factor }
      } else {
        ok = false
      }
    }
    if let node = value("surges") {
      if let surges = memoized("surges@\(node.path)", { surgesValue(node) }) {
        pattern.surges = surges
      } else {
        ok = false
      }
    }
    return ok ? pattern : nil
  }

  /// `hourly_profile`: (hour, weight) pairs in the order written.
  private func hourlyWeights(_ located: Located) -> [(Int, Double)]? {
    guard let hours = fields(located, known: (0..<24).map { String($0) } + (0..<10).map { "0\($0)" }) else { return nil }
    var weights: [(Int, Double)] = []
    var ok = true
    for (key, value) in hours.entries {
      if let weight = nonNegative(value), let hour = Int(key) { weights.append((hour, weight)) } else { ok = false }
    }
    return ok ? weights : nil
  }

  /// `weekday_factors`: (weekday index, factor) pairs in the order written.
  private func weekdayFactors(_ located: Located) -> [(Int, Double)]? {
    guard let days = fields(located, known: Weekday.allCases.map(\.name)) else { return nil }
    var factors: [(Int, Double)] = []
    var ok = true
    for (key, value) in days.entries {
      guard let day = Weekday.allCases.first(where: { $0.name == key }) else { continue }
      if let factor = nonNegative(value) { factors.append((day.rawValue, factor)) } else { ok = false }
    }
    return ok ? factors : nil
  }

  private func surgesValue(_ located: Located) -> [Surge]? {
    guard let items = list(located, of: "{from, to, factor} surges") else { return nil }
    var surges: [Surge] = []
    var ok = true
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
      surges.append(Surge(from: from, to: to, factor: factor))
      noted.ranges.append(("surge", item, from, to))
    }
    return ok ? surges : nil
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
