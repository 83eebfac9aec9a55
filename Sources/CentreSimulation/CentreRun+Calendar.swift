//===----------------------------------------------------------------------===//
// Opening, closing and the end of the run.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine

extension CentreRun {
  /// Schedules the next open period at or after `time`: its opening and its closing.
  ///
  /// Back-to-back intervals (24:00 then 00:00 of a centre open round the clock) are merged,
  /// so such a centre never closes. A closing is the day's last when the next opening is
  /// on a later day; only then does the closing policy apply (at a lunch break citizens
  /// simply wait).
  func scheduleNextOpenPeriod(from time: SimTime) {
    guard let first = calendar.openInterval(atOrAfter: time) else { return }
    var end = first.end
    var next = calendar.openInterval(atOrAfter: end)
    while let following = next, following.start == end {
      end = following.end
      next = calendar.openInterval(atOrAfter: end)
    }
    let closingDay = Int((end.minutes / SimTime.minutesPerDay).rounded(.up)) - 1
    let endOfDay = next.map { calendar.day(of: $0.start) > closingDay } ?? true
    _ = schedule(Event(.open), at: first.start.minutes, .calendar)
    _ = schedule(Event(.close, endOfDay ? 1 : 0), at: end.minutes, .calendar)
  }

  /// Every centre opens: citizens sent home come back first, the back office resumes.
  func open() {
    for centre in scenario.centres.indices {
      let pool = 2 * centre
      pools[pool].isWorking = true
      if sentHome[centre] {
        for index in pools[pool].queue { dossiers[index].queuedSince = now }
        sentHome[centre] = false
      }
      overtimeUntil[centre] = -.infinity
      startWaitingCitizens(centre: centre)
      updateCounterStaffing(centre)
      resumeBackOffice(centre: centre)
    }
  }

  /// Every centre closes; at the day's last closing the closing policy decides about
  /// the citizens still waiting.
  func close(endOfDay: Bool) {
    for (centre, spec) in scenario.centres.enumerated() {
      let pool = 2 * centre
      pools[pool].isWorking = false
      if endOfDay {
        switch spec.closing {
        case .returnNextDay:
          sendHome(centre: centre)
        case .serveWaiting(let limit):
          overtimeUntil[centre] = now + (limit ?? .infinity)
          if let limit, !pools[pool].queue.isEmpty {
            _ = schedule(Event(.overtimeEnd, Int32(centre)), at: now + limit, .calendar)
          }
          startWaitingCitizens(centre: centre)
        }
      }
      updateCounterStaffing(centre)
      pauseBackOffice(centre: centre)
    }
    scheduleNextOpenPeriod(from: scheduler.now)
  }

  /// Collects the replication's result at the end of the horizon.
  func result() -> ReplicationResult {
    let end = horizonEnd
    var totals = Measurements<RunMeasure>()
    let m = metrics
    let sum = { (values: [Int]) in Double(values.reduce(0, +)) }
    totals[.arrivals] = sum(m.arrivals)
    totals[.counterServed] = Double(m.counterWait.count)
    totals[.received] = sum(m.received)
    totals[.completed] = sum(m.completed)
    totals[.completedOnTime] = sum(m.completedOnTime)
    totals[.completedLate] = sum(m.completedLate)
    totals[.overdueOpen] = sum(m.overdueOpen)
    totals[.overdue] = totals[.completedLate] + totals[.overdueOpen]
    totals[.onTimeRate] = ratio(totals[.completedOnTime], totals[.completed] + totals[.overdueOpen])
    totals[.processedShare] = ratio(totals[.completed], totals[.arrivals])
    totals[.backlogEnd] = totals[.received] - totals[.completed]
    totals[.inSystemEnd] = Double(dossiers.count)
    totals[.waitingEnd] = Double(scenario.centres.indices.reduce(0) { $0 + pools[2 * $1].queue.count })
    totals[.carriedOver] = Double(m.carriedOver)
    totals[.counterWaitMean] = m.counterWait.count > 0 ? m.counterWait.mean : .nan
    totals[.counterWaitP50] = m.counterWaitHistogram.quantile(0.5)
    totals[.counterWaitP90] = m.counterWaitHistogram.quantile(0.9)
    totals[.counterWaitP95] = m.counterWaitHistogram.quantile(0.95)
    totals[.counterWaitMax] = m.counterWait.count > 0 ? m.counterWait.maximum : .nan
    let counterPools = pools.indices.filter { $0 & 1 == 0 }.map { pools[$0] }
    let backOfficePools = pools.indices.filter { $0 & 1 == 1 }.map { pools[$0] }
    totals[.counterQueueMean] = ratio(counterPools.reduce(0) { $0 + $1.waiting.integral(upTo: end) }, openMinutes)
    totals[.counterQueueMax] = counterPools.map(\.waiting.maximum).max() ?? 0
    totals[.counterUtilisation] = utilisation(counterPools, end)
    totals[.backOfficeWaitMean] = m.backOfficeWait.count > 0 ? m.backOfficeWait.mean : .nan
    totals[.backOfficeUtilisation] = utilisation(backOfficePools, end)
    totals[.turnaroundMean] = m.turnaround.count > 0 ? m.turnaround.mean : .nan

    let procedures = scenario.procedures.indices.map { p in
      var row = Measurements<ProcedureMeasure>()
      row[.arrivals] = Double(m.arrivals[p])
      row[.received] = Double(m.received[p])
      row[.completed] = Double(m.completed[p])
      row[.completedOnTime] = Double(m.completedOnTime[p])
      row[.completedLate] = Double(m.completedLate[p])
      row[.overdueOpen] = Double(m.overdueOpen[p])
      row[.onTimeRate] = ratio(row[.completedOnTime], row[.completed] + row[.overdueOpen])
      row[.counterWaitMean] = m.counterWaitByProcedure[p].count > 0 ? m.counterWaitByProcedure[p].mean : .nan
      row[.turnaroundMean] = m.turnaroundByProcedure[p].count > 0 ? m.turnaroundByProcedure[p].mean : .nan
      return row
    }
    return ReplicationResult(replication: replication, events: scheduler.processedEvents, totals: totals,
                             procedures: procedures, days: m.days)
  }

  private func utilisation(_ pools: [StaffPool], _ end: SimTime) -> Double {
    ratio(pools.reduce(0) { $0 + $1.busy.integral(upTo: end) }, pools.reduce(0) { $0 + $1.staffed.integral(upTo: end) })
  }
}

/// a / b, NaN when b is 0.
func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }
