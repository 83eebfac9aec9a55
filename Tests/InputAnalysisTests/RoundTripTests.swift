//===----------------------------------------------------------------------===//
// The round trip: a scenario's simulated dossier log, fitted, gives back the scenario.
//===----------------------------------------------------------------------===//

import CentreModel
import Experiments
import Fitting
import Foundation
import InputAnalysis
import Reporting
import ScenarioFormat
import SimRandom
import Testing
import TestSupport

/// `onestop run SCENARIO --trace log.csv --trace-format log --trace-replications all`, then
/// `onestop fit log.csv --scenario SCENARIO`: the estimates' 95% intervals cover the
/// scenario's own parameters.
@Suite(.tags(.statistical)) struct RoundTripTests {
  /// One centre, three procedures with known lognormal and gamma times, weekday factors,
  /// an hourly profile, online and service-point shares, supplements, and ample staff so
  /// that back-office work is rarely interrupted: about 6,500 dossiers over 4 × 8 weeks.
  static let scenario = """
    name: roundtrip
    seed: 7
    replications: 4
    horizon: {start: 2025-07-07, days: 56}
    calendar:
      opening_hours: {weekdays: ["08:00-12:00", "13:00-17:00"], saturday: [], sunday: []}
      receipt_cutoff: "15:00"
    procedures:
      - id: certification
        share: 0.5
        counter_time: {lognormal: {mean: 4, sd: 3}}
        back_office_time: {gamma: {mean: 6, sd: 3}}
        deadline: {working_days: 0}
        online_share: 0.1
      - id: civil-status
        share: 0.3
        counter_time: {gamma: {mean: 10, sd: 5}}
        back_office_time: {lognormal: {mean: 20, sd: 10}}
        deadline: {working_days: 2}
        online_share: 0.3
        incomplete: {at_counter: 0.1, in_back_office: 0.05}
      - id: land
        share: 0.2
        counter_time: {lognormal: {mean: 15, sd: 6}}
        back_office_time: {gamma: {mean: 90, sd: 40}}
        deadline: {working_days: 10}
        online_share: 0.2
        service_point_share: 0.1
    centre:
      id: commune
      arrivals:
        daily_volume: 40
        hourly_profile: {8: 1.3, 9: 1.6, 10: 1.4, 11: 0.9, 13: 0.7, 14: 1.0, 15: 0.9, 16: 0.5}
        weekday_factors: {monday: 1.2, friday: 0.8}
      counter_staff: 6
      back_office_staff: 12

    """

  /// The simulated log of every replication, as `onestop run --trace-format log` writes it.
  static func simulatedLog(_ scenario: Scenario, jobs: Int) throws -> String {
    let path = try temporaryDirectory().appendingPathComponent("log.csv").path
    let writer = try TraceWriter(path: path, scenario: scenario, format: .log)
    _ = Experiment.run(scenario, jobs: jobs, observer: writer, tracedReplications: scenario.replications)
    try writer.finish()
    return try String(contentsOfFile: path, encoding: .utf8)
  }

  /// A log without `work_start` (only receipt and completion) from a base whose back-office
  /// work is twice the truth: the turnaround is not fitted as work, the work scale is
  /// inferred by simulation, and its range holds the truth's 0.5 and not the base's 1.
  @Test func withoutWorkStartTheWorkScaleIsInferredFromTheTurnaround() throws {
    let truth = try ScenarioLoader.load(yaml: Self.scenario, file: "roundtrip.yaml").scenario
    let lines = try Self.simulatedLog(truth, jobs: 2).split(separator: "\n")
    let dropped = try #require(lines.first?.split(separator: ",", omittingEmptySubsequences: false).firstIndex(of: "work_start"))
    let text = lines.map { line in
      var cells = line.split(separator: ",", omittingEmptySubsequences: false)
      cells.remove(at: dropped)
      return cells.joined(separator: ",")
    }.joined(separator: "\n") + "\n"
    let log = try DossierLog(text: text, file: "log.csv")
    let base = try ScenarioLoader.load(yaml: Self.scenario, file: "roundtrip.yaml",
                                       overrides: [Override(keyPath: "scales.back_office_time", value: "2")])
    let fit = try InputFit.fit(log, base: base, options: FitOptions(bootstrapSamples: 39, jobs: 2))
    #expect(fit.procedures.allSatisfy { $0.backOfficeWork.decision == .keptBase })
    let inferred = try fit.inferringBackOfficeWork(jobs: 2)
    let work = try #require(inferred.workInference)
    #expect(work.low <= 0.5 && 0.5 <= work.high, "scale \(work.scale) (\(work.low) to \(work.high))")
    #expect(work.high < 1, "scale \(work.scale) (\(work.low) to \(work.high))")
    #expect(inferred.yaml.contains("scales: {back_office_time: "))
    #expect(inferred.procedures.allSatisfy { $0.calibrationNote?.contains("inferred by simulation") ?? true })
    // The scenario written loads with the scale applied: the certification work is 6 × 2 × scale.
    let certification = try #require(inferred.scenario.procedures.first { $0.id == "certification" })
    guard case .work(_, let time)? = certification.steps.first?.kind else {
      Issue.record("no back-office work step")
      return
    }
    #expect(abs(time.mean - 12 * work.scale) < 0.01 * 12 * work.scale, "\(time.mean) vs 12 × \(work.scale)")
  }

  @Test func theFittedParametersCoverTheScenariosOwn() throws {
    let base = try ScenarioLoader.load(yaml: Self.scenario, file: "roundtrip.yaml")
    let truth = base.scenario
    let text = try Self.simulatedLog(truth, jobs: 2)
    #expect(text == (try Self.simulatedLog(truth, jobs: 1)), "the log depends on --jobs")
    let log = try DossierLog(text: text, file: "log.csv")
    #expect(log.records.count > 5000)
    #expect(Set(log.records.map(\.replication)) == ["0", "1", "2", "3"])
    let fit = try InputFit.fit(log, base: base, options: FitOptions(bootstrapSamples: 39, jobs: 2))
    #expect(fit.rows.problems.isEmpty, "\(fit.rows.listing)")
    let centre = try #require(fit.centres.first)
    func covers(_ estimate: FittedValue?, _ value: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
      guard let estimate else {
        Issue.record("\(what): no estimate", sourceLocation: sourceLocation)
        return
      }
      #expect(estimate.contains(value), "\(what): \(estimate.value) ± \(estimate.halfWidth) does not cover \(value)",
              sourceLocation: sourceLocation)
    }
    covers(centre.dailyVolume, 40, "daily volume")
    for (w, factor) in [1.2, 1, 1, 1, 0.8].enumerated() { covers(centre.weekdayFactors[w], factor, "weekday factor \(w)") }
    #expect(centre.poisson.verdict == .consistentWithPoisson, "\(centre.poisson.summary)")
    // The hourly profile, relative to its mean over the open hours.
    let profile = [8: 1.3, 9: 1.6, 10: 1.4, 11: 0.9, 13: 0.7, 14: 1.0, 15: 0.9, 16: 0.5]
    let mean = profile.values.reduce(0, +) / Double(profile.count)
    for (hour, weight) in profile { covers(centre.hourlyWeights[hour], weight / mean, "hourly weight \(hour)") }
    for (p, procedure) in truth.procedures.enumerated() {
      let fitted = fit.procedures[p]
      covers(fitted.share, procedure.share, "\(procedure.id) share")
      covers(fitted.onlineShare, procedure.onlineShare, "\(procedure.id) online share")
      if procedure.servicePointShare > 0 { covers(fitted.servicePointShare, procedure.servicePointShare, "\(procedure.id) service-point share") }
      #expect(fitted.deadline.deadline == procedure.deadline)
      for (duration, truth) in [(fitted.counterTime, procedure.counterTime), (fitted.backOfficeWork, procedure.meanBackOfficeWorkDistribution)] {
        #expect(duration.decision == .fitted, "\(duration.what): \(duration.reason)")
        covers(duration.meanEstimate, truth.mean, "\(duration.what) mean")
        let family = DurationFitTruth.family(truth)
        let best = duration.ranking.first?.fitted
        if best?.family != family {
          // Then the true family's parameters must be within their intervals.
          let own = try #require(duration.ranking.first { $0.fitted.family == family }?.fitted)
          for (parameter, value) in zip(own.parameters, DurationFitTruth.parameters(truth)) {
            #expect(parameter.confidenceInterval().contains(value), "\(duration.what) \(parameter.name)")
          }
        }
      }
    }
    let civil = fit.procedures[1]
    covers(civil.incompleteAtCounter.estimate, 0.1, "incomplete at counter")
    covers(civil.incompleteInBackOffice.estimate, 0.05, "incomplete in back office")
  }
}

extension Procedure {
  /// The distribution of the procedure's one work step.
  var meanBackOfficeWorkDistribution: Distribution {
    if case .work(_, let time)? = steps.first?.kind { return time }
    return .deterministic(0)
  }
}

/// The family and parameters of a true distribution, in Fitting's order.
enum DurationFitTruth {
  static func family(_ d: Distribution) -> Family? {
    switch d {
    case .exponential: return .exponential
    case .gamma: return .gamma
    case .lognormal: return .lognormal
    case .weibull: return .weibull
    default: return nil
    }
  }

  static func parameters(_ d: Distribution) -> [Double] {
    switch d {
    case .exponential(let mean): return [mean]
    case .gamma(let shape, let scale): return [shape, scale]
    case .lognormal(let mu, let sigma): return [mu, sigma]
    case .weibull(let scale, let shape): return [scale, shape]
    default: return []
    }
  }
}
