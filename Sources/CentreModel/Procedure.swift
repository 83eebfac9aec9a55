//===----------------------------------------------------------------------===//
// Administrative procedures (thủ tục hành chính) and their deadlines.
//===----------------------------------------------------------------------===//

import SimRandom

/// A statutory processing deadline, counted from receipt of a complete dossier.
public enum Deadline: Sendable, Hashable, CustomStringConvertible {
  /// Due at the close of the n-th working day after the receipt day; 0 means the same
  /// day (the receipt day moves to the next working day after the receipt cut-off).
  case workingDays(Int)
  /// Due after this many hours of opening time on working days (same-day procedures
  /// promised within hours).
  case workingHours(Double)

  public var description: String {
    switch self {
    case .workingDays(0): return "same working day"
    case .workingDays(let n): return "\(n) working day\(n == 1 ? "" : "s")"
    case .workingHours(let h): return "\(h) working hours"
    }
  }
}

/// One procedure of the catalogue: its share of arrivals, the work it takes at the
/// counter and in the back office, and its deadline.
public struct Procedure: Sendable, Hashable {
  /// Stable identifier used in scenario files and outputs (`certification`).
  public var id: String
  /// Human-readable name.
  public var name: String
  /// Share of a centre's arrivals that are for this procedure (shares sum to 1).
  public var share: Double
  /// Counter time per dossier, minutes: reception, checking, scanning, data entry.
  public var counterTime: Distribution
  /// Back-office work per dossier, minutes of a specialist's time; `nil` when the dossier
  /// is completed at the counter.
  public var backOfficeTime: Distribution?
  /// Statutory deadline.
  public var deadline: Deadline

  /// A procedure with the given parameters.
  public init(
    id: String, name: String, share: Double, counterTime: Distribution,
    backOfficeTime: Distribution?, deadline: Deadline
  ) {
    self.id = id
    self.name = name
    self.share = share
    self.counterTime = counterTime
    self.backOfficeTime = backOfficeTime
    self.deadline = deadline
  }
}
