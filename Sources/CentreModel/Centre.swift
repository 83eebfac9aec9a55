//===----------------------------------------------------------------------===//
// A Public Administrative Service Centre: its demand, counters and back office.
//===----------------------------------------------------------------------===//

import SimRandom

/// One commune or ward centre.
public struct Centre: Sendable, Hashable {
  /// Identifier used in outputs.
  public var id: String
  /// Demand: the expected dossiers per open day over all channels, and their spread over
  /// the day and the week (walk-ins only; online dossiers arrive round the clock).
  public var arrivals: ArrivalPattern
  /// This centre's own procedure mix, in catalogue order (`nil`: the catalogue's shares).
  public var procedureShares: [Double]?
  /// The counters, in the order an arriving citizen looks for a free one.
  public var counters: [CounterGroup]
  /// How citizens queue for counters.
  public var routing: Routing
  /// Share of walk-in citizens with priority at the counter (elderly, disabled, ...).
  public var priorityShare: Double
  /// The back-office staff pools.
  public var backOffice: [BackOfficePool]
  /// What happens to citizens still waiting at closing time.
  public var closing: ClosingPolicy
  /// How long citizens are prepared to wait (`nil`: for ever).
  public var patience: Patience?
  /// Tickets issued per day at most (`nil`: no cap); later walk-ins are turned away.
  public var dailyTicketCap: Int?
  /// The share of this centre's dossiers submitted online, by date range (empty: each
  /// procedure's own `onlineShare`). See ``OnlineShare``.
  public var onlineShare: [OnlineShare] = []

  /// A centre with counters and back-office pools.
  public init(
    id: String, arrivals: ArrivalPattern, counters: [CounterGroup], backOffice: [BackOfficePool],
    closing: ClosingPolicy, routing: Routing = .sharedQueue, priorityShare: Double = 0
  ) {
    self.id = id
    self.arrivals = arrivals
    self.counters = counters
    self.backOffice = backOffice
    self.closing = closing
    self.routing = routing
    self.priorityShare = priorityShare
  }

  /// A centre with one general counter group and one back-office pool.
  public init(id: String, arrivals: ArrivalPattern, counterStaff: Int, backOfficeStaff: Int, closing: ClosingPolicy) {
    self.init(
      id: id, arrivals: arrivals, counters: [CounterGroup(id: CounterGroup.defaultID, staffing: .fixed(counterStaff))],
      backOffice: backOfficeStaff > 0 ? [BackOfficePool(id: BackOfficePool.defaultID, staffing: .fixed(backOfficeStaff))] : [],
      closing: closing)
  }

  /// Counter staff over all groups (the most ever on duty).
  public var counterStaff: Int { counters.reduce(0) { $0 + $1.staffing.size } }

  /// Back-office staff over all pools (the most ever on duty).
  public var backOfficeStaff: Int { backOffice.reduce(0) { $0 + $1.staffing.size } }

  /// The centre's share of each procedure.
  public func shares(_ procedures: [Procedure]) -> [Double] {
    procedureShares ?? procedures.map(\.share)
  }
}

/// A group of identical counters (desks) and the clerks who staff them.
public struct CounterGroup: Sendable, Hashable {
  /// The name of the only group in a simple centre.
  public static let defaultID = "counter"

  /// Identifier (`general`, `certification`).
  public var id: String
  /// The clerks.
  public var staffing: Staffing
  /// Procedure groups served (`nil`: all).
  public var serves: [String]?
  /// Back-office pools whose queue these clerks work on when no citizen waits for them
  /// (shared staff, online intake).
  public var helps: [String]

  /// A counter group.
  public init(id: String, staffing: Staffing, serves: [String]? = nil, helps: [String] = []) {
    self.id = id
    self.staffing = staffing
    self.serves = serves
    self.helps = helps
  }

  /// Whether the group serves procedure group `group`.
  public func serves(group: String) -> Bool { serves?.contains(group) ?? true }
}

/// How citizens queue for counters.
public enum Routing: String, Sendable, Hashable {
  /// One ticket queue for the centre: a freed counter calls the longest-waiting citizen
  /// it is allowed to serve (priority citizens first).
  case sharedQueue = "shared_queue"
  /// A queue per counter group: an arriving citizen joins the eligible group with the
  /// fewest citizens waiting per member of staff (ties: the first listed).
  case queuePerCounter = "queue_per_counter"
}

