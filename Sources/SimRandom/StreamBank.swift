//===----------------------------------------------------------------------===//
// Many random streams behind one reference, for a simulation's hot path.
//===----------------------------------------------------------------------===//

internal import CGSL

/// The random streams of one replication, addressed by index.
///
/// Each stream is seeded exactly as a ``RandomStream`` with the same key would be, so
/// the numbers are the same; but the generators live in one block owned by one object,
/// so that drawing from stream `i` touches no reference count (an array of
/// `RandomStream`s would retain and release one per draw). Uniform and exponential draws
/// are done in Swift on the generators' state (``MersenneTwister``), the others by GSL.
///
/// Not thread-safe and not `Sendable`: one bank per replication.
public final class StreamBank {
  private let generators: UnsafeMutablePointer<Generator>
  /// Number of streams.
  public let count: Int

  /// Streams for `keys` in replication `replication` of an experiment seeded with `master`.
  public init(master: UInt64, replication: Int, keys: [StreamKey]) {
    count = keys.count
    generators = .allocate(capacity: max(1, keys.count))
    for (i, key) in keys.enumerated() {
      let seed = SeedDeriver.seed(master: master, replication: replication, key: key)
      (generators + i).initialize(to: Generator(RandomStream.makeGenerator(seed: seed)))
    }
  }

  deinit {
    for i in 0..<count { RandomStream.freeGenerator(generators[i].rng) }
    generators.deallocate()
  }

  /// A uniform draw on [0, 1) from stream `stream`.
  public func uniform(_ stream: Int) -> Double { MersenneTwister.uniform(generators[stream]) }

  /// An exponential draw with the given mean from stream `stream`.
  public func exponential(_ stream: Int, mean: Double) -> Double {
    MersenneTwister.exponential(generators[stream], mean: mean)
  }

  /// `true` with probability `probability`, from stream `stream`.
  public func bernoulli(_ stream: Int, _ probability: Double) -> Bool {
    MersenneTwister.uniform(generators[stream]) < probability
  }

  /// One draw from `sampler` with stream `stream`.
  public func sample(_ stream: Int, _ sampler: borrowing Sampler) -> Double {
    draw(sampler, generators[stream], SwiftDraws.self)
  }

  /// An index drawn from `table` with stream `stream`.
  public func pick(_ stream: Int, _ table: DiscreteTable) -> Int { pick(stream, table.unowned) }

  /// An index drawn from `table` with stream `stream`; the table must be alive.
  public func pick(_ stream: Int, _ table: UnownedDiscreteTable) -> Int {
    MersenneTwister.discrete(generators[stream], table.table)
  }

  /// Hints that stream `stream` will be drawn from soon: its state's next word is fetched
  /// into the cache meanwhile. Changes no number.
  public func prefetch(_ stream: Int) { cgsl_mt_prefetch(generators[stream].mt) }
}

@available(*, unavailable)
extension StreamBank: Sendable {}

/// Where the uniform and exponential draws of a process come from: a ``RandomStream``, or
/// one stream of a ``StreamBank``.
public protocol RandomSource {
  /// A uniform draw on [0, 1).
  func uniform() -> Double
  /// An exponential draw with the given mean.
  func exponential(mean: Double) -> Double
}

extension RandomStream: RandomSource {}

extension StreamBank {
  /// Stream `index` of this bank, as a ``RandomSource``. The bank must outlive it.
  ///
  /// It holds the generator itself, not the bank: a reference to the bank would be
  /// retained and released around every draw.
  public struct Stream: RandomSource {
    let generator: Generator

    public func uniform() -> Double { MersenneTwister.uniform(generator) }
    public func exponential(mean: Double) -> Double { MersenneTwister.exponential(generator, mean: mean) }
  }

  /// Stream `index` as a ``RandomSource`` (valid while the bank lives).
  public func stream(_ index: Int) -> Stream { Stream(generator: generators[index]) }
}
