//===----------------------------------------------------------------------===//
// Input modelling: fitting and ranking distributions for observed durations.
//===----------------------------------------------------------------------===//

/// The statistics of input modelling: which distribution describes a sample of observed
/// durations (service times, gaps between arrivals), and how well.
///
/// ```swift
/// let ranked = InputModel.rank(serviceMinutes)       // best AIC first
/// let best = ranked[0]
/// let check = try InputModel.goodnessOfFit(serviceMinutes, of: best)
/// let spec = best.distribution                       // a SimRandom `Distribution`
/// ```
///
/// Fits are by maximum likelihood (``fit(_:family:)``); ``rank(_:families:)`` orders them
/// by AIC; ``goodnessOfFit(_:of:bootstrapSamples:seed:)`` gives Kolmogorov–Smirnov and
/// Anderson–Darling statistics with parametric-bootstrap p-values;
/// ``empirical(_:bins:)`` is the fallback when no family fits or the sample is small
/// (``SampleAdequacy``). Arrival counts are checked against the Poisson with
/// ``IndexOfDispersion``.
public enum InputModel {
  /// Checks that `sample` can be fitted by the positive families: it must be non-empty,
  /// finite, strictly positive, have at least two values, and not be all equal.
  public static func validate(_ sample: [Double]) throws(FitError) {
    try SampleCheck.requireFittable(sample)
  }

  /// The maximum-likelihood member of `family` for `sample`.
  ///
  /// Exponential and lognormal in closed form; gamma by safeguarded Newton on the shape
  /// equation ln k − ψ(k) = ln x̄ − mean(ln x) (`gsl_sf_psi`, `gsl_sf_psi_1`); Weibull by
  /// safeguarded Newton on its shape equation Σ xᵏ ln x / Σ xᵏ − 1/k = mean(ln x), which
  /// has a single root. Throws a ``FitError`` for a sample that ``validate(_:)`` rejects.
  public static func fit(_ sample: [Double], family: Family) throws(FitError) -> FittedDistribution {
    try SampleCheck.requireFittable(sample)
    return try fitChecked(sample, family)
  }

  /// The fits of `families` to `sample`, smallest AIC first (ties keep the order of
  /// `families`). Families whose fit fails are left out, so an invalid sample gives an
  /// empty list: call ``fit(_:family:)`` or ``validate(_:)`` for the reason. Whether the
  /// sample is large enough for the ranking to mean anything is ``SampleAdequacy``'s
  /// question.
  public static func rank(_ sample: [Double], families: [Family] = Family.allCases) -> [FittedDistribution] {
    guard (try? SampleCheck.requireFittable(sample)) != nil else { return [] }
    let fits = families.enumerated().compactMap { index, family in
      (try? fitChecked(sample, family)).map { (index, $0) }
    }
    return fits.sorted { ($0.1.aic, $0.0) < ($1.1.aic, $1.0) }.map(\.1)
  }

  /// ``fit(_:family:)`` for a sample already validated.
  static func fitChecked(_ sample: [Double], _ family: Family) throws(FitError) -> FittedDistribution {
    FittedDistribution(try MaximumLikelihood.estimate(sample, family), sample: sample)
  }
}
