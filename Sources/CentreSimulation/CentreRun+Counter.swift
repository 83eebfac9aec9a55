//===----------------------------------------------------------------------===//
// Arrivals and the counters.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine
import SimRandom

extension CentreRun {
  func scheduleNextArrival(centre: Int) {
    if let time = generators[centre].next(arrivalStreams[centre], calendar: calendar) {
      _ = schedule(Event(.arrival, Int32(centre)), at: time, .arrival)
    }
  }

  /// A citizen arrives at `centre`: draw the procedure and the work, then queue or serve.
  func arrive(centre: Int) {
    let procedure = procedureMix[centre].map { mixStreams[centre].pick($0) } ?? 0
    var dossier = Dossier()
    dossier.procedure = Int32(procedure)
    dossier.centre = Int32(centre)
    dossier.arrival = now
    dossier.queuedSince = now
    dossier.counterWork = counterStreams[procedure].sample(counterSamplers[procedure])
    if let sampler = backOfficeSamplers[procedure] {
      dossier.backOfficeWork = backOfficeStreams[procedure].sample(sampler)
    }
    let index = dossiers.insert(dossier)
    metrics.recordArrival(procedure)
    let pool = 2 * centre
    if canStartCounter(centre) && !pools[pool].idle.isEmpty {
      startCounter(index, pool: pool)
    } else {
      pools[pool].queue.append(index)
      noteQueueChange(centre)
    }
    scheduleNextArrival(centre: centre)
  }

  /// Whether a counter clerk may start serving a citizen now.
  @inline(__always)
  func canStartCounter(_ centre: Int) -> Bool {
    pools[2 * centre].isWorking || (!sentHome[centre] && now < overtimeUntil[centre])
  }

  func startCounter(_ index: Int32, pool: Int) {
    let dossier = dossiers[index]
    let wait = dossier.earlierWait + (now - dossier.queuedSince)
    metrics.recordCounterWait(wait, procedure: Int(dossier.procedure))
    let slot = pools[pool].seize(index, work: dossier.counterWork, at: now)
    pools[pool].handle[slot] = schedule(Event(.serviceEnd, Int32(pool << 16 | slot)), at: now + dossier.counterWork, .release)
  }

  /// Starts counter services while a clerk is idle and someone waits.
  func startWaitingCitizens(centre: Int) {
    let pool = 2 * centre
    guard canStartCounter(centre) else { return }
    while !pools[pool].idle.isEmpty, let index = pools[pool].queue.popFirst() {
      startCounter(index, pool: pool)
    }
    noteQueueChange(centre)
  }

  /// A clerk or a specialist finishes; a stale completion (of paused work) is ignored.
  func endService(_ target: Int, handle: EventHandle) {
    let pool = target >> 16
    let slot = target & 0xFFFF
    guard pools[pool].handle[slot] == handle else { return }
    let index = pools[pool].release(slot, at: now)
    let centre = pool >> 1
    if pool & 1 == 0 {
      receive(index)
      startWaitingCitizens(centre: centre)
      updateCounterStaffing(centre)
    } else {
      complete(index)
      startBackOfficeWork(centre: centre)
    }
  }

  /// Records the physical counter queue of `centre` after it changed.
  @inline(__always)
  func noteQueueChange(_ centre: Int) {
    let pool = 2 * centre
    let waiting = sentHome[centre] ? 0 : Double(pools[pool].queue.count)
    if waiting != pools[pool].waiting.value {
      pools[pool].waiting.set(waiting, at: scheduler.now)
      if waiting > metrics.dayQueueMax { metrics.dayQueueMax = waiting }
    }
  }

  /// Counter staff on duty: everyone while open or serving in overtime, else only those
  /// still finishing a citizen.
  func updateCounterStaffing(_ centre: Int) {
    let pool = 2 * centre
    let inOvertime = !sentHome[centre] && now < overtimeUntil[centre] && !pools[pool].queue.isEmpty
    let onDuty = pools[pool].isWorking || inOvertime ? pools[pool].size : pools[pool].busyCount
    if Double(onDuty) != pools[pool].staffed.value {
      pools[pool].staffed.set(Double(onDuty), at: scheduler.now)
    }
  }

  /// Sends everyone still waiting at `centre` home until the next opening.
  func sendHome(centre: Int) {
    let pool = 2 * centre
    guard !sentHome[centre] else { return }
    for index in pools[pool].queue {
      dossiers[index].earlierWait += now - dossiers[index].queuedSince
    }
    metrics.carriedOver += pools[pool].queue.count
    metrics.dayCarriedOver += pools[pool].queue.count
    sentHome[centre] = true
    noteQueueChange(centre)
  }

  /// Overtime ends: whoever still waits comes back at the next opening.
  func endOvertime(centre: Int) {
    guard !pools[2 * centre].isWorking else { return }
    sendHome(centre: centre)
    updateCounterStaffing(centre)
  }
}
