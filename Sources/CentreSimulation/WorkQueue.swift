//===----------------------------------------------------------------------===//
// Queues of dossiers: the back office's work queues and the counters' ticket queues.
//===----------------------------------------------------------------------===//

import CentreModel
import SimEngine

/// A back-office queue, first-come-first-served or earliest-due-date.
///
/// FIFO is a ring buffer; EDD a binary heap on (due, arrival order). A dossier whose work
/// was interrupted goes back to the front (FIFO) or by its due date (EDD).
struct WorkQueue: ~Copyable {
  let discipline: QueueDiscipline
  private var fifo = RingBuffer<Int32>(capacity: 16)
  private var heap = UniqueArray<(due: Double, order: UInt64, index: Int32)>()
  private var order: UInt64 = 0

  init(_ discipline: QueueDiscipline) { self.discipline = discipline }

  var count: Int { discipline == .fifo ? fifo.count : heap.count }
  var isEmpty: Bool { count == 0 }

  /// Adds a dossier at the back (FIFO) or by due date (EDD).
  mutating func append(_ index: Int32, due: Double) {
    switch discipline {
    case .fifo: fifo.append(index)
    case .earliestDueDate: push(due, index)
    }
  }

  /// Puts back a dossier whose work was interrupted: at the front (FIFO) or by due date.
  mutating func putBack(_ index: Int32, due: Double) {
    switch discipline {
    case .fifo: fifo.prepend(index)
    case .earliestDueDate: push(due, index, front: true)
    }
  }

  mutating func popFirst() -> Int32? {
    switch discipline {
    case .fifo: return fifo.popFirst()
    case .earliestDueDate: return pop()
    }
  }

  private mutating func push(_ due: Double, _ index: Int32, front: Bool = false) {
    order &+= 1
    heap.append((due, front ? 0 : order, index))
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard precedes(heap[child], heap[parent]) else { break }
      swapAt(child, parent)
      child = parent
    }
  }

  private mutating func pop() -> Int32? {
    guard !heap.isEmpty else { return nil }
    let first = heap[0].index
    let last = heap.removeLast()
    if !heap.isEmpty {
      heap[0] = last
      var parent = 0
      while true {
        let left = 2 * parent + 1
        guard left < heap.count else { break }
        let child = left + 1 < heap.count && precedes(heap[left + 1], heap[left]) ? left + 1 : left
        guard precedes(heap[child], heap[parent]) else { break }
        swapAt(child, parent)
        parent = child
      }
    }
    return first
  }

  private mutating func swapAt(_ i: Int, _ j: Int) {
    let entry = heap[i]
    heap[i] = heap[j]
    heap[j] = entry
  }

  private func precedes(_ a: (due: Double, order: UInt64, index: Int32), _ b: (due: Double, order: UInt64, index: Int32)) -> Bool {
    a.due < b.due || (a.due == b.due && a.order < b.order)
  }
}

/// The ticket queues a group of counters calls citizens from: one FIFO per (procedure
/// group, priority class). Calling takes the priority class first, then the lowest ticket.
///
/// Citizens who give up are not removed at once: their entry goes stale (the dossier's
/// ticket changes) and is skipped when it reaches the front.
struct TicketQueues: ~Copyable {
  private var queues: UniqueArray<RingBuffer<QueueEntry>>
  /// Citizens really waiting (stale entries excluded).
  private(set) var waiting = 0

  init(groups: Int) {
    queues = UniqueArray(capacity: groups * 2)
    for _ in 0..<groups * 2 { queues.append(RingBuffer(capacity: 8)) }
  }

  @inline(__always) private func slot(_ group: Int, _ priority: Bool) -> Int { group * 2 + (priority ? 1 : 0) }

  @inline(__always)
  mutating func append(_ entry: QueueEntry, group: Int, priority: Bool) {
    queues[slot(group, priority)].append(entry)
    waiting &+= 1
  }

  /// Puts a citizen back at the head of their queue (returning after a night at home).
  mutating func prepend(_ entry: QueueEntry, group: Int, priority: Bool) {
    queues[slot(group, priority)].prepend(entry)
    waiting &+= 1
  }

  /// One citizen gave up (their entry is now stale).
  mutating func noteDeparture() { waiting &-= 1 }

  /// Calls the next citizen among the groups served (`serves[from + group]`), skipping
  /// stale entries. Looks at no queue when nobody waits (every entry left is stale), and
  /// at no priority queue when the scenario has no priority citizens (`priorities`).
  /// `onlyGroup`: the one group served, if so (-1: several), whose queues are then looked
  /// at directly.
  @inline(__always)
  mutating func call(serves: [Bool], from offset: Int, onlyGroup: Int, priorities: Bool,
                     isLive: (QueueEntry) -> Bool) -> QueueEntry? {
    guard waiting > 0 else { return nil }
    if onlyGroup >= 0 {
      for priority in (priorities ? 0 : 1)..<2 {
        let q = onlyGroup * 2 + 1 - priority
        while let head = queues[q].first, !isLive(head) { _ = queues[q].popFirst() }
        // (As below: a head is taken if its ticket is below the largest.)
        if let head = queues[q].first, head.ticket < UInt32.max {
          _ = queues[q].popFirst()
          waiting &-= 1
          return head
        }
      }
      return nil
    }
    let groups = queues.count / 2
    for priority in (priorities ? 0 : 1)..<2 {
      var best = -1
      var bestTicket = UInt32.max
      for group in 0..<groups where serves[offset + group] {
        let q = group * 2 + 1 - priority
        while let head = queues[q].first, !isLive(head) { _ = queues[q].popFirst() }
        if let head = queues[q].first, head.ticket < bestTicket {
          best = q
          bestTicket = head.ticket
        }
      }
      if best >= 0, let entry = queues[best].popFirst() {
        waiting &-= 1
        return entry
      }
    }
    return nil
  }

  /// The live entries, queue by queue (for sending everyone home).
  func entries(isLive: (QueueEntry) -> Bool) -> [QueueEntry] {
    var live: [QueueEntry] = []
    for q in queues.indices {
      queues[q].forEach { if isLive($0) { live.append($0) } }
    }
    return live
  }
}
