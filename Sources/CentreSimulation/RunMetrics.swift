//===----------------------------------------------------------------------===//
// Streaming statistics of one replication.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine

/// Counters and accumulators updated as a run proceeds. Memory is fixed apart from one
/// row per simulated day (and per centre) and one due-date bucket per (day, procedure)
/// and (day, centre): it never grows with the number of dossiers.
///
/// Overdue dossiers still open are counted without scanning: each received dossier adds
/// one to the bucket of its due day and leaves it on completion (or when taken back); at
/// the end of each day the bucket's remainder becomes "open past due". A dossier
/// completed after that leaves "open past due" instead.
///
/// The tables updated per event are ``UniqueArray``s (so the struct is noncopyable): an
/// update is an add, with no check for sharing. Counts add with wrapping arithmetic
/// (`&+=`): they cannot come near 2⁶³, and a checked add costs a branch per update.
struct RunMetrics: ~Copyable {
  let procedureCount: Int
  let centreCount: Int
  /// Whether the waits and turnarounds are also kept per procedure (more than one
  /// procedure). With one, that procedure's are the totals, read from them at the end
  /// (``waitOfProcedure(_:)`` and its siblings), and nothing is recorded twice.
  let tracksProcedures: Bool

  // Per procedure.
  var arrivals: UniqueArray<Int>
  var received: UniqueArray<Int>
  var completed: UniqueArray<Int>
  var completedOnTime: UniqueArray<Int>
  var completedLate: UniqueArray<Int>
  var overdueOpen: UniqueArray<Int>
  var abandonedByProcedure: UniqueArray<Int>
  var waitByProcedure: UniqueArray<Accumulator>
  var turnaroundByProcedure: UniqueArray<Accumulator>
  var turnaroundWorkingByProcedure: UniqueArray<Accumulator>
  /// Per (due day × procedures + procedure).
  var dueByProcedure: UniqueArray<Int32>

  // Per centre.
  var centreArrivals: UniqueArray<Int>
  var centreReceived: UniqueArray<Int>
  var centreCompleted: UniqueArray<Int>
  var centreLate: UniqueArray<Int>
  var centreOverdueOpen: UniqueArray<Int>
  var centreAbandoned: UniqueArray<Int>
  var centreCarriedOver: UniqueArray<Int>
  var waitByCentre: UniqueArray<Accumulator>
  var waitHistogramByCentre: UniqueArray<QuantileHistogram>
  var waitingByCentre: UniqueArray<TimeWeighted>
  /// Per (due day × centres + centre).
  var dueByCentre: UniqueArray<Int32>

  // Per channel.
  var channelArrivals = UniqueArray(repeating: 0, count: 3)
  var channelCompleted = UniqueArray(repeating: 0, count: 3)
  var channelLate = UniqueArray(repeating: 0, count: 3)
  var turnaroundByChannel = UniqueArray(repeating: Accumulator(), count: 3)

  // Totals.
  var counterWait = Accumulator()
  var priorityWait = Accumulator()
  var counterWaitHistogram = QuantileHistogram()
  var backOfficeWait = Accumulator()
  /// The same waits in working hours (open time of working days).
  var backOfficeWaitWorking = Accumulator()
  var turnaround = Accumulator()
  /// Receipt to completion in working days (open time of working days / a standard day).
  var turnaroundWorking = Accumulator()
  /// Waits of citizens who gave up (reneged), until they left.
  var renegedWait = Accumulator()
  var balked = 0
  var reneged = 0
  var turnedAway = 0
  var handedBack = 0
  var returnedFromBackOffice = 0
  var comeBacks = 0
  var outageMinutes = 0.0
  var lastClosedDay = -1

  // The initial backlog: pending at the start, still open, completed (late), abandoned,
  // and the day the last one left (-1: not yet).
  var initialCount = 0
  var initialOpen = 0
  var initialCompleted = 0
  var initialLate = 0
  var initialClearedDay = -1
  /// Per centre: initial dossiers still open, and the day the last one left (-1: not yet).
  var centreInitialOpen: UniqueArray<Int>
  var centreInitialCompleted: UniqueArray<Int>
  var centreInitialCleared: UniqueArray<Int>

