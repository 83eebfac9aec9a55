//===----------------------------------------------------------------------===//
// One replication of a scenario: state, set-up and the event loop.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine
import SimRandom

/// One replication of a ``Scenario``: builds the model's state and random streams, runs
/// the event loop to the end of the horizon and returns a ``ReplicationResult``.
///
/// The way of a dossier: it arrives by a channel (walk-in, online, service point). A
/// walk-in citizen takes a ticket (unless the daily cap is reached or the queue puts them
/// off) and waits for a counter that serves their procedure group; they may give up. A
/// clerk receives the dossier (counter time), or finds it incomplete and hands it back.
/// A received dossier gets its due date and goes through its back-office steps: work in
/// a staff pool (FIFO or earliest-due-date), or a wait that takes no one's work. Online
/// and service-point dossiers skip the counter (online ones are checked by an intake
/// step first). When the last step is done the dossier is completed, on time or late.
///
/// Random streams (`StreamKey`), one per purpose so that changing one thing does not
/// shift the numbers of another: per centre and channel `arrivals` and `procedure-mix`;
/// per centre `priority`, `patience`, `returns`; per procedure `counter-time`,
/// `step-work`, `incomplete`, `supplement`; per pool `absence`; per outage instance
/// `outage`. Work contents are drawn when a dossier arrives, so staffing never changes
/// which numbers a citizen gets.
///
/// Not `Sendable`: create and run each replication inside the task that owns it.
public final class CentreRun {
  let plan: ModelPlan
  let scenario: Scenario
  let calendar: CalendarTable
  let replication: Int
  let horizonEnd: SimTime
  let observer: DossierObserver?
  let tracing: Bool

  // The state changed by events is held in noncopyable tables (``UniqueArray`` and types
  // built on it): a write to an `Array` property of a class checks at run time that the
  // array is not shared, which at every event costs more than the write itself.

  var scheduler = Scheduler<Event>()
  var dossiers = DossierStore()
  /// Per dossier slot × step: the drawn work (or wait) of each back-office step.
  var stepWork = UniqueArray<Double>()
  let maxSteps: Int
  var pools: UniqueArray<StaffPool>
  var tickets: UniqueArray<TicketQueues>
  /// Per centre × channel (one over no days for a channel without arrivals).
  var generators: UniqueArray<ArrivalGenerator>
  var metrics: RunMetrics
  var dueDates: DueDates

  /// Every random stream of the replication, by purpose (see ``StreamLayout``).
  let random: StreamBank
  let streams: StreamLayout
  /// Per centre × channel: the procedure mix (nil for a single procedure), kept alive
  /// for `mixes`, the same tables without reference counting for the hot path.
  let mixTables: [DiscreteTable?]
  let mixes: UniqueArray<UnownedDiscreteTable?>
  /// Procedure index for a single-procedure mix (-1 when drawn).
  let onlyProcedure: [Int]
  /// Whether some centre's online share changes over the horizon: then each source has
  /// one mix per channel period, at `slotBase[source] + period`, the period of a day
  /// being `periodOfDay[centre × days + day]`; else a source's mix is at its own index.
  let channelPeriods: Bool
  let slotBase: UniqueArray<Int>
  let periodOfDay: UniqueArray<Int32>
  /// Per procedure.
  let counterSamplers: UniqueArray<Sampler>
  /// Per (procedure, step), at `plan.stepOffset[p] + s`.
  let stepSamplers: UniqueArray<Sampler>
  let intakeSampler: Sampler
  /// Per centre (nil: citizens there wait for ever).
  let patienceSamplers: UniqueArray<Sampler?>
  let supplementDelay: Sampler

