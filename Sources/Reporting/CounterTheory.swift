//===----------------------------------------------------------------------===//
// Queueing theory beside the simulation: Erlang C and A per hour of the day.
//===----------------------------------------------------------------------===//

import CentreModel
import Localization
import QueueingTheory

/// What closed-form queueing theory says about a centre's counters, hour by hour on a
/// standard working day: offered load, utilisation, Erlang C's probability of waiting
/// and mean wait (Erlang A's abandonment when citizens are impatient), and the
/// square-root staffing level — each hour treated as if it were a steady state.
///
/// The answer is exact only for a stationary M/M/c queue. `caveats` lists where this
/// centre departs from that, so a planner knows how far to trust it: time-varying demand
/// (the queue does not settle within an hour: Green, Kolesar and Whitt 2007), service
/// times that are not exponential (the Allen–Cunneen factor (1 + SCV)/2 is shown), a
/// queue carried over lunch or to the next morning, counters with skills, temporary
/// staff, and deadlines (theory says nothing about the back office's due dates).
public struct CounterTheory: Sendable {
  /// One hour of the day.
  public struct Hour: Sendable {
    public var hour: Int
    /// Walk-in arrivals per hour.
    public var arrivalsPerHour: Double
    /// Counter staff on duty.
    public var servers: Int
    /// Offered load a = λ·E[S], Erlangs.
    public var offeredLoad: Double
    /// ρ = a / c.
    public var utilisation: Double
    /// Erlang C: P(wait) and mean wait (minutes); +∞ when ρ ≥ 1.
    public var probabilityOfWaiting: Double
    public var meanWait: Double
    /// The same mean wait with the Allen–Cunneen correction for the service SCV.
    public var correctedWait: Double
    /// Erlang A's abandonment probability (impatient citizens only).
    public var abandonment: Double?
    /// Square-root staffing ⌈a + β√a⌉ for β = 0.5 and 1 (Halfin–Whitt).
    public var squareRootStaffing: (Int, Int)
  }

  public var centre: String
  /// The closed form used: Erlang C, or Erlang A when citizens are impatient (then P(wait)
  /// and the mean wait are Erlang A's, of every arrival, served or not).
  public var model: String
  /// Mean counter time (minutes) and its squared coefficient of variation.
  public var meanService: Double
  public var serviceSCV: Double
  public var hours: [Hour]
  /// Why the closed forms are only a guide here (see ``caveats(_:)`` for their text).
  public var caveats: [AnalysisPhrase]

  /// The analysis of each centre of `scenario` (the first `limit`).
  public static func analyse(_ scenario: Scenario, limit: Int = 12) -> [CounterTheory] {
    let table = scenario.calendarTable()
    guard let day = (0..<table.dayCount).first(where: { table.isWorkingDay($0) && table.openMinutes(ofDay: $0) > 0 }) else { return [] }
    let intervals = table.openIntervals(ofDay: day)
    let dayStart = Double(day) * 1440
    return scenario.centres.prefix(limit).map { centre in
      let shares = centre.shares(scenario.procedures)
      let walkIn = zip(scenario.procedures, shares).map { $1 * $0.walkInShare }
      let walkInTotal = walkIn.reduce(0, +)
      let meanService = walkInTotal > 0 ? zip(scenario.procedures, walkIn).reduce(0) { $0 + $1.1 * $1.0.counterTime.mean } / walkInTotal : 0
      let secondMoment = walkInTotal > 0 ? zip(scenario.procedures, walkIn).reduce(0) { $0 + $1.1 * $1.0.counterTime.secondMoment } / walkInTotal : 0
      let scv = meanService > 0 ? secondMoment / (meanService * meanService) - 1 : 0
      // Minutes open in each hour, and the day's normaliser, as the arrival generator uses.
      var minutes = Array(repeating: 0.0, count: 24)
      for interval in intervals {
        var t = interval.start.minutes
        while t < interval.end.minutes {
          let hour = Int((t - dayStart) / 60)
          let end = min(dayStart + Double(hour + 1) * 60, interval.end.minutes)
          minutes[min(hour, 23)] += end - t
          t = end
        }
      }
      let weights = centre.arrivals.hourlyWeights
      let normaliser = (0..<24).reduce(0.0) { $0 + weights[$1] * minutes[$1] }
      // A day with weekday factor 1, as the calendar's demand rule spreads the week.
      let weekday = table.date(ofDay: day).weekday.rawValue
      let factor = centre.arrivals.weekdayFactors[weekday]
      let rule = factor > 0 ? centre.arrivals.weekdayMultipliers(on: scenario.calendar)[weekday] / factor : 1
      let volume = centre.arrivals.dailyVolume * rule * walkInTotal
      let servers = centre.counters.reduce(0) { $0 + $1.staffing.crews.filter { $0.from == nil && $0.to == nil && $0.hours == nil }.reduce(0) { $0 + $1.count } }
      let patience = centre.patience?.patience?.mean
      let hours = (0..<24).filter { minutes[$0] > 0 }.map { hour -> Hour in
        let lambda = normaliser > 0 ? volume * weights[hour] / normaliser : 0  // per minute
        let erlang = ErlangC(servers: max(servers, 1), arrivalRate: lambda, meanServiceTime: meanService)
        let a = erlang.offeredLoad
        let square = (squareRootStaffing(offeredLoad: a, beta: 0.5), squareRootStaffing(offeredLoad: a, beta: 1))
        if let patience, lambda > 0 {
          // Impatient citizens: Erlang A, whose queue is stable at any load.
          let erlangA = ErlangA(servers: max(servers, 1), arrivalRate: lambda, meanServiceTime: meanService, meanPatience: patience)
          return Hour(
            hour: hour, arrivalsPerHour: lambda * 60, servers: servers, offeredLoad: a, utilisation: erlang.utilisation,
            probabilityOfWaiting: erlangA.probabilityOfWaiting, meanWait: erlangA.meanWait, correctedWait: .nan,
            abandonment: erlangA.probabilityOfAbandonment, squareRootStaffing: square)
        }
        return Hour(
          hour: hour, arrivalsPerHour: lambda * 60, servers: servers, offeredLoad: a, utilisation: erlang.utilisation,
          probabilityOfWaiting: erlang.probabilityOfWaiting, meanWait: erlang.meanWait,
          correctedWait: erlang.meanWait * (1 + scv) / 2, abandonment: nil, squareRootStaffing: square)
      }
      var caveats: [AnalysisPhrase] = []
      if Set(hours.map(\.arrivalsPerHour)).count > 1 {
        caveats.append(.caveatTimeVarying)
      }
      if abs(scv - 1) > 0.1 {
        caveats.append(.caveatNotExponential(scv: scv))
      }
      if intervals.count > 1 { caveats.append(.caveatBreak) }
      if case .returnNextDay = centre.closing { caveats.append(.caveatReturnNextDay) }
      if centre.counters.count > 1 { caveats.append(.caveatSkills) }
      if centre.counters.contains(where: { $0.staffing.crews.contains { $0.from != nil || $0.to != nil || $0.hours != nil || $0.absence > 0 || $0.speed != 1 } }) {
        caveats.append(.caveatIrregularStaff)
      }
      if let patience = centre.patience {
        if patience.patience.map({ if case .exponential = $0 { return false } else { return true } }) ?? false {
          caveats.append(.caveatPatienceShape)
        }
        if patience.balkAt != nil { caveats.append(.caveatBalking) }
        if patience.patience == nil { caveats.append(.caveatBalkingOnly) }
      }
      if scenario.procedures.contains(where: { !$0.steps.isEmpty }) {
        caveats.append(.caveatBackOffice)
      }
      return CounterTheory(centre: centre.id, model: patience == nil ? "Erlang C" : "Erlang A", meanService: meanService,
                           serviceSCV: scv, hours: hours, caveats: caveats)
    }
  }

