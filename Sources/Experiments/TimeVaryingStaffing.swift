//===----------------------------------------------------------------------===//
// Staff per hour of the day: the iterative staffing algorithm of Feldman, Mandelbaum,
// Massey and Whitt (2008).
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation

/// Counter staff for each hour of the day (0 in hours the centre is closed).
public struct HourlyStaffing: Sendable, Equatable {
  /// Staff on duty in hour h, for h in 0..<24.
  public var staff: [Int]

  public init(_ staff: [Int]) {
    precondition(staff.count == 24)
    self.staff = staff
  }

  /// Staff-hours over a day.
  public var staffHours: Int { staff.reduce(0, +) }

  /// `scenario` with its only counter group staffed by the hour: member k is on duty in
  /// the hours that need at least k staff. A member on duty in the day's last open hour
  /// stays to the end of the day, so that overtime at closing is served.
  public func applied(to scenario: Scenario, openHours: Set<Int>) -> Scenario {
    var scenario = scenario
    let lastOpen = openHours.max() ?? 23
    let crews = (0..<(staff.max() ?? 0)).map { k -> Crew in
      var intervals: [OpeningInterval] = []
      var start: Int?
      for hour in 0...24 {
        let needed = hour < 24 && staff[hour] > k
        if needed, start == nil { start = hour }
        if !needed, let first = start {
          let end = hour - 1 == lastOpen ? 24 * 60 : hour * 60
          intervals.append(OpeningInterval(ClockTime(minutes: first * 60), ClockTime(minutes: end)))
          start = nil
        }
      }
      return Crew(count: 1, hours: intervals, note: "by-hour staffing, member \(k + 1)")
    }
    scenario.centres[0].counters[0].staffing = Staffing(crews)
    return scenario
  }
}

/// Why a scenario cannot be staffed by the hour.
public enum TimeVaryingStaffingError: Error, Equatable, CustomStringConvertible {
  case notOneCounterGroup(centres: Int, groups: Int)
  case neverOpen
  case loadBeyondRecord(hour: Int)

  public var description: String {
    switch self {
    case .notOneCounterGroup(let centres, let groups):
      return "staffing by the hour needs one centre with one counter group; this scenario has \(centres) centre\(centres == 1 ? "" : "s")"
        + " and \(groups) counter group\(groups == 1 ? "" : "s") in the first (write a scenario of the one centre to staff, with one counter group)"
    case .neverOpen:
      return "the centre never opens within the horizon"
    case .loadBeyondRecord(let hour):
      return "more than \(HourlyLoad.cap) citizens at the counters at \(hour):00: the demand is far beyond any staffing"
    }
  }
}

/// The distribution of the counters' load in each hour of the day, from the samples of a
/// run: citizens waiting plus clerks busy (serving, or helping the back office — either
/// way a citizen arriving then cannot have them).
public struct HourlyLoad: Sendable {
  /// The largest number told apart; more are counted as this many.
  public static let cap = 256
  /// Per hour h and number n: samples, at `h * (cap + 1) + n`.
  public var counts: [Int]

  public init(counts: [Int]) {
    precondition(counts.count == 24 * (Self.cap + 1))
    self.counts = counts
  }

  /// The smallest staff s ≥ 1 with P(load ≥ s) ≤ `alpha` in `hour` (nil with no samples).
  /// - Throws: when the answer lies beyond ``cap``.
  public func staffNeeded(hour: Int, alpha: Double) throws(TimeVaryingStaffingError) -> Int? {
    let row = counts[(hour * (Self.cap + 1))..<((hour + 1) * (Self.cap + 1))]
    let total = row.reduce(0, +)
    guard total > 0 else { return nil }
    var atLeast = total  // samples with load ≥ s, for s = 0
    for s in 0...Self.cap {
      if s >= 1 && Double(atLeast) <= alpha * Double(total) { return s }
      atLeast -= row[row.startIndex + s]
    }
    throw .loadBeyondRecord(hour: hour)
  }
}

/// The simulation-based iterative staffing algorithm (ISA) of Feldman, Mandelbaum, Massey
/// and Whitt, "Staffing of time-varying queues to achieve time-stable performance",
/// Management Science 54(2), 2008.
///
/// Start with more staff than could ever be busy, so that the number of citizens at the
/// counters, L(t), follows the offered load. Then repeat: simulate with staffing s_k(t);
/// set s_{k+1}(t) to the smallest s with P(L_k(t) ≥ s) ≤ α, where L_k(t) is the load on
/// the counters under s_k (see ``HourlyLoad``); stop when the staffing no longer changes. With Poisson arrivals
/// P(L(t) ≥ s(t)) is the probability that a citizen arriving at t has to wait, so the
/// answer keeps that probability at or below α in every hour — including the hours after
/// a peak, when a queue built up at the peak is still there, which a per-hour Erlang C
/// answer ignores. Here t is the hour of the day and the distribution is pooled over the
/// open days and replications (common random numbers across iterations).
public enum TimeVaryingStaffing {
  /// One iteration: the staffing simulated and what it gave.
  public struct Iteration: Sendable {
    public var staffing: HourlyStaffing
    /// Per hour of the day, over the replications.
    public var hours: [Estimates<HourMeasure>]
  }

