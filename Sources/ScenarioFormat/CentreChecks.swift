//===----------------------------------------------------------------------===//
// Checks that every centre can do the work it will receive.
//===----------------------------------------------------------------------===//

import CentreModel
import Yams

extension NodeReader {
  /// What a procedure needs of every centre where it has a share.
  struct Requirement {
    /// Whether dossiers reach a counter (walk-ins, or supplements brought back).
    var counter: Bool
    /// The back-office pools its steps and online intake work in, each once, with the
    /// first step (or the intake) that needs it, and that step's index.
    var pools: [(id: String, what: String, step: Int?)]
  }

  /// The memo key of where the procedures are written (see ``noteProceduresNode(_:)``).
  private static let proceduresNodeKey = "procedures node"

  /// Notes where the procedures are written, so that a step's pool that a centre lacks
  /// is reported at the step (``checkCentre``), not at the centre.
  func noteProceduresNode(_ located: Located?) {
    _ = memoized(Self.proceduresNodeKey) { located }
  }

  /// Where the `p`-th procedure's `step`-th step names its pool: its `pool` key in
  /// `steps`, or its `back_office_time` (a step in pool `back-office`); nil when unknown.
  private func poolNode(procedure p: Int, step: Int) -> Located? {
    guard let procedures = memoized(Self.proceduresNodeKey, { nil as Located? }),
      case .sequence(let items) = procedures.node, p < items.count
    else { return nil }
    let item = procedures.element(p, items[p])
    func value(_ key: String, in located: Located) -> Located? {
      guard case .mapping(let mapping) = located.node else { return nil }
      return mapping.first { $0.key.scalar?.string == key }.map { located.child(key, $0.value) }
    }
    if let steps = value("steps", in: item) {
      guard case .sequence(let list) = steps.node, step < list.count else { return nil }
      return value("pool", in: steps.element(step, list[step]))
    }
    return value("back_office_time", in: item)
  }

  /// The requirements of `procedures`, worked out once for all centres.
  func requirements(_ procedures: [Procedure]) -> [Requirement] {
    memoized("requirements") {
      procedures.map { procedure in
        var pools: [(id: String, what: String, step: Int?)] = []
        var seen = Set<String>()
        for (index, step) in procedure.steps.enumerated() {
          if case .work(let pool, _) = step.kind, seen.insert(pool).inserted {
            pools.append((pool, "step '\(step.name)' of '\(procedure.id)'", index))
          }
        }
        if procedure.onlineShare > 0, seen.insert(onlineIntakePool).inserted {
          pools.append((onlineIntakePool, "the online intake of '\(procedure.id)'", nil))
        }
        return Requirement(
          counter: procedure.walkInShare > 0 || procedure.incompleteAtCounter > 0 || procedure.incompleteInBackOffice > 0,
          pools: pools)
      }
    }
  }

  /// Reports, before any run, work that a centre could never do: a procedure group no
  /// counter serves, a step in a pool the centre lacks or has no one in, a counter group
  /// helping a pool that does not exist. `name` says which centre(s) in messages
  /// (default: `centre 'id'`).
  ///
  /// Takes time in the size of the centre plus the procedures' requirements (sets, not
  /// searches: a list of a thousand centres over a large catalogue checks each).
  func checkCentre(_ centre: Centre, procedures: [Procedure], at owner: Located, counters: Located?, backOffice: Located?,
                   name: String? = nil) {
    let which = name ?? "centre '\(centre.id)'"
    let shares = centre.shares(procedures)
    // The centres of a list that inherit their counters and pools share them (the same
    // arrays, so comparing is immediate, and written at the same place): check and
    // summarise them once.
    let summary: CounterSummary
    if let last = lastCounterSummary, last.counters == centre.counters, last.backOffice == centre.backOffice,
      last.path == counters?.path
    {
      summary = last.summary
    } else {
      let poolIDs = centre.backOffice.map(\.id) + [BackOfficePool.onlineIntakeID]
      let known = Set(poolIDs)
      for (i, group) in centre.counters.enumerated() {
        for name in group.helps where !known.contains(name) {
          guard !issues.isFull else { return }
          report(.unknownReference, at: counters ?? owner,
                 expected: "back-office pool ids in 'helps' of counter group '\(group.id)' (\(list(poolIDs)))",
                 found: "'\(name)' in counters[\(i)].helps",
                 hint: suggestion(for: name, among: poolIDs).map { "did you mean '\($0)'?" })
        }
      }
      summary = CounterSummary(centre.counters)
      lastCounterSummary = (centre.counters, centre.backOffice, counters?.path, summary)
    }
    var pools: [String: BackOfficePool] = [:]
    for pool in centre.backOffice where pools[pool.id] == nil { pools[pool.id] = pool }
    let context = PoolContext(centre: centre, which: which, pools: pools, helped: summary.helped,
                              anyStaffed: summary.anyStaffed, at: backOffice ?? owner)
    let servesAll = summary.servesAll
    let served = summary.served
    for (p, (procedure, requirement)) in zip(procedures, requirements(procedures)).enumerated() where shares[p] > 0 {
      guard !issues.isFull else { return }
      if requirement.counter && !servesAll && !served.contains(procedure.group) {
        report(.unservable, at: counters ?? owner,
               expected: "a counter group with staff serving procedure group '\(procedure.group)'",
               found: "none at \(which), so walk-ins for '\(procedure.id)' could never be received")
      }
      for (pool, what, step) in requirement.pools {
        if let step, reportedAtStep(pool, procedure: p, step: step, in: context) { continue }
        checkPool(pool, for: what, in: context)
      }
    }
  }