  /// Per hour of the day, the smallest staff whose Erlang C probability of waiting is at
  /// most `alpha` (at least 1 in an open hour, 0 in a closed one): each hour staffed as if
  /// it were a steady state of its own.
  public func erlangCStaffing(alpha: Double) -> [Int] {
    var staff = [Int](repeating: 0, count: 24)
    for h in hours {
      var c = 1
      func meets(_ c: Int) -> Bool {
        guard h.arrivalsPerHour > 0 else { return true }
        let erlang = ErlangC(servers: c, arrivalRate: h.arrivalsPerHour / 60, meanServiceTime: meanService)
        return erlang.isStable && erlang.probabilityOfWaiting <= alpha
      }
      while !meets(c) { c += 1 }
      staff[h.hour] = c
    }
    return staff
  }

  /// Why the closed forms are only a guide here, in `language`.
  public func caveats(_ language: Language = .en) -> [String] { caveats.map { language.analysis($0) } }

  /// A plain-text table, in `language`.
  public func rendered(language t: Language = .en) -> String {
    var out = t.analysis(.theoryTextHeading(centre: centre, meanService: meanService, scv: serviceSCV, model: model)) + "\n"
    let rows = hours.map { h -> [String] in
      [
        String(format2(h.hour)) + ":00", t.figure(h.arrivalsPerHour, 1), String(h.servers), t.figure(h.offeredLoad, 2),
        h.utilisation.isFinite ? "\(Int((h.utilisation * 100).rounded()))%" : "–",
        h.utilisation < 1 || h.abandonment != nil ? t.figure(h.probabilityOfWaiting, 2) : "1",
        h.meanWait.isFinite ? t.figure(h.meanWait, 1) : "∞", h.correctedWait.isNaN ? "–" : h.correctedWait.isFinite ? t.figure(h.correctedWait, 1) : "∞",
        h.abandonment.map { t.figure($0, 3) } ?? "", "\(h.squareRootStaffing.0)–\(h.squareRootStaffing.1)",
      ]
    }
    out += textTable(header: [t.analysis(.clockHourColumn), t.analysis(.hourlyArrivalsColumn), t.analysis(.serversColumn), t.analysis(.offeredLoadColumn), "ρ",
                              t.analysis(.delayProbabilityColumn), t.analysis(.meanWaitColumn), t.analysis(.scvCorrectedWaitColumn),
                              t.analysis(.abandonmentColumn), t.analysis(.squareRootStaffColumn)],
                     rows: rows, rightAligned: Set(1...9))
    let overloaded = hours.filter { $0.utilisation >= 1 && $0.abandonment == nil }.map { "\(format2($0.hour)):00" }
    if !overloaded.isEmpty { out += t.analysis(.overloadedHours(overloaded)) + "\n" }
    for caveat in caveats(t) { out += t.analysis(.notePrefix) + caveat + "\n" }
    return out
  }
}

func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