  // Per report window: its cohort's arrivals (online among them), completions by the
  // window's end (on time, late), and at its end those received and open, and open past due.
  var windowArrivals: UniqueArray<Int>
  var windowOnline: UniqueArray<Int>
  var windowCompleted: UniqueArray<Int>
  var windowOnTime: UniqueArray<Int>
  var windowOpen: UniqueArray<Int>
  var windowOverdueOpen: UniqueArray<Int>

  // Daily flows, reset at midnight.
  var dayArrivals = 0
  var dayReceived = 0
  var dayCompleted = 0
  var dayLate = 0
  var dayCarriedOver = 0
  var dayAbandoned = 0
  var dayWait = Accumulator()
  var dayQueueMax = 0
  var dayCentreArrivals: UniqueArray<Int>
  var dayCentreCompleted: UniqueArray<Int>
  var days: [Measurements<DayMeasure>] = []
  var centreDays: [Measurements<CentreDayMeasure>] = []

  // Per hour of the day (see `HourMeasure`): samples of the counters' state, walk-in
  // arrivals, waits by the hour the ticket was taken.
  var hourSamples = UniqueArray(repeating: 0, count: 24)
  var hourWaiting = UniqueArray(repeating: 0, count: 24)
  var hourLoad = UniqueArray(repeating: 0, count: 24)
  var hourStaff = UniqueArray(repeating: 0.0, count: 24)
  var hourArrivals = UniqueArray(repeating: 0, count: 24)
  var hourWait = UniqueArray(repeating: Accumulator(), count: 24)
  var hourDelayed = UniqueArray(repeating: 0, count: 24)
  /// The hour of the day of the last walk-in arrival and of the last ticket taken by a
  /// citizen served, with the times they hold for (arrivals come in time order, and so,
  /// mostly, do the tickets of the citizens called).
  var arrivalHour = StepMemo(0)
  var ticketHour = StepMemo(0)
  /// Per (hour × 257 + citizens at the counters, capped at 256): samples; empty unless
  /// the plan asks for it.
  var loadByHour: UniqueArray<Int>
  static let loadCap = 256

  init(plan: ModelPlan) {
    procedureCount = plan.scenario.procedures.count
    centreCount = plan.scenario.centres.count
    tracksProcedures = procedureCount > 1
    let procedures = procedureCount
    let centres = centreCount
    arrivals = UniqueArray(repeating: 0, count: procedures)
    received = UniqueArray(repeating: 0, count: procedures)
    completed = UniqueArray(repeating: 0, count: procedures)
    completedOnTime = UniqueArray(repeating: 0, count: procedures)
    completedLate = UniqueArray(repeating: 0, count: procedures)
    overdueOpen = UniqueArray(repeating: 0, count: procedures)
    abandonedByProcedure = UniqueArray(repeating: 0, count: procedures)
    waitByProcedure = UniqueArray(repeating: Accumulator(), count: procedures)
    turnaroundByProcedure = UniqueArray(repeating: Accumulator(), count: procedures)
    turnaroundWorkingByProcedure = UniqueArray(repeating: Accumulator(), count: procedures)
    dueByProcedure = UniqueArray(repeating: 0, count: procedures * plan.calendar.dayCount)
    centreArrivals = UniqueArray(repeating: 0, count: centres)
    centreReceived = UniqueArray(repeating: 0, count: centres)
    centreCompleted = UniqueArray(repeating: 0, count: centres)
    centreLate = UniqueArray(repeating: 0, count: centres)
    centreOverdueOpen = UniqueArray(repeating: 0, count: centres)
    centreAbandoned = UniqueArray(repeating: 0, count: centres)
    centreCarriedOver = UniqueArray(repeating: 0, count: centres)
    dayCentreArrivals = UniqueArray(repeating: 0, count: centres)
    let windows = plan.windowDays.count
    windowArrivals = UniqueArray(repeating: 0, count: windows)
    windowOnline = UniqueArray(repeating: 0, count: windows)
    windowCompleted = UniqueArray(repeating: 0, count: windows)
    windowOnTime = UniqueArray(repeating: 0, count: windows)
    windowOpen = UniqueArray(repeating: 0, count: windows)
    windowOverdueOpen = UniqueArray(repeating: 0, count: windows)
    centreInitialOpen = UniqueArray(repeating: 0, count: centres)
    centreInitialCompleted = UniqueArray(repeating: 0, count: centres)
    centreInitialCleared = UniqueArray(repeating: -1, count: centres)
    dayCentreCompleted = UniqueArray(repeating: 0, count: centres)
    waitByCentre = UniqueArray(repeating: Accumulator(), count: centres)
    waitHistogramByCentre = UniqueArray(capacity: centres)
    if centres > 1 {
      for _ in 0..<centres { waitHistogramByCentre.append(QuantileHistogram()) }
    }
    waitingByCentre = UniqueArray(repeating: TimeWeighted(), count: centres)
    dueByCentre = UniqueArray(repeating: 0, count: centres * plan.calendar.dayCount)
    days.reserveCapacity(plan.scenario.horizon.days)
    loadByHour = UniqueArray(repeating: 0, count: plan.recordsLoadByHour ? 24 * (Self.loadCap + 1) : 0)
  }

