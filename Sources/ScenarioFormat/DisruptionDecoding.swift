//===----------------------------------------------------------------------===//
// Scenario-wide behaviour: online intake, resubmission, transfers, outages.
//===----------------------------------------------------------------------===//

import CentreModel
import Yams

extension NodeReader {
  func onlineIntakeValue(_ located: Located) -> OnlineIntake? {
    guard let f = fields(located, known: ["pool", "time"]) else { return nil }
    let pool = f["pool"].flatMap(identifier).map { $0 == "counter" ? BackOfficePool.onlineIntakeID : $0 }
    let time = f["time"].map(duration)
    guard time != .some(nil), f["pool"] == nil || pool != nil else { return nil }
    return OnlineIntake(time: (time ?? nil) ?? OnlineIntake.standard.time, pool: pool ?? OnlineIntake.standard.pool)
  }

  func resubmissionValue(_ located: Located) -> Resubmission? {
    guard let f = fields(located, known: ["probability", "delay"]) else { return nil }
    let probability = f["probability"].map(probability)
    let delay = f["delay"].map(duration)
    guard probability != .some(nil), delay != .some(nil) else { return nil }
    return Resubmission(probability: (probability ?? nil) ?? Resubmission.standard.probability,
                        delay: (delay ?? nil) ?? Resubmission.standard.delay)
  }

  /// `transfers: [{date, from, to, pool, staff, learning}]`: staff moving between
  /// centres, applied to the centres' crews.
  func applyTransfers(_ located: Located, to centres: inout [Centre], horizon: Horizon) {
    guard let items = list(located, of: "transfers") else { return }
    let ids = centres.map(\.id)
    for item in items {
      guard let f = fields(item, known: ["date", "from", "to", "pool", "staff", "learning", "note"]),
        let date = required(f, "date", "the first day at the new centre").flatMap(date),
        let fromNode = required(f, "from", "the centre the staff leave"),
        let toNode = required(f, "to", "the centre the staff join"),
        let poolNode = required(f, "pool", "the counter group or back-office pool id"),
        let staff = required(f, "staff", "how many move").flatMap({ integer($0, in: 1...Limits.staff.upperBound) }),
        let from = centreIndex(fromNode, ids), let to = centreIndex(toNode, ids), let pool = string(poolNode)
      else { continue }
      var learning: LearningCurve?
      if let node = f["learning"] {
        guard let l = fields(node, known: ["multiplier", "days"]),
          let multiplier = required(l, "multiplier", "a work-time multiplier ≥ 1").flatMap({
            number($0, "a multiplier ≥ 1 and ≤ 10") { $0 >= 1 && $0 <= 10 }
          }),
          let days = required(l, "days", "days until normal speed").flatMap(positive)
        else { continue }
        learning = LearningCurve(initialMultiplier: multiplier, days: days, start: date)
      }
      if date < horizon.start || date > horizon.end {
        report(.outOfRange, at: f["date"] ?? item, expected: "a date within the horizon (\(horizon.start) to \(horizon.end))",
               severity: .warning)
      }
      guard let taken = removeStaff(staff, from: &centres[from], pool: pool, on: date, at: poolNode, item: item) else {
        continue
      }
      let crew = Crew(count: staff, from: date, to: taken.to, speed: taken.speed, absence: taken.absence,
                      learning: learning, note: f["note"].flatMap { string($0) } ?? "transfer from \(ids[from])")
      if let g = centres[to].counters.firstIndex(where: { $0.id == pool }) {
        centres[to].counters[g].staffing.crews.append(crew)
      } else if let p = centres[to].backOffice.firstIndex(where: { $0.id == pool }) {
        centres[to].backOffice[p].staffing.crews.append(crew)
      } else {
        report(.unknownReference, at: poolNode,
               expected: "a counter group or back-office pool of centre '\(ids[to])' to join",
               found: "'\(pool)'")
      }
    }
  }

  private func centreIndex(_ located: Located, _ ids: [String]) -> Int? {
    guard let id = string(located, "a centre id") else { return nil }
    guard let index = ids.firstIndex(of: id) else {
      report(.unknownReference, at: located, expected: "a centre id", found: "'\(id)'",
             hint: suggestion(for: id, among: ids).map { "did you mean '\($0)'?" })
      return nil
    }
    return index
  }

  /// Takes `count` members on duty on `date` out of pool `pool` of `centre` from that
  /// date on; returns what the moved members were like.
  private func removeStaff(_ count: Int, from centre: inout Centre, pool: String, on date: CivilDate, at poolNode: Located,
                           item: Located) -> Crew? {
    var staffing: Staffing
    let counterIndex = centre.counters.firstIndex { $0.id == pool }
    let poolIndex = centre.backOffice.firstIndex { $0.id == pool }
    if let counterIndex {
      staffing = centre.counters[counterIndex].staffing
    } else if let poolIndex {
      staffing = centre.backOffice[poolIndex].staffing
    } else {
      report(.unknownReference, at: poolNode, expected: "a counter group or back-office pool of centre '\(centre.id)'",
             found: "'\(pool)'")
      return nil
    }
    let available = staffing.crews.filter { ($0.from.map { $0 <= date } ?? true) && ($0.to.map { $0 >= date } ?? true) }
      .reduce(0) { $0 + $1.count }
    guard available >= count else {
      report(.outOfRange, at: item, expected: "at most \(available) staff to move out of '\(pool)' at '\(centre.id)' on \(date)",
             found: "\(count)")
      return nil
    }
    var needed = count
    var model: Crew?
    var crews: [Crew] = []
    for crew in staffing.crews {
      let active = (crew.from.map { $0 <= date } ?? true) && (crew.to.map { $0 >= date } ?? true)
      guard needed > 0, active else {
        crews.append(crew)
        continue
      }
      let k = min(needed, crew.count)
      needed -= k
      model = model ?? crew
      var staying = crew
      staying.count -= k
      if staying.count > 0 { crews.append(staying) }
      var leaving = crew
      leaving.count = k
      leaving.to = date.adding(days: -1)
      if leaving.from.map({ $0 <= date.adding(days: -1) }) ?? true { crews.append(leaving) }
    }
    staffing.crews = crews
    if let counterIndex { centre.counters[counterIndex].staffing = staffing }
    if let poolIndex { centre.backOffice[poolIndex].staffing = staffing }
    return model
  }

