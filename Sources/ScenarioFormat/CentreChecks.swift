//===----------------------------------------------------------------------===//
// Checks that every centre can do the work it will receive.
//===----------------------------------------------------------------------===//

import CentreModel
import Yams

extension NodeReader {
  /// Reports, before any run, work that a centre could never do: a procedure group no
  /// counter serves, a step in a pool the centre lacks or has no one in, a counter group
  /// helping a pool that does not exist.
  func checkCentre(_ centre: Centre, procedures: [Procedure], at owner: Located, counters: Located?, backOffice: Located?) {
    let shares = centre.shares(procedures)
    let poolIDs = centre.backOffice.map(\.id) + [BackOfficePool.onlineIntakeID]
    for (i, group) in centre.counters.enumerated() {
      for name in group.helps where !poolIDs.contains(name) {
        report(.unknownReference, at: counters ?? owner,
               expected: "back-office pool ids in 'helps' of counter group '\(group.id)' (\(list(poolIDs)))",
               found: "'\(name)' in counters[\(i)].helps",
               hint: suggestion(for: name, among: poolIDs).map { "did you mean '\($0)'?" })
      }
    }
    for (p, procedure) in procedures.enumerated() where shares[p] > 0 {
      if procedure.walkInShare > 0 || procedure.incompleteAtCounter > 0 || procedure.incompleteInBackOffice > 0 {
        let served = centre.counters.contains { $0.serves(group: procedure.group) && $0.staffing.size > 0 }
        if !served {
          report(.unservable, at: counters ?? owner,
                 expected: "a counter group with staff serving procedure group '\(procedure.group)'",
                 found: "none at centre '\(centre.id)', so walk-ins for '\(procedure.id)' could never be received")
        }
      }
      var pools = procedure.steps.compactMap { step -> (String, String)? in
        if case .work(let pool, _) = step.kind { return (pool, "step '\(step.name)' of '\(procedure.id)'") }
        return nil
      }
      if procedure.onlineShare > 0 { pools.append((onlineIntakePool, "the online intake of '\(procedure.id)'")) }
      for (pool, what) in pools { checkPool(pool, for: what, centre: centre, at: backOffice ?? owner) }
    }
  }

  private func checkPool(_ id: String, for what: String, centre: Centre, at located: Located) {
    let helped = centre.counters.contains { ($0.helps.contains(id) || id == BackOfficePool.onlineIntakeID) && $0.staffing.size > 0 }
    guard let pool = centre.backOffice.first(where: { $0.id == id }) else {
      if id == BackOfficePool.onlineIntakeID && helped { return }
      report(.unservable, at: located, expected: "a back-office pool '\(id)' at centre '\(centre.id)' for \(what)",
             found: centre.backOffice.isEmpty ? "no back-office staff" : "pools \(list(centre.backOffice.map(\.id)))",
             hint: suggestion(for: id, among: centre.backOffice.map(\.id)).map { "did you mean '\($0)'?" })
      return
    }
    if pool.staffing.size == 0 && !helped {
      report(.unservable, at: located, expected: "staff in pool '\(id)' at centre '\(centre.id)' for \(what)",
             found: "no staff and no counter group helping it")
    }
  }
}