  /// Forgets the waiting times, queues and turnaround recorded so far (the end of the
  /// warm-up); counts of dossiers, due-date buckets and daily rows are kept.
  mutating func restartStatistics(at now: SimTime) {
    for p in 0..<procedureCount {
      waitByProcedure[p] = Accumulator()
      turnaroundByProcedure[p] = Accumulator()
      turnaroundWorkingByProcedure[p] = Accumulator()
    }
    for c in 0..<centreCount {
      waitByCentre[c] = Accumulator()
      waitingByCentre[c] = TimeWeighted(waitingByCentre[c].value, at: now)
    }
    for c in waitHistogramByCentre.indices { waitHistogramByCentre[c].reset() }
    for k in 0..<3 { turnaroundByChannel[k] = Accumulator() }
    counterWait = Accumulator()
    priorityWait = Accumulator()
    renegedWait = Accumulator()
    counterWaitHistogram.reset()
    backOfficeWait = Accumulator()
    backOfficeWaitWorking = Accumulator()
    turnaround = Accumulator()
    turnaroundWorking = Accumulator()
    for h in 0..<24 {
      hourSamples[h] = 0
      hourWaiting[h] = 0
      hourLoad[h] = 0
      hourStaff[h] = 0
      hourArrivals[h] = 0
      hourWait[h] = Accumulator()
      hourDelayed[h] = 0
    }
    for i in loadByHour.indices { loadByHour[i] = 0 }
  }

  /// `count` equal samples of the counters at hour `hour` of an open day.
  ///
  /// `staff` is a head count, so `count × staff` adds exactly what `count` additions of
  /// `staff` would (whole numbers below 2^53).
  mutating func recordSamples(_ count: Int, hour: Int, waiting: Int, load: Int, staff: Double) {
    hourSamples[hour] &+= count
    hourWaiting[hour] &+= count &* waiting
    hourLoad[hour] &+= count &* load
    hourStaff[hour] += Double(count) * staff
    if !loadByHour.isEmpty { loadByHour[hour * (Self.loadCap + 1) + min(load, Self.loadCap)] &+= count }
  }

  @inline(__always)
  mutating func recordArrival(centre: Int, procedure: Int, channel: Channel, at time: Double) {
    if channel == .walkIn { hourArrivals[hourOfDay(time, memo: &arrivalHour)] &+= 1 }
    arrivals[procedure] &+= 1
    centreArrivals[centre] &+= 1
    channelArrivals[channel.rawValue] &+= 1
    dayArrivals &+= 1
    dayCentreArrivals[centre] &+= 1
  }

