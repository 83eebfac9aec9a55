//===----------------------------------------------------------------------===//
// Replicating until the confidence intervals are narrow enough.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation

/// The outcome of a run to a precision target.
public struct PrecisionRun: Sendable {
  /// The replications kept, aggregated.
  public var result: ExperimentResult
  /// Whether every KPI met the target (else the maximum count was reached).
  public var reached: Bool
  /// The KPIs that were watched.
  public var measures: [RunMeasure]
  /// The target: 95% CI half-width at most this share of |mean|.
  public var relativeHalfWidth: Double
}

extension Experiment {
  /// Runs replications until the 95% confidence interval of each of `measures` has a
  /// half-width of at most `relativeHalfWidth × |mean|`, with at least `minimum` and at
  /// most `maximum` replications (sequential precision, Law 2015 §9.4.1).
  ///
  /// Replications run in parallel, but they are folded in replication order and the
  /// stopping count is the first n at which the target holds; the result is therefore
  /// the same for any number of threads (the few replications already started past n
  /// are dropped). A KPI that is undefined in every replication (a rate with no
  /// dossiers) does not hold the run up; one whose mean is 0 needs a zero half-width.
  public static func runToPrecision(
    _ scenario: Scenario, measures: [RunMeasure], relativeHalfWidth: Double, minimum: Int = 10, maximum: Int = 1_000,
    jobs: Int = defaultJobs, progress: (@Sendable (Int) -> Void)? = nil
  ) -> PrecisionRun {
    precondition(minimum >= 2 && maximum >= minimum && relativeHalfWidth > 0)
    var limited = scenario
    limited.replications = maximum
    let plan = ModelPlan(limited)
    var accumulator = ExperimentAccumulator(scenario: limited, poolNames: plan.reportPools)
    var reached = false
    run(plan, replications: 0..<maximum, jobs: jobs, progress: progress) { result in
      accumulator.add(result)
      guard accumulator.count >= minimum else { return true }
      reached = measures.allSatisfy { measure in
        let estimate = accumulator.estimate(measure)
        guard estimate.count > 1 else { return estimate.count == 0 }
        return estimate.halfWidth <= relativeHalfWidth * abs(estimate.mean)
      }
      return !reached
    }
    var result = accumulator.result()
    result.scenario.replications = result.replications.count
    return PrecisionRun(result: result, reached: reached, measures: measures, relativeHalfWidth: relativeHalfWidth)
  }
}
