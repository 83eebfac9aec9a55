//===----------------------------------------------------------------------===//
// A scenario compiled into flat index tables, once, for all replications.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine
import SimRandom

/// The structure of a scenario resolved into indices: every pool of every centre in one
/// array, procedure steps pointing at pools by index, eligibility lists per centre and
/// procedure group. Built once and shared (read-only) by all replications, so that a run
/// never looks anything up by name.
public struct ModelPlan: Sendable {
  /// What a pool is.
  enum PoolKind: Sendable { case counter, backOffice }

  struct PoolPlan: Sendable {
    var kind: PoolKind
    var centre: Int
    var name: String
    /// Crew of each member (slot).
    var crewOfSlot: [Int]
    var crews: [Crew]
    var discipline: QueueDiscipline
    /// Back office: the pool's own hours (nil: the opening hours).
    var hours: [OpeningInterval]?
    /// Per crew, the hours its members work (nil: the opening hours): a back-office crew's
    /// own, else its pool's; a counter crew's own (within the opening hours).
    var crewHours: [[OpeningInterval]?] = []
    /// Counter: procedure groups served, as a mask over group indices.
    var servesGroup: [Bool]
    /// Counter: back-office pools (global indices) whose queues its clerks work on when idle.
    var helps: [Int]
    /// Back office: counter pools (global indices) that help it.
    var helpers: [Int]
    /// Counter: the ticket-queue owner it calls citizens from.
    var owner: Int
    /// Minutes of the day at which crews or the pool's own hours change.
    var reviewMinutes: [Double] = []
  }

  enum StepPlan: Sendable {
    /// Work in pool kind `poolKind` (an index into `poolNames`).
    case work(poolKind: Int, time: Distribution)
    case wait(workingDays: Distribution)
  }

  public let scenario: Scenario
  let calendar: CalendarTable
  var pools: [PoolPlan] = []
  /// Back-office pool names across the scenario (pool kinds).
  var poolNames: [String] = []
  /// Per centre × pool kind: the global pool index, or -1.
  var poolOf: [Int] = []
  /// Per centre: its counter pools, in search order.
  var counterPools: [[Int]] = []
  /// Per centre: all its pools.
  var poolsOfCentre: [[Int]] = []
  /// Per centre × procedure group: counter pools serving the group, in search order.
  var eligibleCounters: [[Int]] = []
  /// Per centre: its ticket-queue owners (one for a shared queue, else one per counter pool).
  var ownersOfCentre: [[Int]] = []
  var ownerCount = 0
  /// Procedure group index of each procedure.
  var groupOf: [Int] = []
  var groupCount = 0
  /// Back-office steps of each procedure.
  var steps: [[StepPlan]] = []
  /// The pool kind of online intake.
  var intakeKind = -1
  /// Opening minutes of a standard working day (converts working-day waits to minutes).
  var workingDayMinutes = 480.0
  /// Whether every minute is working time (open round the clock, every day a working day:
  /// a textbook queue), so that working time is real time and need not be looked up.
  var workingTimeIsRealTime = false
  /// Per centre × outage process: whether it affects the centre.
  var outageAffects: [[Bool]] = []
  /// Per centre: its arrival pattern with the weekday multipliers of the calendar's demand
  /// rule in place of the weekday factors, and its expected dossiers in a regular week.
  var arrivalPatterns: [ArrivalPattern] = []
  var weeklyVolume: [Double] = []
  /// Per centre: the procedures' online shares in each channel period (period 0: the
  /// procedures' own; one more per `online_share` range of the centre), and the period of
  /// each day of the horizon (empty when the centre has no `online_share`).
  var onlineShares: [[[Double]]] = []
  var periodOfDay: [[Int]] = []
  /// The scenario's report windows as days of the horizon (first, last), and whether
  /// there is any (a run without windows pays nothing for them).
  var windowDays: [(from: Int, to: Int)] = []
  var hasWindows: Bool { !windowDays.isEmpty }
  /// Dossiers of the initial backlog per procedure and per centre.
  var initialByProcedure: [Int] = []
  var initialByCentre: [Int] = []
  // MARK: Flat tables for the hot path (no struct with references is copied per event)

