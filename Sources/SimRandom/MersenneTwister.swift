//===----------------------------------------------------------------------===//
// GSL's MT19937 draws, done in Swift on GSL's own generator state.
//===----------------------------------------------------------------------===//

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif
internal import CGSL

/// Uniform, exponential, lognormal and discrete draws of a GSL `mt19937` generator,
/// computed here on the generator's own state (`cgsl_mt_state_t`) exactly as GSL's
/// `rng/mt.c` and `randist/exponential.c`, `lognormal.c` and `discrete.c` compute them
/// (the same operations in the same order, the same libm `log1p`, `log` and `exp`), so
/// the numbers are the same bit for bit and the state stays shared with GSL's samplers
/// (a gamma draw from the same stream continues where these left off).
///
/// Why: through GSL, a uniform is three calls (`gsl_rng_uniform`, then the generator's
/// `get_double` and `get` through function pointers) and a lognormal or a discrete draw
/// one more; here each is a few lines inlined into the caller. ``RandomStream``'s
/// `uniform()`, `exponential(mean:)`, `pick(_:)` and `sampleWithGSL(_:)` still call GSL,
/// and the tests check the two against each other.
/// Every generator of SimRandom is an `mt19937` (``RandomStream/makeGenerator(seed:)``
/// checks it).
enum MersenneTwister {
  static let n = 624
  static let m = 397

  /// A uniform draw on [0, 1): the next tempered 32-bit word / 2³² (`gsl_rng_uniform`).
  @inline(__always)
  static func uniform(_ generator: Generator) -> Double {
    let state = generator.mt
    let words = UnsafeMutableRawPointer(state).assumingMemoryBound(to: UInt.self)
    var next = Int(state.pointee.mti)
    if next >= n {
      regenerate(words)
      next = 0
    }
    var k = words[next]
    state.pointee.mti = Int32(next + 1)
    k ^= k >> 11
    k ^= (k << 7) & 0x9D2C_5680
    k ^= (k << 15) & 0xEFC6_0000
    k ^= k >> 18
    return Double(Int(bitPattern: k)) / 4_294_967_296.0  // k < 2³²: a signed conversion is exact
  }

  /// An exponential draw with the given mean: −mean · log1p(−u) (`gsl_ran_exponential`).
  @inline(__always)
  static func exponential(_ generator: Generator, mean: Double) -> Double {
    -mean * log1p(-uniform(generator))
  }

  /// A lognormal draw: exp(σ·z + ζ) with z a standard normal by the polar Box–Muller
  /// method on two uniforms (`gsl_ran_lognormal`, operation for operation).
  @inline(__always)
  static func lognormal(_ generator: Generator, zeta: Double, sigma: Double) -> Double {
    var u: Double, v: Double, r2: Double
    repeat {
      u = -1 + 2 * uniform(generator)
      v = -1 + 2 * uniform(generator)
      r2 = u * u + v * v
    } while r2 > 1.0 || r2 == 0
    let normal = u * (-2.0 * log(r2) / r2).squareRoot()
    return exp(sigma * normal + zeta)
  }

  /// An index from a Walker alias table (`gsl_ran_discrete`): one uniform u picks the
  /// column ⌊u·K⌋, whose cut-off F sends u to the column itself or to its alias A.
  @inline(__always)
  static func discrete(_ generator: Generator, _ table: UnsafePointer<gsl_ran_discrete_t>) -> Int {
    let u = uniform(generator)
    let column = Int(u * Double(table.pointee.K))
    let cutoff = table.pointee.F[column]
    if cutoff == 1.0 || u < cutoff { return column }
    return table.pointee.A[column]
  }

  /// Generates the next 624 words of the state (GSL's `mt_get` when `mti` reaches N).
  @inline(never)
  static func regenerate(_ mt: UnsafeMutablePointer<UInt>) {
    @inline(__always) func twist(_ upper: UInt, _ lower: UInt, _ far: UInt) -> UInt {
      let y = (upper & 0x8000_0000) | (lower & 0x7FFF_FFFF)
      return far ^ (y >> 1) ^ (y & 1 != 0 ? 0x9908_B0DF : 0)
    }
    for k in 0..<(n - m) { mt[k] = twist(mt[k], mt[k + 1], mt[k + m]) }
    for k in (n - m)..<(n - 1) { mt[k] = twist(mt[k], mt[k + 1], mt[k + m - n]) }
    mt[n - 1] = twist(mt[n - 1], mt[0], mt[m - 1])
  }
}

/// A GSL `mt19937` generator with the address of its state beside it, so that a Swift
/// draw goes straight to the state rather than through the `gsl_rng` record (on a
/// rarely used stream, that record is one more cache miss before the state's).
struct Generator {
  /// For GSL's samplers.
  let rng: UnsafeMutablePointer<gsl_rng>
  /// For the Swift draws (``MersenneTwister``).
  let mt: UnsafeMutablePointer<cgsl_mt_state_t>

  init(_ rng: UnsafeMutablePointer<gsl_rng>) {
    self.rng = rng
    mt = rng.pointee.state.unsafelyUnwrapped.assumingMemoryBound(to: cgsl_mt_state_t.self)
  }
}
