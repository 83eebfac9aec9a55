import SimRandom
import Testing

@Suite struct RandomStreamTests {
  @Test func sameKeySameNumbers() {
    let a = RandomStream(master: 42, replication: 3, key: StreamKey("arrivals", 1))
    let b = RandomStream(master: 42, replication: 3, key: StreamKey("arrivals", 1))
    for _ in 0..<1_000 { #expect(a.uniform() == b.uniform()) }
  }

  @Test func everyPartOfTheKeyChangesTheStream() {
    let base = SeedDeriver.seed(master: 42, replication: 3, key: StreamKey("arrivals", 1))
    #expect(base != SeedDeriver.seed(master: 43, replication: 3, key: StreamKey("arrivals", 1)))
    #expect(base != SeedDeriver.seed(master: 42, replication: 4, key: StreamKey("arrivals", 1)))
    #expect(base != SeedDeriver.seed(master: 42, replication: 3, key: StreamKey("service", 1)))
    #expect(base != SeedDeriver.seed(master: 42, replication: 3, key: StreamKey("arrivals", 2)))
  }

  @Test func seedsAreDistinctAcrossManyStreams() {
    var seen = Set<UInt64>()
    for replication in 0..<200 {
      for index in 0..<200 {
        seen.insert(SeedDeriver.seed(master: 1, replication: replication, key: StreamKey("s", index)))
      }
    }
    #expect(seen.count == 40_000)
  }

  @Test func derivationIsStableAcrossVersions() {
    // Pinned: changing the derivation would silently change every published result.
    #expect(SeedDeriver.seed(master: 1, replication: 0, key: StreamKey("arrivals", 0)) == 12_906_179_548_918_526_608)
    let stream = RandomStream(master: 1, replication: 0, key: StreamKey("arrivals", 0))
    #expect(stream.uniform() == 0.24883451662026346)
  }

  @Test func zeroSeedIsAnOrdinarySeed() {
    // GSL's gsl_rng_set(r, 0) would silently use its default seed; ours does not.
    let zero = RandomStream(seed: 0)
    let other = RandomStream(seed: 4357)
    #expect(zero.uniform() != other.uniform())
  }

  @Test func uniformRanges() {
    let s = RandomStream(seed: 5)
    for _ in 0..<10_000 {
      let u = s.uniform()
      #expect(u >= 0 && u < 1)
      let p = s.uniformPositive()
      #expect(p > 0 && p < 1)
    }
  }

  @Test func studentTQuantiles() {
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 9) - 2.262157) < 1e-6)
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 1e9) - 1.959964) < 1e-6)
  }
}