/// A pool of back-office specialists with one queue of dossiers.
public struct BackOfficePool: Sendable, Hashable {
  /// The name of the only pool in a simple centre.
  public static let defaultID = "back-office"
  /// The pool in which online dossiers are checked when counter clerks do it.
  public static let onlineIntakeID = "online-intake"

  /// Identifier, referenced by procedure steps.
  public var id: String
  /// The specialists (none: the pool is worked only by counter clerks who help).
  public var staffing: Staffing
  /// The order in which waiting dossiers are taken.
  public var discipline: QueueDiscipline
  /// The pool's own working hours on the centre's open days (`nil`: the opening hours),
  /// e.g. a commune leader who signs only in the afternoon, or work until 19:00. Back-office
  /// work does not need the doors open: these hours may lie outside the opening hours.
  public var hours: [OpeningInterval]?

  /// A back-office pool.
  public init(id: String, staffing: Staffing, discipline: QueueDiscipline = .fifo, hours: [OpeningInterval]? = nil) {
    self.id = id
    self.staffing = staffing
    self.discipline = discipline
    self.hours = hours
  }
}

extension BackOfficePool {
  /// The hours a member of `crew` works on a day it works: the crew's own, else the
  /// pool's (`nil`: the centre's opening hours, lunch break included).
  public func hours(of crew: Crew) -> [OpeningInterval]? { crew.hours ?? hours }
}

extension Crew {
  /// Whether a back-office member of this crew works on `date`: never on a holiday;
  /// within the crew's dates; on its `weekdays` when given (a Saturday crew works even
  /// though the centre is closed), else on the days the centre is open.
  public func worksInBackOffice(on date: CivilDate, isOpenDay: Bool, isHoliday: Bool) -> Bool {
    !isHoliday && covers(date) && (weekdays != nil || isOpenDay)
  }
}

/// The order in which a back-office queue is worked.
public enum QueueDiscipline: String, Sendable, Hashable {
  /// First come, first served.
  case fifo
  /// Earliest due date first (ties: first come).
  case earliestDueDate = "earliest_due_date"
}

/// Walk-in demand: a non-homogeneous Poisson process.
///
/// On an open day the expected number of walk-ins is `dailyVolume × weekdayFactors[weekday]`
/// (a make-up day takes factor 1) times the walk-in share. It is spread over the day's
/// opening intervals in proportion to `hourlyWeights[hour of day]`: the rate at time t of
/// day d is
///
///     λ(t) = volume(d) · w(hour(t)) / Σ_open hours w(h)·(open minutes in h)
///
/// so the weights are relative and need not sum to anything in particular.
public struct ArrivalPattern: Sendable, Hashable {
  /// Expected dossiers on an open day with weekday factor 1, all channels together.
  public var dailyVolume: Double
  /// Relative arrival intensity for each hour of the day (24 values, default all 1).
  public var hourlyWeights: [Double]
  /// Multiplier of the daily volume for each weekday, Monday first (7 values, default 1).
  public var weekdayFactors: [Double]
  /// Multipliers of the volume over date ranges (a launch surge, the pre-Tết peak).
  public var surges: [Surge]

  /// A pattern with the given volume, flat over the day and the week unless given.
  public init(
    dailyVolume: Double,
    hourlyWeights: [Double] = Array(repeating: 1, count: 24),
    weekdayFactors: [Double] = Array(repeating: 1, count: 7),
    surges: [Surge] = []
  ) {
    precondition(hourlyWeights.count == 24 && weekdayFactors.count == 7, "24 hourly weights and 7 weekday factors")
    self.dailyVolume = dailyVolume
    self.hourlyWeights = hourlyWeights
    self.weekdayFactors = weekdayFactors
    self.surges = surges
  }

