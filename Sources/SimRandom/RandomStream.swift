//===----------------------------------------------------------------------===//
// A reproducible stream of random numbers owning one GSL generator.
//===----------------------------------------------------------------------===//

internal import CGSL

/// One independent, reproducible stream of random numbers (GSL's MT19937).
///
/// A stream owns its `gsl_rng`, which is freed when the stream is released. It is not
/// thread-safe and not `Sendable`: create the streams of a replication inside the task
/// that runs it.
///
/// Seeding: GSL's `gsl_rng_set` would use only 32 bits of a seed (and silently replaces a
/// zero seed by a default). Instead the 64-bit seed is expanded with SplitMix64 into all
/// 624 words of the MT19937 state, as NumPy's `SeedSequence` does, so that the millions of
/// streams of a large sweep do not collide.
public final class RandomStream {
  let rng: UnsafeMutablePointer<gsl_rng>

  /// The seed this stream was created from.
  public let seed: UInt64

  /// Creates the stream for `key` in replication `replication` of an experiment seeded
  /// with `master`.
  public convenience init(master: UInt64, replication: Int, key: StreamKey) {
    self.init(seed: SeedDeriver.seed(master: master, replication: replication, key: key))
  }

  /// Creates a stream from a 64-bit seed.
  public init(seed: UInt64) {
    self.rng = Self.makeGenerator(seed: seed)
    self.seed = seed
  }

  /// A new MT19937 generator whose whole state is filled from `seed`; free it with
  /// ``freeGenerator(_:)``.
  static func makeGenerator(seed: UInt64) -> UnsafeMutablePointer<gsl_rng> {
    _ = gslSetUp
    // The SplitMix64 sequence started at `seed`: output i is mix(seed + i·γ).
    let rng = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Int(CGSL_MT_N)) { words in
      for i in stride(from: 0, to: words.count, by: 2) {
        let output = SeedDeriver.mix(seed &+ UInt64(i / 2) &* 0x9E37_79B9_7F4A_7C15)
        words[i] = UInt32(truncatingIfNeeded: output >> 32)
        words[i + 1] = UInt32(truncatingIfNeeded: output)
      }
      return cgsl_mt19937_alloc_loaded(words.baseAddress)
    }
    guard let rng else { fatalError("cannot create an mt19937 generator: out of memory, or not GSL's expected state layout") }
    return rng
  }

  /// Frees a generator made by ``makeGenerator(seed:)``.
  static func freeGenerator(_ rng: UnsafeMutablePointer<gsl_rng>) { cgsl_mt19937_free(rng) }

  deinit {
    Self.freeGenerator(rng)
  }

  // MARK: - Draws

  /// A uniform draw on [0, 1) (`gsl_rng_uniform`).
  public func uniform() -> Double {
    gsl_rng_uniform(rng)
  }

  /// A uniform draw on (0, 1), never exactly zero (`gsl_rng_uniform_pos`).
  public func uniformPositive() -> Double {
    gsl_rng_uniform_pos(rng)
  }

  /// An exponential draw with the given mean (`gsl_ran_exponential`, which takes the
  /// *mean*, not the rate).
  public func exponential(mean: Double) -> Double {
    gsl_ran_exponential(rng, mean)
  }

  /// `true` with probability `probability` (`gsl_rng_uniform` < p).
  public func bernoulli(_ probability: Double) -> Bool {
    gsl_rng_uniform(rng) < probability
  }
}

@available(*, unavailable)
extension RandomStream: Sendable {}