  /// Per centre: open now (calendar), in overtime, citizens sent home, tickets issued today.
  var centreOpen: UniqueArray<Bool>
  var inOvertime: UniqueArray<Bool>
  var overtimeUntil: UniqueArray<Double>
  var sentHome: UniqueArray<Bool>
  var ticketsToday: UniqueArray<Int>
  /// Per centre: citizens physically waiting for a counter.
  var waitingAt: UniqueArray<Int>
  /// Per centre: work rates under the outages in force, and online submissions on hold.
  var counterRate: UniqueArray<Double>
  var backOfficeRate: UniqueArray<Double>
  var onlineBlocked: UniqueArray<Bool>
  var heldOnline: [[Int32]]
  /// Outage instances: the process and the centres each one affects.
  let outageInstances: [(process: Int, centres: [Int])]
  var outageActive: UniqueArray<Bool>
  /// The first of the sequence numbers reserved for the day events: day `d` starts with
  /// `daySequences + 2d` and ends with `daySequences + 2d + 1`.
  var daySequences: UInt64 = 0
  /// Set when the dossiers in the system exceed `plan.maxInSystem`: the run stops.
  var stoppedEarly = false
  /// The time of the next sample of the hour-of-day profile not yet taken (see
  /// ``takeSamples(before:)``).
  var nextSample = CentreRun.firstSample
  /// The instant of `workingOpenUpToNow` (see ``workingOpenMinutesNow()``).
  var workingOpenAt = -Double.infinity
  var workingOpenUpToNow = 0.0
  var nextTicket: UInt32 = 1
  var nextSerial: UInt32 = 0
  /// Minutes open over the days after the warm-up (the denominator of time averages).
  let openMinutes: Double
  /// Every counter pool, for the samples of the hour-of-day profile.
  let counterPools: [Int]
  /// Per pool: the back-office pools its clerks help (counters; only those where work
  /// can be queued, `plan.mayHoldWork`), the counter pools that help it (back office).
  let helps: JaggedTable
  let helpers: JaggedTable

  /// Prepares replication `replication` of the compiled scenario `plan`.
  ///
  /// - Parameter observer: receives every dossier's timeline (for `--trace`), or `nil`.
  public init(plan: ModelPlan, replication: Int, observer: DossierObserver? = nil) {
    self.plan = plan
    let scenario = plan.scenario
    self.scenario = scenario
    self.calendar = plan.calendar
    self.replication = replication
    self.observer = observer
    self.tracing = observer != nil
    self.horizonEnd = SimTime(minutes: Double(scenario.horizon.days) * SimTime.minutesPerDay)
    let centres = scenario.centres
    let procedures = scenario.procedures
    let seed = scenario.seed
    maxSteps = max(1, procedures.map(\.steps.count).max() ?? 1)
    pools = UniqueArray(capacity: plan.pools.count)
    for pool in plan.pools { pools.append(StaffPool(size: pool.crewOfSlot.count, discipline: pool.discipline)) }
    tickets = UniqueArray(capacity: plan.ownerCount)
    for _ in 0..<plan.ownerCount { tickets.append(TicketQueues(groups: plan.groupCount)) }
    metrics = RunMetrics(plan: plan)
    dueDates = DueDates(cutoff: scenario.calendar.receiptCutoff, procedures: procedures.count)
    var counterSamplers = UniqueArray<Sampler>(capacity: procedures.count)
    for procedure in procedures { counterSamplers.append(Sampler(procedure.counterTime)) }
    self.counterSamplers = counterSamplers
    var stepSamplers = UniqueArray<Sampler>(capacity: plan.stepPoolKind.count)
    for step in plan.steps.joined() {
      switch step {
      case .work(_, let time): stepSamplers.append(Sampler(time))
      case .wait(let days): stepSamplers.append(Sampler(days))
      }
    }
    self.stepSamplers = stepSamplers
    intakeSampler = Sampler(scenario.onlineIntake.time)
    var patienceSamplers = UniqueArray<Sampler?>(capacity: centres.count)
    for centre in centres { patienceSamplers.append(centre.patience?.patience.map { Sampler($0) }) }
    self.patienceSamplers = patienceSamplers
    supplementDelay = Sampler(scenario.resubmission.delay)

    // Arrival generators and procedure mixes per centre and channel.
    var generators: [ArrivalGenerator] = []
    var tables: [DiscreteTable?] = []
    var only: [Int] = []
    let scales = Self.volumeScales(scenario, replication: replication)
    var slotBase: [Int] = []
    var periodOfDay: [Int32] = []
    for (c, centre) in centres.enumerated() {
      var pattern = plan.arrivalPatterns[c]
      if let scales { pattern.dailyVolume *= scales[c] }
      let weekly = plan.weeklyVolume[c] * (scales?[c] ?? 1)
      let shares = centre.shares(procedures)
      let periods = plan.onlineShares[c]
      periodOfDay += plan.periodOfDay[c].isEmpty ? Array(repeating: 0, count: scenario.horizon.days) : plan.periodOfDay[c].map(Int32.init)
      for channel in Channel.allCases {
        // One procedure mix per channel period (the centre's online-share ranges).
        slotBase.append(tables.count)
        var totals: [Double] = []
        for online in periods {
          let weights = procedures.indices.map { p -> Double in
            let procedure = procedures[p]
            switch channel {
            case .walkIn: return shares[p] * (1 - online[p] - procedure.servicePointShare)
            case .online: return shares[p] * online[p]
            case .servicePoint: return shares[p] * procedure.servicePointShare
            }
          }
          totals.append(weights.reduce(0, +))
          let positive = weights.indices.filter { weights[$0] > 0 }
          only.append(positive.count == 1 ? positive[0] : -1)
          tables.append(positive.count > 1 ? DiscreteTable(weights: weights) : nil)
        }
        let daily = periods.count > 1 ? plan.periodOfDay[c].map { totals[$0] } : nil
        let total = totals.max() ?? 0
        if total <= 0 || scenario.recordedArrivals != nil {
          generators.append(ArrivalGenerator(pattern: pattern, share: 0, days: 0))
        } else if channel == .online {
          generators.append(ArrivalGenerator(roundTheClock: pattern, share: totals[0], weeklyVolume: weekly,
                                             days: scenario.horizon.days, dailyShares: daily))
        } else {
          generators.append(ArrivalGenerator(pattern: pattern, share: totals[0], days: scenario.horizon.days, dailyShares: daily))
        }
      }
    }
    self.generators = UniqueArray(generators)
    mixTables = tables
    mixes = UniqueArray(tables.map { $0?.unowned })
    onlyProcedure = only
    channelPeriods = plan.onlineShares.contains { $0.count > 1 }
    self.slotBase = UniqueArray(slotBase)
    self.periodOfDay = UniqueArray(channelPeriods ? periodOfDay : [])

    var instances: [(Int, [Int])] = []
    for (k, process) in scenario.outages.enumerated() {
      let affected = centres.indices.filter { plan.outageAffects[$0][k] }
      if process.independentPerCentre {
        for c in affected { instances.append((k, [c])) }
      } else {
        instances.append((k, affected))
      }
    }
    outageInstances = instances
    streams = StreamLayout(centres: centres.count, procedures: procedures.count, pools: plan.pools.count,
                           outages: instances.count, initialBacklog: !scenario.initialBacklog.isEmpty)
    random = StreamBank(master: seed, replication: replication, keys: streams.keys)
    outageActive = UniqueArray(repeating: false, count: instances.count)
    centreOpen = UniqueArray(repeating: false, count: centres.count)
    inOvertime = UniqueArray(repeating: false, count: centres.count)
    sentHome = UniqueArray(repeating: false, count: centres.count)
    onlineBlocked = UniqueArray(repeating: false, count: centres.count)
    overtimeUntil = UniqueArray(repeating: -.infinity, count: centres.count)
    ticketsToday = UniqueArray(repeating: 0, count: centres.count)
    waitingAt = UniqueArray(repeating: 0, count: centres.count)
    counterRate = UniqueArray(repeating: 1, count: centres.count)
    backOfficeRate = UniqueArray(repeating: 1, count: centres.count)
    heldOnline = Array(repeating: [], count: centres.count)
    openMinutes = (min(scenario.horizon.warmUpDays, scenario.horizon.days)..<scenario.horizon.days).reduce(0) {
      $0 + plan.calendar.openMinutes(ofDay: $1)
    }
    counterPools = plan.pools.indices.filter { plan.pools[$0].kind == .counter }
    helps = JaggedTable(plan.pools.map { $0.helps.filter { plan.mayHoldWork[$0] } })
    helpers = JaggedTable(plan.pools.map(\.helpers))
  }

