//===----------------------------------------------------------------------===//
// Collecting a replication's result at the end of the horizon.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine

extension CentreRun {
  func result() -> ReplicationResult {
    guard !stoppedEarly else { return stoppedResult() }
    let end = horizonEnd
    var totals = Measurements<RunMeasure>()
    totals[.arrivals] = sum(metrics.arrivals)
    totals[.counterServed] = Double(metrics.counterWait.count)
    totals[.received] = sum(metrics.received)
    totals[.completed] = sum(metrics.completed)
    totals[.completedOnTime] = sum(metrics.completedOnTime)
    totals[.completedLate] = sum(metrics.completedLate)
    totals[.overdueOpen] = sum(metrics.overdueOpen)
    totals[.overdue] = totals[.completedLate] + totals[.overdueOpen]
    totals[.onTimeRate] = ratio(totals[.completedOnTime], totals[.completed] + totals[.overdueOpen])
    totals[.processedShare] = ratio(totals[.completed], totals[.arrivals])
    totals[.backlogEnd] = totals[.received] - totals[.completed]
    totals[.inSystemEnd] = Double(dossiers.count)
    totals[.waitingEnd] = Double(plan.ownersOfCentre.joined().reduce(0) { $0 + tickets[$1].waiting })
    totals[.carriedOver] = sum(metrics.centreCarriedOver)
    totals[.balked] = Double(metrics.balked)
    totals[.reneged] = Double(metrics.reneged)
    totals[.turnedAway] = Double(metrics.turnedAway)
    totals[.handedBack] = Double(metrics.handedBack)
    totals[.returnedFromBackOffice] = Double(metrics.returnedFromBackOffice)
    totals[.comeBacks] = Double(metrics.comeBacks)
    totals[.abandoned] = sum(metrics.abandonedByProcedure)
    let ages = overdueAges()
    totals[.overdueOpenAge0to1] = ages[0]
    totals[.overdueOpenAge2to5] = ages[1]
    totals[.overdueOpenAge6to10] = ages[2]
    totals[.overdueOpenAgeOver10] = ages[3]
    totals[.counterWaitMean] = mean(metrics.counterWait)
    totals[.counterWaitP50] = metrics.counterWaitHistogram.quantile(0.5)
    totals[.counterWaitP90] = metrics.counterWaitHistogram.quantile(0.9)
    totals[.counterWaitP95] = metrics.counterWaitHistogram.quantile(0.95)
    totals[.counterWaitMax] = metrics.counterWait.count > 0 ? metrics.counterWait.maximum : .nan
    totals[.counterWaitPriorityMean] = mean(metrics.priorityWait)
    var queueArea = 0.0
    var queueMax = 0.0
    for c in metrics.waitingByCentre.indices {
      queueArea += metrics.waitingByCentre[c].integral(upTo: end)
      queueMax = max(queueMax, metrics.waitingByCentre[c].maximum)
    }
    totals[.counterQueueMean] = ratio(queueArea, openMinutes * Double(scenario.centres.count))
    totals[.counterQueueMax] = queueMax
    let counterPools = pools.indices.filter { plan.pools[$0].kind == .counter }
    let backOfficePools = pools.indices.filter { plan.pools[$0].kind == .backOffice }
    totals[.counterUtilisation] = utilisation(counterPools, end)
    totals[.backOfficeWaitMean] = mean(metrics.backOfficeWait)
    totals[.backOfficeUtilisation] = utilisation(backOfficePools, end)
    totals[.turnaroundMean] = mean(metrics.turnaround)
    totals[.outageMinutes] = metrics.outageMinutes

    let procedures = scenario.procedures.indices.map { p in
      var row = Measurements<ProcedureMeasure>()
      row[.arrivals] = Double(metrics.arrivals[p])
      row[.received] = Double(metrics.received[p])
      row[.completed] = Double(metrics.completed[p])
      row[.completedOnTime] = Double(metrics.completedOnTime[p])
      row[.completedLate] = Double(metrics.completedLate[p])
      row[.overdueOpen] = Double(metrics.overdueOpen[p])
      row[.onTimeRate] = ratio(row[.completedOnTime], row[.completed] + row[.overdueOpen])
      row[.abandoned] = Double(metrics.abandonedByProcedure[p])
      row[.counterWaitMean] = mean(metrics.waitByProcedure[p])
      row[.turnaroundMean] = mean(metrics.turnaroundByProcedure[p])
      return row
    }
    let centres = scenario.centres.indices.map { c in
      var row = Measurements<CentreMeasure>()
      row[.arrivals] = Double(metrics.centreArrivals[c])
      row[.received] = Double(metrics.centreReceived[c])
      row[.completed] = Double(metrics.centreCompleted[c])
      row[.completedLate] = Double(metrics.centreLate[c])
      row[.overdueOpen] = Double(metrics.centreOverdueOpen[c])
      row[.overdue] = row[.completedLate] + row[.overdueOpen]
      row[.onTimeRate] = ratio(row[.completed] - row[.completedLate], row[.completed] + row[.overdueOpen])
      row[.processedShare] = ratio(row[.completed], row[.arrivals])
      row[.backlogEnd] = row[.received] - row[.completed]
      row[.abandoned] = Double(metrics.centreAbandoned[c])
      row[.carriedOver] = Double(metrics.centreCarriedOver[c])
      row[.counterWaitMean] = mean(metrics.centreCount > 1 ? metrics.waitByCentre[c] : metrics.counterWait)
      row[.counterWaitP90] = metrics.centreCount > 1
        ? metrics.waitHistogramByCentre[c].quantile(0.9) : metrics.counterWaitHistogram.quantile(0.9)
      row[.counterQueueMax] = metrics.waitingByCentre[c].maximum
      let backOffice = plan.poolsOfCentre[c].filter { plan.pools[$0].kind == .backOffice }
      row[.counterStaffHours] = plan.counterPools[c].reduce(0) { $0 + pools[$1].staffed.integral(upTo: end) } / 60
      row[.backOfficeStaffHours] = backOffice.reduce(0) { $0 + pools[$1].staffed.integral(upTo: end) } / 60
      row[.counterUtilisation] = utilisation(plan.counterPools[c], end)
      row[.backOfficeUtilisation] = utilisation(backOffice, end)
      return row
    }
    let channels = Channel.allCases.map { channel in
      let k = channel.rawValue
      var row = Measurements<ChannelMeasure>()
      row[.arrivals] = Double(metrics.channelArrivals[k])
      row[.completed] = Double(metrics.channelCompleted[k])
      row[.completedLate] = Double(metrics.channelLate[k])
      row[.onTimeRate] = ratio(row[.completed] - row[.completedLate], row[.completed])
      row[.turnaroundMean] = mean(metrics.turnaroundByChannel[k])
      return row
    }
    let poolRows = plan.reportPools.indices.map { r in
      let members = pools.indices.filter { plan.reportPoolOf[$0] == r }
      var row = Measurements<PoolMeasure>()
      row[.staffOnDutyHours] = members.reduce(0) { $0 + pools[$1].staffed.integral(upTo: end) } / 60
      row[.busyHours] = members.reduce(0) { $0 + pools[$1].busy.integral(upTo: end) } / 60
      row[.utilisation] = ratio(row[.busyHours], row[.staffOnDutyHours])
      return row
    }
    return ReplicationResult(
      replication: replication, events: scheduler.processedEvents, totals: totals, procedures: procedures,
      centres: centres, channels: channels, pools: poolRows, days: metrics.days, centreDays: metrics.centreDays,
      stoppedOnDay: nil, hours: hourRows(), waitShares: waitShares(), counterLoadByHour: metrics.loadByHour.array)
  }

