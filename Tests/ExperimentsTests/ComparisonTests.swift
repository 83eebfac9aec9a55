import CentreModel
import CentreSimulation
import Experiments
import Testing
import TestSupport

@Suite struct ComparisonTests {
  @Test func commonRandomNumbersNarrowThePairedInterval() {
    // M/M/10 against M/M/11 at λ = 9: both queues feel the same bursts of arrivals.
    let base = Scenarios.singleQueue(servers: 10, arrivalRate: 9, service: .exponential(mean: 1), days: 2, replications: 12)
    var more = base
    more.centres[0].counters[0].staffing = .fixed(11)
    let paired = Comparison.run([Variant(label: "2", scenario: base), Variant(label: "3", scenario: more)])
    let difference = paired.differences(1).first { $0.measure == .counterWaitMean }!
    // The same comparison with independent streams (another seed for the variant).
    var independent = more
    independent.seed = base.seed + 1000
    let a = Experiment.run(base).replications.map { $0.totals[.counterWaitMean] }
    let b = Experiment.run(independent).replications.map { $0.totals[.counterWaitMean] }
    let unpaired = Estimate(zip(b, a).map { $0 - $1 })
    #expect(difference.difference.mean < 0)
    #expect(difference.difference.halfWidth < unpaired.halfWidth,
            "paired ±\(difference.difference.halfWidth) vs independent ±\(unpaired.halfWidth)")
    #expect(difference.isSignificant)
  }

  @Test func variantsRunOnTheBasesSeedAndReplications() {
    let base = Scenarios.commune(replications: 3)
    var other = base
    other.seed = 999
    other.replications = 7
    let comparison = Comparison.run([Variant(label: "a", scenario: base), Variant(label: "b", scenario: other)])
    #expect(comparison.results[1].replications.count == 3)
    #expect(comparison.results[0].replications == comparison.results[1].replications)
  }
}

@Suite struct SelectionTests {
  @Test func knPicksTheBestStaffingAndGuaranteesIt() {
    let variants = [9, 10, 11, 12].map { servers -> Variant in
      Variant(label: "\(servers)", scenario: Scenarios.singleQueue(servers: servers, arrivalRate: 8, service: .exponential(mean: 1),
                                                                   days: 3, replications: 10, seed: 5))
    }
    let selection = KimNelson.select(variants, measure: .counterWaitMean, delta: 0.05, confidence: 0.95, initial: 10, limit: 200)
    #expect(selection.best == 3)
    #expect(!selection.hitLimit)
    #expect(selection.eliminatedAt[0] != nil && selection.eliminatedAt[1] != nil)
    #expect(selection.means[3] < selection.means[2])
    // Threads do not change the outcome.
    let single = KimNelson.select(variants, measure: .counterWaitMean, delta: 0.05, initial: 10, limit: 200, jobs: 1)
    #expect(single.replications == selection.replications && single.best == selection.best)
  }
}

@Suite struct PrecisionTests {
  @Test func stopsAtTheFirstCountThatMeetsTheTargetWhateverTheThreads() {
    let scenario = Scenarios.commune(replications: 2)
    let one = Experiment.runToPrecision(scenario, measures: [.counterWaitMean], relativeHalfWidth: 0.1, minimum: 5, maximum: 200, jobs: 1)
    let two = Experiment.runToPrecision(scenario, measures: [.counterWaitMean], relativeHalfWidth: 0.1, minimum: 5, maximum: 200, jobs: 2)
    #expect(one.reached)
    #expect(one.result.replications == two.result.replications)
    let n = one.result.replications.count
    #expect(n >= 5)
    let e = one.result.totals[.counterWaitMean]
    #expect(e.halfWidth <= 0.1 * e.mean)
    // One fewer replication would not have met it.
    let fewer = Estimate(one.result.replications.prefix(n - 1).map { $0.totals[.counterWaitMean] })
    #expect(n == 5 || fewer.halfWidth > 0.1 * fewer.mean)
  }

  @Test func reportsWhenTheMaximumIsReached() {
    let run = Experiment.runToPrecision(Scenarios.commune(replications: 2), measures: [.counterWaitMean], relativeHalfWidth: 0.0001,
                                        minimum: 3, maximum: 6)
    #expect(!run.reached)
    #expect(run.result.replications.count == 6)
  }
}

@Suite struct SweepDesignTests {
  @Test func gridEnumeratesEveryCombinationFirstFactorSlowest() {
    let factors = [SweepFactor(parsing: "a=1,2")!, SweepFactor(parsing: "b=0:1:0.5")!]
    let points = SweepDesign.grid.points(factors)
    #expect(points.map { $0.settings.map(\.value) } == [["1", "0"], ["1", "0.5"], ["1", "1"], ["2", "0"], ["2", "0.5"], ["2", "1"]])
    #expect(points.map(\.index) == Array(0..<6))
  }

  @Test func latinHypercubeUsesEveryStratumOnce() {
    var x = SweepFactor(parsing: "x=0:10")!
    x.takesFractions = true  // a real-valued field (whole-number ranges: LatinHypercubeTests)
    let factors = [x, SweepFactor(parsing: "n=1:20:1")!]
    let points = SweepDesign.latinHypercube(points: 10, seed: 3).points(factors)
    #expect(points.count == 10)
    let strata = Set(points.map { Int(Double($0.settings[0].value)! / 1.0) })
    #expect(strata.count == 10)  // each tenth of [0, 10) once
    let pairs = Set(points.map { (Int($0.settings[1].value)! - 1) / 2 })
    #expect(pairs.count == 10)  // each pair of integers once
    #expect(points == SweepDesign.latinHypercube(points: 10, seed: 3).points(factors))
    #expect(points != SweepDesign.latinHypercube(points: 10, seed: 4).points(factors))
  }

  @Test func shardsPartitionThePoints() {
    let shards = (1...3).map { Shard(part: $0, of: 3) }
    for i in 0..<20 { #expect(shards.filter { $0.contains(i) }.count == 1) }
    #expect(Shard(parsing: "2/3") == Shard(part: 2, of: 3))
    #expect(Shard(parsing: "4/3") == nil && Shard(parsing: "0/3") == nil && Shard(parsing: "x") == nil)
    #expect(SweepFactor(parsing: "nokey") == nil && SweepFactor(parsing: "a=1:2:-1") == nil)
    // Not a range: a list of one time of day, or of two.
    #expect(SweepFactor(parsing: "calendar.receipt_cutoff=15:00")?.gridValues == ["15:00"])
    #expect(SweepFactor(parsing: "calendar.receipt_cutoff=14:00,15:00")?.gridValues == ["14:00", "15:00"])
  }
}
