//===----------------------------------------------------------------------===//
// Arrivals: non-homogeneous Poisson processes, by thinning.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine
import SimRandom

/// Generates the arrival times of one channel of one centre.
///
/// Walk-ins and service-point visits follow the ``ArrivalPattern`` (with the weekday
/// multipliers of the calendar's demand rule, ``ArrivalPattern/weekdayMultipliers(on:)``):
/// the rate λ(t) is piecewise constant, changes at opening times and on the hour, and is
/// zero while the centre is closed. Online submissions arrive round the clock, every day,
/// at a constant rate per day (the week's demand spread evenly over its seven days);
/// surges multiply both.
///
/// Arrivals are drawn day by day with Lewis and Shedler's thinning: candidates from a
/// homogeneous Poisson process at the day's peak rate λ*, each kept with probability
/// λ(t)/λ*. When a candidate overshoots the day's last interval, the process restarts at
/// the next day with arrivals, which is exact because the candidate process is memoryless.
/// A candidate is kept without a draw when λ(t) = λ*, so a constant rate costs one
/// exponential per arrival.
public struct ArrivalGenerator {
  private let pattern: ArrivalPattern
  private let share: Double
  /// Per day of the horizon, the share in place of `share` (a centre's online share
  /// changing over time), or `nil`.
  private let dailyShares: [Double]?
  private let lastDay: Int
  /// Round the clock: expected arrivals per day before surges (nil: follow opening hours).
  private let roundTheClockVolume: Double?
  private var day = -1
  private var now = 0.0
  /// The current day's constant-rate segments: [start, end) and rate per minute.
  private var starts: [Double] = []
  private var ends: [Double] = []
  private var rates: [Double] = []
  private var cursor = 0
  private var peakRate = 0.0
  private var meanGap = 0.0

  /// Arrivals following `pattern` over the opening hours of days 0..<`days`, for a
  /// `share` of its daily volume.
  public init(pattern: ArrivalPattern, share: Double = 1, days: Int, dailyShares: [Double]? = nil) {
    self.pattern = pattern
    self.share = share
    self.dailyShares = dailyShares
    self.lastDay = days - 1
    self.roundTheClockVolume = nil
  }

  /// Arrivals round the clock for a `share` of `pattern`'s volume, `weeklyVolume`
  /// dossiers (all channels) a week spread evenly over its seven days.
  public init(roundTheClock pattern: ArrivalPattern, share: Double, weeklyVolume: Double, days: Int,
              dailyShares: [Double]? = nil) {
    self.pattern = pattern
    self.share = share
    self.dailyShares = dailyShares
    self.lastDay = days - 1
    self.roundTheClockVolume = weeklyVolume / 7
  }

  /// The next arrival time (minutes since the start of day 0), or `nil` when there is
  /// none before the end of the last day.
  public mutating func next<Source: RandomSource>(_ stream: Source, calendar: CalendarTable) -> Double? {
    while true {
      if let time = nextToday(stream) { return time }
      guard advanceDay(calendar) else { return nil }
    }
  }

  /// The next arrival time of the current day, or `nil` when the day has no more: then
  /// ``advanceDay(_:)`` moves to the next day with arrivals (``next(_:calendar:)`` is the
  /// two together).
  ///
  /// Inlined into the run's arrival handler, which asks the calendar only where a day
  /// begins: a call with the calendar as argument copies it, at every arrival.
  @inline(__always)
  mutating func nextToday<Source: RandomSource>(_ stream: Source) -> Double? {
    while true {
      guard let dayEnd = ends.last, now < dayEnd else { return nil }
      now += stream.exponential(mean: meanGap)
      if now >= dayEnd {
        now = dayEnd
        continue
      }
      while ends[cursor] <= now { cursor += 1 }
      guard now >= starts[cursor] else { continue }
      let rate = rates[cursor]
      if rate >= peakRate || stream.uniform() * peakRate < rate { return now }
    }
  }

  /// Moves to the next day with any arrivals; `false` past the last day.
  mutating func advanceDay(_ calendar: CalendarTable) -> Bool {
    while day < lastDay {
      day += 1
      buildSegments(calendar)
      if peakRate > 0, let first = starts.first {
        now = first
        cursor = 0
        meanGap = 1 / peakRate
        return true
      }
    }
    starts.removeAll()
    ends.removeAll()
    return false
  }

  /// Splits the day's intervals on the hour and gives each piece its rate, merging
  /// neighbours with equal rates.
  private mutating func buildSegments(_ calendar: CalendarTable) {
    starts.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    rates.removeAll(keepingCapacity: true)
    peakRate = 0
    let dayStart = Double(day) * SimTime.minutesPerDay
    let date = calendar.date(ofDay: day)
    let surge = pattern.surgeFactor(on: date)
    let share = dailyShares?[day] ?? self.share
    if let volume = roundTheClockVolume {
      let rate = volume * share * surge / SimTime.minutesPerDay
      guard rate > 0 else { return }
      starts.append(dayStart)
      ends.append(dayStart + SimTime.minutesPerDay)
      rates.append(rate)
      peakRate = rate
      return
    }
    // The day's opening intervals cut on the hour, each piece with its hour's weight;
    // walked twice (for the normaliser, then for the segments) so as to allocate nothing.
    let weights = pattern.hourlyWeights
    let today = day
    func forEachPiece(_ body: (_ start: Double, _ end: Double, _ weight: Double) -> Void) {
      calendar.forEachOpenInterval(ofDay: today) { start, end in
        var t = start
        while t < end {
          let hour = Int((t - dayStart) / 60)
          let hourEnd = min(dayStart + Double(hour + 1) * 60, end)
          body(t, hourEnd, weights[min(hour, 23)])
          t = hourEnd
        }
      }
    }
    var normaliser = 0.0
    forEachPiece { start, end, weight in normaliser += weight * (end - start) }
    let factor = calendar.isMakeUpDay(day) ? 1 : pattern.weekdayFactors[date.weekday.rawValue]
    let volume = pattern.dailyVolume * share * factor * surge
    guard normaliser > 0, volume > 0 else { return }
    forEachPiece { start, end, weight in
      guard weight > 0 else { return }
      let rate = volume * weight / normaliser
      if let last = ends.last, last == start, rates.last == rate {
        ends[ends.count - 1] = end
      } else {
        starts.append(start)
        ends.append(end)
        rates.append(rate)
      }
      peakRate = max(peakRate, rate)
    }
  }
}
