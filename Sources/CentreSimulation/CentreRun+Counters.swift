//===----------------------------------------------------------------------===//
// The counters: ticket queues, service, giving up, sending home.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine
import SimRandom

extension CentreRun {
  /// A citizen with a ticket: served at once by a free eligible counter, else queued.
  @inline(__always)
  func joinCounters(_ index: Int32) {
    let c = centre(of: index)
    let group = plan.groupOf[Int(dossiers[index].procedure)]
    let eligible = plan.counters(for: group, at: c)
    if !sentHome[c] && counterRate[c] > 0,
      let pool = eligible.first(where: { pools[$0].isOpen && !pools[$0].idle.isEmpty })
    {
      startCounter(index, pool: pool)
      return
    }
    let owner: Int
    if plan.sharedQueue[c] || eligible.count == 1 {
      owner = plan.ownerOfPool[eligible[0]]
    } else {
      // The eligible group with the fewest citizens waiting per member on duty.
      var best = eligible[0]
      var fewest = Double.infinity
      for pool in eligible {
        let load = Double(tickets[plan.ownerOfPool[pool]].waiting) / Double(max(1, pools[pool].onDutyCount))
        if load < fewest {
          fewest = load
          best = pool
        }
      }
      owner = plan.ownerOfPool[best]
    }
    dossiers[index].ticket = nextTicket
    nextTicket &+= 1
    dossiers[index].state = .waitingCounter
    dossiers[index].queuedSince = now
    dossiers[index].owner = Int32(owner)
    tickets[owner].append(QueueEntry(index: index, ticket: dossiers[index].ticket), group: group,
                          priority: dossiers[index].priority)
    trace(index, .queued)
    if !sentHome[c] {
      waitingAt[c] &+= 1
      noteQueue(c)
      scheduleRenege(index)
    }
  }

  @inline(__always)
  func isWaiting(_ entry: QueueEntry) -> Bool {
    let d = dossiers[entry.index]
    return d.ticket == entry.ticket && d.state == .waitingCounter
  }

  @inline(__always)
  func scheduleRenege(_ index: Int32) {
    let patience = dossiers[index].patienceLeft
    guard patience.isFinite else { return }
    dossiers[index].renegeHandle = schedule(Event(.renege, index), at: now + max(0, patience), .release)
  }

  /// A waiting citizen's patience runs out.
  func renege(_ index: Int32, handle: EventHandle) {
    guard dossiers[index].renegeHandle == handle, dossiers[index].state == .waitingCounter else { return }
    let c = centre(of: index)
    tickets[Int(dossiers[index].owner)].noteDeparture()
    dossiers[index].earlierWait += now - dossiers[index].queuedSince
    waitingAt[c] &-= 1
    noteQueue(c)
    metrics.recordCounterWait(dossiers[index].earlierWait, joined: now, centre: c, procedure: Int(dossiers[index].procedure),
                              priority: dossiers[index].priority, served: false)
    walkAway(index, .reneged)
  }

  /// Starts serving citizen `index` at an idle slot of counter pool `pool`.
  @inline(__always)
  func startCounter(_ index: Int32, pool: Int) {
    let c = centre(of: index)
    let d = dossiers[index]
    let queued = d.state == .waitingCounter
    let wait = queued ? d.earlierWait + (now - d.queuedSince) : d.earlierWait
    metrics.recordCounterWait(wait, joined: queued ? d.queuedSince : now, centre: c, procedure: Int(d.procedure),
                              priority: d.priority, served: true)
    dossiers[index].renegeHandle = .none
    dossiers[index].state = .atCounter
    guard let idleSlot = pools[pool].idle.last else { preconditionFailure("no idle counter in pool \(pool)") }
    let member = plan.slotBase[pool] + Int(idleSlot)
    let work = d.counterWork * learningMultiplier(member: member)
    let rate = plan.slotSpeed[member] * counterRate[c]
    let slot = pools[pool].seize(index, work: work, rate: rate, at: now)
    if rate > 0 {
      pools[pool].handle[slot] = schedule(Event(.serviceEnd, Int32(pool << 16 | slot)), at: now + work / rate, .release)
    }
    trace(index, .counterStart, detail: plan.pools[pool].name)
  }

