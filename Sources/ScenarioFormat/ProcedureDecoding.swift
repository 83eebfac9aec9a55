//===----------------------------------------------------------------------===//
// The procedure catalogue of a scenario file.
//===----------------------------------------------------------------------===//

import CentreModel
import Yams

extension NodeReader {
  static let procedureKeys = ["id", "name", "share", "counter_time", "back_office_time", "deadline"]

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
    let share = required(f, "share", "the share of arrivals, 0 to 1").flatMap { number($0, "a share from 0 to 1") { (0...1).contains($0) } }
    let counter = required(f, "counter_time", "a counter time distribution (minutes)").flatMap(duration)
    let backOffice = f["back_office_time"].map(duration)
    let deadline = required(f, "deadline", "{working_days: N} or {working_hours: H}").flatMap(deadlineValue)
    guard let id, let share, let counter, let deadline, backOffice != .some(nil) else { return nil }
    return Procedure(id: id, name: name, share: share, counterTime: counter, backOfficeTime: backOffice ?? nil, deadline: deadline)
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

  /// An identifier: lower-case letters, digits, '-' and '_'.
  func identifier(_ located: Located) -> String? {
    guard let text = string(located, "an identifier") else { return nil }
    guard text.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }) else {
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