  /// A wait for a counter ends: served, or given up (`served` false). `joined`: when the
  /// citizen took the ticket.
  @inline(__always)
  mutating func recordCounterWait(_ wait: Double, joined: Double, centre: Int, procedure: Int, priority: Bool, served: Bool) {
    guard served else {
      renegedWait.record(wait)
      return
    }
    let hour = hourOfDay(joined, memo: &ticketHour)
    hourWait[hour].record(wait)
    if wait > 0 { hourDelayed[hour] &+= 1 }
    counterWait.record(wait)
    if priority { priorityWait.record(wait) }
    counterWaitHistogram.record(wait)
    if tracksProcedures { waitByProcedure[procedure].record(wait) }
    if centreCount > 1 {
      waitByCentre[centre].record(wait)
      waitHistogramByCentre[centre].record(wait)
    }
    dayWait.record(wait)
  }

  @inline(__always)
  mutating func noteWaiting(centre: Int, count: Int, at now: SimTime) {
    if Double(count) != waitingByCentre[centre].value { waitingByCentre[centre].set(Double(count), at: now) }
    if count > dayQueueMax { dayQueueMax = count }
  }

  @inline(__always)
  mutating func recordReceipt(centre: Int, procedure: Int, dueDay: Int) {
    received[procedure] &+= 1
    centreReceived[centre] &+= 1
    dayReceived &+= 1
    dueByProcedure[dueDay &* procedureCount &+ procedure] &+= 1
    dueByCentre[dueDay &* centreCount &+ centre] &+= 1
  }

  /// A receipt is taken back (supplement requested, abandoned).
  mutating func recordUnreceipt(centre: Int, procedure: Int, dueDay: Int) {
    received[procedure] &-= 1
    centreReceived[centre] &-= 1
    leaveDueBucket(centre: centre, procedure: procedure, dueDay: dueDay)
  }

  @inline(__always)
  private mutating func leaveDueBucket(centre: Int, procedure: Int, dueDay: Int) {
    if dueDay <= lastClosedDay {
      overdueOpen[procedure] &-= 1
      centreOverdueOpen[centre] &-= 1
    } else {
      dueByProcedure[dueDay &* procedureCount &+ procedure] &-= 1
      dueByCentre[dueDay &* centreCount &+ centre] &-= 1
    }
  }

  /// A dossier completed. Its turnaround (real minutes, working days) counts only for
  /// dossiers received during the horizon, not for those of the initial backlog, whose
  /// receipt the run did not see.
  @inline(__always)
  mutating func recordCompletion(
    centre: Int, procedure: Int, channel: Channel, onTime: Bool, dueDay: Int, turnaround minutes: Double,
    workingDays: Double, initial: Bool
  ) {
    completed[procedure] &+= 1
    centreCompleted[centre] &+= 1
    channelCompleted[channel.rawValue] &+= 1
    dayCompleted &+= 1
    dayCentreCompleted[centre] &+= 1
    if !initial {
      turnaround.record(minutes / 60)
      turnaroundWorking.record(workingDays)
      if tracksProcedures {
        turnaroundByProcedure[procedure].record(minutes / 60)
        turnaroundWorkingByProcedure[procedure].record(workingDays)
      }
      turnaroundByChannel[channel.rawValue].record(minutes / 60)
    }
    if onTime {
      completedOnTime[procedure] &+= 1
    } else {
      completedLate[procedure] &+= 1
      centreLate[centre] &+= 1
      channelLate[channel.rawValue] &+= 1
      dayLate &+= 1
    }
    leaveDueBucket(centre: centre, procedure: procedure, dueDay: dueDay)
  }

  mutating func recordBackOfficeWait(_ wait: Double, workingMinutes: Double) {
    backOfficeWait.record(wait)
    backOfficeWaitWorking.record(workingMinutes / 60)
  }

  /// A dossier pending at the start, received before it and due on `dueDay` (a negative
  /// day: before the horizon, so already overdue).
  mutating func recordInitial(centre: Int, procedure: Int, dueDay: Int) {
    initialCount &+= 1
    initialOpen &+= 1
    centreInitialOpen[centre] &+= 1
    received[procedure] &+= 1
    centreReceived[centre] &+= 1
    if dueDay < 0 {
      overdueOpen[procedure] &+= 1
      centreOverdueOpen[centre] &+= 1
    } else {
      dueByProcedure[dueDay &* procedureCount &+ procedure] &+= 1
      dueByCentre[dueDay &* centreCount &+ centre] &+= 1
    }
  }

