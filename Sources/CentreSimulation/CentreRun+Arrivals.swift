//===----------------------------------------------------------------------===//
// New dossiers, citizens who leave, and citizens who come back.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine
import SimRandom

extension CentreRun {
  /// The time of generator `source`'s next arrival (nil: none before the horizon ends).
  @inline(__always)
  func nextArrivalTime(_ source: Int) -> Double? {
    let stream = random.stream(streams.arrivals + source)
    while true {
      if let time = generators[source].nextToday(stream) { return time }
      guard startNextArrivalDay(source) else { return nil }
    }
  }

  /// Moves generator `source` to its next day with arrivals (`false`: none is left).
  /// Out of line, so that the calendar is passed only here.
  @inline(never)
  func startNextArrivalDay(_ source: Int) -> Bool {
    generators[source].advanceDay(calendar)
  }

  @inline(__always)
  func scheduleArrival(_ source: Int, at time: Double?) {
    if let time { _ = schedule(Event(.arrival, Int32(source)), at: time, .arrival) }
  }

  /// Recorded arrivals are scheduled one at a time (target -1 - position), so the event
  /// list stays small however long the log.
  func scheduleRecordedArrivals(_ recorded: [RecordedArrival], from position: Int = 0) {
    guard position < recorded.count, recorded[position].time <= horizonEnd.minutes else { return }
    _ = schedule(Event(.arrival, Int32(-1 - position)), at: recorded[position].time, .arrival)
  }

  /// A new dossier arrives from generator `source` (centre × 3 + channel), or from the
  /// recorded log when `source` is negative.
  func arrive(source: Int) {
    let index: Int32
    if source < 0, let recorded = scenario.recordedArrivals {
      let record = recorded[-1 - source]
      index = newDossier(centre: record.centre, procedure: record.procedure, channel: record.channel)
      scheduleRecordedArrivals(recorded, from: -source)
    } else {
      // A centre's arrival and procedure-mix streams are each used a few dozen times a
      // day, so their states are rarely in the cache. Fetching the mix stream's while the
      // next arrival time is drawn overlaps the two misses. (Drawing the next arrival
      // first changes no number: each stream keeps its own sequence; it is scheduled
      // after the new dossier's events, as always.)
      let slot = channelPeriods ? mixSlot(source) : source
      let mixed = onlyProcedure[slot] < 0
      if mixed { random.prefetch(streams.mix + source) }
      let nextArrival = nextArrivalTime(source)
      let procedure = mixed ? random.pick(streams.mix + source, mixes[slot]!) : onlyProcedure[slot]
      index = newDossier(centre: source / 3, procedure: procedure, channel: Channel(rawValue: source % 3)!)
      scheduleArrival(source, at: nextArrival)
    }
    enter(index)
    if dossiers.count > plan.maxInSystem { stoppedEarly = true }
  }

  /// The procedure mix of `source` today (its centre's online-share period).
  func mixSlot(_ source: Int) -> Int {
    let day = min(calendar.day(of: scheduler.now), scenario.horizon.days - 1)
    return slotBase[source] + Int(periodOfDay[source / 3 * scenario.horizon.days + day])
  }

  /// Creates a dossier and draws everything it brings (work, patience, priority).
  @inline(__always)
  func newDossier(centre: Int, procedure: Int, channel: Channel) -> Int32 {
    var dossier = Dossier()
    dossier.procedure = Int32(procedure)
    dossier.centre = Int32(centre)
    dossier.channel = channel
    dossier.arrival = now
    dossier.queuedSince = now
    dossier.serial = nextSerial
    nextSerial &+= 1
    if channel == .walkIn {
      let priority = plan.priorityShare[centre]
      if priority > 0 { dossier.priority = random.bernoulli(streams.priority + centre, priority) }
      dossier.patienceLeft = drawPatience(centre) ?? .infinity
    }
    let index = dossiers.insert(dossier)
    drawWork(index)
    metrics.recordArrival(centre: centre, procedure: procedure, channel: channel, at: now)
    if plan.hasWindows {
      metrics.recordWindowArrival(day: calendar.day(of: scheduler.now), online: channel == .online, windows: plan.windowDays)
    }
    trace(index, .arrival)
    return index
  }

