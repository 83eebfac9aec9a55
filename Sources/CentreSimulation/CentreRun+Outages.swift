//===----------------------------------------------------------------------===//
// Outages: work slows or stops, online submissions wait.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine
import SimRandom

extension CentreRun {
  /// Schedules the first outage of every renewal process.
  func startOutages() {
    for (i, instance) in outageInstances.enumerated() {
      if case .renewal(let gap) = scenario.outages[instance.process].occurrence {
        let first = random.sample(streams.outage + i, Sampler(gap))
        _ = schedule(Event(.outageStart, Int32(i)), at: now + first, .calendar)
      }
    }
  }

  /// Draws the day's outages of the daily processes (one draw per instance per day).
  func scheduleDailyOutages(_ day: Int) {
    let open = calendar.openMinutes(ofDay: day)
    let date = calendar.date(ofDay: day)
    for (i, instance) in outageInstances.enumerated() {
      let process = scenario.outages[instance.process]
      guard case .daily(let probability) = process.occurrence else { continue }
      let happens = random.bernoulli(streams.outage + i, probability)
      let offset = random.uniform(streams.outage + i) * open
      guard happens, open > 0, process.canStart(on: date),
        let start = calendar.advanceWithin(SimTime(minutes: Double(day) * SimTime.minutesPerDay), byOpenMinutes: offset)
      else { continue }
      _ = schedule(Event(.outageStart, Int32(i)), at: start.minutes, .calendar)
    }
  }

  func startOutage(_ i: Int) {
    guard !outageActive[i] else { return }
    let process = scenario.outages[outageInstances[i].process]
    if case .renewal(let gap) = process.occurrence, !process.canStart(on: calendar.date(ofDay: calendar.day(of: scheduler.now))) {
      // Outside its window the process stays up: the next up period begins.
      _ = schedule(Event(.outageStart, Int32(i)), at: now + random.sample(streams.outage + i, Sampler(gap)), .calendar)
      return
    }
    outageActive[i] = true
    let duration = random.sample(streams.outage + i, Sampler(process.duration))
    _ = schedule(Event(.outageEnd, Int32(i)), at: now + duration, .calendar)
    metrics.recordOutage(minutes: duration)
    for c in outageInstances[i].centres { applyOutages(c) }
  }

  func endOutage(_ i: Int) {
    outageActive[i] = false
    let process = scenario.outages[outageInstances[i].process]
    if case .renewal(let gap) = process.occurrence {
      _ = schedule(Event(.outageStart, Int32(i)), at: now + random.sample(streams.outage + i, Sampler(gap)), .calendar)
    }
    for c in outageInstances[i].centres { applyOutages(c) }
  }

  /// Recomputes centre `c`'s work rates from the outages in force, re-times the work
  /// under way, and releases online submissions when nothing blocks them any more.
  func applyOutages(_ c: Int) {
    var counter = 1.0
    var backOffice = 1.0
    var blocked = false
    for (i, instance) in outageInstances.enumerated() where outageActive[i] && instance.centres.contains(c) {
      let process = scenario.outages[instance.process]
      counter = min(counter, process.counter.rate)
      backOffice = min(backOffice, process.backOffice.rate)
      blocked = blocked || process.blocksOnline
    }
    let changed = counter != counterRate[c] || backOffice != backOfficeRate[c]
    counterRate[c] = counter
    backOfficeRate[c] = backOffice
    onlineBlocked[c] = blocked
    if changed {
      for pool in plan.poolsOfCentre[c] {
        let spec = plan.pools[pool]
        for slot in 0..<pools[pool].size where pools[pool].dossier[slot] >= 0 {
          let isCitizen = spec.kind == .counter && pools[pool].helping[slot] < 0
          let speed = spec.crews[spec.crewOfSlot[slot]].speed
          retime(pool: pool, slot: slot, rate: speed * (isCitizen ? counter : backOffice))
        }
      }
    }
    if !blocked && !heldOnline[c].isEmpty {
      let held = heldOnline[c]
      heldOnline[c].removeAll()
      for index in held { receive(index) }
    }
    for pool in plan.poolsOfCentre[c] {
      if plan.pools[pool].kind == .counter { dispatchCounter(pool) } else { dispatchWork(pool) }
    }
  }

  /// Changes the work rate of busy `slot`, keeping the work already done.
  private func retime(pool: Int, slot: Int, rate: Double) {
    let left = pools[pool].workLeft(slot, at: now)
    pools[pool].remaining[slot] = left
    pools[pool].resumedAt[slot] = now
    pools[pool].rate[slot] = rate
    pools[pool].handle[slot] = rate > 0
      ? schedule(Event(.serviceEnd, Int32(pool << 16 | slot)), at: now + left / rate, .release) : .none
  }

  /// A member of staff finishes: a citizen at the counter, or a step of back-office work.
  func endService(_ target: Int, handle: EventHandle) {
    let pool = target >> 16
    let slot = target & 0xFFFF
    guard pools[pool].handle[slot] == handle else { return }
    if plan.isCounter[pool] && pools[pool].helping[slot] < 0 {
      finishCounter(pool, slot)
    } else {
      finishWork(pool, slot)
    }
  }
}
