//===----------------------------------------------------------------------===//
// Every call into the GNU Scientific Library that is not a sampler goes through here.
//===----------------------------------------------------------------------===//

internal import CGSL
import Synchronization

/// Process-wide GSL set-up, done once on first use.
///
/// GSL's default error handler calls `abort()`; the manual recommends turning it off in
/// production programs. Parameters are validated in Swift before any call into C, so a
/// GSL error status would be an internal bug, not a user error.
/// `gsl_rng_env_setup()` is deliberately never called: it reads the generator and seed
/// from environment variables, which would break reproducibility.
let gslSetUp: Void = {
  gsl_set_error_handler_off()
}()

/// The generator behind every stream: Mersenne Twister MT19937 (`gsl_rng_mt19937`).
public let generatorName = "mt19937"

/// Quantiles of Student's t distribution (`gsl_cdf_tdist_Pinv`).
public enum StudentT {
  /// The `p`-quantile of Student's t with `degreesOfFreedom` degrees of freedom.
  ///
  /// Remembered once computed: GSL inverts the distribution function by iteration (about
  /// 9,000 instructions at 19 degrees of freedom), and a run asks the same few quantiles
  /// for each of its thousands of estimates.
  ///
  /// - Precondition: `0 < p < 1` and `degreesOfFreedom > 0`.
  public static func quantile(_ p: Double, degreesOfFreedom: Double) -> Double {
    precondition(p > 0 && p < 1, "quantile probability \(p) outside (0, 1)")
    precondition(degreesOfFreedom > 0, "degrees of freedom \(degreesOfFreedom) must be positive")
    let key = SIMD2(p.bitPattern, degreesOfFreedom.bitPattern)
    if let known = known.withLock({ $0[key] }) { return known }
    _ = gslSetUp
    let quantile = gsl_cdf_tdist_Pinv(p, degreesOfFreedom)
    known.withLock { if $0.count < 4096 { $0[key] = quantile } }
    return quantile
  }

  /// The quantiles computed so far, by the bits of (p, degrees of freedom).
  private static let known = Mutex<[SIMD2<UInt64>: Double]>([:])
}

/// Special functions used for analytic moments.
enum SpecialFunctions {
  /// Γ(x) (`gsl_sf_gamma`).
  static func gamma(_ x: Double) -> Double { gsl_sf_gamma(x) }
  /// Standard normal density φ(x) (`gsl_ran_ugaussian_pdf`).
  static func normalDensity(_ x: Double) -> Double { gsl_ran_ugaussian_pdf(x) }
  /// Standard normal upper tail 1 − Φ(x) (`gsl_cdf_ugaussian_Q`).
  static func normalUpperTail(_ x: Double) -> Double { gsl_cdf_ugaussian_Q(x) }
}
