//===----------------------------------------------------------------------===//
// Naming and seeding of independent random streams.
//===----------------------------------------------------------------------===//

/// The purpose a random stream serves, e.g. `("arrivals", centre 3)`.
///
/// Every stochastic source in a model owns its own stream, so that changing one source
/// (adding a member of staff, say) never shifts the draws of another (common random
/// numbers).
public struct StreamKey: Hashable, Sendable, CustomStringConvertible {
  /// What the stream is for: `"arrivals"`, `"counter-time"`, `"absence"` ...
  public var purpose: String
  /// Which instance of that purpose (a centre, a procedure ...); 0 when there is one.
  public var index: Int

  /// Creates a key for the `index`-th stream serving `purpose`.
  public init(_ purpose: String, _ index: Int = 0) {
    self.purpose = purpose
    self.index = index
  }

  public var description: String { "\(purpose)/\(index)" }
}

/// Derives the seed of a stream from (master seed, replication, stream key).
///
/// The derivation absorbs each part in turn into a 64-bit state with the SplitMix64
/// finaliser (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
/// generators"), hashing the purpose with 64-bit FNV-1a. It is a pure function: the same
/// inputs give the same seed on every machine and in every process, which is what makes
/// a run reproducible whatever the thread count. A `RandomStream` expands the 64-bit seed
/// into the full MT19937 state, so distinct seeds give distinct streams.
public enum SeedDeriver {
  /// The 64-bit seed of stream `key` in replication `replication` under `master`.
  public static func seed(master: UInt64, replication: Int, key: StreamKey) -> UInt64 {
    var state = mix(master &+ 0x9E37_79B9_7F4A_7C15)
    state = mix(state ^ UInt64(truncatingIfNeeded: replication) &* 0xD1B5_4A32_D192_ED03)
    state = mix(state ^ fnv1a(key.purpose))
    state = mix(state ^ UInt64(truncatingIfNeeded: key.index) &* 0x8CB9_2BA7_2F3D_8DD7)
    return state
  }

  /// The SplitMix64 output function (a bijection on 64-bit values).
  @inlinable
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// 64-bit FNV-1a over the UTF-8 bytes of `text`.
  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return hash
  }
}
