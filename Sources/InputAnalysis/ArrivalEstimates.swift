//===----------------------------------------------------------------------===//
// Demand from a dossier log: volume, weekday factors, hour of day, procedure mix.
//===----------------------------------------------------------------------===//

import CentreModel
import Fitting
import SimEngine

/// One centre's demand estimated from its arrivals, in the terms of `ArrivalPattern`.
///
/// The model (README, *The model*): on a regular open day of weekday w, walk-ins and
/// service-point visits (the non-online arrivals) are Poisson with mean
/// V · m(w) · (1 − o), where V is `daily_volume`, m the weekday multiplier (the factor
/// itself in a week that opens exactly on the working weekdays), o the online share;
/// online submissions arrive round the clock at V · Σ m / 7 · o a day, every day. So:
///
/// - a week's arrivals are W = Σ_w a(w) + 7 r, with a(w) the mean non-online arrivals
///   per regular open w-day (not a holiday or make-up day; the days of every
///   replication count as days observed) and r the mean online arrivals per calendar
///   day; `daily_volume` is W / Σ_open m(w), which in a standard week is W / Σ f(w)
///   over the working weekdays (the week's arrivals over the sum of the weekday factors);
/// - the weekday factors are the a(w) in proportion (divided by each day's opening
///   hours weighted by the hourly profile, when the demand of a non-standard week is
///   `shifted`), normalised so that the working weekdays average 1;
/// - the hourly profile is each hour's walk-in rate per open minute over the regular
///   open days, relative to the mean rate (so an hour as busy as the average has weight
///   1);
/// - the procedure mix is each procedure's share of W (weekly rates rather than counts,
///   so holidays, which lose walk-ins but not online dossiers, do not tilt it).
///
/// Standard errors: of a(w) and r from the day-to-day variance of the counts
/// (s/√days, which does not assume the counts Poisson), carried to V and to the factors
/// by the delta method; of the hourly weights Poisson (w/√count); of shares binomial.
public struct CentreDemand: Sendable {
  /// The centre.
  public var source: FittedCentreSource
  /// Dossiers of the centre used (all channels).
  public var dossiers: Int
  /// `daily_volume`.
  public var dailyVolume: FittedValue
  /// The week's arrivals, all channels.
  public var weeklyArrivals: FittedValue
  /// Weekday factors, Monday first; `nil` for weekdays closed in the base's regular week
  /// or without a day observed.
  public var weekdayFactors: [FittedValue?]
  /// Regular open days observed per weekday (over all replications).
  public var daysObserved: [Int]
  /// Hourly weights, 0 to 23; `nil` for hours never open (or when too few walk-ins
  /// have a time of day: see ``hourlyProfileKept``).
  public var hourlyWeights: [FittedValue?]
  /// Walk-ins with a time of day on regular open days.
  public var walkInsTimed: Int
  /// Why the base's hourly profile is kept, if it is.
  public var hourlyProfileKept: String?
  /// Why the base's weekday factors are kept, if they are.
  public var weekdayFactorsKept: String?
  /// The centre's mix, in catalogue order.
  public var procedureShares: [FittedValue]
  /// Weekly arrivals by procedure and channel (`[procedure][channel]`), for the pooled
  /// catalogue estimates.
  var weeklyByProcedure: [[Double]]
  /// Dossiers by procedure.
  var countByProcedure: [Int]
  /// Walk-ins on days the base calendar has closed (or holidays, make-up days), and at
  /// times outside its opening hours: not in the weekday factors or the hourly profile.
  public var walkInsOnOtherDays: Int
  public var walkInsOutsideHours: Int
  /// Walk-in arrivals by weekday and hour (over all replications), for the heat map.
  public var arrivalsByWeekdayHour: [[Int]]
  /// The Poisson check of the walk-in counts.
  public var poisson: PoissonCheck
}

extension CentreDemand {
  /// Whether day `d` of the table is a regular open day: open, not a holiday, not a
  /// make-up day.
  static func isRegularOpen(_ table: CalendarTable, _ d: Int) -> Bool {
    table.openMinutes(ofDay: d) > 0 && !table.isHoliday(d) && !table.isMakeUpDay(d)
  }

