//===----------------------------------------------------------------------===//
// Distributions compiled for drawing.
//===----------------------------------------------------------------------===//

internal import CGSL

/// A ``Distribution`` prepared for drawing from a ``RandomStream``.
///
/// Compiling does the per-distribution set-up once (GSL's lookup tables for discrete and
/// piecewise distributions), so that a draw is one `switch` and one call into GSL. A
/// sampler holds no generator state: the stream passed to ``RandomStream/sample(_:)``
/// decides the numbers. Not `Sendable` (it may own GSL tables): build one per replication.
public struct Sampler {
  @usableFromInline
  enum Kind {
    case constant(Double)
    case exponential(mean: Double)
    case gamma(shape: Double, scale: Double)
    case lognormal(mu: Double, sigma: Double)
    case weibull(scale: Double, shape: Double)
    case truncatedNormal(mean: Double, sd: Double)
    case uniform(min: Double, max: Double)
    case triangular(min: Double, mode: Double, max: Double, modeQuantile: Double)
    case discrete(DiscreteTable, values: [Double])
    case piecewise(PiecewiseTable)
  }

  @usableFromInline let kind: Kind

  /// Compiles `distribution`.
  ///
  /// - Precondition: `distribution.problems` is empty (validate user input first).
  public init(_ distribution: Distribution) {
    precondition(distribution.problems.isEmpty, "invalid distribution \(distribution): \(distribution.problems)")
    switch distribution {
    case .deterministic(let value): kind = .constant(value)
    case .exponential(let mean): kind = .exponential(mean: mean)
    case .gamma(let shape, let scale): kind = .gamma(shape: shape, scale: scale)
    case .lognormal(let mu, let sigma): kind = .lognormal(mu: mu, sigma: sigma)
    case .weibull(let scale, let shape): kind = .weibull(scale: scale, shape: shape)
    case .truncatedNormal(let mean, let sd): kind = .truncatedNormal(mean: mean, sd: sd)
    case .uniform(let low, let high): kind = .uniform(min: low, max: high)
    case .triangular(let low, let mode, let high):
      kind = .triangular(min: low, mode: mode, max: high, modeQuantile: (mode - low) / (high - low))
    case .discrete(let values, let weights):
      kind = .discrete(DiscreteTable(weights: weights), values: values)
    case .piecewise(let breaks, let weights):
      kind = .piecewise(PiecewiseTable(breaks: breaks, weights: weights))
    }
  }

  /// `true` when every draw is the same number (no randomness is consumed).
  public var isConstant: Bool {
    if case .constant = kind { return true }
    return false
  }
}

extension RandomStream {
  /// Draws one value from `sampler`.
  ///
  /// A deterministic sampler consumes no random number.
  public func sample(_ sampler: Sampler) -> Double {
    draw(sampler, rng)
  }

  /// Draws an index with probability proportional to the table's weights.
  public func pick(_ table: DiscreteTable) -> Int {
    gsl_ran_discrete(rng, table.table)
  }
}

/// One draw from `sampler` with generator `rng` (the one place that calls the samplers).
@inline(__always)
func draw(_ sampler: Sampler, _ rng: UnsafeMutablePointer<gsl_rng>) -> Double {
  switch sampler.kind {
  case .constant(let value):
    return value
  case .exponential(let mean):
    return gsl_ran_exponential(rng, mean)
  case .gamma(let shape, let scale):
    return gsl_ran_gamma(rng, shape, scale)
  case .lognormal(let mu, let sigma):
    return gsl_ran_lognormal(rng, mu, sigma)
  case .weibull(let scale, let shape):
    return gsl_ran_weibull(rng, scale, shape)
  case .truncatedNormal(let mean, let sd):
    // N(mean, sd²) given X ≥ 0 is mean + (Z·sd given Z·sd ≥ −mean).
    return mean + gsl_ran_gaussian_tail(rng, -mean, sd)
  case .uniform(let low, let high):
    return gsl_ran_flat(rng, low, high)
  case .triangular(let low, let mode, let high, let modeQuantile):
    let u = gsl_rng_uniform(rng)
    if u < modeQuantile {
      return low + ((high - low) * (mode - low) * u).squareRoot()
    }
    return high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
  case .discrete(let table, let values):
    return values[gsl_ran_discrete(rng, table.table)]
  case .piecewise(let table):
    return gsl_histogram_pdf_sample(table.pdf, gsl_rng_uniform(rng))
  }
}

/// GSL's preprocessed table for drawing indices with given weights (Walker's alias method,
/// `gsl_ran_discrete_preproc`).
public final class DiscreteTable {
  let table: UnsafeMutablePointer<gsl_ran_discrete_t>

  /// The number of entries.
  public let count: Int

  /// Prepares a table for drawing index i with probability weights[i] / Σ weights.
  ///
  /// - Precondition: at least one weight, all non-negative and finite, with a positive sum.
  public init(weights: [Double]) {
    precondition(!weights.isEmpty && weights.allSatisfy { $0 >= 0 && $0.isFinite } && weights.reduce(0, +) > 0,
                 "invalid weights \(weights)")
    _ = gslSetUp
    guard let table = weights.withUnsafeBufferPointer({ gsl_ran_discrete_preproc($0.count, $0.baseAddress) }) else {
      fatalError("gsl_ran_discrete_preproc failed for weights \(weights)")
    }
    self.table = table
    self.count = weights.count
  }

  deinit { gsl_ran_discrete_free(table) }
}

/// GSL's piecewise-uniform density (`gsl_histogram_pdf`).
public final class PiecewiseTable {
  let pdf: UnsafeMutablePointer<gsl_histogram_pdf>

  /// Prepares a density that is uniform within each bin [breaks[i], breaks[i+1]).
  init(breaks: [Double], weights: [Double]) {
    _ = gslSetUp
    let bins = weights.count
    guard let histogram = gsl_histogram_alloc(bins), let pdf = gsl_histogram_pdf_alloc(bins) else {
      fatalError("gsl_histogram_alloc failed: out of memory")
    }
    defer { gsl_histogram_free(histogram) }
    var status = breaks.withUnsafeBufferPointer { gsl_histogram_set_ranges(histogram, $0.baseAddress, $0.count) }
    for (bin, weight) in weights.enumerated() where status == 0 {
      status = gsl_histogram_accumulate(histogram, (breaks[bin] + breaks[bin + 1]) / 2, weight)
    }
    if status == 0 { status = gsl_histogram_pdf_init(pdf, histogram) }
    precondition(status == 0, "gsl_histogram_pdf_init failed (status \(status)) for breaks \(breaks)")
    self.pdf = pdf
  }

  deinit { gsl_histogram_pdf_free(pdf) }
}

@available(*, unavailable)
extension DiscreteTable: Sendable {}
@available(*, unavailable)
extension PiecewiseTable: Sendable {}