  /// `outages: [{id, centres, independent, daily_probability | time_between, duration,
  /// counter, back_office, blocks_online}]`.
  func outagesValue(_ located: Located, centreIDs: [String]) -> [OutageProcess]? {
    guard let items = list(located, of: "outage processes") else { return nil }
    var result: [OutageProcess] = []
    for (i, item) in items.enumerated() {
      let keys = ["id", "centres", "independent", "daily_probability", "time_between", "duration", "counter",
                  "back_office", "blocks_online", "from", "to"]
      guard let f = fields(item, known: keys) else { return nil }
      let id = f["id"].flatMap(identifier) ?? "outage-\(i + 1)"
      var centres: [String]?
      if let node = f["centres"], node.node.scalar?.string != "all" {
        guard let names = list(node, of: "centre ids") else { return nil }
        centres = []
        for name in names {
          guard let text = string(name, "a centre id") else { return nil }
          guard centreIDs.contains(text) else {
            report(.unknownReference, at: name, expected: "a centre id", found: "'\(text)'",
                   hint: suggestion(for: text, among: centreIDs).map { "did you mean '\($0)'?" })
            return nil
          }
          centres?.append(text)
        }
      }
      let independent = f["independent"].map(boolean) ?? false
      let occurrence: OutageProcess.Occurrence
      switch (f["daily_probability"], f["time_between"]) {
      case (let p?, nil):
        guard let probability = probability(p) else { return nil }
        occurrence = .daily(probability: probability)
      case (nil, let gap?):
        guard let between = duration(gap) else { return nil }
        guard between.mean > 0 else {
          report(.outOfRange, at: gap, expected: "a time between outages with a positive mean")
          return nil
        }
        occurrence = .renewal(timeBetween: between)
      default:
        report(.missingKey, at: item, expected: "exactly one of 'daily_probability' or 'time_between'",
               found: f.has("daily_probability") ? "both" : "neither")
        return nil
      }
      guard let durationNode = required(f, "duration", "how long an outage lasts (minutes)"),
        let length = duration(durationNode)
      else { return nil }
      guard length.mean > 0 && (length.lowerBound > 0 || !isConstantZeroPossible(length)) else {
        report(.outOfRange, at: durationNode, expected: "an outage duration with a positive mean (a repair takes time)")
        return nil
      }
      let counter = f["counter"].map(effectValue) ?? OutageEffect.none
      let backOffice = f["back_office"].map(effectValue) ?? OutageEffect.none
      let blocks = f["blocks_online"].map(boolean) ?? true
      let from = f["from"].map(date)
      let to = f["to"].map(date)
      guard let independent, let counter, let backOffice, let blocks, from != .some(nil), to != .some(nil) else { return nil }
      if let first = from ?? nil, let last = to ?? nil, last < first, let node = f["to"] {
        report(.overlappingIntervals, at: node, expected: "a last day on or after 'from' (\(first))")
        return nil
      }
      var process = OutageProcess(id: id, centres: centres, independentPerCentre: independent, occurrence: occurrence,
                                  duration: length, counter: counter, backOffice: backOffice, blocksOnline: blocks)
      process.from = from ?? nil
      process.to = to ?? nil
      if f.has("from") || f.has("to") { noted.ranges.append(("outage window", item, process.from, process.to)) }
      if case .daily(0) = occurrence, let node = f["daily_probability"] {
        report(.unknownKey, at: node, expected: "a daily probability above 0", found: "0: this outage never happens", severity: .warning)
      }
      if centres?.isEmpty == true, let node = f["centres"] {
        report(.unknownKey, at: node, expected: "at least one centre", found: "an empty list: this outage affects no one", severity: .warning)
      }
      result.append(process)
    }
    return result
  }

  private func isConstantZeroPossible(_ d: SimRandom.Distribution) -> Bool {
    if case .deterministic(let v) = d { return v <= 0 }
    return false
  }

  private func effectValue(_ located: Located) -> OutageEffect? {
    if let word = located.node.scalar?.string, ["stop", "none"].contains(word) {
      return word == "stop" ? .stop : OutageEffect.none
    }
    guard let f = fields(located, known: ["slow"]), let factor = required(f, "slow", "a slow-down factor > 1").flatMap({
      number($0, "a slow-down factor ≥ 1 and ≤ 100") { $0 >= 1 && $0 <= 100 }
    }) else {
      return nil
    }
    return .slow(factor: factor)
  }
}

import SimRandom
