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
      #expect(Array(buffer) == expected)
    }
  }

  @Test func prependGoesToTheFront() {
    var buffer = RingBuffer<String>(capacity: 1)
    buffer.append("b")
    buffer.prepend("a")
    buffer.append("c")
    #expect(Array(buffer) == ["a", "b", "c"])
    #expect(buffer.first == "a")
    buffer.removeAll()
    #expect(buffer.isEmpty)
    #expect(buffer.popFirst() == nil)
  }
}
