import SimEngine
import Testing

@Suite struct EventQueueTests {
  @Test func popsInTimeOrder() {
    var queue = EventQueue<Int>()
    for (i, t) in [5.0, 1.0, 3.0, 2.0, 4.0].enumerated() { queue.schedule(i, at: SimTime(minutes: t)) }
    var times: [Double] = []
    while let event = queue.popNext() { times.append(event.time.minutes) }
    #expect(times == [1, 2, 3, 4, 5])
  }

  @Test func ordersAnyFiniteTimesAndGivesThemBackExactly() {
    // Keys compare as integers made from the time's bits: check the mapping on signs,
    // zeros of either sign, subnormals, neighbours and extremes.
    let times: [Double] = [
      3, -2.5, 0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 1.0.nextUp, 1, 1.0.nextDown,
      .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e-300, -1e300, 59.999999999999993, 60,
    ]
    var queue = EventQueue<Int>()
    for (i, t) in times.enumerated() { queue.schedule(i, at: SimTime(minutes: t)) }
    var popped: [(time: Double, index: Int)] = []
    while let event = queue.popNext() { popped.append((event.time.minutes, event.payload)) }
    // A stable sort by time: the two zeros are equal times, so they keep insertion order.
    let expected = times.enumerated().sorted { ($0.element, $0.offset) < ($1.element, $1.offset) }
    #expect(popped.map(\.index) == expected.map(\.offset))
    #expect(popped.map(\.time) == expected.map(\.element))
    #expect(popped.allSatisfy { $0.time.sign == .plus || $0.time != 0 })  // −0 comes back as 0
  }

  @Test func sameTimeOrderClassThenInsertionOrder() {
    var queue = EventQueue<String>()
    let t = SimTime(minutes: 10)
    queue.schedule("arrival-1", at: t, order: 2)
    queue.schedule("release-1", at: t, order: 0)
    queue.schedule("arrival-2", at: t, order: 2)
    queue.schedule("calendar", at: t, order: 1)
    queue.schedule("release-2", at: t, order: 0)
    queue.schedule("earlier", at: SimTime(minutes: 9), order: 3)
    var order: [String] = []
    while let event = queue.popNext() { order.append(event.payload) }
    #expect(order == ["earlier", "release-1", "release-2", "calendar", "arrival-1", "arrival-2"])
  }

  @Test(arguments: 0..<20)
  func matchesASortedReference(seed: Int) {
    // A seeded mix of schedules and pops against a stable sort by (time, order, sequence).
    var state = UInt64(seed + 1)
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    var queue = EventQueue<Int>()
    var reference: [(time: Double, order: UInt8, sequence: Int)] = []
    var sequence = 0
    var now = 0.0
    for _ in 0..<2_000 {
      if next() % 3 != 0 || reference.isEmpty {
        let time = now + Double(next() % 8)  // many ties
        let order = UInt8(next() % 3)
        queue.schedule(sequence, at: SimTime(minutes: time), order: order)
        reference.append((time, order, sequence))
        sequence += 1
      } else {
        reference.sort { ($0.time, $0.order, $0.sequence) < ($1.time, $1.order, $1.sequence) }
        let expected = reference.removeFirst()
        let event = queue.popNext()
        #expect(event?.payload == expected.sequence)
        now = expected.time
      }
      // The popped root waits in place for the next schedule: what the queue reports in
      // between is still the pending events'.
      #expect(queue.count == reference.count)
      #expect(queue.isEmpty == reference.isEmpty)
      #expect(queue.nextTime?.minutes == reference.map(\.time).min())
    }
    #expect(queue.count == reference.count)
  }

  @Test func reservedSequencesOrderAsIfScheduledAtTheReservation() {
    var queue = EventQueue<String>()
    let t = SimTime(minutes: 10)
    queue.schedule("before", at: t, order: 1)
    let reserved = queue.reserveSequences(2)
    queue.schedule("after", at: t, order: 1)
    queue.schedule("lower class", at: t, order: 0)
    // Scheduled last, but with sequences taken between "before" and "after".
    queue.schedule("reserved-2", at: t, order: 1, sequence: reserved + 1)
    queue.schedule("reserved-1", at: t, order: 1, sequence: reserved)
    var order: [String] = []
    while let event = queue.popNext() { order.append(event.payload) }
    #expect(order == ["lower class", "before", "reserved-1", "reserved-2", "after"])
  }

  @Test func handlesIdentifyEvents() {
    var queue = EventQueue<Int>()
    let a = queue.schedule(1, at: SimTime(minutes: 1))
    let b = queue.schedule(2, at: SimTime(minutes: 2))
    #expect(a != b)
    #expect(queue.popNext()?.handle == a)
    #expect(queue.popNext()?.handle == b)
    #expect(queue.popNext() == nil)
    #expect(queue.isEmpty == true)
  }
}

@Suite struct SchedulerTests {
  @Test func runsToTheHorizonAndNoFurther() {
    var scheduler = Scheduler<Int>()
    for t in [1.0, 5.0, 10.0, 15.0] { scheduler.schedule(Int(t), at: SimTime(minutes: t)) }
    var seen: [Int] = []
    while let event = scheduler.next(until: SimTime(minutes: 10)) {
      #expect(scheduler.now == event.time)
      seen.append(event.payload)
    }
    #expect(seen == [1, 5, 10])
    #expect(scheduler.now == SimTime(minutes: 10))
    #expect(scheduler.pendingEvents == 1)
    #expect(scheduler.processedEvents == 3)
  }

  @Test func schedulesRelativeToNow() {
    var scheduler = Scheduler<String>()
    scheduler.schedule("first", at: SimTime(minutes: 3))
    _ = scheduler.next(until: SimTime(minutes: 100))
    scheduler.schedule("second", after: SimDuration(minutes: 2))
    #expect(scheduler.next(until: SimTime(minutes: 100))?.time == SimTime(minutes: 5))
  }
}