  /// A dossier of the initial backlog is completed on `day`.
  mutating func recordInitialCompletion(centre: Int, onTime: Bool, day: Int) {
    initialCompleted &+= 1
    centreInitialCompleted[centre] &+= 1
    if !onTime { initialLate &+= 1 }
    leaveInitial(centre: centre, day: day)
  }

  /// A dossier of the initial backlog leaves the system (completed or abandoned) on `day`.
  mutating func leaveInitial(centre: Int, day: Int) {
    initialOpen &-= 1
    centreInitialOpen[centre] &-= 1
    if initialOpen == 0 { initialClearedDay = day }
    if centreInitialOpen[centre] == 0 { centreInitialCleared[centre] = day }
  }

  mutating func recordWalkAway(centre: Int, reason: DossierEvent.Kind) {
    switch reason {
    case .balked: balked &+= 1
    case .reneged: reneged &+= 1
    case .turnedAway: turnedAway &+= 1
    default: break
    }
  }

  mutating func recordAbandonment(centre: Int, procedure: Int) {
    abandonedByProcedure[procedure] &+= 1
    centreAbandoned[centre] &+= 1
    dayAbandoned &+= 1
  }

  mutating func recordHandBack(centre: Int) { handedBack &+= 1 }
  mutating func recordReturnFromBackOffice(centre: Int) { returnedFromBackOffice &+= 1 }
  mutating func recordComeBack(centre: Int) { comeBacks &+= 1 }
  mutating func recordOutage(minutes: Double) { outageMinutes += minutes }

  mutating func recordCarriedOver(centre: Int, count: Int) {
    centreCarriedOver[centre] += count
    dayCarriedOver += count
  }

  /// Closes day `day`: what was due that day and is still open becomes overdue; the day's
  /// rows are recorded with the stocks given.
  mutating func closeDay(_ day: Int, inSystem: Int, backOfficeQueue: Int, waiting: borrowing UniqueArray<Int>) {
    for p in 0..<procedureCount { overdueOpen[p] += Int(dueByProcedure[day * procedureCount + p]) }
    for c in 0..<centreCount { centreOverdueOpen[c] += Int(dueByCentre[day * centreCount + c]) }
    lastClosedDay = day
    var row = Measurements<DayMeasure>()
    row[.arrivals] = Double(dayArrivals)
    row[.received] = Double(dayReceived)
    row[.completed] = Double(dayCompleted)
    row[.completedLate] = Double(dayLate)
    row[.backlog] = Double(total(received) - total(completed))
    row[.inSystem] = Double(inSystem)
    row[.overdueOpen] = Double(total(overdueOpen))
    row[.counterWaitMean] = dayWait.mean
    row[.counterQueueMax] = Double(dayQueueMax)
    row[.carriedOver] = Double(dayCarriedOver)
    row[.abandoned] = Double(dayAbandoned)
    row[.initialOpen] = Double(initialOpen)
    row[.backOfficeQueue] = Double(backOfficeQueue)
    days.append(row)
    for c in 0..<centreCount {
      var centreRow = Measurements<CentreDayMeasure>()
      centreRow[.arrivals] = Double(dayCentreArrivals[c])
      centreRow[.completed] = Double(dayCentreCompleted[c])
      centreRow[.backlog] = Double(centreReceived[c] - centreCompleted[c])
      centreRow[.overdueOpen] = Double(centreOverdueOpen[c])
      centreDays.append(centreRow)
      dayCentreArrivals[c] = 0
      dayCentreCompleted[c] = 0
    }
    dayArrivals = 0
    dayReceived = 0
    dayCompleted = 0
    dayLate = 0
    dayCarriedOver = 0
    dayAbandoned = 0
    dayWait = Accumulator()
    dayQueueMax = total(waiting)
  }
}

