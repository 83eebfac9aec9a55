//===----------------------------------------------------------------------===//
// The dossiers pending at the start.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine
import SimRandom

extension CentreRun {
  /// The initial backlog joins the queues at time 0, in receipt order: each dossier at
  /// the step it is at, with that step's work and the later steps' drawn from the
  /// procedure's distributions (from a stream of their own, so that the new dossiers
  /// bring the same work with or without a backlog), received when the file says and
  /// due when it says or when its deadline, counted on the working calendar from that
  /// receipt, falls.
  func enterInitialBacklog() {
    for pending in scenario.initialBacklog {
      let p = pending.procedure
      var dossier = Dossier()
      dossier.procedure = Int32(p)
      dossier.centre = Int32(pending.centre)
      dossier.channel = pending.channel
      dossier.arrival = pending.received
      dossier.queuedSince = now
      dossier.serial = nextSerial
      dossier.isInitial = true
      nextSerial &+= 1
      let index = dossiers.insert(dossier)
      let due = pending.due
        ?? calendar.dueTime(receivedAt: SimTime(minutes: pending.received), deadline: plan.deadline[p]).minutes
      let dueDay = calendar.day(of: SimTime(minutes: due))
      dossiers[index].isReceived = true
      dossiers[index].received = pending.received
      dossiers[index].due = due
      dossiers[index].dueDay = Int32(dueDay)
      let first: Int
      switch pending.stage {
      case .reception: first = -1
      case .step(let s): first = s
      }
      dossiers[index].step = Int32(first)
      drawInitialWork(index, from: first)
      metrics.recordInitial(centre: pending.centre, procedure: p, dueDay: dueDay)
      trace(index, .pending)
      beginStep(index)
    }
  }

  /// Draws the work of pending dossier `index` from step `first` on (-1: its reception
  /// check first, drawn from the counter time).
  private func drawInitialWork(_ index: Int32, from first: Int) {
    let p = Int(dossiers[index].procedure)
    let base = Int(index) * (maxSteps + 1)
    if stepWork.count < base + maxSteps + 1 {
      stepWork.append(repeating: 0, count: base + maxSteps + 1 - stepWork.count)
    }
    let stream = streams.initialWork + p
    if first < 0 { stepWork[base + maxSteps] = random.sample(stream, counterSamplers[p]) }
    let offset = plan.stepOffset[p]
    for s in max(0, first)..<plan.stepCount[p] {
      stepWork[base + s] = random.sample(stream, stepSamplers[offset + s])
    }
  }
}
