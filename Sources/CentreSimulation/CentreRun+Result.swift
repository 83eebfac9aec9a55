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
    let initial = Double(metrics.initialCount)
    totals[.arrivals] = sum(metrics.arrivals)
    totals[.counterServed] = Double(metrics.counterWait.count)
    totals[.received] = sum(metrics.received) - initial
    totals[.completed] = sum(metrics.completed)
    totals[.completedOnTime] = sum(metrics.completedOnTime)
    totals[.completedLate] = sum(metrics.completedLate)
    totals[.overdueOpen] = sum(metrics.overdueOpen)
    totals[.overdue] = totals[.completedLate] + totals[.overdueOpen]
    totals[.onTimeRate] = ratio(totals[.completedOnTime], totals[.completed] + totals[.overdueOpen])
    totals[.processedShare] = ratio(totals[.completed] - Double(metrics.initialCompleted), totals[.arrivals])
    totals[.backlogEnd] = totals[.received] + initial - totals[.completed]
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
    let open = openDossiers()
    totals[.overdueOpenAge0to1] = open.overdueAges[0]
    totals[.overdueOpenAge2to5] = open.overdueAges[1]
    totals[.overdueOpenAge6to10] = open.overdueAges[2]
    totals[.overdueOpenAgeOver10] = open.overdueAges[3]
    totals[.openDeadlineUsedUnder50] = open.deadlineUsed[0]
    totals[.openDeadlineUsed50to80] = open.deadlineUsed[1]
    totals[.openDeadlineUsed80to100] = open.deadlineUsed[2]
    totals[.initialBacklog] = initial
    totals[.initialCompleted] = Double(metrics.initialCompleted)
    totals[.initialOverdue] = Double(metrics.initialLate) + open.initialOverdue
    totals[.newOverdue] = totals[.overdue] - totals[.initialOverdue]
    totals[.initialCleared] = metrics.initialCount > 0 ? (metrics.initialOpen == 0 ? 1 : 0) : .nan
    totals[.initialClearedDay] = metrics.initialOpen == 0 && metrics.initialCount > 0 ? Double(metrics.initialClearedDay) : .nan
    let waiting = stillWaiting()
    let served = metrics.counterWait, reneged = metrics.renegedWait
    totals[.counterWaitAllMean] = ratio(served.sum + reneged.sum + waiting.sum, Double(served.count + reneged.count + waiting.count))
    totals[.waitingEndMeanWait] = ratio(waiting.sum, Double(waiting.count))
    var delayed = 0, calls = 0
    for h in 0..<24 {
      delayed += metrics.hourDelayed[h]
      calls += metrics.hourWait[h].count
    }
    totals[.delayProbability] = ratio(Double(delayed), Double(calls))
    totals[.backlogTrendPerWeek] = backlogTrend(metrics.days.map { $0[.backlog] })
    totals[.backOfficeWaitWorkingHours] = mean(metrics.backOfficeWaitWorking)
    totals[.turnaroundWorkingDays] = mean(metrics.turnaroundWorking)
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
      row[.received] = Double(metrics.received[p] - plan.initialByProcedure[p])
      row[.completed] = Double(metrics.completed[p])
      row[.completedOnTime] = Double(metrics.completedOnTime[p])
      row[.completedLate] = Double(metrics.completedLate[p])
      row[.overdueOpen] = Double(metrics.overdueOpen[p])
      row[.onTimeRate] = ratio(row[.completedOnTime], row[.completed] + row[.overdueOpen])
      row[.abandoned] = Double(metrics.abandonedByProcedure[p])
      row[.counterWaitMean] = mean(metrics.waitOfProcedure(p))
      row[.turnaroundMean] = mean(metrics.turnaroundOfProcedure(p))
      row[.turnaroundWorkingDays] = mean(metrics.turnaroundWorkingOfProcedure(p))
      return row
    }
    let centres = scenario.centres.indices.map { c in
      var row = Measurements<CentreMeasure>()
      let pending = Double(plan.initialByCentre[c])
      row[.arrivals] = Double(metrics.centreArrivals[c])
      row[.received] = Double(metrics.centreReceived[c]) - pending
      row[.completed] = Double(metrics.centreCompleted[c])
      row[.completedLate] = Double(metrics.centreLate[c])
      row[.overdueOpen] = Double(metrics.centreOverdueOpen[c])
      row[.overdue] = row[.completedLate] + row[.overdueOpen]
      row[.onTimeRate] = ratio(row[.completed] - row[.completedLate], row[.completed] + row[.overdueOpen])
      row[.processedShare] = ratio(row[.completed] - Double(metrics.centreInitialCompleted[c]), row[.arrivals])
      row[.backlogEnd] = row[.received] + pending - row[.completed]
      row[.initialBacklog] = pending
      row[.initialClearedDay] = pending > 0 && metrics.centreInitialOpen[c] == 0 ? Double(metrics.centreInitialCleared[c]) : .nan
      row[.backlogTrendPerWeek] = backlogTrend(metrics.days.indices.map { metrics.centreDays[$0 * scenario.centres.count + c][.backlog] })
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
      stoppedOnDay: nil, hours: hourRows(), waitShares: waitShares(), counterLoadByHour: metrics.loadByHour.array,
      windows: plan.windowDays.indices.map { metrics.windowRow($0) })
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
      counterLoadByHour: metrics.loadByHour.array, windows: Array(repeating: Measurements(), count: plan.windowDays.count))
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

  /// What the dossiers open at the end say: those past due by working days overdue
  /// (0–1, 2–5, 6–10, over 10); the others by the share of their deadline's working time
  /// already used (under 50%, 50–80%, 80–100%); and the initial ones past due.
  private func openDossiers() -> (overdueAges: [Double], deadlineUsed: [Double], initialOverdue: Double) {
    var ages = [0.0, 0, 0, 0]
    var used = [0.0, 0, 0]
    var initialOverdue = 0.0
    let end = calendar.workingOpenMinutes(upTo: horizonEnd)
    for index in dossiers.liveIndices {
      let d = dossiers[index]
      guard d.isReceived else { continue }
      if d.due < horizonEnd.minutes {
        let late = calendar.workingDaysLate(due: SimTime(minutes: d.due), at: horizonEnd)
        ages[late <= 1 ? 0 : late <= 5 ? 1 : late <= 10 ? 2 : 3] += 1
        if d.isInitial { initialOverdue += 1 }
      } else {
        let start = calendar.workingOpenMinutes(upTo: SimTime(minutes: d.received))
        let allowed = calendar.workingOpenMinutes(upTo: SimTime(minutes: d.due)) - start
        let share = allowed > 0 ? (end - start) / allowed : 1
        used[share < 0.5 ? 0 : share < 0.8 ? 1 : 2] += 1
      }
    }
    return (ages, used, initialOverdue)
  }

  /// Those still waiting for a counter at the end: how many, and their waits so far
  /// (time waited on earlier days included; a citizen sent home waits no longer).
  private func stillWaiting() -> (count: Int, sum: Double) {
    var count = 0
    var sum = 0.0
    for owner in 0..<plan.ownerCount {
      for entry in tickets[owner].entries(isLive: isWaiting) {
        let d = dossiers[entry.index]
        count += 1
        sum += d.earlierWait + (sentHome[Int(d.centre)] ? 0 : horizonEnd.minutes - d.queuedSince)
      }
    }
    return (count, sum)
  }

  /// The trend of the backlog at midnight over ``RunMeasure/trendWindow``, in dossiers a
  /// week: the least-squares slope of its weekly means, which a pattern repeating every
  /// week (the weekend's online dossiers waiting for Monday) does not bias as a slope of
  /// the daily values would (NaN for a horizon under two weeks).
  private func backlogTrend(_ backlog: [Double]) -> Double {
    guard let window = RunMeasure.trendWindow(days: scenario.horizon.days, warmUpDays: scenario.horizon.warmUpDays),
      window.upperBound <= backlog.count
    else { return .nan }
    let weeks = stride(from: window.lowerBound, to: window.upperBound, by: 7).map { first in
      (first..<first + 7).reduce(0.0) { $0 + backlog[$1] } / 7
    }
    let meanWeek = Double(weeks.count - 1) / 2
    let meanBacklog = weeks.reduce(0, +) / Double(weeks.count)
    var covariance = 0.0, variance = 0.0
    for (week, value) in weeks.enumerated() {
      covariance += (Double(week) - meanWeek) * (value - meanBacklog)
      variance += (Double(week) - meanWeek) * (Double(week) - meanWeek)
    }
    return covariance / variance
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
