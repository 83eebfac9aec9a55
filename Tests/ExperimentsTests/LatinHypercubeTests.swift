import Experiments
import Testing

/// A researcher's Latin hypercube: every value of a range can come out, and a field that
/// takes fractions is sampled as a real.
@Suite struct LatinHypercubeTests {
  func column(_ factor: String, points: Int, fractions: Bool = false) throws -> [String] {
    var f = try #require(SweepFactor(parsing: factor))
    f.takesFractions = fractions
    return SweepDesign.latinHypercube(points: points, seed: 3).points([f]).map { $0.settings[0].value }
  }

  @Test func anIntegerRangeIncludesItsUpperEnd() throws {
    let values = try column("centre.counter_staff=2:3", points: 20)
    #expect(values.filter { $0 == "2" }.count == 10 && values.filter { $0 == "3" }.count == 10, "\(values)")
    let wide = try column("centre.counter_staff=1:5", points: 50)
    #expect(Set(wide) == ["1", "2", "3", "4", "5"])
    #expect(["1", "2", "3", "4", "5"].allSatisfy { v in wide.filter { $0 == v }.count == 10 }, "each value in a fifth of the strata")
  }

  @Test func aFieldThatTakesFractionsIsSampledAsAReal() throws {
    let values = try column("centre.arrivals.daily_volume=40:60", points: 8, fractions: true).map { try #require(Double($0)) }
    #expect(values.contains { $0 != $0.rounded() }, "\(values)")
    #expect(values.allSatisfy { (40...60).contains($0) })
    // One value in each eighth of the range.
    #expect(Set(values.map { Int(($0 - 40) / 2.5) }) == Set(0..<8))
  }
}
