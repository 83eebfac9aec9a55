//===----------------------------------------------------------------------===//
// Rows of indices stored flat, for walking in the hot path.
//===----------------------------------------------------------------------===//

import SimEngine

/// A list of indices per row (per pool, say), stored in two flat noncopyable tables, so
/// that walking a row touches no reference count: a `for` loop over an array held in a
/// struct in an array retains and releases its storage each time.
struct JaggedTable: ~Copyable {
  private var starts: UniqueArray<Int>
  private var items: UniqueArray<Int>

  init(_ rows: [[Int]]) {
    starts = UniqueArray(capacity: rows.count + 1)
    items = UniqueArray(capacity: rows.reduce(0) { $0 + $1.count })
    starts.append(0)
    for row in rows {
      for item in row { items.append(item) }
      starts.append(items.count)
    }
  }

  /// The positions of row `row`'s items (for ``subscript(_:)``).
  @inline(__always) func positions(_ row: Int) -> Range<Int> { starts[row]..<starts[row + 1] }

  /// The item at `position`.
  @inline(__always) subscript(position: Int) -> Int { items[position] }
}
