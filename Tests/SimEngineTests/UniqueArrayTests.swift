import SimEngine
import Testing

@Suite struct UniqueArrayTests {
  @Test func appendsReadsAndWritesInPlace() {
    var array = UniqueArray<Int>(capacity: 1)
    for i in 0..<100 { array.append(i) }  // grows several times
    #expect(array.count == 100)
    array[7] += 1000
    #expect(array[7] == 1007)
    #expect(array.last == 99)
    #expect(array.removeLast() == 99)
    #expect(array.popLast() == 98)
    array.remove(at: 0)
    #expect(array[0] == 1)
    #expect(array.count == 97)
    array.append(repeating: -1, count: 3)
    #expect(array.array.suffix(4) == [97, -1, -1, -1])
    while array.popLast() != nil {}
    #expect(array.isEmpty == true)
  }

  @Test func holdsNoncopyableElements() {
    var rows = UniqueArray<UniqueArray<Double>>()
    for n in 1...3 { rows.append(UniqueArray(repeating: Double(n), count: n)) }
    rows[2][1] = 9
    #expect(rows[2].array == [3, 9, 3])
    #expect(rows[0].array == [1])
  }

  @Test func releasesItsElements() {
    final class Token {}
    weak var kept: Token?
    weak var removed: Token?
    do {
      var array = UniqueArray<Token>()
      array.append(Token())
      array.append(Token())
      kept = array[0]
      removed = array[1]
      array.remove(at: 1)
      #expect(removed == nil)
      #expect(kept != nil)
    }
    #expect(kept == nil)
  }
}
