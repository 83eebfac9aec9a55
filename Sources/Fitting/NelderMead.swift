//===----------------------------------------------------------------------===//
// Derivative-free minimisation: GSL's Nelder–Mead simplex.
//===----------------------------------------------------------------------===//

internal import CGSL

/// The result of a minimisation.
public struct Minimum: Sendable {
  /// Where the smallest value was found.
  public var point: [Double]
  /// The value there.
  public var value: Double
  /// Iterations made.
  public var iterations: Int
  /// Whether the simplex shrank below the tolerance (else the iteration limit was reached
  /// or the objective asked to stop).
  public var converged: Bool
}

/// Minimises a function of a few real variables with Nelder and Mead's simplex method as
/// GSL implements it (`gsl_multimin_fminimizer_nmsimplex2`), which needs no derivative:
/// what a noisy simulation output on common random numbers allows.
public enum NelderMead {
  /// Minimises `objective` from `start`, the initial simplex spanning `steps` along each
  /// axis, until the simplex's characteristic size is below `tolerance` or `maxIterations`
  /// iterations are made. `objective` may return `nil` to stop the search (an
  /// interruption): the best point so far is returned, not converged.
  public static func minimise(
    start: [Double], steps: [Double], tolerance: Double = 1e-3, maxIterations: Int = 200,
    objective: ([Double]) -> Double?
  ) -> Minimum {
    precondition(!start.isEmpty && start.count == steps.count, "a start and a step per dimension")
    gsl_set_error_handler_off()
    let n = start.count
    return withoutActuallyEscaping(objective) { objective in
      var context = Context(objective: objective)
      return withUnsafeMutablePointer(to: &context) { contextPointer in
        var function = gsl_multimin_function(
          f: { x, parameters in
            let context = parameters!.assumingMemoryBound(to: Context.self)
            guard !context.pointee.stopped, let x else { return .infinity }
            let dimension = Int(x.pointee.size)
            let point = (0..<dimension).map { gsl_vector_get(x, $0) }
            guard let value = context.pointee.objective(point) else {
              context.pointee.stopped = true
              return .infinity
            }
            if value < context.pointee.best.value {
              context.pointee.best = (point, value)
            }
            return value.isNaN ? .infinity : value
          }, n: n, params: UnsafeMutableRawPointer(contextPointer))
        let x = gsl_vector_alloc(n)!
        let step = gsl_vector_alloc(n)!
        defer {
          gsl_vector_free(x)
          gsl_vector_free(step)
        }
        for i in 0..<n {
          gsl_vector_set(x, i, start[i])
          gsl_vector_set(step, i, steps[i])
        }
        let minimizer = gsl_multimin_fminimizer_alloc(cgsl_nmsimplex2(), n)!
        defer { gsl_multimin_fminimizer_free(minimizer) }
        gsl_multimin_fminimizer_set(minimizer, &function, x, step)
        var iterations = 0
        var converged = false
        while iterations < maxIterations && !contextPointer.pointee.stopped {
          iterations += 1
          guard gsl_multimin_fminimizer_iterate(minimizer) == GSL_SUCCESS else { break }
          let size = gsl_multimin_fminimizer_size(minimizer)
          if gsl_multimin_test_size(size, tolerance) == GSL_SUCCESS {
            converged = true
            break
          }
        }
        let best = contextPointer.pointee.best
        return Minimum(point: best.point.isEmpty ? start : best.point, value: best.value, iterations: iterations,
                       converged: converged && !contextPointer.pointee.stopped)
      }
    }
  }

  /// What the C callback reaches: the objective and the best point seen.
  private struct Context {
    var objective: ([Double]) -> Double?
    var best: (point: [Double], value: Double) = ([], .infinity)
    var stopped = false
  }
}
