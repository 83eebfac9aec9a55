//===----------------------------------------------------------------------===//
// Outages of the IT systems the centres depend on.
//===----------------------------------------------------------------------===//

import SimRandom

/// A random process of outages (the national portal, VNeID, a centre's transmission line)
/// and what they do to work while they last.
public struct OutageProcess: Sendable, Hashable {
  /// When outages start.
  public enum Occurrence: Sendable, Hashable {
    /// Alternating up and down periods: up for `timeBetween` minutes (calendar time),
    /// then down for the outage's duration.
    case renewal(timeBetween: Distribution)
    /// On each open day, with this probability, one outage starting at a uniformly random
    /// moment of the day's opening hours.
    case daily(probability: Double)
  }

  /// Identifier used in outputs.
  public var id: String
  /// Centres affected (`nil`: every centre).
  public var centres: [String]?
  /// Whether each affected centre has its own independent outages (a centre's line), or
  /// all are hit at the same moments (the national portal).
  public var independentPerCentre: Bool
  /// When outages happen.
  public var occurrence: Occurrence
  /// How long an outage lasts, minutes.
  public var duration: Distribution
  /// Effect on counter work.
  public var counter: OutageEffect
  /// Effect on back-office work.
  public var backOffice: OutageEffect
  /// Whether online submissions wait until the outage ends.
  public var blocksOnline: Bool
  /// The first and last days outages may start (`nil`: from the start, to the end).
  public var from: CivilDate?
  public var to: CivilDate?

  /// Whether outages may start on `date`.
  public func canStart(on date: CivilDate) -> Bool {
    (from.map { date >= $0 } ?? true) && (to.map { date <= $0 } ?? true)
  }

  /// An outage process.
  public init(
    id: String, centres: [String]? = nil, independentPerCentre: Bool = false, occurrence: Occurrence,
    duration: Distribution, counter: OutageEffect, backOffice: OutageEffect, blocksOnline: Bool = true
  ) {
    self.id = id
    self.centres = centres
    self.independentPerCentre = independentPerCentre
    self.occurrence = occurrence
    self.duration = duration
    self.counter = counter
    self.backOffice = backOffice
    self.blocksOnline = blocksOnline
  }
}

/// What an outage does to a kind of work.
public enum OutageEffect: Sendable, Hashable, CustomStringConvertible {
  /// No effect.
  case none
  /// Work stops: services under way pause and resume when the outage ends.
  case stop
  /// Work goes on, this many times slower (paper fallback, re-entry later).
  case slow(factor: Double)

  /// The rate of work during the outage, relative to normal.
  public var rate: Double {
    switch self {
    case .none: return 1
    case .stop: return 0
    case .slow(let factor): return 1 / factor
    }
  }

  public var description: String {
    switch self {
    case .none: return "none"
    case .stop: return "stop"
    case .slow(let factor): return "\(factor)× slower"
    }
  }
}

/// What happens to a dossier found incomplete.
///
/// The citizen is handed a list of what is missing and comes back with it after `delay`
/// working days with probability `probability`, else the dossier is abandoned. On return
/// the dossier goes through the counter again and is received anew: **the deadline
/// restarts from the new receipt** ("kể từ ngày nhận đủ hồ sơ hợp lệ", counted from the
/// complete dossier), and back-office work starts again from its first step.
public struct Resubmission: Sendable, Hashable {
  /// Probability that the citizen comes back.
  public var probability: Double
  /// Working days until the citizen comes back.
  public var delay: Distribution

  /// A resubmission rule.
  public init(probability: Double, delay: Distribution) {
    self.probability = probability
    self.delay = delay
  }

  /// domain.md §4: lognormal, mean 3 working days, SD 2; 80% come back.
  public static let standard = Resubmission(probability: 0.8, delay: .lognormal(mean: 3, sd: 2))
}

/// How online dossiers are checked before the back office.
public struct OnlineIntake: Sendable, Hashable {
  /// Minutes of work per dossier (domain.md §4: lognormal 5 / 3).
  public var time: Distribution
  /// The pool that does it: a back-office pool id, or ``BackOfficePool/onlineIntakeID``
  /// for the counter clerks, who do it when no citizen waits for them.
  public var pool: String

  /// An intake rule.
  public init(time: Distribution, pool: String) {
    self.time = time
    self.pool = pool
  }

  /// Counter clerks check online dossiers: lognormal 5 / 3 minutes.
  public static let standard = OnlineIntake(time: .lognormal(mean: 5, sd: 3), pool: BackOfficePool.onlineIntakeID)
}

/// A channel through which a dossier reaches the centre.
public enum Channel: Int, CaseIterable, Sendable, Hashable, CustomStringConvertible {
  /// In person at the counter.
  case walkIn
  /// On the public-service portal, round the clock.
  case online
  /// Through a public-service agent outside the centre.
  case servicePoint

  /// snake_case name used in files.
  public var id: String { ["walk_in", "online", "service_point"][rawValue] }
  public var description: String { id }
}

/// One arrival read from a recorded log, replayed instead of drawn.
public struct RecordedArrival: Sendable, Hashable {
  /// Minutes since the start of the horizon.
  public var time: Double
  /// Index of the centre.
  public var centre: Int
  /// Index of the procedure.
  public var procedure: Int
  /// How the dossier came in.
  public var channel: Channel

  /// A recorded arrival.
  public init(time: Double, centre: Int, procedure: Int, channel: Channel) {
    self.time = time
    self.centre = centre
    self.procedure = procedure
    self.channel = channel
  }
}
