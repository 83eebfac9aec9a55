//===----------------------------------------------------------------------===//
// The procedure catalogue of a scenario file.
//===----------------------------------------------------------------------===//

import CentreModel
import Yams

extension NodeReader {
  static let procedureKeys = [
    "id", "name", "group", "share", "counter_time", "back_office_time", "steps", "deadline", "online_share",
    "service_point_share", "incomplete",
  ]

  /// Tolerance on the sum of shares (they are usually written with 2 decimals).
  static let shareTolerance = 1e-6

  func proceduresValue(_ located: Located) -> [Procedure]? {
    guard let items = list(located, of: "procedures") else { return nil }
    if items.isEmpty {
      report(.outOfRange, at: located, expected: "at least one procedure", found: "an empty list")
      return nil
    }
    var seen: [String: Located] = [:]
    var procedures: [Procedure] = []
    for item in items {
      guard let procedure = procedureValue(item) else { continue }
      if let first = seen[procedure.id] {
        report(.duplicateIdentifier, at: item.child("id", item.node), expected: "a procedure id used once",
               found: "'\(procedure.id)' again (first at line \(position(first.node)?.line ?? 0))")
        continue
      }
      seen[procedure.id] = item
      procedures.append(procedure)
    }
    guard procedures.count == items.count else { return nil }
    checkShares(procedures.map(\.share), at: located, what: "procedure shares")
    return procedures
  }

  private func procedureValue(_ located: Located) -> Procedure? {
    guard let f = fields(located, known: Self.procedureKeys) else { return nil }
    let id = required(f, "id", "a procedure id").flatMap(identifier)
    let name = f["name"].flatMap { string($0) } ?? id ?? ""
    let group = f["group"].map(identifier)
    let share = required(f, "share", "the share of arrivals, 0 to 1").flatMap(probability)
    let counter = required(f, "counter_time", "a counter time distribution (minutes)").flatMap(duration)
    let deadline = required(f, "deadline", "{working_days: N} or {working_hours: H}").flatMap(deadlineValue)
    let online = f["online_share"].map(probability)
    let servicePoint = f["service_point_share"].map(probability)
    let incomplete = f["incomplete"].map(incompleteValue)
    var steps: [WorkStep]?
    if let single = f["back_office_time"], let many = f["steps"] {
      _ = single
      report(.unknownKey, at: many, expected: "either 'back_office_time' (one step) or 'steps', not both", found: "both")
    } else if let single = f["back_office_time"] {
      steps = duration(single).map { [WorkStep("back-office", .work(pool: BackOfficePool.defaultID, time: $0))] }
    } else if let many = f["steps"] {
      steps = stepsValue(many)
    } else {
      steps = []
    }
    guard let id, let share, let counter, let deadline, let steps, group != .some(nil), online != .some(nil),
      servicePoint != .some(nil), f["incomplete"] == nil || incomplete??.0 != nil
    else { return nil }
    var procedure = Procedure(id: id, name: name, group: group ?? nil, share: share, counterTime: counter, steps: steps,
                              deadline: deadline)
    procedure.onlineShare = (online ?? nil) ?? 0
    procedure.servicePointShare = (servicePoint ?? nil) ?? 0
    if let (atCounter, inBackOffice) = incomplete ?? nil {
      procedure.incompleteAtCounter = atCounter
      procedure.incompleteInBackOffice = inBackOffice
    }
    for key in ["online_share", "service_point_share"] {
      if let node = f[key] { noted.channelShares.append((node, id)) }
    }
    if procedure.incompleteInBackOffice > 0, !steps.contains(where: { if case .work = $0.kind { return true } else { return false } }),
      let node = f["incomplete"]
    {
      report(.unknownKey, at: node.child("in_back_office", node.node), expected: "in_back_office for a procedure with back-office work",
             found: "no work step in '\(id)': the back office never returns it, so this has no effect", severity: .warning)
    }
    if procedure.onlineShare + procedure.servicePointShare > 1 + Self.shareTolerance {
      report(.sharesDoNotSumToOne, at: f["service_point_share"] ?? f["online_share"] ?? located,
             expected: "online_share + service_point_share ≤ 1",
             found: "\(rounded(procedure.onlineShare)) + \(rounded(procedure.servicePointShare))")
      return nil
    }
    return procedure
  }

  /// `steps: [{name, pool, time} | {name, wait}]`.
  private func stepsValue(_ located: Located) -> [WorkStep]? {
    guard let items = list(located, of: "back-office steps") else { return nil }
    var steps: [WorkStep] = []
    for (i, item) in items.enumerated() {
      guard let f = fields(item, known: ["name", "pool", "time", "wait"]) else { return nil }
      let name = f["name"].flatMap { string($0) } ?? "step-\(i + 1)"
      if let wait = f["wait"] {
        if let extra = f["pool"] ?? f["time"] {
          report(.unknownKey, at: extra, expected: "a wait step without 'pool' or 'time'")
          return nil
        }
        guard let days = duration(wait) else { return nil }
        steps.append(WorkStep(name, .wait(workingDays: days)))
      } else {
        guard let pool = required(f, "pool", "the staff pool doing the step (or 'wait' for a wait)").flatMap(identifier),
          let time = required(f, "time", "the work per dossier (minutes)").flatMap(duration)
        else { return nil }
        steps.append(WorkStep(name, .work(pool: pool, time: time)))
      }
    }
    return steps
  }

  private func incompleteValue(_ located: Located) -> (Double, Double)? {
    guard let f = fields(located, known: ["at_counter", "in_back_office"]) else { return nil }
    let atCounter = f["at_counter"].map(probability)
    let inBackOffice = f["in_back_office"].map(probability)
    guard atCounter != .some(nil), inBackOffice != .some(nil) else { return nil }
    return ((atCounter ?? nil) ?? 0, (inBackOffice ?? nil) ?? 0)
  }

  private func deadlineValue(_ located: Located) -> Deadline? {
    guard let f = fields(located, known: ["working_days", "working_hours"]) else { return nil }
    guard f.entries.count == 1 else {
      report(.wrongType, at: located, expected: "exactly one of 'working_days' or 'working_hours'",
             found: f.entries.isEmpty ? "neither" : "both")
      return nil
    }
    if let days = f["working_days"] {
      return integer(days, in: 0...365).map { .workingDays($0) }
    }
    return f["working_hours"].flatMap { number($0, "a number of hours > 0 and ≤ 2000") { $0 > 0 && $0 <= 2000 } }
      .map { .workingHours($0) }
  }

  /// An identifier: lower-case letters (of any script: `phường-hà-đông`), digits, '-'
  /// and '_'.
  func identifier(_ located: Located) -> String? {
    guard let text = string(located, "an identifier") else { return nil }
    guard text.allSatisfy({ ($0.isLetter && !$0.isUppercase) || ($0.isASCII && $0.isNumber) || $0 == "-" || $0 == "_" }) else {
      report(.wrongType, at: located, expected: "an identifier of lower-case letters, digits, '-' and '_'")
      return nil
    }
    return text
  }

  /// Shares must add up to 1.
  func checkShares(_ shares: [Double], at located: Located, what: String) {
    let total = shares.reduce(0, +)
    if abs(total - 1) > Self.shareTolerance {
      report(.sharesDoNotSumToOne, at: located, expected: "\(what) that sum to 1", found: "a sum of \(rounded(total))")
    }
  }

  func rounded(_ value: Double) -> String {
    let scaled = (value * 1e6).rounded() / 1e6
    return "\(scaled)"
  }
}
