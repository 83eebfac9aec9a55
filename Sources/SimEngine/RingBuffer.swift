//===----------------------------------------------------------------------===//
// A growable double-ended queue over one contiguous buffer.
//===----------------------------------------------------------------------===//

/// A first-in first-out queue that can also take items back at the front.
///
/// Capacity is a power of two (positions wrap with a mask), doubles when full and is
/// never given back, so a queue in steady state allocates nothing. Like ``UniqueArray``
/// it is `~Copyable` and owns its block, so that no write checks for sharing.
///
/// - Complexity: O(1) amortised for every operation.
public struct RingBuffer<Element>: ~Copyable {
  @usableFromInline var storage: UnsafeMutablePointer<Element>
  /// Capacity − 1 (capacity is a power of two).
  @usableFromInline var mask: Int
  @usableFromInline var head = 0
  @usableFromInline var _count = 0

  /// An empty queue with room for at least `capacity` elements before it grows.
  @inlinable
  public init(capacity: Int = 16) {
    var size = 1
    while size < capacity { size <<= 1 }
    storage = .allocate(capacity: size)
    mask = size - 1
  }

  deinit {
    for i in 0..<_count { (storage + ((head + i) & mask)).deinitialize(count: 1) }
    storage.deallocate()
  }

  /// Number of elements.
  @inlinable public var count: Int { _count }

  /// Whether the queue is empty.
  @inlinable public var isEmpty: Bool { _count == 0 }

  /// The element at the front.
  @inlinable public var first: Element? { _count == 0 ? nil : storage[head] }

  /// Appends `element` at the back.
  @inlinable
  public mutating func append(_ element: Element) {
    if _count > mask { grow() }
    (storage + ((head + _count) & mask)).initialize(to: element)
    _count += 1
  }

  /// Inserts `element` at the front.
  @inlinable
  public mutating func prepend(_ element: Element) {
    if _count > mask { grow() }
    head = (head - 1) & mask
    (storage + head).initialize(to: element)
    _count += 1
  }

  /// Removes and returns the element at the front.
  @inlinable
  public mutating func popFirst() -> Element? {
    guard _count > 0 else { return nil }
    let element = (storage + head).move()
    head = (head + 1) & mask
    _count -= 1
    return element
  }

  /// Removes every element, keeping the capacity.
  public mutating func removeAll() {
    while popFirst() != nil {}
  }

  /// Calls `body` with each element, from front to back.
  public func forEach(_ body: (Element) throws -> Void) rethrows {
    for i in 0..<_count { try body(storage[(head + i) & mask]) }
  }

  /// Moves the elements, front first, to a block twice the size.
  @usableFromInline
  mutating func grow() {
    let capacity = mask + 1
    let bigger = UnsafeMutablePointer<Element>.allocate(capacity: 2 * capacity)
    let firstRun = Swift.min(_count, capacity - head)
    bigger.moveInitialize(from: storage + head, count: firstRun)
    (bigger + firstRun).moveInitialize(from: storage, count: _count - firstRun)
    storage.deallocate()
    storage = bigger
    head = 0
    mask = 2 * capacity - 1
  }
}