  /// Per procedure: deadline, incompleteness, the first work step, its steps' offset and count.
  var deadline: [Deadline] = []
  var incompleteAtCounter: [Double] = []
  var incompleteInBackOffice: [Double] = []
  var firstWorkStep: [Int] = []
  var stepOffset: [Int] = []
  var stepCount: [Int] = []
  /// Per (procedure, step), at `stepOffset[p] + s`: the pool kind of a work step, -1 for a wait.
  var stepPoolKind: [Int] = []
  /// Per centre.
  var priorityShare: [Double] = []
  var ticketCap: [Int] = []
  var balkAt: [Int] = []
  var returnProbability: [Double] = []
  var sharedQueue: [Bool] = []
  /// Whether any centre has priority citizens (else the priority queues stay empty and
  /// calling a citizen skips them).
  var hasPriorities = false
  /// Per pool.
  var isCounter: [Bool] = []
  var centreOfPool: [Int] = []
  var ownerOfPool: [Int] = []
  var slotBase: [Int] = []
  /// Per (pool, group), at `pool * groupCount + group`: whether a counter pool serves it.
  var serves: [Bool] = []
  /// Per pool: whether work can ever be queued there: a back-office pool that some
  /// procedure's step names, or the online-intake pool when dossiers can arrive online or
  /// be pending at reception (counter pools: false). Idle clerks look for work to help
  /// with only in these.
  var mayHoldWork: [Bool] = []
  /// Per pool: the one procedure group a counter pool serves, or -1 (several, or a
  /// back-office pool).
  var onlyGroupServed: [Int] = []
  /// Per slot, at `slotBase[pool] + slot`: speed, learning curve and daily absence
  /// probability of the member's crew.
  var slotSpeed: [Double] = []
  var slotLearning: [LearningCurve?] = []
  /// Whether any member is on a learning curve (else work takes its drawn time and the
  /// curves are not looked up).
  var hasLearning = false
  var slotAbsence: [Double] = []

  /// Pools as reported: one per (kind, name), summed over the centres that have it.
  public private(set) var reportPools: [(kind: String, name: String)] = []
  /// Per pool: its index in `reportPools`.
  var reportPoolOf: [Int] = []

  /// Whether runs record, per hour of the day, how often each load was seen on the
  /// counters (citizens waiting plus clerks busy): the distribution that time-varying staffing needs
  /// (`ReplicationResult.counterLoadByHour`). Off by default: it is 24 × 257 counts.
  public var recordsLoadByHour = false

  /// The most dossiers a replication may hold at once (arrived, not yet completed or
  /// abandoned). A scenario whose demand is far beyond its capacity would otherwise build a
  /// backlog of millions and exhaust memory; the run stops instead, and its result says
  /// when (`ReplicationResult.stoppedOnDay`). About 200 bytes a dossier.
  public var maxInSystem = ModelPlan.defaultMaxInSystem
  /// The default of `maxInSystem`.
  public static let defaultMaxInSystem = 2_000_000

