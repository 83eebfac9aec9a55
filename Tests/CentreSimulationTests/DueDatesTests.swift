import CentreModel
import CentreSimulation
import SimEngine
import Testing
import TestSupport

/// Due times are remembered per procedure and receipt day (`DueDates`); every receipt of
/// a run must still get exactly the calendar's due time, on either side of the cut-off,
/// around weekends and holidays, for deadlines in working days and in working hours.
@Suite struct DueDatesTests {
  final class Receipts: DossierObserver {
    var seen: [(procedure: Int, time: Double, due: Double)] = []
    func record(_ event: DossierEvent) {
      if event.kind == .received, let due = event.due { seen.append((event.procedure, event.time, due)) }
    }
  }

  @Test func everyReceiptGetsTheCalendarsDueTime() {
    var scenario = Scenarios.everything()
    scenario.procedures[2].deadline = .workingHours(6)
    let receipts = Receipts()
    _ = CentreRun(plan: ModelPlan(scenario), replication: 0, observer: receipts).run()
    let table = scenario.calendarTable()
    #expect(receipts.seen.count > 1_000)
    for receipt in receipts.seen {
      let expected = table.dueTime(receivedAt: SimTime(minutes: receipt.time),
                                   deadline: scenario.procedures[receipt.procedure].deadline)
      #expect(receipt.due == expected.minutes)
    }
  }
}