  /// Runs the replication to the end of the horizon.
  public func run() -> ReplicationResult {
    enterInitialBacklog()
    if let recorded = scenario.recordedArrivals {
      scheduleRecordedArrivals(recorded)
    } else {
      for source in generators.indices { scheduleArrival(source, at: nextArrivalTime(source)) }
    }
    scheduleNextOpenPeriod(from: .zero)
    daySequences = scheduler.reserveSequences(2 * scenario.horizon.days)
    scheduleDayEvents(0)
    startOutages()
    while !stoppedEarly, let event = scheduler.next(until: horizonEnd) {
      if event.time.minutes > nextSample { takeSamples(before: event.time.minutes) }
      let target = event.payload.target
      switch event.payload.kind {
      case .arrival: arrive(source: Int(target))
      case .comeBack: comeBack(target)
      case .serviceEnd: endService(Int(target), handle: event.handle)
      case .renege: renege(target, handle: event.handle)
      case .stepWaitEnd: finishStep(target)
      case .open: open()
      case .close: close(endOfDay: target == 1)
      case .overtimeEnd: endOvertime(centre: Int(target))
      case .review: review(pool: Int(target))
      case .outageStart: startOutage(Int(target))
      case .outageEnd: endOutage(Int(target))
      case .dayStart: startDay(Int(target))
      case .dayEnd: endDay(Int(target))
      }
    }
    if !stoppedEarly { takeSamples(before: horizonEnd.minutes) }
    return result()
  }

