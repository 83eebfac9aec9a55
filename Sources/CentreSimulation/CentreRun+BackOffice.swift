//===----------------------------------------------------------------------===//
// Receipt, back-office steps, supplements and completion.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine
import SimRandom

extension CentreRun {
  /// The dossier is received complete: it gets its due date and starts its steps
  /// (online dossiers start with the intake check).
  @inline(__always)
  func receive(_ index: Int32) {
    let c = centre(of: index)
    let p = Int(dossiers[index].procedure)
    let (due, dueDay) = dueDates.remembered(procedure: p, receivedAt: now) ?? dueOfReceipt(procedure: p)
    dossiers[index].isReceived = true
    dossiers[index].received = now
    dossiers[index].due = due
    dossiers[index].dueDay = Int32(dueDay)
    dossiers[index].workStarted = false
    dossiers[index].step = dossiers[index].channel == .online ? -1 : 0
    metrics.recordReceipt(centre: c, procedure: p, dueDay: dueDay)
    trace(index, .received)
    beginStep(index)
  }

  /// The due time and day of a receipt of procedure `p` now, from the calendar. Out of
  /// line, so that the calendar is passed only here.
  @inline(never)
  func dueOfReceipt(procedure p: Int) -> (due: Double, dueDay: Int) {
    dueDates.due(procedure: p, deadline: plan.deadline[p], receivedAt: scheduler.now, calendar: calendar)
  }

  /// Takes back a receipt (the dossier was returned for a supplement or abandoned).
  func unreceive(_ index: Int32) {
    let d = dossiers[index]
    metrics.recordUnreceipt(centre: Int(d.centre), procedure: Int(d.procedure), dueDay: Int(d.dueDay))
    dossiers[index].isReceived = false
  }

  /// Starts the dossier's current step, or completes it after the last.
  @inline(__always)
  func beginStep(_ index: Int32) {
    let c = centre(of: index)
    let p = Int(dossiers[index].procedure)
    let step = Int(dossiers[index].step)
    dossiers[index].state = .backOffice
    if step < 0 {
      queueWork(index, pool: plan.pool(plan.intakeKind, at: c))
      return
    }
    guard step < plan.stepCount[p] else {
      complete(index)
      return
    }
    let kind = plan.stepPoolKind[plan.stepOffset[p] + step]
    if kind >= 0 {
      queueWork(index, pool: plan.pool(kind, at: c))
    } else {
      trace(index, .waitStart, detail: self.scenario.procedures[p].steps[step].name)
      let minutes = drawnWork(index, step: step) * plan.workingDayMinutes
      if let end = calendar.advanceWithin(scheduler.now, byOpenMinutes: minutes, workingDaysOnly: true) {
        _ = schedule(Event(.stepWaitEnd, index), at: end.minutes, .release)
      }
    }
  }

  /// A wait step is over.
  func finishStep(_ index: Int32) {
    trace(index, .waitEnd)
    dossiers[index].step += 1
    beginStep(index)
  }

  func queueWork(_ index: Int32, pool: Int) {
    dossiers[index].queuedSince = now
    pools[pool].queue.append(index, due: dossiers[index].due)
    trace(index, .stepQueued, detail: plan.pools[pool].name)
    dispatchWork(pool)
  }

  /// Idle specialists of back-office pool `pool` take dossiers from its queue; counter
  /// clerks who help it are called if dossiers are left.
  func dispatchWork(_ pool: Int) {
    let c = plan.centreOfPool[pool]
    guard backOfficeRate[c] > 0 else { return }
    if pools[pool].isOpen {
      while !pools[pool].idle.isEmpty, let index = pools[pool].queue.popFirst() {
        startWork(index, workPool: pool, staffPool: pool)
      }
    }
    if !pools[pool].queue.isEmpty && centreOpen[c] {
      for i in helpers.positions(pool) where !pools[helpers[i]].idle.isEmpty { dispatchCounter(helpers[i]) }
    }
  }

  /// Starts (or resumes) dossier `index`'s step of pool `workPool` with a member of
  /// `staffPool` (the same pool, or a counter clerk helping).
  func startWork(_ index: Int32, workPool: Int, staffPool: Int) {
    let c = centre(of: index)
    guard let idleSlot = pools[staffPool].idle.last else { preconditionFailure("no idle member in pool \(staffPool)") }
    let member = plan.slotBase[staffPool] + Int(idleSlot)
    let work: Double
    if dossiers[index].workStarted {
      work = dossiers[index].remainingWork
    } else {
      work = drawnWork(index, step: Int(dossiers[index].step)) * learningMultiplier(member: member)
      let since = dossiers[index].queuedSince
      metrics.recordBackOfficeWait(now - since, workingMinutes: workingMinutes(from: since))
    }
    dossiers[index].workStarted = true
    let rate = plan.slotSpeed[member] * backOfficeRate[c]
    let slot = pools[staffPool].seize(index, work: work, rate: rate, at: now)
    if staffPool != workPool { pools[staffPool].helping[slot] = Int32(workPool) }
    if rate > 0 {
      pools[staffPool].handle[slot] = schedule(Event(.serviceEnd, Int32(staffPool << 16 | slot)), at: now + work / rate,
                                               .release)
    }
    trace(index, .stepStart, detail: plan.pools[workPool].name)
  }

