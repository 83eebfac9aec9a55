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
  /// Replications run in parallel batches, but the stopping count is the first n, in
  /// replication order, at which the target holds; the result is therefore the same for
  /// any number of threads. A KPI that is undefined in every replication (a rate with no
  /// dossiers) does not hold the run up; one whose mean is 0 needs a zero half-width.
  public static func runToPrecision(
    _ scenario: Scenario, measures: [RunMeasure], relativeHalfWidth: Double, minimum: Int = 10, maximum: Int = 1_000,
    jobs: Int = defaultJobs, progress: (@Sendable (Int) -> Void)? = nil
  ) -> PrecisionRun {
    precondition(minimum >= 2 && maximum >= minimum && relativeHalfWidth > 0)
    let plan = ModelPlan(scenario)
    var results: [ReplicationResult] = []
    var checked = minimum - 1
    func met(_ count: Int) -> Bool {
      measures.allSatisfy { measure in
        let estimate = Estimate(results.prefix(count).map { $0.totals[measure] })
        guard estimate.count > 1 else { return estimate.count == 0 }
        return estimate.halfWidth <= relativeHalfWidth * abs(estimate.mean)
      }
    }
    while results.count < maximum {
      let target = min(maximum, max(minimum, results.count + max(2 * jobs, results.count / 4)))
      let done = results.count
      results += run(plan, replications: done..<target, jobs: jobs,
                     progress: progress.map { report in { @Sendable count in report(done + count) } })
      while checked < results.count {
        checked += 1
        if met(checked) {
          var kept = scenario
          kept.replications = checked
          return PrecisionRun(result: ExperimentResult(scenario: kept, replications: Array(results.prefix(checked)),
                                                       poolNames: plan.reportPools),
                              reached: true, measures: measures, relativeHalfWidth: relativeHalfWidth)
        }
      }
    }
    var kept = scenario
    kept.replications = results.count
    return PrecisionRun(result: ExperimentResult(scenario: kept, replications: results, poolNames: plan.reportPools),
                        reached: false, measures: measures, relativeHalfWidth: relativeHalfWidth)
  }
}