  /// The multiplier of `dailyVolume` on each weekday (Monday first) of `calendar`'s
  /// regular week under its ``ExtraDayDemand`` rule.
  ///
  /// When the week is standard (``WorkingCalendar/isStandardWeek``) or the rule is
  /// `added`, the weekday factors as written. Under `shifted` otherwise, the week's demand
  /// `dailyVolume × Σ f(w)` over the working weekdays w is spread over the open weekdays
  /// in proportion to `f(w) × Σ_h p(h) × minutes open in hour h` (p: the hourly profile),
  /// so that the week's total does not depend on which days are open. Closed weekdays get
  /// 0. Make-up days, holidays and surges are applied day by day on top of this.
  public func weekdayMultipliers(on calendar: WorkingCalendar) -> [Double] {
    if calendar.isStandardWeek || calendar.extraDayDemand == .added { return weekdayFactors }
    let mass = Weekday.allCases.map { day -> Double in
      weekdayFactors[day.rawValue] * calendar.openingHours[day.rawValue].reduce(0) { total, interval in
        var sum = total
        var minute = interval.start.minutes
        while minute < interval.end.minutes {
          let hourEnd = min((minute / 60 + 1) * 60, interval.end.minutes)
          sum += hourlyWeights[min(minute / 60, 23)] * Double(hourEnd - minute)
          minute = hourEnd
        }
        return sum
      }
    }
    let open = mass.reduce(0, +)
    let week = Weekday.allCases.filter { calendar.workingWeekdays.contains($0) }.reduce(0) { $0 + weekdayFactors[$1.rawValue] }
    guard open > 0 else { return weekdayFactors }
    return mass.map { week * $0 / open }
  }

  /// Expected dossiers (all channels) in a regular week of `calendar`, before holidays and
  /// surges, summed from the weekday `first` on.
  public func weeklyVolume(on calendar: WorkingCalendar, from first: Weekday = .monday) -> Double {
    let multipliers = weekdayMultipliers(on: calendar)
    var sum = 0.0
    for k in 0..<7 {
      let day = (first.rawValue + k) % 7
      if !calendar.openingHours[day].isEmpty { sum += multipliers[day] }
    }
    return dailyVolume * sum
  }

  /// The volume multiplier on `date` from the surges covering it (multiplied together).
  public func surgeFactor(on date: CivilDate) -> Double {
    surges.reduce(1) { $1.from <= date && date <= $1.to ? $0 * $1.factor : $0 }
  }
}

/// A multiplier of demand over a date range.
public struct Surge: Sendable, Hashable {
  /// First day.
  public var from: CivilDate
  /// Last day.
  public var to: CivilDate
  /// Multiplier (1.4: 40% more dossiers).
  public var factor: Double

  /// A surge of `factor` from `from` to `to`.
  public init(from: CivilDate, to: CivilDate, factor: Double) {
    self.from = from
    self.to = to
    self.factor = factor
  }
}

/// What counter staff do about citizens still waiting when the centre closes for the day.
public enum ClosingPolicy: Sendable, Hashable, CustomStringConvertible {
  /// Keep serving the citizens already waiting, starting new services up to
  /// `maxOvertime` minutes after closing (`nil`: until the queue is empty); anyone still
  /// waiting after that comes back at the next opening, at the head of the queue.
  case serveWaiting(maxOvertime: Double?)
  /// Stop starting services at closing; everyone waiting comes back at the next opening,
  /// at the head of the queue in the same order. Services under way are finished.
  case returnNextDay

  public var description: String {
    switch self {
    case .serveWaiting(let limit?): return "serve waiting citizens (up to \(limit) min overtime)"
    case .serveWaiting(nil): return "serve waiting citizens (no overtime limit)"
    case .returnNextDay: return "waiting citizens return the next opening"
    }
  }
}

/// How long citizens are prepared to wait at the counters.
public struct Patience: Sendable, Hashable {
  /// An arriving citizen who finds this many or more waiting leaves at once (balks).
  public var balkAt: Int?
  /// How long a citizen waits before giving up (reneging), minutes (`nil`: for ever).
  public var patience: Distribution?
  /// Probability that a citizen who leaves (balking, reneging, turned away by the ticket
  /// cap) comes back on the next open day.
  public var returnProbability: Double

  /// A patience model.
  public init(balkAt: Int? = nil, patience: Distribution? = nil, returnProbability: Double = 0) {
    self.balkAt = balkAt
    self.patience = patience
    self.returnProbability = returnProbability
  }
}