  /// A centre's pools and helpers, for ``checkPool(_:for:in:)``.
  private struct PoolContext {
    var centre: Centre
    var which: String
    var pools: [String: BackOfficePool]
    /// Pools some counter group with staff helps.
    var helped: Set<String>
    /// Whether some counter group has staff (clerks check online dossiers by default).
    var anyStaffed: Bool
    var at: Located
  }

  private func checkPool(_ id: String, for what: String, in c: PoolContext) {
    let helped = c.helped.contains(id) || (id == BackOfficePool.onlineIntakeID && c.anyStaffed)
    guard let pool = c.pools[id] else {
      if id == BackOfficePool.onlineIntakeID && helped { return }
      let ids = c.centre.backOffice.map(\.id)
      report(.unservable, at: c.at, expected: "a back-office pool '\(id)' at \(c.which) for \(what)",
             found: ids.isEmpty ? "no back-office staff" : "pools \(list(ids))",
             hint: suggestion(for: id, among: ids).map { "did you mean '\($0)'?" })
      return
    }
    if pool.staffing.size == 0 && !helped {
      report(.unservable, at: c.at, expected: "staff in pool '\(id)' at \(c.which) for \(what)",
             found: "no staff and no counter group helping it")
    }
  }

  /// Reports, at the step itself, a step's pool that a centre with other pools lacks (a
  /// typo in the step, most often), once per step: for the first such centre, and only
  /// there. Returns whether it did so for this centre; ``checkPool(_:for:in:)`` then
  /// leaves the pool alone, and reports it at each further centre that lacks it. A
  /// centre without any pool is the centre's problem, reported there only.
  private func reportedAtStep(_ id: String, procedure p: Int, step: Int, in c: PoolContext) -> Bool {
    let ids = c.centre.backOffice.map(\.id)
    guard c.pools[id] == nil, !ids.isEmpty, !c.helped.contains(id), let node = poolNode(procedure: p, step: step) else { return false }
    let reportedFor = memoized("pool of \(node.path)") { () -> String in
      let shorthand = node.path.hasSuffix(".back_office_time")
      report(.unknownReference, at: node,
             expected: "a back-office pool of \(c.which) (\(list(ids)))" + (shorthand ? " for back_office_time, which works in pool '\(id)'" : ""),
             found: shorthand ? "no pool '\(id)' there: write the step in 'steps' with its pool" : "'\(id)'",
             hint: suggestion(for: id, among: ids).map { "did you mean '\($0)'?" })
      return c.which
    }
    return reportedFor == c.which
  }
}

/// What a centre's counter groups with staff can do, for ``NodeReader/checkCentre``.
struct CounterSummary {
  /// Whether one of them serves every procedure group.
  var servesAll: Bool
  /// The procedure groups they serve.
  var served: Set<String>
  /// The pools they help.
  var helped: Set<String>
  /// Whether there is one.
  var anyStaffed: Bool

  init(_ counters: [CounterGroup]) {
    let staffed = counters.filter { $0.staffing.size > 0 }
    servesAll = staffed.contains { $0.serves == nil }
    served = Set(staffed.flatMap { $0.serves ?? [] })
    helped = Set(staffed.flatMap(\.helps))
    anyStaffed = !staffed.isEmpty
  }
}
