//===----------------------------------------------------------------------===//
// An array with exactly one owner, for state written at every event.
//===----------------------------------------------------------------------===//

/// A growable array that cannot be copied, so that reading or writing an element is one
/// memory access.
///
/// Why not `Array`: an `Array` is copy-on-write, so every in-place write first asks the
/// runtime whether its buffer is shared (`swift_isUniquelyReferenced`, a call), once more
/// for each level of nesting; in a model whose state tables live in a class and change at
/// every event, those checks cost more than the model's own work. A `UniqueArray` is
/// `~Copyable`: the compiler proves it has one owner, so there is nothing to check. It
/// owns one block of memory, allocated when it grows (capacity doubles and is never given
/// back) and freed in its `deinit`, when its owner goes away. Elements may themselves be
/// noncopyable (a table of per-pool states, each owning its own tables).
///
/// The subscript checks its index in debug builds only, as `UnsafeMutableBufferPointer`
/// does: in the simulation's hot path the checks were a tenth of all instructions, and
/// the indices come from the model's own tables. Removals are always checked.
public struct UniqueArray<Element: ~Copyable>: ~Copyable {
  @usableFromInline var base: UnsafeMutablePointer<Element>
  @usableFromInline var _count: Int
  @usableFromInline var capacity: Int

  /// An empty array with room for `capacity` elements before it grows.
  @inlinable
  public init(capacity: Int = 0) {
    self.capacity = Swift.max(capacity, 1)
    base = .allocate(capacity: self.capacity)
    _count = 0
  }

  deinit {
    base.deinitialize(count: _count)
    base.deallocate()
  }

  /// Number of elements.
  @inlinable public var count: Int { _count }

  /// Whether there are no elements.
  @inlinable public var isEmpty: Bool { _count == 0 }

  /// The valid indices, `0..<count`.
  @inlinable public var indices: Range<Int> { 0..<_count }

  /// The element at `index`, read and written in place.
  @inlinable
  public subscript(index: Int) -> Element {
    unsafeAddress {
      assert(UInt(bitPattern: index) < UInt(bitPattern: _count), "UniqueArray index out of range")
      return UnsafePointer(base + index)
    }
    unsafeMutableAddress {
      assert(UInt(bitPattern: index) < UInt(bitPattern: _count), "UniqueArray index out of range")
      return base + index
    }
  }

  /// Appends `element`.
  @inlinable
  public mutating func append(_ element: consuming Element) {
    if _count == capacity { grow(to: 2 * capacity) }
    (base + _count).initialize(to: element)
    _count += 1
  }

  /// Removes and returns the last element.
  ///
  /// - Precondition: the array is not empty.
  @inlinable
  public mutating func removeLast() -> Element {
    precondition(_count > 0, "removeLast on an empty UniqueArray")
    _count -= 1
    return (base + _count).move()
  }

  /// Removes the element at `index`, moving the later ones down.
  @inlinable
  public mutating func remove(at index: Int) {
    precondition(UInt(bitPattern: index) < UInt(bitPattern: _count), "UniqueArray index out of range")
    (base + index).deinitialize(count: 1)
    (base + index).moveInitialize(from: base + index + 1, count: _count - index - 1)
    _count -= 1
  }

  /// Moves the elements to a block of `newCapacity`.
  @usableFromInline
  mutating func grow(to newCapacity: Int) {
    let bigger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
    bigger.moveInitialize(from: base, count: _count)
    base.deallocate()
    base = bigger
    capacity = newCapacity
  }
}

/// Like `Array`, a unique array can be sent to another thread with its elements.
extension UniqueArray: @unchecked Sendable where Element: Sendable & ~Copyable {}

extension UniqueArray where Element: Copyable {
  /// `count` copies of `value`.
  @inlinable
  public init(repeating value: Element, count: Int) {
    self.init(capacity: count)
    base.initialize(repeating: value, count: count)
    _count = count
  }

  /// The elements of `elements`, in order.
  @inlinable
  public init(_ elements: some Collection<Element>) {
    self.init(capacity: elements.count)
    for element in elements { append(element) }
  }

  /// The last element, if any.
  @inlinable public var last: Element? { _count > 0 ? base[_count - 1] : nil }

  /// Removes and returns the last element, or `nil` when empty.
  @inlinable
  public mutating func popLast() -> Element? {
    _count > 0 ? removeLast() : nil
  }

  /// Appends `count` copies of `value`.
  @inlinable
  public mutating func append(repeating value: Element, count: Int) {
    if _count + count > capacity { grow(to: Swift.max(2 * capacity, _count + count)) }
    (base + _count).initialize(repeating: value, count: count)
    _count += count
  }

  /// The elements, copied into an `Array`.
  @inlinable public var array: [Element] { Array(UnsafeBufferPointer(start: base, count: _count)) }
}
