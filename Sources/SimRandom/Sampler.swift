//===----------------------------------------------------------------------===//
// Distributions compiled for drawing.
//===----------------------------------------------------------------------===//

internal import CGSL

/// A ``Distribution`` prepared for drawing from a ``RandomStream``.
///
/// Compiling does the per-distribution set-up once (GSL's lookup tables for discrete and
/// piecewise distributions), so that a draw is one `switch` and one GSL sampler (or, for
/// the exponential and the uniform-based ones, the same computation in Swift on GSL's
/// generator state: ``MersenneTwister``). A
/// sampler holds no generator state: the stream passed to ``RandomStream/sample(_:)``
/// decides the numbers.
///
/// A sampler owns its GSL tables and frees them in its `deinit`; it is `~Copyable`, so
/// that it is always passed by borrowing: a draw copies nothing and touches no reference
/// count (a copyable sampler holding its tables in objects would retain and release them
/// around every draw). Not `Sendable`: build one per replication.
public struct Sampler: ~Copyable {
  /// What to draw, with the parameters of the GSL sampler. Trivial to copy: the tables
  /// are raw pointers owned by the sampler.
  enum Kind {
    case constant(Double)
    case exponential(mean: Double)
    case gamma(shape: Double, scale: Double)
    case lognormal(mu: Double, sigma: Double)
    case weibull(scale: Double, shape: Double)
    case truncatedNormal(mean: Double, sd: Double)
    case uniform(min: Double, max: Double)
    case triangular(min: Double, mode: Double, max: Double, modeQuantile: Double)
    case discrete(UnsafeMutablePointer<gsl_ran_discrete_t>, values: UnsafeMutableBufferPointer<Double>)
    case piecewise(UnsafeMutablePointer<gsl_histogram_pdf>)
  }

