//===----------------------------------------------------------------------===//
// Streaming statistics of one replication.
//===----------------------------------------------------------------------===//

import SimEngine

/// Counters and accumulators updated as a run proceeds. Memory is fixed apart from one
/// row per simulated day and one due-date bucket per (day, procedure): it never grows
/// with the number of dossiers.
///
/// Overdue dossiers still open are counted without scanning: each received dossier adds
/// one to the bucket of its due day and removes it on completion; at the end of each day
/// the bucket's remainder becomes "open past due". A dossier completed after that leaves
/// "open past due" instead.
struct RunMetrics {
  let procedureCount: Int
  var arrivals: [Int]
  var received: [Int]
  var completed: [Int]
  var completedOnTime: [Int]
  var completedLate: [Int]
  var overdueOpen: [Int]
  /// Per (due day × procedures + procedure): received dossiers due that day, not yet completed.
  var dueBuckets: [Int32]
  /// The last day whose end has been processed (-1 before the first midnight).
  var lastClosedDay = -1
  var carriedOver = 0

  var counterWait = Tally()
  var counterWaitHistogram = QuantileHistogram()
  var counterWaitByProcedure: [Tally]
  var backOfficeWait = Tally()
  var turnaroundByProcedure: [Tally]
  var turnaround = Tally()

  // Daily flows, reset at midnight.
  var dayArrivals = 0
  var dayReceived = 0
  var dayCompleted = 0
  var dayCompletedLate = 0
  var dayCarriedOver = 0
  var dayWait = Tally()
  var dayQueueMax = 0.0
  var days: [Measurements<DayMeasure>] = []

  init(procedures: Int, calendarDays: Int, horizonDays: Int) {
    procedureCount = procedures
    arrivals = Array(repeating: 0, count: procedures)
    received = arrivals
    completed = arrivals
    completedOnTime = arrivals
    completedLate = arrivals
    overdueOpen = arrivals
    dueBuckets = Array(repeating: 0, count: procedures * calendarDays)
    counterWaitByProcedure = Array(repeating: Tally(), count: procedures)
    turnaroundByProcedure = counterWaitByProcedure
    days.reserveCapacity(horizonDays)
  }

  @inline(__always)
  mutating func recordArrival(_ procedure: Int) {
    arrivals[procedure] += 1
    dayArrivals += 1
  }

  @inline(__always)
  mutating func recordCounterWait(_ wait: Double, procedure: Int) {
    counterWait.record(wait)
    counterWaitHistogram.record(wait)
    counterWaitByProcedure[procedure].record(wait)
    dayWait.record(wait)
  }

  @inline(__always)
  mutating func recordReceipt(_ procedure: Int, dueDay: Int) {
    received[procedure] += 1
    dayReceived += 1
    dueBuckets[dueDay * procedureCount + procedure] += 1
  }

  @inline(__always)
  mutating func recordCompletion(_ procedure: Int, onTime: Bool, dueDay: Int, turnaround minutes: Double) {
    completed[procedure] += 1
    dayCompleted += 1
    turnaround.record(minutes / 60)
    turnaroundByProcedure[procedure].record(minutes / 60)
    if onTime {
      completedOnTime[procedure] += 1
    } else {
      completedLate[procedure] += 1
      dayCompletedLate += 1
    }
    if dueDay <= lastClosedDay {
      overdueOpen[procedure] -= 1
    } else {
      dueBuckets[dueDay * procedureCount + procedure] -= 1
    }
  }

  /// Closes day `day`: what was due that day and is still open becomes overdue; the day's
  /// row is recorded with the stocks given.
  mutating func closeDay(_ day: Int, inSystem: Int, queueNow: Double) {
    for procedure in 0..<procedureCount {
      overdueOpen[procedure] += Int(dueBuckets[day * procedureCount + procedure])
    }
    lastClosedDay = day
    var row = Measurements<DayMeasure>()
    row[.arrivals] = Double(dayArrivals)
    row[.received] = Double(dayReceived)
    row[.completed] = Double(dayCompleted)
    row[.completedLate] = Double(dayCompletedLate)
    row[.backlog] = Double(received.reduce(0, +) - completed.reduce(0, +))
    row[.inSystem] = Double(inSystem)
    row[.overdueOpen] = Double(overdueOpen.reduce(0, +))
    row[.counterWaitMean] = dayWait.count > 0 ? dayWait.mean : .nan
    row[.counterQueueMax] = dayQueueMax
    row[.carriedOver] = Double(dayCarriedOver)
    days.append(row)
    dayArrivals = 0
    dayReceived = 0
    dayCompleted = 0
    dayCompletedLate = 0
    dayCarriedOver = 0
    dayWait = Tally()
    dayQueueMax = queueNow
  }
}
