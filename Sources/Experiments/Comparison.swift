//===----------------------------------------------------------------------===//
// Comparing scenarios with common random numbers.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation

/// A scenario under a label, one of the alternatives of a comparison.
public struct Variant: Sendable {
  /// How the variant is called in outputs ("base", "B", "counter_staff=4").
  public var label: String
  /// The scenario it runs.
  public var scenario: Scenario

  /// A labelled scenario.
  public init(label: String, scenario: Scenario) {
    self.label = label
    self.scenario = scenario
  }
}

/// Whether a KPI is better high or low.
public enum Direction: Sendable {
  case higherIsBetter, lowerIsBetter

  /// The direction of `measure`.
  public init(_ measure: RunMeasure) {
    switch measure {
    case .completed, .completedOnTime, .onTimeRate, .processedShare, .received, .counterServed, .counterUtilisation,
      .backOfficeUtilisation, .initialCompleted, .initialCleared:
      self = .higherIsBetter
    default:
      self = .lowerIsBetter
    }
  }
}

/// The paired difference of one KPI between a variant and the base.
public struct PairedDifference: Sendable {
  /// The KPI.
  public var measure: RunMeasure
  /// Its estimate under the base.
  public var base: Estimate
  /// Its estimate under the variant.
  public var variant: Estimate
  /// Variant minus base, replication by replication (common random numbers).
  public var difference: Estimate

  /// The difference relative to the base mean (NaN when the base mean is 0).
  public var relative: Double { base.mean != 0 ? difference.mean / abs(base.mean) : .nan }
  /// Half-width of the relative difference's interval (the base mean taken as exact).
  public var relativeHalfWidth: Double { base.mean != 0 ? difference.halfWidth / abs(base.mean) : .nan }
  /// Whether the 95% interval of the difference excludes zero.
  public var isSignificant: Bool { !difference.halfWidth.isNaN && abs(difference.mean) > difference.halfWidth }
}

/// Several variants run on the same random numbers, and their paired differences.
///
/// Common random numbers: every variant is run with the base's seed and replication
/// count, so replication r of each sees the same citizens bringing the same work; the
/// differences are then taken replication by replication, which gives much narrower
/// intervals than comparing independent runs.
public struct Comparison: Sendable {
  /// The variants; the first is the base.
  public var variants: [Variant]
  /// Each variant's result.
  public var results: [ExperimentResult]

  /// Runs every variant with the base's seed and number of replications.
  public static func run(_ variants: [Variant], jobs: Int = Experiment.defaultJobs) -> Comparison {
    run(variants, jobs: jobs, progress: nil, shouldStop: nil)!
  }

  /// ``run(_:jobs:)`` reporting the replications finished (over all variants) to
  /// `progress`; nil when `shouldStop` answered `true` before the end.
  public static func run(_ variants: [Variant], jobs: Int = Experiment.defaultJobs, progress: (@Sendable (Int) -> Void)?,
                         shouldStop: (@Sendable () -> Bool)?) -> Comparison? {
    precondition(!variants.isEmpty, "nothing to compare")
    let base = variants[0].scenario
    let aligned = variants.map { variant -> Variant in
      var v = variant
      v.scenario.seed = base.seed
      v.scenario.replications = base.replications
      return v
    }
    guard let results = Experiment.run(all: aligned.map(\.scenario), jobs: jobs, progress: progress, shouldStop: shouldStop)
    else { return nil }
    return Comparison(variants: aligned, results: results)
  }

  /// The paired differences of every run-level KPI between variant `index` and the base.
  /// One pass over the two variants' replication records.
  public func differences(_ index: Int) -> [PairedDifference] {
    var moments = [Moments](repeating: Moments(), count: RunMeasure.allCases.count)
    for (base, other) in zip(results[0].replications, results[index].replications) {
      for measure in RunMeasure.allCases { moments[measure.index].add(other.totals[measure] - base.totals[measure]) }
    }
    return RunMeasure.allCases.map { measure in
      PairedDifference(measure: measure, base: results[0].totals[measure], variant: results[index].totals[measure],
                       difference: moments[measure.index].estimate())
    }
  }
}