  /// Estimates the demand of centre `c` of `log` on `base`'s calendar.
  static func estimate(_ log: PreparedLog, centre c: Int, base: Scenario, significance: Double) -> CentreDemand {
    let table = log.table
    let days = log.periodDays
    let reps = max(1, log.replications.count)
    let procedures = base.procedures.count
    let template = base.centres[log.templates[c]]
    var nonOnline = [Int](repeating: 0, count: reps * days)
    var online = [Int](repeating: 0, count: reps * days)
    var hourly = [Int](repeating: 0, count: reps * days * 24)
    var byWeekday = [[Double]](repeating: [Double](repeating: 0, count: 7 * 3), count: procedures)
    var onlineByProcedure = [Double](repeating: 0, count: procedures)
    var countByProcedure = [Int](repeating: 0, count: procedures)
    var dossiers = 0
    var otherDays = 0
    var outside = 0
    var timed = 0
    var heat = [[Int]](repeating: [Int](repeating: 0, count: 24), count: 7)
    let regular = (0..<days).map { isRegularOpen(table, $0) }
    let weekdays = (0..<days).map { table.date(ofDay: $0).weekday.rawValue }
    for o in log.observations where o.centre == c && o.uses(.arrivals) {
      let d = Int((o.arrived / 1440).rounded(.down))
      guard d >= 0 && d < days else { continue }
      dossiers += 1
      countByProcedure[o.procedure] += 1
      let slot = o.replication * days + d
      if o.channel == .online {
        online[slot] += 1
        onlineByProcedure[o.procedure] += 1
        continue
      }
      guard regular[d] else {
        if o.channel == .walkIn { otherDays += 1 }
        continue
      }
      nonOnline[slot] += 1
      byWeekday[o.procedure][weekdays[d] * 3 + o.channel.rawValue] += 1
      guard o.channel == .walkIn, o.uses(.hourlyProfile) else { continue }
      // Times are written to the second: one at a closing time belongs to the hour before.
      var time = o.arrived
      if !table.isOpen(at: SimTime(minutes: time)) && table.isOpen(at: SimTime(minutes: time - 1.0 / 60)) { time -= 1.0 / 60 }
      guard table.isOpen(at: SimTime(minutes: time)) else {
        outside += 1
        continue
      }
      let hour = min(23, Int((time - Double(d) * 1440) / 60))
      hourly[slot * 24 + hour] += 1
      heat[weekdays[d]][hour] += 1
      timed += 1
    }

    // Days observed and the mean (and variance) of the counts per weekday.
    var daysObserved = [Int](repeating: 0, count: 7)
    var sums = [Double](repeating: 0, count: 7)
    var squares = [Double](repeating: 0, count: 7)
    for d in 0..<days where regular[d] {
      daysObserved[weekdays[d]] += reps
      for r in 0..<reps {
        let x = Double(nonOnline[r * days + d])
        sums[weekdays[d]] += x
        squares[weekdays[d]] += x * x
      }
    }
    var means = [Double](repeating: 0, count: 7)
    var meanVariances = [Double](repeating: 0, count: 7)
    for w in 0..<7 where daysObserved[w] > 0 {
      let n = Double(daysObserved[w])
      means[w] = sums[w] / n
      let variance = n > 1 ? max(0, (squares[w] - n * means[w] * means[w]) / (n - 1)) : means[w]
      meanVariances[w] = variance / n
    }
    let calendarDays = Double(days * reps)
    let onlineTotal = Double(online.reduce(0, +))
    let onlineRate = onlineTotal / calendarDays
    let onlineSquares = online.reduce(0.0) { $0 + Double($1) * Double($1) }
    let onlineVariance = calendarDays > 1 ? max(0, (onlineSquares - calendarDays * onlineRate * onlineRate) / (calendarDays - 1)) : onlineRate
    let weekly = means.reduce(0, +) + 7 * onlineRate
    let weeklySE = (meanVariances.reduce(0, +) + 49 * onlineVariance / calendarDays).squareRoot()

    // The hourly profile: walk-ins per open minute of each hour, relative to the mean.
    var exposure = [Double](repeating: 0, count: 24)
    var hourCounts = [Int](repeating: 0, count: 24)
    for d in 0..<days where regular[d] {
      table.forEachOpenInterval(ofDay: d) { start, end in
        var t = start
        while t < end {
          let hour = Int((t - Double(d) * 1440) / 60)
          let hourEnd = min(Double(d) * 1440 + Double(hour + 1) * 60, end)
          exposure[min(hour, 23)] += (hourEnd - t) * Double(reps)
          t = hourEnd
        }
      }
      for r in 0..<reps {
        for h in 0..<24 { hourCounts[h] += hourly[(r * days + d) * 24 + h] }
      }
    }
    var hourlyWeights = [FittedValue?](repeating: nil, count: 24)
    var hourlyKept: String?
    let totalExposure = exposure.reduce(0, +)
    if timed >= SampleAdequacy.minimumToRank, totalExposure > 0 {
      let meanRate = Double(timed) / totalExposure
      for h in 0..<24 where exposure[h] > 0 {
        let weight = Double(hourCounts[h]) / exposure[h] / meanRate
        hourlyWeights[h] = FittedValue(weight, standardError: hourCounts[h] > 0 ? weight / Double(hourCounts[h]).squareRoot() : .nan)
      }
    } else {
      hourlyKept = "\(timed) walk-ins with a time of day on regular open days, fewer than \(SampleAdequacy.minimumToRank): the base's hourly profile is kept"
    }
    var pattern = template.arrivals
    pattern.dailyVolume = 1
    pattern.surges = []
    for h in 0..<24 { if let w = hourlyWeights[h] { pattern.hourlyWeights[h] = w.value } }

    // Weekday factors from the non-online means, per open minute weighted by the
    // profile when a non-standard week's demand is shifted.
    let calendar = base.calendar
    let shifted = !calendar.isStandardWeek && calendar.extraDayDemand == .shifted
    var unitPattern = pattern
    unitPattern.weekdayFactors = Array(repeating: 1, count: 7)
    let openMass = unitPattern.weekdayMultipliers(on: calendar)
    let open = (0..<7).filter { !calendar.openingHours[$0].isEmpty }
    let working = open.filter { calendar.workingWeekdays.contains(Weekday(rawValue: $0)!) && daysObserved[$0] > 0 }
    let scale = (0..<7).map { w in shifted && openMass[w] > 0 ? 1 / openMass[w] : 1.0 }
    let g = (0..<7).map { means[$0] * scale[$0] }
    let gMean = working.isEmpty ? 0 : working.reduce(0.0) { $0 + g[$1] } / Double(working.count)
    var factors = [FittedValue?](repeating: nil, count: 7)
    var factorsKept: String?
    if gMean > 0 {
      let k = Double(working.count)
      for w in open where daysObserved[w] > 0 {
        let f = g[w] / gMean
        var variance = 0.0
        for j in open where daysObserved[j] > 0 {
          var derivative = (j == w ? 1 / gMean : 0)
          if working.contains(j) { derivative -= g[w] / (k * gMean * gMean) }
          derivative *= scale[j]
          variance += derivative * derivative * meanVariances[j]
        }
        factors[w] = FittedValue(f, standardError: variance.squareRoot())
      }
      for w in open where factors[w] != nil { pattern.weekdayFactors[w] = factors[w]!.value }
    } else {
      factorsKept = "no walk-in or service-point dossier on the regular open days: the base's weekday factors are kept"
    }
    let unobserved = open.filter { daysObserved[$0] == 0 }
    if factorsKept == nil && !unobserved.isEmpty {
      factorsKept = "no \(unobserved.map { Weekday(rawValue: $0)!.name }.joined(separator: ", ")) observed: the base's factor kept for it"
    }
    let perVolume = pattern.weeklyVolume(on: calendar)
    let dailyVolume = FittedValue(perVolume > 0 ? weekly / perVolume : 0, standardError: perVolume > 0 ? weeklySE / perVolume : .nan)

    // The mix: weekly arrivals by procedure and channel.
    var weeklyByProcedure = [[Double]](repeating: [0, 0, 0], count: procedures)
    for p in 0..<procedures {
      for w in 0..<7 where daysObserved[w] > 0 {
        weeklyByProcedure[p][Channel.walkIn.rawValue] += byWeekday[p][w * 3 + Channel.walkIn.rawValue] / Double(daysObserved[w])
        weeklyByProcedure[p][Channel.servicePoint.rawValue] += byWeekday[p][w * 3 + Channel.servicePoint.rawValue] / Double(daysObserved[w])
      }
      weeklyByProcedure[p][Channel.online.rawValue] = 7 * onlineByProcedure[p] / calendarDays
    }
    let shares = (0..<procedures).map { p in
      FittedValue.share(weekly > 0 ? weeklyByProcedure[p].reduce(0, +) / weekly : 0, of: dossiers)
    }
    let poisson = PoissonCheck.test(counts: hourly, days: days, replications: reps, regular: regular, weekdays: weekdays,
                                    table: table, significance: significance)
    return CentreDemand(
      source: log.centres[c], dossiers: dossiers, dailyVolume: dailyVolume,
      weeklyArrivals: FittedValue(weekly, standardError: weeklySE), weekdayFactors: factors, daysObserved: daysObserved,
      hourlyWeights: hourlyWeights, walkInsTimed: timed, hourlyProfileKept: hourlyKept, weekdayFactorsKept: factorsKept,
      procedureShares: shares, weeklyByProcedure: weeklyByProcedure, countByProcedure: countByProcedure,
      walkInsOnOtherDays: otherDays, walkInsOutsideHours: outside, arrivalsByWeekdayHour: heat, poisson: poisson)
  }

  /// The centre's arrival pattern with the estimates in place of the base's (surges
  /// dropped: the fitted volume is the log's).
  func pattern(base: ArrivalPattern) -> ArrivalPattern {
    var pattern = base
    pattern.surges = []
    pattern.dailyVolume = dailyVolume.value
    for h in 0..<24 { if let w = hourlyWeights[h] { pattern.hourlyWeights[h] = w.value } }
    for w in 0..<7 { if let f = weekdayFactors[w] { pattern.weekdayFactors[w] = f.value } }
    return pattern
  }
}