  /// The result of a run stopped by the guard on dossiers in the system: every figure
  /// undefined (NaN) but the day it stopped and the days it finished, so that no KPI of a
  /// run cut short can pass for a whole one (an optimiser sees a candidate that meets no
  /// target).
  private func stoppedResult() -> ReplicationResult {
    let days = scenario.horizon.days, centres = scenario.centres.count
    return ReplicationResult(
      replication: replication, events: scheduler.processedEvents, totals: Measurements(),
      procedures: Array(repeating: Measurements(), count: scenario.procedures.count),
      centres: Array(repeating: Measurements(), count: centres), channels: Array(repeating: Measurements(), count: Channel.allCases.count),
      pools: Array(repeating: Measurements(), count: plan.reportPools.count),
      days: metrics.days + Array(repeating: Measurements(), count: days - metrics.days.count),
      centreDays: metrics.centreDays + Array(repeating: Measurements(), count: days * centres - metrics.centreDays.count),
      stoppedOnDay: calendar.day(of: scheduler.now), hours: Array(repeating: Measurements(), count: 24), waitShares: Measurements(),
      counterLoadByHour: metrics.loadByHour.array)
  }

  /// The hour-of-day profile, per open day after the warm-up.
  private func hourRows() -> [Measurements<HourMeasure>] {
    let measured = min(scenario.horizon.warmUpDays, scenario.horizon.days)..<scenario.horizon.days
    let openDays = Double(measured.filter { calendar.openMinutes(ofDay: $0) > 0 }.count)
    return (0..<24).map { h in
      var row = Measurements<HourMeasure>()
      let samples = Double(metrics.hourSamples[h])
      row[.walkInArrivals] = ratio(Double(metrics.hourArrivals[h]), openDays)
      row[.counterQueueMean] = ratio(Double(metrics.hourWaiting[h]), samples)
      row[.counterLoadMean] = ratio(Double(metrics.hourLoad[h]), samples)
      row[.counterStaffMean] = ratio(metrics.hourStaff[h], samples)
      row[.counterWaitMean] = metrics.hourWait[h].mean
      row[.delayProbability] = ratio(Double(metrics.hourDelayed[h]), Double(metrics.hourWait[h].count))
      return row
    }
  }

  /// The share of citizens served within each band of ``WaitBand``.
  private func waitShares() -> Measurements<WaitBand> {
    var shares = Measurements<WaitBand>()
    for band in WaitBand.allCases { shares[band] = metrics.counterWaitHistogram.fraction(atMost: band.minutes) }
    return shares
  }

  /// Open dossiers past due at the end, by working days overdue: 0–1, 2–5, 6–10, over 10.
  private func overdueAges() -> [Double] {
    var ages = [0.0, 0, 0, 0]
    for index in dossiers.liveIndices where dossiers[index].isReceived && dossiers[index].due < horizonEnd.minutes {
      let late = calendar.workingDaysLate(due: SimTime(minutes: dossiers[index].due), at: horizonEnd)
      ages[late <= 1 ? 0 : late <= 5 ? 1 : late <= 10 ? 2 : 3] += 1
    }
    return ages
  }

  private func utilisation(_ members: [Int], _ end: SimTime) -> Double {
    ratio(members.reduce(0) { $0 + pools[$1].busy.integral(upTo: end) },
          members.reduce(0) { $0 + pools[$1].staffed.integral(upTo: end) })
  }

  private func mean(_ accumulator: Accumulator) -> Double { accumulator.mean }

  private func sum(_ counts: borrowing UniqueArray<Int>) -> Double { Double(total(counts)) }
}

/// a / b, NaN when b is 0.
func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }
