//===----------------------------------------------------------------------===//
// Collecting a replication's result at the end of the horizon.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine

extension CentreRun {
  func result() -> ReplicationResult {
    let end = horizonEnd
    let m = metrics
    let sum = { (values: [Int]) in Double(values.reduce(0, +)) }
    var totals = Measurements<RunMeasure>()
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
    totals[.waitingEnd] = Double(plan.ownersOfCentre.joined().reduce(0) { $0 + tickets[$1].waiting })
    totals[.carriedOver] = sum(m.centreCarriedOver)
    totals[.balked] = Double(m.balked)
    totals[.reneged] = Double(m.reneged)
    totals[.turnedAway] = Double(m.turnedAway)
    totals[.handedBack] = Double(m.handedBack)
    totals[.returnedFromBackOffice] = Double(m.returnedFromBackOffice)
    totals[.comeBacks] = Double(m.comeBacks)
    totals[.abandoned] = sum(m.abandonedByProcedure)
    let ages = overdueAges()
    totals[.overdueOpenAge0to1] = ages[0]
    totals[.overdueOpenAge2to5] = ages[1]
    totals[.overdueOpenAge6to10] = ages[2]
    totals[.overdueOpenAgeOver10] = ages[3]
    totals[.counterWaitMean] = mean(m.counterWait)
    totals[.counterWaitP50] = m.counterWaitHistogram.quantile(0.5)
    totals[.counterWaitP90] = m.counterWaitHistogram.quantile(0.9)
    totals[.counterWaitP95] = m.counterWaitHistogram.quantile(0.95)
    totals[.counterWaitMax] = m.counterWait.count > 0 ? m.counterWait.maximum : .nan
    totals[.counterWaitPriorityMean] = mean(m.priorityWait)
    totals[.counterQueueMean] = ratio(m.waitingByCentre.reduce(0) { $0 + $1.integral(upTo: end) },
                                      openMinutes * Double(scenario.centres.count))
    totals[.counterQueueMax] = m.waitingByCentre.map(\.maximum).max() ?? 0
    let counterPools = pools.indices.filter { plan.pools[$0].kind == .counter }
    let backOfficePools = pools.indices.filter { plan.pools[$0].kind == .backOffice }
    totals[.counterUtilisation] = utilisation(counterPools, end)
    totals[.backOfficeWaitMean] = mean(m.backOfficeWait)
    totals[.backOfficeUtilisation] = utilisation(backOfficePools, end)
    totals[.turnaroundMean] = mean(m.turnaround)
    totals[.outageMinutes] = m.outageMinutes

    let procedures = scenario.procedures.indices.map { p in
      var row = Measurements<ProcedureMeasure>()
      row[.arrivals] = Double(m.arrivals[p])
      row[.received] = Double(m.received[p])
      row[.completed] = Double(m.completed[p])
      row[.completedOnTime] = Double(m.completedOnTime[p])
      row[.completedLate] = Double(m.completedLate[p])
      row[.overdueOpen] = Double(m.overdueOpen[p])
      row[.onTimeRate] = ratio(row[.completedOnTime], row[.completed] + row[.overdueOpen])
      row[.abandoned] = Double(m.abandonedByProcedure[p])
      row[.counterWaitMean] = mean(m.waitByProcedure[p])
      row[.turnaroundMean] = mean(m.turnaroundByProcedure[p])
      return row
    }
    let centres = scenario.centres.indices.map { c in
      var row = Measurements<CentreMeasure>()
      row[.arrivals] = Double(m.centreArrivals[c])
      row[.received] = Double(m.centreReceived[c])
      row[.completed] = Double(m.centreCompleted[c])
      row[.completedLate] = Double(m.centreLate[c])
      row[.overdueOpen] = Double(m.centreOverdueOpen[c])
      row[.overdue] = row[.completedLate] + row[.overdueOpen]
      row[.onTimeRate] = ratio(row[.completed] - row[.completedLate], row[.completed] + row[.overdueOpen])
      row[.processedShare] = ratio(row[.completed], row[.arrivals])
      row[.backlogEnd] = row[.received] - row[.completed]
      row[.abandoned] = Double(m.centreAbandoned[c])
      row[.carriedOver] = Double(m.centreCarriedOver[c])
      row[.counterWaitMean] = mean(m.centreCount > 1 ? m.waitByCentre[c] : m.counterWait)
      row[.counterWaitP90] = (m.centreCount > 1 ? m.waitHistogramByCentre[c] : m.counterWaitHistogram).quantile(0.9)
      row[.counterQueueMax] = m.waitingByCentre[c].maximum
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
      row[.arrivals] = Double(m.channelArrivals[k])
      row[.completed] = Double(m.channelCompleted[k])
      row[.completedLate] = Double(m.channelLate[k])
      row[.onTimeRate] = ratio(row[.completed] - row[.completedLate], row[.completed])
      row[.turnaroundMean] = mean(m.turnaroundByChannel[k])
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
      centres: centres, channels: channels, pools: poolRows, days: m.days, centreDays: m.centreDays)
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
}

/// a / b, NaN when b is 0.
func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : .nan }
