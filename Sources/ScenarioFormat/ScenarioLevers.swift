//===----------------------------------------------------------------------===//
// The fields of a scenario file that a planner changes on a form.
//===----------------------------------------------------------------------===//

import Yams

/// A field of a scenario file that a planner thinks in (staff of a pool, a temporary
/// crew's dates, the daily volume, opening hours, a procedure's share): where it is, as
/// the key path an ``Override`` takes, and its value as written.
public struct ScenarioLever: Sendable, Hashable {
  /// What the lever belongs to.
  public enum Scope: Sendable, Hashable {
    /// The whole scenario (horizon, calendar, replications, seed).
    case scenario
    /// A centre, by id.
    case centre(String)
    /// A pool of a centre: `counter` or `back office`, the pool's id.
    case pool(centre: String, kind: PoolKind, id: String)
    /// A temporary or permanent crew of a pool, by position.
    case crew(centre: String, kind: PoolKind, pool: String, index: Int)
    /// A procedure, by id.
    case procedure(String)
    /// An outage process, by id.
    case outage(String)
    /// A row of the initial backlog's `counts`, by position.
    case backlog(Int)
  }

  /// Counter or back office.
  public enum PoolKind: String, Sendable, Hashable { case counter, backOffice = "back office" }

  /// What it belongs to.
  public var scope: Scope
  /// The field's key in its mapping (`counter_staff`, `count`, `from`, `daily_volume`...).
  public var field: String
  /// The full key path (`centres.list[ha-dong].back_office[back-office].crews[1].to`).
  public var keyPath: String
  /// The value as YAML text (`3`, `2025-09-07`, `["08:00-12:00", "13:00-17:00"]`).
  public var value: String
}

extension ScenarioDocument {
  /// The levers of this scenario that its file sets, in the file's order: horizon,
  /// replications, seed and opening hours; per centre the daily volume and the staff of
  /// each pool (a number, or each crew's count and dates); each procedure's share and
  /// online share; each outage's daily probability and dates; each row of an initial
  /// backlog given as counts (its count and age). A city generated from a rule has no
  /// per-centre levers (its rule's fields are changed by key path).
  public func levers() -> [ScenarioLever] {
    var levers: [ScenarioLever] = []
    guard let top = root.mapping else { return levers }
    func add(_ scope: ScenarioLever.Scope, _ field: String, _ path: String, _ node: Node?) {
      guard let node, let text = Self.valueText(node) else { return }
      levers.append(ScenarioLever(scope: scope, field: field, keyPath: path, value: text))
    }
    let horizon = top["horizon"]?.mapping
    add(.scenario, "start", "horizon.start", horizon?["start"])
    add(.scenario, "days", "horizon.days", horizon?["days"])
    add(.scenario, "replications", "replications", top["replications"])
    add(.scenario, "seed", "seed", top["seed"])
    if let hours = top["calendar"]?.mapping?["opening_hours"]?.mapping {
      for day in ["weekdays", "saturday", "sunday"] {
        add(.scenario, day, "calendar.opening_hours.\(day)", hours[day])
      }
    }
    func centre(_ node: Node, _ path: String) {
      guard let f = node.mapping, let id = f["id"]?.string else { return }
      add(.centre(id), "daily_volume", "\(path).arrivals.daily_volume", f["arrivals"]?.mapping?["daily_volume"])
      add(.centre(id), "counter_staff", "\(path).counter_staff", f["counter_staff"])
      add(.centre(id), "back_office_staff", "\(path).back_office_staff", f["back_office_staff"])
      for (key, kind) in [("counters", ScenarioLever.PoolKind.counter), ("back_office", .backOffice)] {
        for pool in f[key]?.sequence ?? [] {
          guard let p = pool.mapping, let poolID = p["id"]?.string else { continue }
          let poolPath = "\(path).\(key)[\(poolID)]"
          add(.pool(centre: id, kind: kind, id: poolID), "staff", "\(poolPath).staff", p["staff"])
          for (index, crew) in (p["crews"]?.sequence ?? []).enumerated() {
            let scope = ScenarioLever.Scope.crew(centre: id, kind: kind, pool: poolID, index: index)
            for field in ["count", "from", "to"] {
              add(scope, field, "\(poolPath).crews[\(index)].\(field)", crew.mapping?[field])
            }
          }
        }
      }
    }
    if let single = top["centre"] { centre(single, "centre") }
    if let centres = top["centres"] {
      let (list, prefix) = centres.sequence != nil ? (centres.sequence, "centres") : (centres.mapping?["list"]?.sequence, "centres.list")
      for node in list ?? [] {
        if let id = node.mapping?["id"]?.string { centre(node, "\(prefix)[\(id)]") }
      }
    }
    for procedure in top["procedures"]?.sequence ?? [] {
      guard let f = procedure.mapping, let id = f["id"]?.string else { continue }
      add(.procedure(id), "share", "procedures[\(id)].share", f["share"])
      add(.procedure(id), "online_share", "procedures[\(id)].online_share", f["online_share"])
    }
    for outage in top["outages"]?.sequence ?? [] {
      guard let f = outage.mapping, let id = f["id"]?.string else { continue }
      add(.outage(id), "daily_probability", "outages[\(id)].daily_probability", f["daily_probability"])
      add(.outage(id), "from", "outages[\(id)].from", f["from"])
      add(.outage(id), "to", "outages[\(id)].to", f["to"])
    }
    for (index, row) in (top["initial_backlog"]?.mapping?["counts"]?.sequence ?? []).enumerated() {
      add(.backlog(index), "count", "initial_backlog.counts[\(index)].count", row.mapping?["count"])
      add(.backlog(index), "age_working_days", "initial_backlog.counts[\(index)].age_working_days", row.mapping?["age_working_days"])
    }
    return levers
  }

  /// A scalar's text, or a sequence of scalars in flow style (`["08:00-12:00"]`); nil for
  /// anything else (a mapping is not a form field).
  static func valueText(_ node: Node) -> String? {
    if let scalar = node.scalar { return scalar.string }
    guard let items = node.sequence else { return nil }
    var parts: [String] = []
    for item in items {
      guard let text = item.scalar?.string else { return nil }
      parts.append("\"\(text)\"")
    }
    return "[\(parts.joined(separator: ", "))]"
  }
}

extension ScenarioDocument {
  /// The scenario's `description` as written (not validated), for a list of scenarios.
  public var writtenDescription: String { root.mapping?["description"]?.string ?? "" }
}

extension ScenarioDocument {
  /// Whether the file sets an initial backlog (a file of pending dossiers or counts).
  public var hasInitialBacklog: Bool { root.mapping?["initial_backlog"] != nil }

  /// The procedure and centre a row of the initial backlog's counts names, as written.
  public func backlogRow(_ index: Int) -> (procedure: String?, centre: String?) {
    guard let rows = root.mapping?["initial_backlog"]?.mapping?["counts"]?.sequence, rows.indices.contains(index) else { return (nil, nil) }
    return (rows[index].mapping?["procedure"]?.string, rows[index].mapping?["centre"]?.string)
  }
}