/// How the volume scales of a generated city (`centres.generate.volume_scale`) are drawn.
public struct VolumeDraw: Sendable, Hashable {
  /// When the scales are drawn.
  public enum Mode: String, Sendable, Hashable, CaseIterable {
    /// Once, from `seed`, when the scenario is loaded: every replication simulates the
    /// same city, and confidence intervals are conditional on it.
    case once
    /// Afresh in every replication: the intervals include the uncertainty of the
    /// centres' sizes.
    case perReplication = "per_replication"
  }

  /// When the scales are drawn.
  public var mode: Mode
  /// The distribution of a centre's scale.
  public var distribution: Distribution
  /// The seed of a draw made once (the scenario's, unless `generate.seed` pins the city).
  public var seed: UInt64
  /// The centres whose scales are drawn (indices into `Scenario.centres`), in draw order.
  public var centres: [Int]

  /// A draw of `distribution` for `centres`.
  public init(mode: Mode, distribution: Distribution, seed: UInt64, centres: [Int]) {
    self.mode = mode
    self.distribution = distribution
    self.seed = seed
    self.centres = centres
  }
}

/// The share of a centre's dossiers that come online over a date range: one lever for
/// what would otherwise be every procedure's `online_share` (Hà Nội went from 14% online
/// in its first fortnight to about 60% by September 2025).
///
/// Dossiers move between the walk-in and online channels; the service-point share of each
/// procedure is kept. The procedures' own online shares say how readily each goes online:
/// they are scaled by a common factor, each capped at what its service-point share leaves
/// (water-filling), until the centre's mix-weighted online share is `share`. When no
/// procedure has an online share, every procedure goes online alike.
public struct OnlineShare: Sendable, Hashable {
  /// First and last days (`nil`: from the start, to the end).
  public var from: CivilDate?
  public var to: CivilDate?
  /// The share of the centre's dossiers submitted online, 0 to 1.
  public var share: Double

  /// A share over a date range.
  public init(from: CivilDate? = nil, to: CivilDate? = nil, share: Double) {
    self.from = from
    self.to = to
    self.share = share
  }

  /// Whether the range covers `date`.
  public func covers(_ date: CivilDate) -> Bool {
    (from.map { date >= $0 } ?? true) && (to.map { date <= $0 } ?? true)
  }

  /// The largest online share a centre with `mix` can reach (each procedure up to what
  /// its service-point share leaves; procedures that never go online excluded).
  public static func reachable(_ procedures: [Procedure], mix: [Double]) -> Double {
    let propensities = self.propensities(procedures)
    return zip(procedures, mix).enumerated().reduce(0) { total, item in
      propensities[item.offset] > 0 ? total + item.element.1 * (1 - item.element.0.servicePointShare) : total
    }
  }

  /// Each procedure's online share at a centre with `mix` whose online share is `target`
  /// (water-filling, see the type); `nil` when `target` is beyond ``reachable(_:mix:)``.
  public static func procedureShares(_ procedures: [Procedure], mix: [Double], target: Double) -> [Double]? {
    guard target <= reachable(procedures, mix: mix) + 1e-12 else { return nil }
    let propensities = self.propensities(procedures)
    let caps = procedures.map { 1 - $0.servicePointShare }
    func shares(_ k: Double) -> [Double] { procedures.indices.map { min(caps[$0], k * propensities[$0]) } }
    func online(_ k: Double) -> Double { zip(shares(k), mix).reduce(0) { $0 + $1.0 * $1.1 } }
    guard target > 0 else { return Array(repeating: 0, count: procedures.count) }
    var low = 0.0, high = 1.0
    while online(high) < target && high < 1e12 { high *= 2 }
    for _ in 0..<200 {
      let middle = (low + high) / 2
      if online(middle) < target { low = middle } else { high = middle }
    }
    return shares(high)
  }

  /// How readily each procedure goes online: its own online share, or 1 for all when
  /// none has one.
  static func propensities(_ procedures: [Procedure]) -> [Double] {
    procedures.contains { $0.onlineShare > 0 } ? procedures.map(\.onlineShare) : Array(repeating: 1, count: procedures.count)
  }
}