  /// Draws the counter time and every step's work for dossier `index` (again after a
  /// supplement: the returned dossier is handled anew).
  @inline(__always)
  func drawWork(_ index: Int32) {
    let p = Int(dossiers[index].procedure)
    let base = Int(index) * (maxSteps + 1)
    if stepWork.count < base + maxSteps + 1 {
      stepWork.append(repeating: 0, count: base + maxSteps + 1 - stepWork.count)
    }
    if dossiers[index].channel != .online || dossiers[index].resubmissions > 0 {
      dossiers[index].counterWork = random.sample(streams.counterTime + p, counterSamplers[p])
    }
    let offset = plan.stepOffset[p]
    for s in 0..<plan.stepCount[p] {
      stepWork[base + s] = random.sample(streams.stepWork + p, stepSamplers[offset + s])
    }
    if dossiers[index].channel == .online {
      stepWork[base + maxSteps] = random.sample(streams.stepWork + p, intakeSampler)
    }
  }

  /// A citizen's patience at centre `c`, or `nil` when citizens there wait for ever.
  @inline(__always)
  func drawPatience(_ c: Int) -> Double? {
    switch patienceSamplers[c] {
    case .some(let sampler): return random.sample(streams.patience + c, sampler)
    case .none: return nil
    }
  }

  /// The drawn work of step `step` (-1: online intake) of dossier `index`.
  @inline(__always)
  func drawnWork(_ index: Int32, step: Int) -> Double {
    stepWork[Int(index) * (maxSteps + 1) + (step < 0 ? maxSteps : step)]
  }

  /// Where a dossier goes when it arrives (or comes back): to the counter, or straight
  /// to receipt (online, service point).
  @inline(__always)
  func enter(_ index: Int32) {
    let c = centre(of: index)
    switch dossiers[index].channel {
    case .walkIn:
      citizenArrives(index)
    case .servicePoint:
      receive(index)
    case .online:
      if onlineBlocked[c] {
        dossiers[index].state = .away
        heldOnline[c].append(index)
      } else {
        receive(index)
      }
    }
  }

  /// A citizen who was away comes back.
  func comeBack(_ index: Int32) {
    metrics.recordComeBack(centre: centre(of: index))
    trace(index, .returned)
    enter(index)
  }

  /// A citizen walks in: the ticket cap and the length of the queue may turn them away.
  @inline(__always)
  func citizenArrives(_ index: Int32) {
    let c = centre(of: index)
    if ticketsToday[c] >= plan.ticketCap[c] {
      walkAway(index, .turnedAway)
      return
    }
    if waitingAt[c] >= plan.balkAt[c] {
      walkAway(index, .balked)
      return
    }
    ticketsToday[c] &+= 1
    joinCounters(index)
  }

  /// A citizen leaves without being served; they may come back the next open day.
  func walkAway(_ index: Int32, _ reason: DossierEvent.Kind) {
    let c = centre(of: index)
    metrics.recordWalkAway(centre: c, reason: reason)
    trace(index, reason)
    dossiers[index].state = .away
    dossiers[index].renegeHandle = .none
    let returning = plan.returnProbability[c]
    if returning > 0 && random.bernoulli(streams.returns + c, returning) {
      if let patience = drawPatience(c) { dossiers[index].patienceLeft = patience }
      dossiers[index].earlierWait = 0
      scheduleReturnNextOpenDay(index)
    } else {
      abandon(index)
    }
  }

  /// Schedules a come-back at a uniformly random moment of the next open day's hours.
  func scheduleReturnNextOpenDay(_ index: Int32) {
    let c = centre(of: index)
    var day = calendar.day(of: scheduler.now) + 1
    while day < scenario.horizon.days && calendar.openMinutes(ofDay: day) == 0 { day += 1 }
    guard day < scenario.horizon.days else { return }  // away until the end
    let offset = random.uniform(streams.returns + c) * calendar.openMinutes(ofDay: day)
    if let time = calendar.advanceWithin(SimTime(minutes: Double(day) * SimTime.minutesPerDay), byOpenMinutes: offset) {
      _ = schedule(Event(.comeBack, index), at: time.minutes, .arrival)
    }
  }

  /// The dossier leaves the system for good.
  func abandon(_ index: Int32) {
    let d = dossiers[index]
    if d.isReceived { unreceive(index) }
    if d.isInitial { metrics.leaveInitial(centre: Int(d.centre), day: calendar.day(of: scheduler.now)) }
    metrics.recordAbandonment(centre: Int(d.centre), procedure: Int(d.procedure))
    trace(index, .abandoned)
    dossiers.remove(index)
  }
}
