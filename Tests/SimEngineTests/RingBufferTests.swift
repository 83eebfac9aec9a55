import SimEngine
import Testing

@Suite struct RingBufferTests {
  @Test func firstInFirstOutAcrossGrowth() {
    var buffer = RingBuffer<Int>(capacity: 2)
    var expected: [Int] = []
    var next = 0
    for round in 0..<50 {
      for _ in 0..<(round % 5 + 1) {
        buffer.append(next)
        expected.append(next)
        next += 1
      }
      for _ in 0..<(round % 3) where !expected.isEmpty {
        #expect(buffer.popFirst() == expected.removeFirst())
      }
      #expect(buffer.count == expected.count)
      #expect(contents(buffer) == expected)
    }
  }

  @Test func prependGoesToTheFront() {
    var buffer = RingBuffer<String>(capacity: 1)
    buffer.append("b")
    buffer.prepend("a")
    buffer.append("c")
    #expect(contents(buffer) == ["a", "b", "c"])
    #expect(buffer.first == "a")
    buffer.removeAll()
    #expect(buffer.isEmpty == true)
    #expect(buffer.popFirst() == nil)
  }

  @Test func capacityIsAPowerOfTwoAndWrapsAround() {
    var buffer = RingBuffer<Int>(capacity: 3)  // rounded up to 4
    for i in 0..<4 { buffer.append(i) }
    _ = buffer.popFirst()
    _ = buffer.popFirst()
    buffer.append(4)
    buffer.append(5)  // wraps to the front of the block
    buffer.prepend(1)
    #expect(contents(buffer) == [1, 2, 3, 4, 5])  // grew while wrapped
  }

  @Test func releasesTheElementsItHolds() {
    final class Token {}
    weak var watched: Token?
    do {
      var buffer = RingBuffer<Token>(capacity: 2)
      let token = Token()
      watched = token
      buffer.append(token)
      buffer.append(Token())
      _ = buffer.popFirst()
      buffer.append(Token())
    }
    #expect(watched == nil)
  }

  private func contents<T>(_ buffer: borrowing RingBuffer<T>) -> [T] {
    var elements: [T] = []
    buffer.forEach { elements.append($0) }
    return elements
  }
}
