//===----------------------------------------------------------------------===//
// One replication of a scenario: state, set-up and the event loop.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine
import SimRandom

/// One replication of a ``Scenario``: builds the model's state and random streams,
/// runs the event loop to the end of the horizon and returns a ``ReplicationResult``.
///
/// The flow of a dossier: a citizen arrives (walk-in Poisson process) and joins the
/// centre's counter queue (FIFO); a counter clerk receives the dossier (counter time); the
/// dossier is then received, gets its due date and joins the back-office queue (FIFO); a
/// specialist works on it during opening hours (back-office time, paused at closing and
/// resumed at the next opening); then it is completed, on time or late.
///
/// Random streams (see `StreamKey`): `arrivals/c` and `procedure-mix/c` per centre c,
/// `counter-time/p` and `back-office-time/p` per procedure p. Work contents are drawn at
/// arrival, so staffing never changes which numbers a citizen gets.
///
/// Not `Sendable`: create and run each replication inside the task that owns it.
public final class CentreRun {
  let scenario: Scenario
  let calendar: CalendarTable
  let replication: Int
  let horizonEnd: SimTime

  var scheduler = Scheduler<Event>()
  var dossiers = DossierStore()
  /// Two pools per centre: counter at 2c, back office at 2c + 1.
  var pools: [StaffPool]
  var generators: [ArrivalGenerator]
  var metrics: RunMetrics

  let arrivalStreams: [RandomStream]
  let mixStreams: [RandomStream]
  let counterStreams: [RandomStream]
  let backOfficeStreams: [RandomStream]
  /// Per centre: the procedure mix (nil with a single procedure).
  let procedureMix: [DiscreteTable?]
  let counterSamplers: [Sampler]
  let backOfficeSamplers: [Sampler?]

  /// Per centre: services may still start before this time after closing (overtime).
  var overtimeUntil: [Double]
  /// Per centre: waiting citizens have been sent home until the next opening.
  var sentHome: [Bool]
  /// Total scheduled opening minutes within the horizon.
  let openMinutes: Double

  /// Prepares replication `replication` of `scenario`.
  ///
  /// - Parameter calendar: `scenario.calendarTable()`, computed once and shared by all
  ///   replications.
  public init(scenario: Scenario, calendar: CalendarTable, replication: Int) {
    self.scenario = scenario
    self.calendar = calendar
    self.replication = replication
    self.horizonEnd = SimTime(minutes: Double(scenario.horizon.days) * SimTime.minutesPerDay)
    let centres = scenario.centres
    let procedures = scenario.procedures
    pools = centres.flatMap { [StaffPool(size: $0.counterStaff), StaffPool(size: $0.backOfficeStaff)] }
    generators = centres.map { ArrivalGenerator(pattern: $0.arrivals, days: scenario.horizon.days) }
    metrics = RunMetrics(procedures: procedures.count, calendarDays: calendar.dayCount,
                         horizonDays: scenario.horizon.days)
    func streams(_ purpose: String, _ count: Int) -> [RandomStream] {
      (0..<count).map { RandomStream(master: scenario.seed, replication: replication, key: StreamKey(purpose, $0)) }
    }
    arrivalStreams = streams("arrivals", centres.count)
    mixStreams = streams("procedure-mix", centres.count)
    counterStreams = streams("counter-time", procedures.count)
    backOfficeStreams = streams("back-office-time", procedures.count)
    procedureMix = centres.map { centre in
      procedures.count > 1 ? DiscreteTable(weights: centre.procedureShares ?? procedures.map(\.share)) : nil
    }
    counterSamplers = procedures.map { Sampler($0.counterTime) }
    backOfficeSamplers = procedures.map { $0.backOfficeTime.map(Sampler.init) }
    overtimeUntil = Array(repeating: -.infinity, count: centres.count)
    sentHome = Array(repeating: false, count: centres.count)
    openMinutes = (0..<scenario.horizon.days).reduce(0) { $0 + calendar.openMinutes(ofDay: $1) }
  }

  /// Runs the replication to the end of the horizon.
  public func run() -> ReplicationResult {
    for centre in scenario.centres.indices { scheduleNextArrival(centre: centre) }
    scheduleNextOpenPeriod(from: .zero)
    for day in 0..<scenario.horizon.days {
      scheduler.schedule(Event(.dayEnd, Int32(day)), at: SimTime(minutes: Double(day + 1) * SimTime.minutesPerDay),
                         order: SameTimeOrder.statistics.rawValue)
    }
    while let event = scheduler.next(until: horizonEnd) {
      switch event.payload.kind {
      case .arrival: arrive(centre: Int(event.payload.target))
      case .serviceEnd: endService(Int(event.payload.target), handle: event.handle)
      case .open: open()
      case .close: close(endOfDay: event.payload.target == 1)
      case .overtimeEnd: endOvertime(centre: Int(event.payload.target))
      case .dayEnd: endDay(Int(event.payload.target))
      }
    }
    return result()
  }

  // MARK: - Shared helpers

  @inline(__always) var now: Double { scheduler.now.minutes }

  @inline(__always)
  func schedule(_ event: Event, at time: Double, _ order: SameTimeOrder) -> EventHandle {
    scheduler.schedule(event, at: SimTime(minutes: time), order: order.rawValue)
  }

  /// Citizens physically waiting at the counters of all centres.
  var waitingCitizens: Int {
    scenario.centres.indices.reduce(0) { $0 + (sentHome[$1] ? 0 : pools[2 * $1].queue.count) }
  }

  private func endDay(_ day: Int) {
    metrics.closeDay(day, inSystem: dossiers.count, queueNow: Double(waitingCitizens))
  }
}
