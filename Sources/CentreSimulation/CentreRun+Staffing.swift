//===----------------------------------------------------------------------===//
// Opening and closing, who is on duty, absences, the end of a day.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine
import SimRandom

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

  /// Every centre opens: citizens sent home come back first; staff come on duty.
  func open() {
    for c in scenario.centres.indices {
      centreOpen[c] = true
      inOvertime[c] = false
      overtimeUntil[c] = -.infinity
      welcomeBack(c)
      for pool in plan.poolsOfCentre[c] { review(pool: pool) }
    }
  }

  /// Every centre closes; at the day's last closing the closing policy decides about
  /// the citizens still waiting.
  func close(endOfDay: Bool) {
    for c in scenario.centres.indices {
      centreOpen[c] = false
      if endOfDay {
        switch scenario.centres[c].closing {
        case .returnNextDay:
          sendHome(c)
        case .serveWaiting(let limit):
          if waitingAt[c] > 0 {
            inOvertime[c] = true
            overtimeUntil[c] = now + (limit ?? .infinity)
            if let limit { _ = schedule(Event(.overtimeEnd, Int32(c)), at: now + limit, .calendar) }
          } else {
            sendHome(c)
          }
        }
      }
      for pool in plan.poolsOfCentre[c] { review(pool: pool) }
    }
    scheduleNextOpenPeriod(from: scheduler.now)
  }

  /// A new day: tickets counted afresh, absences drawn, on-duty checks scheduled at
  /// every change of a crew's or a pool's hours, daily outages drawn.
  func startDay(_ day: Int) {
    scheduleDayEvents(day + 1)
    if day > 0 && day == scenario.horizon.warmUpDays { endWarmUp() }
    for c in ticketsToday.indices { ticketsToday[c] = 0 }
    let midnight = Double(day) * SimTime.minutesPerDay
    for pool in pools.indices {
      let base = plan.slotBase[pool]
      for slot in 0..<pools[pool].size {
        let absence = plan.slotAbsence[base + slot]
        pools[pool].absent[slot] = absence > 0 && random.bernoulli(streams.absence + pool, absence)
      }
      review(pool: pool)
      for minute in plan.pools[pool].reviewMinutes {
        _ = schedule(Event(.review, Int32(pool)), at: midnight + minute, .calendar)
      }
    }
    scheduleDailyOutages(day)
  }

  /// Midnight: the day's statistics.
  func endDay(_ day: Int) {
    if plan.hasWindows { closeWindows(endingOn: day) }
    var queued = 0
    for pool in pools.indices where !plan.isCounter[pool] { queued &+= pools[pool].queue.count }
    metrics.closeDay(day, inSystem: dossiers.count, backOfficeQueue: queued, waiting: waitingAt)
  }

  /// At the end of a window's last day: its cohort's dossiers received and still open,
  /// and those of them past due (one pass over the dossiers in the system).
  func closeWindows(endingOn day: Int) {
    for (w, window) in plan.windowDays.enumerated() where window.to == day {
      var open = 0, overdue = 0
      for index in dossiers.liveIndices {
        let d = dossiers[index]
        guard !d.isInitial, d.isReceived else { continue }
        let arrived = calendar.day(of: SimTime(minutes: d.arrival))
        guard window.from <= arrived && arrived <= window.to else { continue }
        open += 1
        if d.due < now { overdue += 1 }
      }
      metrics.windowOpen[w] = open
      metrics.windowOverdueOpen[w] = overdue
    }
  }

  /// The end of the warm-up: waiting times, queues, utilisation and turnaround start
  /// afresh (counts of dossiers go on).
  func endWarmUp() {
    let time = scheduler.now
    metrics.restartStatistics(at: time)
    for pool in pools.indices {
      pools[pool].busy = TimeWeighted(pools[pool].busy.value, at: time)
      pools[pool].staffed = TimeWeighted(pools[pool].staffed.value, at: time)
    }
  }

  /// The first sample of the counters, and the time between samples (minutes): six a
  /// hour, in the middle of each 10 minutes.
  static var firstSample: Double { 5 }
  static var sampleInterval: Double { 10 }

  /// Takes the samples of the counters for the hour-of-day profile that fall before
  /// `time`, on open days after the warm-up.
  ///
  /// The run calls this before each event, so a sample sees the state left by every
  /// event before it, as a sample event ordered after all others at its instant would
  /// (samples fall on odd multiples of 5 minutes, end-of-day events on whole days), but
  /// without a trip through the event list: in a one-commune quarter the samples
  /// outnumbered the dossiers' own events. A closed day is skipped whole; it records
  /// nothing.
  func takeSamples(before time: Double) {
    while nextSample < time {
      let day = calendar.day(of: SimTime(minutes: nextSample))
      let dayEnd = Double(day + 1) * SimTime.minutesPerDay
      guard day >= scenario.horizon.warmUpDays && calendar.openMinutes(ofDay: day) > 0 else {
        nextSample = dayEnd + Self.firstSample
        continue
      }
      // The state cannot change between two events, so the samples until `time` are
      // equal: one sum serves them all, recorded an hour at a time.
      var waiting = 0
      for c in waitingAt.indices { waiting &+= waitingAt[c] }
      // Busy clerks, whether serving a citizen or helping the back office: either way a
      // citizen arriving now cannot have them.
      var busy = 0
      var staff = 0.0
      for pool in counterPools {
        busy &+= pools[pool].busyCount
        staff += pools[pool].staffed.value
      }
      while nextSample < time && nextSample < dayEnd {
        let hour = hourOfDay(nextSample)
        let limit = min(time, Double(day) * SimTime.minutesPerDay + Double(hour + 1) * 60)
        // The samples at nextSample + 10i below `limit`: estimated, then settled exactly
        // (sample times are whole minutes, so these sums are exact).
        var count = max(1, Int(((limit - nextSample) / Self.sampleInterval).rounded(.up)))
        while nextSample + Double(count) * Self.sampleInterval < limit { count += 1 }
        while count > 1 && nextSample + Double(count - 1) * Self.sampleInterval >= limit { count -= 1 }
        metrics.recordSamples(count, hour: hour, waiting: waiting, load: waiting + busy, staff: staff)
        nextSample += Double(count) * Self.sampleInterval
      }
    }
  }

  /// Brings pool `pool`'s members on or off duty for the current time, then lets idle
  /// members take work.
  ///
  /// Counter clerks work while the centre is open (or in overtime), within their crew's
  /// hours. Back-office specialists work their crew's or pool's own hours on the days they
  /// work (`Crew.worksInBackOffice`), which may lie outside the opening hours (evenings,
  /// Saturdays); without own hours, the opening hours.
  ///
  /// A counter clerk going off duty finishes the citizen in front of them; a specialist
  /// (or a clerk helping the back office) puts the dossier back in its queue with the
  /// work left, for whoever is on duty next, unless the task ends at this very instant.
  func review(pool: Int) {
    let kind = plan.pools[pool].kind
    let c = plan.centreOfPool[pool]
    let day = calendar.day(of: scheduler.now)
    let minute = now - Double(day) * SimTime.minutesPerDay
    let date = calendar.date(ofDay: day)
    let counterWindow = centreOpen[c] || inOvertime[c]
    let openDay = calendar.openMinutes(ofDay: day) > 0
    let holiday = calendar.isHoliday(day)
    // Whether each crew is wanted now, asked once per crew rather than once per member
    // (a crew is a value with a set, an array and a string: copying it per member costs
    // a dozen reference counts).
    let crewCount = plan.pools[pool].crews.count
    var anyWanted = false
    withUnsafeTemporaryAllocation(of: Bool.self, capacity: crewCount) { crewWanted in
      for k in 0..<crewCount {
        let crew = plan.pools[pool].crews[k]
        let hours = plan.pools[pool].crewHours[k]
        switch kind {
        case .counter:
          crewWanted[k] = counterWindow && crew.covers(date) && (hours.map { Self.within($0, minute) } ?? true)
        case .backOffice:
          crewWanted[k] = crew.worksInBackOffice(on: date, isOpenDay: openDay, isHoliday: holiday)
            && (hours.map { Self.within($0, minute) } ?? centreOpen[c])
        }
        anyWanted = anyWanted || crewWanted[k]
      }
      for slot in 0..<pools[pool].size {
        let wanted = crewWanted[plan.pools[pool].crewOfSlot[slot]] && !pools[pool].absent[slot]
        let busy = pools[pool].dossier[slot] >= 0
        let helping = pools[pool].helping[slot] >= 0
        if wanted && !pools[pool].onDuty[slot] {
          pools[pool].onDuty[slot] = true
          pools[pool].leaving[slot] = false
          if !busy { pools[pool].idle.append(Int32(slot)) }
        } else if !wanted && pools[pool].onDuty[slot] {
          pools[pool].onDuty[slot] = false
          if !busy {
            pools[pool].removeIdle(slot)
          } else if (kind == .counter && !helping) || pools[pool].finishesNow(slot, at: now) {
            pools[pool].leaving[slot] = true
          } else {
            preempt(pool: pool, slot: slot)
          }
        } else if busy && helping && !centreOpen[c] && !pools[pool].finishesNow(slot, at: now) {
          preempt(pool: pool, slot: slot)  // clerks stop helping the back office at closing
        }
      }
    }
    pools[pool].isOpen = kind == .counter ? counterWindow : anyWanted
    pools[pool].noteStaffing(at: now)
    switch kind {
    case .counter: dispatchCounter(pool)
    case .backOffice: dispatchWork(pool)
    }
  }

  /// Interrupts the back-office work of `slot`: the dossier goes back to its queue with
  /// the work left.
  func preempt(pool: Int, slot: Int) {
    let work = pools[pool].workLeft(slot, at: now)
    let workPool = pools[pool].helping[slot] >= 0 ? Int(pools[pool].helping[slot]) : pool
    let index = pools[pool].release(slot, at: now)
    dossiers[index].remainingWork = work
    dossiers[index].workStarted = true
    pools[workPool].queue.putBack(index, due: dossiers[index].due)
    trace(index, .stepPaused, detail: plan.pools[workPool].name)
  }

  /// The work-time multiplier now of staff member `member` (`plan.slotBase[pool] + slot`):
  /// 1 unless on a learning curve.
  @inline(__always)
  func learningMultiplier(member: Int) -> Double {
    guard plan.hasLearning, let learning = plan.slotLearning[member], let start = learning.start else { return 1 }
    let elapsed = now / SimTime.minutesPerDay - Double(start.dayNumber - scenario.horizon.start.dayNumber)
    return learning.multiplier(afterDays: elapsed)
  }

  /// Whether `minute` (of the day) is within one of `intervals`.
  static func within(_ intervals: [OpeningInterval], _ minute: Double) -> Bool {
    intervals.contains { Double($0.start.minutes) <= minute && minute < Double($0.end.minutes) }
  }
}