  /// Per centre, the volume scale drawn for this replication when the scenario's city
  /// is redrawn in every replication (`nil` otherwise: the sizes are as loaded).
  public static func volumeScales(_ scenario: Scenario, replication: Int) -> [Double]? {
    guard let draw = scenario.volumeDraw, draw.mode == .perReplication else { return nil }
    let stream = RandomStream(master: scenario.seed, replication: replication, key: StreamKey("centre-volume-scale"))
    let sampler = Sampler(draw.distribution)
    var scales = Array(repeating: 1.0, count: scenario.centres.count)
    for c in draw.centres { scales[c] = stream.sample(sampler) }
    return scales
  }

  // MARK: - Shared helpers
  //
  // The functions every dossier passes through (arrival, ticket, counter, receipt,
  // completion) are `@inline(__always)`: each is called from one to three places, and a
  // call with its saved registers costs about as much as the smaller ones' bodies.

  @inline(__always) var now: Double { scheduler.now.minutes }

  @inline(__always)
  func schedule(_ event: Event, at time: Double, _ order: SameTimeOrder) -> EventHandle {
    scheduler.schedule(event, at: SimTime(minutes: time), order: order.rawValue)
  }

  /// Schedules the start and the end of day `day` (when within the horizon) with their
  /// reserved sequences. Each day's pair is scheduled when the previous day starts, so
  /// the event list holds at most three day events instead of two per day of the
  /// horizon, ordered as if all had been scheduled at the start.
  func scheduleDayEvents(_ day: Int) {
    guard day < scenario.horizon.days else { return }
    let midnight = SimTime(minutes: Double(day) * SimTime.minutesPerDay)
    let sequence = daySequences + 2 * UInt64(day)
    scheduler.schedule(Event(.dayStart, Int32(day)), at: midnight, order: SameTimeOrder.calendar.rawValue,
                       sequence: sequence)
    scheduler.schedule(Event(.dayEnd, Int32(day)), at: midnight + SimDuration(minutes: SimTime.minutesPerDay),
                       order: SameTimeOrder.statistics.rawValue, sequence: sequence + 1)
  }

  @inline(__always) func centre(of index: Int32) -> Int { Int(dossiers[index].centre) }

  /// Tells the observer, if any, what happened to a dossier.
  @inline(__always)
  func trace(_ index: Int32, _ what: DossierEvent.Kind, detail: @autoclosure () -> String = "") {
    guard tracing, let observer else { return }
    let d = dossiers[index]
    observer.record(DossierEvent(
      replication: replication, dossier: Int(d.serial), centre: Int(d.centre), procedure: Int(d.procedure),
      channel: d.channel, kind: what, time: now, due: d.isReceived ? d.due : nil, detail: detail()))
  }
}

/// Where each purpose's streams sit in the replication's ``StreamBank``. The keys are
/// those `RandomStream(master:replication:key:)` would use, so a stream gives the same
/// numbers either way.
struct StreamLayout {
  let arrivals: Int
  let mix: Int
  let priority: Int
  let patience: Int
  let returns: Int
  let counterTime: Int
  let stepWork: Int
  let incomplete: Int
  let supplement: Int
  let absence: Int
  let outage: Int
  let initialWork: Int
  let keys: [StreamKey]

  /// `initialBacklog`: whether the scenario has one (its work gets a stream per
  /// procedure).
  init(centres: Int, procedures: Int, pools: Int, outages: Int, initialBacklog: Bool = false) {
    var keys: [StreamKey] = []
    func add(_ purpose: String, _ count: Int) -> Int {
      defer { keys += (0..<count).map { StreamKey(purpose, $0) } }
      return keys.count
    }
    arrivals = add("arrivals", centres * 3)
    mix = add("procedure-mix", centres * 3)
    priority = add("priority", centres)
    patience = add("patience", centres)
    returns = add("returns", centres)
    counterTime = add("counter-time", procedures)
    stepWork = add("step-work", procedures)
    incomplete = add("incomplete", procedures)
    supplement = add("supplement", procedures)
    absence = add("absence", pools)
    outage = add("outage", outages)
    // Only for the scenarios that have one (a stream's numbers depend on its key alone).
    initialWork = add("initial-backlog", initialBacklog ? procedures : 0)
    self.keys = keys
  }
}