  /// A back-office step (or an intake check) is done.
  func finishWork(_ pool: Int, _ slot: Int) {
    let index = pools[pool].release(slot, at: now)
    let c = centre(of: index)
    let p = Int(dossiers[index].procedure)
    dossiers[index].workStarted = false
    trace(index, .stepEnd)
    let step = Int(dossiers[index].step)
    let atIntake = plan.incompleteAtCounter[p]
    let inBackOffice = plan.incompleteInBackOffice[p]
    if step < 0 && atIntake > 0 && random.bernoulli(streams.incomplete + p, atIntake) {
      metrics.recordHandBack(centre: c)
      trace(index, .handedBack)
      unreceive(index)
      supplement(index)
    } else if step == plan.firstWorkStep[p] && inBackOffice > 0 && random.bernoulli(streams.incomplete + p, inBackOffice) {
      metrics.recordReturnFromBackOffice(centre: c)
      trace(index, .returnedForSupplement)
      unreceive(index)
      supplement(index)
    } else {
      dossiers[index].step += 1
      beginStep(index)
    }
    if plan.isCounter[pool] {
      dispatchCounter(pool)
    } else {
      dispatchWork(pool)
    }
  }

  /// The citizen is asked for missing papers: they come back after the resubmission
  /// delay (the dossier is then handled anew and its deadline restarts), or never.
  func supplement(_ index: Int32) {
    let p = Int(dossiers[index].procedure)
    let rule = scenario.resubmission
    guard rule.probability > 0 && random.bernoulli(streams.supplement + p, rule.probability) else {
      abandon(index)
      return
    }
    let days = random.sample(streams.supplement + p, supplementDelay)
    dossiers[index].state = .away
    dossiers[index].resubmissions &+= 1
    dossiers[index].step = 0
    dossiers[index].workStarted = false
    dossiers[index].earlierWait = 0
    drawWork(index)
    if let time = calendar.advanceWithin(scheduler.now, byOpenMinutes: max(0, days) * plan.workingDayMinutes,
                                         workingDaysOnly: true), time < horizonEnd {
      _ = schedule(Event(.comeBack, index), at: time.minutes, .arrival)
    }
  }

  /// The dossier is done: record whether it met its deadline and free it.
  @inline(__always)
  func complete(_ index: Int32) {
    let d = dossiers[index]
    if d.isInitial {
      metrics.recordInitialCompletion(centre: Int(d.centre), onTime: now <= d.due, day: calendar.day(of: scheduler.now))
    } else if plan.hasWindows {
      metrics.recordWindowCompletion(arrivalDay: calendar.day(of: SimTime(minutes: d.arrival)), day: calendar.day(of: scheduler.now),
                                     onTime: now <= d.due, windows: plan.windowDays)
    }
    metrics.recordCompletion(centre: Int(d.centre), procedure: Int(d.procedure), channel: d.channel,
                             onTime: now <= d.due, dueDay: Int(d.dueDay), turnaround: now - d.received,
                             workingDays: workingMinutes(from: d.received) / plan.workingDayMinutes, initial: d.isInitial)
    trace(index, .completed)
    dossiers.remove(index)
  }

  /// Open minutes of working days from `time` to now: the working time deadlines count.
  /// (Zero from now itself, as the difference would be; the table's count up to now is
  /// looked up once per instant.)
  @inline(__always)
  func workingMinutes(from time: Double) -> Double {
    if plan.workingTimeIsRealTime { return now - time }
    if time == now { return 0 }
    return workingOpenMinutesNow() - calendar.workingOpenMinutes(upTo: SimTime(minutes: time))
  }

  /// `calendar.workingOpenMinutes(upTo: now)`, remembered for the current instant.
  @inline(__always)
  func workingOpenMinutesNow() -> Double {
    if workingOpenAt != now {
      workingOpenAt = now
      workingOpenUpToNow = calendar.workingOpenMinutes(upTo: scheduler.now)
    }
    return workingOpenUpToNow
  }
}