  let kind: Kind

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
      let copy = UnsafeMutableBufferPointer<Double>.allocate(capacity: values.count)
      _ = copy.initialize(from: values)
      kind = .discrete(makeDiscreteTable(weights), values: copy)
    case .piecewise(let breaks, let weights):
      kind = .piecewise(makePiecewiseDensity(breaks: breaks, weights: weights))
    }
  }

  deinit {
    switch kind {
    case .discrete(let table, let values):
      gsl_ran_discrete_free(table)
      values.deallocate()
    case .piecewise(let pdf):
      gsl_histogram_pdf_free(pdf)
    default:
      break
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
  public func sample(_ sampler: borrowing Sampler) -> Double {
    draw(sampler, Generator(rng), SwiftDraws.self)
  }

  /// The same draw as ``sample(_:)``, computed by GSL's own functions throughout: the
  /// reference that the Swift draws (``MersenneTwister``) are tested against, bit for bit.
  public func sampleWithGSL(_ sampler: borrowing Sampler) -> Double {
    draw(sampler, Generator(rng), GSLDraws.self)
  }

  /// Draws an index with probability proportional to the table's weights
  /// (`gsl_ran_discrete` itself).
  public func pick(_ table: DiscreteTable) -> Int {
    gsl_ran_discrete(rng, table.table)
  }
}

/// The draws that exist both in GSL and in Swift on GSL's generator state; ``draw(_:_:_:)``
/// takes one of the two sets, and the tests check that they agree bit for bit.
protocol Draws {
  static func uniform(_ generator: Generator) -> Double
  static func exponential(_ generator: Generator, mean: Double) -> Double
  static func lognormal(_ generator: Generator, zeta: Double, sigma: Double) -> Double
  static func discrete(_ generator: Generator, _ table: UnsafePointer<gsl_ran_discrete_t>) -> Int
}

/// Draws computed in Swift, inlined into the caller (``MersenneTwister``).
enum SwiftDraws: Draws {
  @inline(__always) static func uniform(_ generator: Generator) -> Double { MersenneTwister.uniform(generator) }
  @inline(__always) static func exponential(_ generator: Generator, mean: Double) -> Double {
    MersenneTwister.exponential(generator, mean: mean)
  }
  @inline(__always) static func lognormal(_ generator: Generator, zeta: Double, sigma: Double) -> Double {
    MersenneTwister.lognormal(generator, zeta: zeta, sigma: sigma)
  }
  @inline(__always) static func discrete(_ generator: Generator, _ table: UnsafePointer<gsl_ran_discrete_t>) -> Int {
    MersenneTwister.discrete(generator, table)
  }
}

/// Draws computed by GSL's functions.
enum GSLDraws: Draws {
  static func uniform(_ generator: Generator) -> Double { gsl_rng_uniform(generator.rng) }
  static func exponential(_ generator: Generator, mean: Double) -> Double { gsl_ran_exponential(generator.rng, mean) }
  static func lognormal(_ generator: Generator, zeta: Double, sigma: Double) -> Double {
    gsl_ran_lognormal(generator.rng, zeta, sigma)
  }
  static func discrete(_ generator: Generator, _ table: UnsafePointer<gsl_ran_discrete_t>) -> Int {
    gsl_ran_discrete(generator.rng, table)
  }
}

/// One draw from `sampler` with `generator` (the one place that calls the samplers).
@inline(__always)
func draw<D: Draws>(_ sampler: borrowing Sampler, _ generator: Generator, _: D.Type) -> Double {
  let rng = generator.rng
  switch sampler.kind {
  case .constant(let value):
    return value
  case .exponential(let mean):
    return D.exponential(generator, mean: mean)
  case .gamma(let shape, let scale):
    return gsl_ran_gamma(rng, shape, scale)
  case .lognormal(let mu, let sigma):
    return D.lognormal(generator, zeta: mu, sigma: sigma)
  case .weibull(let scale, let shape):
    return gsl_ran_weibull(rng, scale, shape)
  case .truncatedNormal(let mean, let sd):
    // N(mean, sd²) given X ≥ 0 is mean + (Z·sd given Z·sd ≥ −mean).
    return mean + gsl_ran_gaussian_tail(rng, -mean, sd)
  case .uniform(let low, let high):
    return gsl_ran_flat(rng, low, high)
  case .triangular(let low, let mode, let high, let modeQuantile):
    let u = D.uniform(generator)
    if u < modeQuantile {
      return low + ((high - low) * (mode - low) * u).squareRoot()
    }
    return high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
  case .discrete(let table, let values):
    return values[D.discrete(generator, table)]
  case .piecewise(let pdf):
    return gsl_histogram_pdf_sample(pdf, D.uniform(generator))
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
    self.table = makeDiscreteTable(weights)
    self.count = weights.count
  }

  deinit { gsl_ran_discrete_free(table) }

  /// The table as a plain pointer, for hot paths: passing it costs no reference counting.
  /// Valid only while this table is alive (keep the `DiscreteTable` itself too).
  public var unowned: UnownedDiscreteTable { UnownedDiscreteTable(table: table) }
}

/// A ``DiscreteTable`` without ownership (see ``DiscreteTable/unowned``).
public struct UnownedDiscreteTable {
  let table: UnsafeMutablePointer<gsl_ran_discrete_t>
}

/// GSL's alias table for drawing index i with probability weights[i] / Σ weights (to be
/// freed with `gsl_ran_discrete_free`).
private func makeDiscreteTable(_ weights: [Double]) -> UnsafeMutablePointer<gsl_ran_discrete_t> {
  precondition(!weights.isEmpty && weights.allSatisfy { $0 >= 0 && $0.isFinite } && weights.reduce(0, +) > 0,
               "invalid weights \(weights)")
  _ = gslSetUp
  guard let table = weights.withUnsafeBufferPointer({ gsl_ran_discrete_preproc($0.count, $0.baseAddress) }) else {
    fatalError("gsl_ran_discrete_preproc failed for weights \(weights)")
  }
  return table
}

/// GSL's piecewise-uniform density, uniform within each bin [breaks[i], breaks[i+1]) with
/// weight weights[i] (`gsl_histogram_pdf`, to be freed with `gsl_histogram_pdf_free`).
private func makePiecewiseDensity(breaks: [Double], weights: [Double]) -> UnsafeMutablePointer<gsl_histogram_pdf> {
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
  return pdf
}

@available(*, unavailable)
extension DiscreteTable: Sendable {}