  /// Idle clerks of counter pool `pool` call waiting citizens, or else help a back-office
  /// pool (only while the centre is open).
  func dispatchCounter(_ pool: Int) {
    guard pools[pool].isOpen else { return }
    let c = plan.centreOfPool[pool]
    let owner = plan.ownerOfPool[pool]
    while !pools[pool].idle.isEmpty {
      if counterRate[c] > 0 && !sentHome[c],
        let entry = tickets[owner].call(serves: plan.serves, from: pool * plan.groupCount, onlyGroup: plan.onlyGroupServed[pool],
                                          priorities: plan.hasPriorities,
                                          isLive: isWaiting)
      {
        waitingAt[c] &-= 1
        startCounter(entry.index, pool: pool)
        continue
      }
      if centreOpen[c] && backOfficeRate[c] > 0, let (helped, index) = takeHelperWork(pool) {
        startWork(index, workPool: helped, staffPool: pool)
        continue
      }
      break
    }
    noteQueue(c)
  }

  @inline(__always)
  private func takeHelperWork(_ pool: Int) -> (Int, Int32)? {
    for i in helps.positions(pool) {
      if let index = pools[helps[i]].queue.popFirst() { return (helps[i], index) }
    }
    return nil
  }

  /// A clerk finishes a citizen: the dossier is received, or handed back incomplete.
  @inline(__always)
  func finishCounter(_ pool: Int, _ slot: Int) {
    let index = pools[pool].release(slot, at: now)
    let c = centre(of: index)
    let p = Int(dossiers[index].procedure)
    trace(index, .counterEnd, detail: plan.pools[pool].name)
    let incomplete = plan.incompleteAtCounter[p]
    if incomplete > 0 && random.bernoulli(streams.incomplete + p, incomplete) {
      metrics.recordHandBack(centre: c)
      trace(index, .handedBack)
      supplement(index)
    } else {
      receive(index)
    }
    dispatchCounter(pool)
    if inOvertime[c] && waitingAt[c] == 0 { finishOvertime(c) }
  }

  /// Records the citizens physically waiting at centre `c` after a change.
  @inline(__always)
  func noteQueue(_ c: Int) {
    metrics.noteWaiting(centre: c, count: waitingAt[c], at: scheduler.now)
  }

  /// Everyone still waiting at centre `c` goes home and comes back at the next opening,
  /// at the head of the queue; the centre counts as closed for the day.
  func sendHome(_ c: Int) {
    guard !sentHome[c] else { return }
    var count = 0
    for owner in plan.ownersOfCentre[c] {
      for entry in tickets[owner].entries(isLive: isWaiting) {
        let waited = now - dossiers[entry.index].queuedSince
        dossiers[entry.index].earlierWait += waited
        dossiers[entry.index].patienceLeft -= waited
        dossiers[entry.index].renegeHandle = .none
        trace(entry.index, .sentHome)
        count += 1
      }
    }
    metrics.recordCarriedOver(centre: c, count: count)
    waitingAt[c] = 0
    sentHome[c] = true
    noteQueue(c)
  }

  /// Citizens sent home are back at the opening, in their places.
  func welcomeBack(_ c: Int) {
    guard sentHome[c] else { return }
    sentHome[c] = false
    var count = 0
    for owner in plan.ownersOfCentre[c] {
      for entry in tickets[owner].entries(isLive: isWaiting) {
        dossiers[entry.index].queuedSince = now
        scheduleRenege(entry.index)
        count += 1
      }
    }
    waitingAt[c] = count
    noteQueue(c)
  }

  /// Overtime ends at centre `c` (its limit is reached).
  func endOvertime(centre c: Int) {
    guard inOvertime[c] && !centreOpen[c] else { return }
    finishOvertime(c)
  }

  /// Overtime is over (limit reached or queue empty): whoever waits goes home.
  func finishOvertime(_ c: Int) {
    inOvertime[c] = false
    sendHome(c)
    for pool in plan.counterPools[c] { review(pool: pool) }
  }
}