  /// The outcome of the algorithm.
  public struct Result: Sendable {
    /// The delay-probability target α.
    public var alpha: Double
    /// The hours the centre is open on some day of the horizon.
    public var openHours: [Int]
    /// Every staffing simulated, the first being the generous start.
    public var iterations: [Iteration]
    /// Whether the staffing stopped changing (else `maxIterations` was reached).
    public var converged: Bool
    /// Whether it settled into a cycle (an hour at the edge of α flipping between two
    /// values), in which case the answer is the larger staff of each hour in the cycle.
    public var oscillated: Bool
    /// The answer: the last staffing.
    public var staffing: HourlyStaffing { iterations[iterations.count - 1].staffing }
  }

  /// The hours of the day in which the only centre of `scenario` is open on some day.
  public static func openHours(_ scenario: Scenario) -> Set<Int> {
    let table = scenario.calendarTable()
    var hours = Set<Int>()
    for day in 0..<scenario.horizon.days {
      let midnight = Double(day) * 1440
      for interval in table.openIntervals(ofDay: day) {
        let first = Int((interval.start.minutes - midnight) / 60)
        let last = Int(((interval.end.minutes - midnight) / 60).rounded(.up)) - 1
        if first <= last { hours.formUnion(max(0, first)...min(23, last)) }
      }
    }
    return hours
  }

  /// Checks that `scenario` can be staffed by the hour: one centre, one counter group.
  public static func check(_ scenario: Scenario) throws(TimeVaryingStaffingError) {
    guard scenario.centres.count == 1, scenario.centres[0].counters.count == 1 else {
      throw .notOneCounterGroup(centres: scenario.centres.count, groups: scenario.centres.first?.counters.count ?? 0)
    }
    guard !openHours(scenario).isEmpty else { throw .neverOpen }
  }

  /// Runs the algorithm on `scenario`'s counters for a delay probability of at most
  /// `alpha` in every hour.
  public static func iterate(
    _ scenario: Scenario, alpha: Double, maxIterations: Int = 12, jobs: Int = Experiment.defaultJobs,
    progress: ((String) -> Void)? = nil
  ) throws(TimeVaryingStaffingError) -> Result {
    try check(scenario)
    let open = openHours(scenario)
    // Generous enough that hardly anyone waits: the load is then the offered load.
    let current = scenario.centres[0].counters[0].staffing.crews.reduce(0) { $0 + $1.count }
    let generous = min(HourlyLoad.cap, max(4 * current + 20, 40))
    var staffing = HourlyStaffing((0..<24).map { open.contains($0) ? generous : 0 })
    var iterations: [Iteration] = []
    var converged = false, oscillated = false
    while iterations.count < maxIterations {
      let (hours, load) = simulate(scenario, staffing, openHours: open, jobs: jobs)
      iterations.append(Iteration(staffing: staffing, hours: hours))
      var next = [Int](repeating: 0, count: 24)
      for hour in open.sorted() { next[hour] = try load.staffNeeded(hour: hour, alpha: alpha) ?? staffing.staff[hour] }
      progress?("iteration \(iterations.count): \(staffing.staffHours) staff-hours a day → \(next.reduce(0, +))")
      if next == staffing.staff {
        converged = true
        break
      }
      if let seen = iterations.firstIndex(where: { $0.staffing.staff == next }) {
        // A cycle: take the larger staff of each hour over it.
        let cycle = iterations[seen...].map(\.staffing.staff)
        staffing = HourlyStaffing((0..<24).map { h in cycle.map { $0[h] }.max()! })
        converged = true
        oscillated = true
        break
      }
      staffing = HourlyStaffing(next)
    }
    if iterations.last?.staffing != staffing {
      // The last staffing computed has not been simulated yet: do it, for its figures.
      let (hours, _) = simulate(scenario, staffing, openHours: open, jobs: jobs)
      iterations.append(Iteration(staffing: staffing, hours: hours))
    }
    return Result(alpha: alpha, openHours: open.sorted(), iterations: iterations, converged: converged, oscillated: oscillated)
  }

  /// The hourly figures of `scenario` with `staffing` (and the load distribution).
  public static func simulate(
    _ scenario: Scenario, _ staffing: HourlyStaffing, openHours: Set<Int>, jobs: Int = Experiment.defaultJobs
  ) -> (hours: [Estimates<HourMeasure>], load: HourlyLoad) {
    var plan = ModelPlan(staffing.applied(to: scenario, openHours: openHours))
    plan.recordsLoadByHour = true
    let result = Experiment.run(plan, jobs: jobs)
    let counts = result.counterLoadByHour.isEmpty ? [Int](repeating: 0, count: 24 * (HourlyLoad.cap + 1)) : result.counterLoadByHour
    return (result.hours, HourlyLoad(counts: counts))
  }
}