  /// Compiles `scenario`.
  public init(_ scenario: Scenario) {
    self.scenario = scenario
    self.calendar = scenario.calendarTable()
    let groups = scenario.procedureGroups
    groupCount = groups.count
    groupOf = scenario.procedures.map { groups.firstIndex(of: $0.group)! }
    poolNames = []
    for centre in scenario.centres {
      for pool in centre.backOffice where !poolNames.contains(pool.id) { poolNames.append(pool.id) }
    }
    if !poolNames.contains(scenario.onlineIntake.pool) { poolNames.append(scenario.onlineIntake.pool) }
    intakeKind = poolNames.firstIndex(of: scenario.onlineIntake.pool)!
    steps = scenario.procedures.map { procedure in
      procedure.steps.map { step in
        switch step.kind {
        case .work(let pool, let time): return .work(poolKind: poolNames.firstIndex(of: pool) ?? -1, time: time)
        case .wait(let days): return .wait(workingDays: days)
        }
      }
    }
    if let day = (0..<calendar.dayCount).first(where: { calendar.isWorkingDay($0) && calendar.openMinutes(ofDay: $0) > 0 }) {
      workingDayMinutes = calendar.openMinutes(ofDay: day)
    }
    let table = calendar
    workingTimeIsRealTime = (table.firstDay..<table.dayCount).allSatisfy {
      table.isWorkingDay($0) && table.openMinutes(ofDay: $0) == SimTime.minutesPerDay
    }
    for (c, centre) in scenario.centres.enumerated() {
      let firstPool = pools.count
      var kinds = Array(repeating: -1, count: poolNames.count)
      var counters: [Int] = []
      var owners: [Int] = []
      if centre.routing == .sharedQueue {
        owners = [ownerCount]
        ownerCount += 1
      }
      for group in centre.counters {
        let owner: Int
        if centre.routing == .sharedQueue {
          owner = owners[0]
        } else {
          owner = ownerCount
          owners.append(owner)
          ownerCount += 1
        }
        counters.append(pools.count)
        pools.append(PoolPlan(
          kind: .counter, centre: c, name: group.id, crewOfSlot: Self.slots(group.staffing), crews: group.staffing.crews,
          discipline: .fifo, hours: nil, servesGroup: groups.map { group.serves(group: $0) }, helps: [], helpers: [],
          owner: owner))
      }
      var backOffice = centre.backOffice
      if !backOffice.contains(where: { $0.id == scenario.onlineIntake.pool }) && scenario.onlineIntake.pool == BackOfficePool.onlineIntakeID {
        backOffice.append(BackOfficePool(id: BackOfficePool.onlineIntakeID, staffing: Staffing([])))
      }
      for pool in backOffice {
        kinds[poolNames.firstIndex(of: pool.id)!] = pools.count
        pools.append(PoolPlan(
          kind: .backOffice, centre: c, name: pool.id, crewOfSlot: Self.slots(pool.staffing), crews: pool.staffing.crews,
          discipline: pool.discipline, hours: pool.hours, servesGroup: [], helps: [], helpers: [], owner: -1))
      }
      // Counter clerks help the pools they name, and always the online-intake pool.
      for (g, group) in centre.counters.enumerated() {
        var helped = group.helps
        if !helped.contains(BackOfficePool.onlineIntakeID) { helped.append(BackOfficePool.onlineIntakeID) }
        for name in helped {
          guard let kind = poolNames.firstIndex(of: name), kinds[kind] >= 0 else { continue }
          pools[counters[g]].helps.append(kinds[kind])
          pools[kinds[kind]].helpers.append(counters[g])
        }
      }
      poolOf += kinds
      counterPools.append(counters)
      poolsOfCentre.append(Array(firstPool..<pools.count))
      ownersOfCentre.append(owners)
      for g in 0..<groupCount {
        eligibleCounters.append(counters.filter { pools[$0].servesGroup[g] })
      }
      outageAffects.append(scenario.outages.map { $0.centres?.contains(centre.id) ?? true })
      var periods = [scenario.procedures.map(\.onlineShare)]
      var days: [Int] = []
      if !centre.onlineShare.isEmpty {
        let mix = centre.shares(scenario.procedures)
        for range in centre.onlineShare {
          periods.append(OnlineShare.procedureShares(scenario.procedures, mix: mix, target: range.share) ?? periods[0])
        }
        days = (0..<scenario.horizon.days).map { day in
          let date = calendar.date(ofDay: day)
          return (centre.onlineShare.firstIndex { $0.covers(date) }).map { $0 + 1 } ?? 0
        }
      }
      onlineShares.append(periods)
      periodOfDay.append(days)
      var pattern = centre.arrivals
      pattern.weekdayFactors = pattern.weekdayMultipliers(on: scenario.calendar)
      arrivalPatterns.append(pattern)
      weeklyVolume.append(centre.arrivals.weeklyVolume(on: scenario.calendar, from: scenario.horizon.start.weekday))
    }
    let first = scenario.horizon.start.dayNumber
    windowDays = scenario.windows.map { window in
      (max(0, window.from.dayNumber - first), min(scenario.horizon.days - 1, window.to.dayNumber - first))
    }
    initialByProcedure = Array(repeating: 0, count: scenario.procedures.count)
    initialByCentre = Array(repeating: 0, count: scenario.centres.count)
    for pending in scenario.initialBacklog {
      initialByProcedure[pending.procedure] += 1
      initialByCentre[pending.centre] += 1
    }
    buildTables()
    for pool in pools.indices {
      let p = pools[pool]
      pools[pool].crewHours = p.crews.map { crew in
        p.kind == .backOffice ? BackOfficePool(id: p.name, staffing: Staffing([]), hours: p.hours).hours(of: crew) : crew.hours
      }
      pools[pool].reviewMinutes = Self.reviewMinutes(pools[pool])
      let key = (kind: pools[pool].kind == .counter ? "counter" : "back_office", name: pools[pool].name)
      if let existing = reportPools.firstIndex(where: { $0 == key }) {
        reportPoolOf.append(existing)
      } else {
        reportPoolOf.append(reportPools.count)
        reportPools.append(key)
      }
    }
  }

