//===----------------------------------------------------------------------===//
// A growable double-ended queue over one contiguous buffer.
//===----------------------------------------------------------------------===//

/// A first-in first-out queue that can also take items back at the front.
///
/// Capacity doubles when full and is never given back, so a queue in steady state
/// allocates nothing.
///
/// - Complexity: O(1) amortised for every operation.
public struct RingBuffer<Element> {
  @usableFromInline var storage: ContiguousArray<Element?>
  @usableFromInline var head = 0
  /// Number of elements.
  public var count: Int { _count }
  @usableFromInline var _count: Int = 0

  /// An empty queue with room for `capacity` elements before it grows.
  public init(capacity: Int = 16) {
    storage = ContiguousArray(repeating: nil, count: Swift.max(capacity, 1))
  }

  /// Whether the queue is empty.
  @inlinable public var isEmpty: Bool { count == 0 }

  /// The element at the front.
  @inlinable public var first: Element? { count == 0 ? nil : storage[head] }

  /// Appends `element` at the back.
  @inlinable
  public mutating func append(_ element: Element) {
    if count == storage.count { grow() }
    var tail = head + count
    if tail >= storage.count { tail -= storage.count }
    storage[tail] = element
    _count += 1
  }

  /// Inserts `element` at the front.
  @inlinable
  public mutating func prepend(_ element: Element) {
    if count == storage.count { grow() }
    head = head == 0 ? storage.count - 1 : head - 1
    storage[head] = element
    _count += 1
  }

  /// Removes and returns the element at the front.
  @inlinable
  public mutating func popFirst() -> Element? {
    guard count > 0 else { return nil }
    let element = storage[head]
    storage[head] = nil
    head += 1
    if head == storage.count { head = 0 }
    _count -= 1
    return element
  }

  /// Removes every element, keeping the capacity.
  public mutating func removeAll() {
    while popFirst() != nil {}
  }

  @usableFromInline
  mutating func grow() {
    var bigger = ContiguousArray<Element?>(repeating: nil, count: storage.count * 2)
    for i in 0..<count {
      bigger[i] = storage[(head + i) % storage.count]
    }
    storage = bigger
    head = 0
  }
}

extension RingBuffer: Sequence {
  /// Iterates from front to back.
  public func makeIterator() -> AnyIterator<Element> {
    var index = 0
    return AnyIterator {
      guard index < count else { return nil }
      defer { index += 1 }
      return storage[(head + index) % storage.count]
    }
  }
}
