//===----------------------------------------------------------------------===//
// Every call from Fitting into the GNU Scientific Library goes through here.
//===----------------------------------------------------------------------===//

internal import CGSL

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// GSL's default error handler calls `abort()`; it is switched off before the first call
/// from this module (SimRandom does the same; both set the same process-wide state).
/// Parameters are validated in Swift before any call, so a GSL error status would be an
/// internal bug, not a user error.
private let gslReady: Void = {
  gsl_set_error_handler_off()
}()

/// Distribution functions, densities and special functions from GSL, with Swifty names.
///
/// Parameterisations follow GSL (and SimRandom's `Distribution`): the exponential takes
/// its *mean*; the gamma (shape k, scale θ); the lognormal the mean and standard deviation
/// of ln X; the Weibull (scale λ, shape k).
enum GSLMath {
  // MARK: - Exponential

  /// P(X ≤ x) for an exponential with mean `mean` (`gsl_cdf_exponential_P(x, mu)`).
  static func exponentialP(_ x: Double, mean: Double) -> Double {
    _ = gslReady
    return gsl_cdf_exponential_P(x, mean)
  }

  /// P(X > x) (`gsl_cdf_exponential_Q`).
  static func exponentialQ(_ x: Double, mean: Double) -> Double {
    _ = gslReady
    return gsl_cdf_exponential_Q(x, mean)
  }

  /// The p-quantile (`gsl_cdf_exponential_Pinv`).
  static func exponentialQuantile(_ p: Double, mean: Double) -> Double {
    _ = gslReady
    return gsl_cdf_exponential_Pinv(p, mean)
  }

  /// The density (`gsl_ran_exponential_pdf(x, mu)`).
  static func exponentialDensity(_ x: Double, mean: Double) -> Double {
    _ = gslReady
    return gsl_ran_exponential_pdf(x, mean)
  }

  // MARK: - Gamma

  /// P(X ≤ x) for a gamma with shape k and scale θ (`gsl_cdf_gamma_P(x, a, b)`).
  static func gammaP(_ x: Double, shape: Double, scale: Double) -> Double {
    _ = gslReady
    return gsl_cdf_gamma_P(x, shape, scale)
  }

  /// P(X > x) (`gsl_cdf_gamma_Q`).
  static func gammaQ(_ x: Double, shape: Double, scale: Double) -> Double {
    _ = gslReady
    return gsl_cdf_gamma_Q(x, shape, scale)
  }

  /// The p-quantile (`gsl_cdf_gamma_Pinv`).
  static func gammaQuantile(_ p: Double, shape: Double, scale: Double) -> Double {
    _ = gslReady
    return gsl_cdf_gamma_Pinv(p, shape, scale)
  }

  /// The density (`gsl_ran_gamma_pdf(x, a, b)`).
  static func gammaDensity(_ x: Double, shape: Double, scale: Double) -> Double {
    _ = gslReady
    return gsl_ran_gamma_pdf(x, shape, scale)
  }

  // MARK: - Lognormal

  /// P(X ≤ x) for ln X ~ Normal(μ, σ²) (`gsl_cdf_lognormal_P(x, zeta, sigma)`).
  static func lognormalP(_ x: Double, mu: Double, sigma: Double) -> Double {
    _ = gslReady
    return gsl_cdf_lognormal_P(x, mu, sigma)
  }

  /// P(X > x) (`gsl_cdf_lognormal_Q`).
  static func lognormalQ(_ x: Double, mu: Double, sigma: Double) -> Double {
    _ = gslReady
    return gsl_cdf_lognormal_Q(x, mu, sigma)
  }

  /// The p-quantile (`gsl_cdf_lognormal_Pinv`).
  static func lognormalQuantile(_ p: Double, mu: Double, sigma: Double) -> Double {
    _ = gslReady
    return gsl_cdf_lognormal_Pinv(p, mu, sigma)
  }

  /// The density (`gsl_ran_lognormal_pdf(x, zeta, sigma)`).
  static func lognormalDensity(_ x: Double, mu: Double, sigma: Double) -> Double {
    _ = gslReady
    return gsl_ran_lognormal_pdf(x, mu, sigma)
  }

  // MARK: - Weibull

  /// P(X ≤ x) for a Weibull with scale λ and shape k (`gsl_cdf_weibull_P(x, a, b)`:
  /// a is the scale, b the shape).
  static func weibullP(_ x: Double, scale: Double, shape: Double) -> Double {
    _ = gslReady
    return gsl_cdf_weibull_P(x, scale, shape)
  }

  /// P(X > x) (`gsl_cdf_weibull_Q`).
  static func weibullQ(_ x: Double, scale: Double, shape: Double) -> Double {
    _ = gslReady
    return gsl_cdf_weibull_Q(x, scale, shape)
  }

  /// The p-quantile (`gsl_cdf_weibull_Pinv`).
  static func weibullQuantile(_ p: Double, scale: Double, shape: Double) -> Double {
    _ = gslReady
    return gsl_cdf_weibull_Pinv(p, scale, shape)
  }

  /// The density (`gsl_ran_weibull_pdf(x, a, b)`).
  static func weibullDensity(_ x: Double, scale: Double, shape: Double) -> Double {
    _ = gslReady
    return gsl_ran_weibull_pdf(x, scale, shape)
  }

  // MARK: - Chi-square and normal

  /// P(X ≤ x) for a chi-square with ν degrees of freedom (`gsl_cdf_chisq_P`).
  static func chiSquareP(_ x: Double, degreesOfFreedom: Double) -> Double {
    _ = gslReady
    return gsl_cdf_chisq_P(x, degreesOfFreedom)
  }

  /// P(X > x) for a chi-square with ν degrees of freedom (`gsl_cdf_chisq_Q`).
  static func chiSquareQ(_ x: Double, degreesOfFreedom: Double) -> Double {
    _ = gslReady
    return gsl_cdf_chisq_Q(x, degreesOfFreedom)
  }

  /// The p-quantile of the standard normal (`gsl_cdf_ugaussian_Pinv`).
  static func normalQuantile(_ p: Double) -> Double {
    _ = gslReady
    return gsl_cdf_ugaussian_Pinv(p)
  }

  // MARK: - Special functions

  /// ln Γ(x) for x > 0 (`gsl_sf_lngamma`).
  static func logGamma(_ x: Double) -> Double {
    _ = gslReady
    return gsl_sf_lngamma(x)
  }

  /// Γ(x) (`gsl_sf_gamma`).
  static func gamma(_ x: Double) -> Double {
    _ = gslReady
    return gsl_sf_gamma(x)
  }

  /// The digamma function ψ(x) = d ln Γ(x) / dx (`gsl_sf_psi`).
  static func digamma(_ x: Double) -> Double {
    _ = gslReady
    return gsl_sf_psi(x)
  }

  /// The trigamma function ψ₁(x) = dψ(x) / dx (`gsl_sf_psi_1`).
  static func trigamma(_ x: Double) -> Double {
    _ = gslReady
    return gsl_sf_psi_1(x)
  }
}