  private mutating func buildTables() {
    let procedures = scenario.procedures
    deadline = procedures.map(\.deadline)
    incompleteAtCounter = procedures.map(\.incompleteAtCounter)
    incompleteInBackOffice = procedures.map(\.incompleteInBackOffice)
    for p in procedures.indices {
      stepOffset.append(stepPoolKind.count)
      stepCount.append(steps[p].count)
      firstWorkStep.append(steps[p].firstIndex { if case .work = $0 { return true } else { return false } } ?? -2)
      for step in steps[p] {
        if case .work(let kind, _) = step { stepPoolKind.append(kind) } else { stepPoolKind.append(-1) }
      }
    }
    for centre in scenario.centres {
      priorityShare.append(centre.priorityShare)
      ticketCap.append(centre.dailyTicketCap ?? .max)
      balkAt.append(centre.patience?.balkAt ?? .max)
      returnProbability.append(centre.patience?.returnProbability ?? 0)
      sharedQueue.append(centre.routing == .sharedQueue)
    }
    hasPriorities = priorityShare.contains { $0 > 0 }
    for pool in pools {
      isCounter.append(pool.kind == .counter)
      centreOfPool.append(pool.centre)
      ownerOfPool.append(pool.owner)
      slotBase.append(slotSpeed.count)
      serves += pool.kind == .counter ? pool.servesGroup : Array(repeating: false, count: groupCount)
      let served = pool.kind == .counter ? pool.servesGroup.indices.filter { pool.servesGroup[$0] } : []
      onlyGroupServed.append(served.count == 1 ? served[0] : -1)
      for crew in pool.crewOfSlot {
        slotSpeed.append(pool.crews[crew].speed)
        slotAbsence.append(pool.crews[crew].absence)
        var learning = pool.crews[crew].learning
        if learning != nil && learning?.start == nil { learning?.start = pool.crews[crew].from ?? scenario.horizon.start }
        slotLearning.append(learning)
      }
    }
    hasLearning = slotLearning.contains { $0 != nil }
    let onlinePossible = onlineShares.contains { $0.contains { $0.contains { $0 > 0 } } }
      || scenario.recordedArrivals != nil || !scenario.initialBacklog.isEmpty
    let usedKinds = Set(stepPoolKind.filter { $0 >= 0 })
    mayHoldWork = pools.map { pool in
      guard pool.kind == .backOffice, let kind = poolNames.firstIndex(of: pool.name) else { return false }
      return usedKinds.contains(kind) || (kind == intakeKind && onlinePossible)
    }
  }

  /// Minutes of the day at which the pool's own hours or a crew's hours begin or end.
  private static func reviewMinutes(_ pool: PoolPlan) -> [Double] {
    var minutes = Set<Int>()
    for interval in (pool.hours ?? []) + pool.crews.flatMap({ $0.hours ?? [] }) {
      minutes.insert(interval.start.minutes)
      minutes.insert(interval.end.minutes)
    }
    return minutes.filter { $0 > 0 && $0 < 1440 }.sorted().map(Double.init)
  }

  /// The crew index of each member, crew by crew.
  private static func slots(_ staffing: Staffing) -> [Int] {
    staffing.crews.enumerated().flatMap { Array(repeating: $0.offset, count: $0.element.count) }
  }

  /// The global index of pool kind `kind` at `centre` (-1 when the centre lacks it).
  @inline(__always) func pool(_ kind: Int, at centre: Int) -> Int { poolOf[centre * poolNames.count + kind] }

  /// Counter pools of `centre` that serve procedure group `group`.
  @inline(__always) func counters(for group: Int, at centre: Int) -> [Int] { eligibleCounters[centre * groupCount + group] }
}
