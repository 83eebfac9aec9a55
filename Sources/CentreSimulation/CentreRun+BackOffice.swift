//===----------------------------------------------------------------------===//
// Receipt, the back office, completion.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine

extension CentreRun {
  /// The counter has received the dossier: it gets its due date and goes to the back
  /// office (or is completed at once when the procedure has no back-office work).
  func receive(_ index: Int32) {
    let procedure = Int(dossiers[index].procedure)
    let due = calendar.dueTime(receivedAt: scheduler.now, deadline: scenario.procedures[procedure].deadline)
    let dueDay = calendar.day(of: due)
    dossiers[index].received = now
    dossiers[index].due = due.minutes
    dossiers[index].dueDay = Int32(dueDay)
    metrics.recordReceipt(procedure, dueDay: dueDay)
    guard dossiers[index].backOfficeWork > 0 else {
      complete(index)
      return
    }
    dossiers[index].queuedSince = now
    let pool = 2 * Int(dossiers[index].centre) + 1
    if pools[pool].isWorking && !pools[pool].idle.isEmpty {
      startBackOffice(index, pool: pool)
    } else {
      pools[pool].queue.append(index)
    }
  }

  func startBackOffice(_ index: Int32, pool: Int) {
    let dossier = dossiers[index]
    metrics.backOfficeWait.record(now - dossier.queuedSince)
    let slot = pools[pool].seize(index, work: dossier.backOfficeWork, at: now)
    pools[pool].handle[slot] = schedule(Event(.serviceEnd, Int32(pool << 16 | slot)), at: now + dossier.backOfficeWork, .release)
  }

  /// Starts back-office tasks while a specialist is idle and a dossier waits.
  func startBackOfficeWork(centre: Int) {
    let pool = 2 * centre + 1
    guard pools[pool].isWorking else { return }
    while !pools[pool].idle.isEmpty, let index = pools[pool].queue.popFirst() {
      startBackOffice(index, pool: pool)
    }
  }

  /// Pauses every back-office task of `centre` (at closing).
  func pauseBackOffice(centre: Int) {
    let pool = 2 * centre + 1
    for slot in 0..<pools[pool].size where pools[pool].dossier[slot] >= 0 {
      pools[pool].remaining[slot] -= now - pools[pool].resumedAt[slot]
      pools[pool].handle[slot] = .none
    }
    pools[pool].isWorking = false
    pools[pool].busy.set(0, at: scheduler.now)
    pools[pool].staffed.set(0, at: scheduler.now)
  }

  /// Resumes the paused tasks of `centre` and takes new ones (at opening).
  func resumeBackOffice(centre: Int) {
    let pool = 2 * centre + 1
    pools[pool].isWorking = true
    pools[pool].busy.set(Double(pools[pool].busyCount), at: scheduler.now)
    pools[pool].staffed.set(Double(pools[pool].size), at: scheduler.now)
    for slot in 0..<pools[pool].size where pools[pool].dossier[slot] >= 0 {
      pools[pool].resumedAt[slot] = now
      pools[pool].handle[slot] = schedule(Event(.serviceEnd, Int32(pool << 16 | slot)),
                                          at: now + pools[pool].remaining[slot], .release)
    }
    startBackOfficeWork(centre: centre)
  }

  /// The dossier is done: record whether it met its deadline and free it.
  func complete(_ index: Int32) {
    let dossier = dossiers[index]
    metrics.recordCompletion(Int(dossier.procedure), onTime: now <= dossier.due, dueDay: Int(dossier.dueDay),
                             turnaround: now - dossier.received)
    dossiers.remove(index)
  }
}