extension RunMetrics {
  /// The counter waits of procedure `p`'s citizens (see `tracksProcedures`).
  func waitOfProcedure(_ p: Int) -> Accumulator { tracksProcedures ? waitByProcedure[p] : counterWait }
  /// The turnarounds (hours) of procedure `p`'s dossiers.
  func turnaroundOfProcedure(_ p: Int) -> Accumulator { tracksProcedures ? turnaroundByProcedure[p] : turnaround }
  /// The turnarounds (working days) of procedure `p`'s dossiers.
  func turnaroundWorkingOfProcedure(_ p: Int) -> Accumulator {
    tracksProcedures ? turnaroundWorkingByProcedure[p] : turnaroundWorking
  }

  /// A dossier arrived on `day`: it joins the cohort of every window covering that day.
  mutating func recordWindowArrival(day: Int, online: Bool, windows: [(from: Int, to: Int)]) {
    for (w, window) in windows.enumerated() where window.from <= day && day <= window.to {
      windowArrivals[w] &+= 1
      if online { windowOnline[w] &+= 1 }
    }
  }

  /// A dossier that arrived on `arrivalDay` is completed on `day`: it counts for the
  /// windows whose cohort it is in and that have not ended.
  mutating func recordWindowCompletion(arrivalDay: Int, day: Int, onTime: Bool, windows: [(from: Int, to: Int)]) {
    for (w, window) in windows.enumerated() where window.from <= arrivalDay && arrivalDay <= window.to && day <= window.to {
      windowCompleted[w] &+= 1
      if onTime { windowOnTime[w] &+= 1 }
    }
  }

  /// The figures of window `w` for the result.
  func windowRow(_ w: Int) -> Measurements<WindowMeasure> {
    var row = Measurements<WindowMeasure>()
    let arrivals = Double(windowArrivals[w]), completed = Double(windowCompleted[w])
    row[.arrivals] = arrivals
    row[.onlineArrivals] = Double(windowOnline[w])
    row[.completed] = completed
    row[.completedOnTime] = Double(windowOnTime[w])
    row[.completedLate] = completed - Double(windowOnTime[w])
    row[.overdueOpen] = Double(windowOverdueOpen[w])
    row[.overdue] = row[.completedLate] + row[.overdueOpen]
    row[.backlogEnd] = Double(windowOpen[w])
    row[.received] = completed + Double(windowOpen[w])
    row[.processedShare] = ratio(completed, arrivals)
    row[.onlineShare] = ratio(row[.onlineArrivals], arrivals)
    row[.onTimeRate] = ratio(row[.completedOnTime], completed + row[.overdueOpen])
    return row
  }
}

/// The hour of the day (0–23) of `minutes` since the start of the run.
@inline(__always)
func hourOfDay(_ minutes: Double) -> Int {
  let day = (minutes * (1 / 1440)).rounded(.down)
  return min(23, max(0, Int((minutes - day * 1440) * (1 / 60))))
}

/// `hourOfDay(minutes)`, from `memo` when `minutes` is within the hour it remembers.
@inline(__always)
func hourOfDay(_ minutes: Double, memo: inout StepMemo<Int>) -> Int {
  if let hour = memo.lookup(minutes) { return hour }
  return rememberHourOfDay(minutes, in: &memo)
}

/// Computes `hourOfDay(minutes)` and remembers it in `memo` with the span of times that
/// have the same day and hour.
@inline(never)
func rememberHourOfDay(_ minutes: Double, in memo: inout StepMemo<Int>) -> Int {
  let hour = hourOfDay(minutes)
  // (day, hour) is non-decreasing in time; the hour ends near the next whole hour.
  let dayStart = (minutes * (1 / 1440)).rounded(.down) * 1440
  let until = StepMemo<Int>.nextChange(after: minutes, near: dayStart + Double(hour + 1) * 60) { t in
    Int((t * (1 / 1440)).rounded(.down)) * 24 + hourOfDay(t)
  }
  memo.remember(hour, from: minutes, until: until)
  return hour
}

/// The sum of `counts`.
func total(_ counts: borrowing UniqueArray<Int>) -> Int {
  var sum = 0
  for i in counts.indices { sum += counts[i] }
  return sum
}
