//===----------------------------------------------------------------------===//
// Administrative procedures (thủ tục hành chính), their work and their deadlines.
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

/// One step of a dossier's way through the back office.
public struct WorkStep: Sendable, Hashable {
  /// What the step does.
  public enum Kind: Sendable, Hashable {
    /// Work by a member of the named staff pool, for the given minutes of work.
    case work(pool: String, time: Distribution)
    /// A wait that takes no one's work (inter-agency exchange, public posting), in
    /// working days (fractions allowed: 0.5 is half a day's opening time).
    case wait(workingDays: Distribution)
  }

  /// Name used in traces ("appraisal", "signature", "posting").
  public var name: String
  /// The work or the wait.
  public var kind: Kind

  /// A step named `name`.
  public init(_ name: String, _ kind: Kind) {
    self.name = name
    self.kind = kind
  }
}

/// One procedure of the catalogue: its share of arrivals, how it is submitted, the work it
/// takes at the counter and in the back office, and its deadline.
public struct Procedure: Sendable, Hashable {
  /// Stable identifier used in scenario files and outputs (`certification`).
  public var id: String
  /// Human-readable name.
  public var name: String
  /// Procedure group, for counters that serve some groups only (default: the id).
  public var group: String
  /// Share of a centre's dossiers that are for this procedure (shares sum to 1).
  public var share: Double
  /// Counter time per dossier, minutes: reception, checking, scanning, data entry.
  public var counterTime: Distribution
  /// The back-office steps, in order (empty: completed at the counter).
  public var steps: [WorkStep]
  /// Statutory deadline.
  public var deadline: Deadline
  /// Share of this procedure's dossiers submitted online (no counter visit).
  public var onlineShare: Double = 0
  /// Share submitted through service points outside the centre (no counter visit).
  public var servicePointShare: Double = 0
  /// Probability that the counter finds the dossier incomplete and hands it back.
  public var incompleteAtCounter: Double = 0
  /// Probability that the back office finds it incomplete (after its first step) and
  /// returns it for supplement.
  public var incompleteInBackOffice: Double = 0

  /// A procedure with the given parameters.
  public init(
    id: String, name: String, group: String? = nil, share: Double, counterTime: Distribution,
    steps: [WorkStep], deadline: Deadline
  ) {
    self.id = id
    self.name = name
    self.group = group ?? id
    self.share = share
    self.counterTime = counterTime
    self.steps = steps
    self.deadline = deadline
  }

  /// A procedure with at most one back-office step, in the pool `back-office`.
  public init(
    id: String, name: String, share: Double, counterTime: Distribution, backOfficeTime: Distribution?,
    deadline: Deadline
  ) {
    self.init(id: id, name: name, share: share, counterTime: counterTime,
              steps: backOfficeTime.map { [WorkStep("back-office", .work(pool: BackOfficePool.defaultID, time: $0))] } ?? [],
              deadline: deadline)
  }

  /// Share of walk-in dossiers (neither online nor through a service point).
  public var walkInShare: Double { 1 - onlineShare - servicePointShare }

  /// Expected back-office work, minutes (waits excluded).
  public var meanBackOfficeWork: Double {
    steps.reduce(0) {
      if case .work(_, let time) = $1.kind { return $0 + time.mean }
      return $0
    }
  }
}
