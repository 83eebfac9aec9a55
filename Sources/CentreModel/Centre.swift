//===----------------------------------------------------------------------===//
// A Public Administrative Service Centre: its demand and its staff.
//===----------------------------------------------------------------------===//

/// One commune or ward centre: the walk-in demand it faces and the staff it has.
public struct Centre: Sendable, Hashable {
  /// Identifier used in outputs.
  public var id: String
  /// Walk-in arrivals.
  public var arrivals: ArrivalPattern
  /// Counter staff on duty while the centre is open.
  public var counterStaff: Int
  /// Back-office specialists working while the centre is open.
  public var backOfficeStaff: Int
  /// What happens to citizens still waiting at closing time.
  public var closing: ClosingPolicy
  /// This centre's own procedure mix, in catalogue order (`nil`: the catalogue's shares).
  public var procedureShares: [Double]?

  /// A centre with the given demand and staff.
  public init(id: String, arrivals: ArrivalPattern, counterStaff: Int, backOfficeStaff: Int, closing: ClosingPolicy) {
    self.id = id
    self.arrivals = arrivals
    self.counterStaff = counterStaff
    self.backOfficeStaff = backOfficeStaff
    self.closing = closing
  }
}

/// Walk-in demand: a non-homogeneous Poisson process.
///
/// On an open day the expected number of arrivals is `dailyVolume × weekdayFactors[weekday]`
/// (a make-up day takes factor 1). It is spread over the day's opening intervals in
/// proportion to `hourlyWeights[hour of day]`: the arrival rate at time t of day d is
///
///     λ(t) = dailyVolume · f(d) · w(hour(t)) / Σ_open hours w(h)·(open minutes in h)
///
/// so the weights are relative and need not sum to anything in particular.
public struct ArrivalPattern: Sendable, Hashable {
  /// Expected arrivals on an open day with weekday factor 1.
  public var dailyVolume: Double
  /// Relative arrival intensity for each hour of the day (24 values, default all 1).
  public var hourlyWeights: [Double]
  /// Multiplier of the daily volume for each weekday, Monday first (7 values, default 1).
  public var weekdayFactors: [Double]

  /// A pattern with the given volume, flat over the day and the week unless given.
  public init(
    dailyVolume: Double,
    hourlyWeights: [Double] = Array(repeating: 1, count: 24),
    weekdayFactors: [Double] = Array(repeating: 1, count: 7)
  ) {
    precondition(hourlyWeights.count == 24 && weekdayFactors.count == 7, "24 hourly weights and 7 weekday factors")
    self.dailyVolume = dailyVolume
    self.hourlyWeights = hourlyWeights
    self.weekdayFactors = weekdayFactors
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
