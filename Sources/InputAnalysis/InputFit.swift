//===----------------------------------------------------------------------===//
// A dossier log fitted into a scenario (`onestop fit`).
//===----------------------------------------------------------------------===//

import CentreModel
import Fitting
import Foundation
import ScenarioFormat
import SimEngine
import SimRandom

/// How ``InputFit/fit(_:base:options:)`` fits.
public struct FitOptions: Sendable {
  /// Fit the whole log as one centre (the base's first), whatever its `centre` column says.
  public var poolCentres: Bool
  /// Bootstrap samples of the goodness-of-fit p-values.
  public var bootstrapSamples: Int
  /// The master seed of the bootstraps.
  public var seed: UInt64
  /// The level of the goodness-of-fit and Poisson tests.
  public var significance: Double
  /// Threads for the bootstraps (the result does not depend on it).
  public var jobs: Int

  /// Options; see the properties.
  public init(poolCentres: Bool = false, bootstrapSamples: Int = GoodnessOfFit.defaultBootstrapSamples,
              seed: UInt64 = GoodnessOfFit.defaultSeed, significance: Double = 0.05, jobs: Int = 1) {
    self.poolCentres = poolCentres
    self.bootstrapSamples = bootstrapSamples
    self.seed = seed
    self.significance = significance
    self.jobs = jobs
  }
}

/// One decision of the fit, for the table of choices.
public struct FitChoice: Sendable {
  /// Where the value comes from.
  public enum Source: String, Sendable {
    /// Estimated from the log (a parametric fit, a share, a count).
    case fitted
    /// The empirical distribution of the log's durations.
    case empirical
    /// Kept from the base scenario.
    case base
  }

  /// The scenario key (`procedures[land].counter_time`).
  public var parameter: String
  /// The value written, in words.
  public var value: String
  /// Where it comes from.
  public var source: Source
  /// Why.
  public var reason: String
}

/// Why a log cannot be fitted.
public enum FitFailure: Error, Sendable, CustomStringConvertible {
  /// The file is not a usable dossier log (exit 2).
  case log(DossierLogError)
  /// The scenario written does not load: a bug in onestop (exit 1).
  case unloadable(ScenarioError)

  public var description: String {
    switch self {
    case .log(let error): return error.description
    case .unloadable(let error):
      return "the fitted scenario does not load (a bug in onestop; please report it):\n\(error)"
    }
  }
}

/// Everything `onestop fit` found, chose and wrote.
public struct FitResult: Sendable {
  /// The log and the base scenario, named and hashed.
  public var logFile: String
  public var logSHA256: String
  public var baseFile: String
  public var baseSHA256: String
  /// The options used.
  public var options: FitOptions
  /// The known columns of the log and those ignored.
  public var columns: [LogColumn]
  public var unknownColumns: [String]
  /// The rows with problems.
  public var rows: RowProblems
  /// The observed period: first and last day with an arrival, and the replications.
  public var firstDay: CivilDate
  public var lastDay: CivilDate
  public var replications: [String]
  /// Per centre: its demand.
  public var centres: [CentreDemand]
  /// Per procedure of the base catalogue.
  public var procedures: [ProcedureFit]
  /// Every choice made, parameter by parameter.
  public var choices: [FitChoice]
  /// What the log cannot say and the base supplies, and other notes.
  public var notes: [String]
  /// The fitted scenario (as the written file loads).
  public var scenario: Scenario
  /// The mean turnaround (receipt to completion, working days of the base calendar) of
  /// the dossiers with both times and no supplement, when the log has no `work_start`: what
  /// ``inferringBackOfficeWork(jobs:progress:)`` matches.
  public var observedTurnaround: (workingDays: Double, dossiers: Int)?
  /// The back-office work scale inferred from it (nil: not inferred).
  public var workInference: WorkInference?
  /// The fitted scenario file's text.
  public var yaml: String

  /// Days in the observed period.
  public var periodDays: Int { lastDay.dayNumber - firstDay.dayNumber + 1 }
}

/// Fits a scenario to a centre's dossier log.
///
/// ```swift
/// let log = try DossierLog.read(path: "log.csv")
/// let base = try ScenarioLoader.load(path: "scenarios/default.yaml")
/// let result = try InputFit.fit(log, base: base, options: FitOptions(jobs: 2))
/// print(result.yaml)                                  // onestop run loads it as is
/// ```
///
/// The log gives the demand (per centre: daily volume, weekday factors, hourly profile,
/// procedure mix; ``CentreDemand``), the channel shares, counter times and back-office
/// work per procedure (``DurationFit``), supplements, deadlines and the observed
/// turnaround (``ProcedureFit``), and the Poisson check (``PoissonCheck``). The base
/// scenario gives everything a log cannot say: staff, opening hours, holidays, the
/// receipt cut-off, steps and pools, the online intake, resubmission, outages, horizon,
/// seed and replications. Durations measured across closed time (back-office work
/// paused overnight) are in the base calendar's open working time.
///
/// Supplements: a dossier with `supplement` yes and no `received` time was handed back
/// at reception (or at the online check): `incomplete.at_counter` is their share of the
/// dossiers checked there (walk-ins and online dossiers received or handed back);
/// one with a `received` time was returned by the back office: `in_back_office` is their
/// share of the received dossiers that were completed or returned.
public enum InputFit {
  /// Fits `log` on `base`.
  /// - Throws: ``FitFailure/log(_:)`` when no row can be used; ``FitFailure/unloadable(_:)``
  ///   when the scenario written does not load back (a bug).
  public static func fit(_ log: DossierLog, base: LoadedScenario, options: FitOptions) throws(FitFailure) -> FitResult {
    let scenario = base.scenario
    let prepared: PreparedLog
    do {
      prepared = try PreparedLog(log, base: scenario, poolCentres: options.poolCentres)
    } catch {
      throw .log(error)
    }
    let table = prepared.table
    let demands = prepared.centres.indices.map {
      CentreDemand.estimate(prepared, centre: $0, base: scenario, significance: options.significance)
    }
    var choices: [FitChoice] = []
    var notes: [String] = []
    let has = Set(log.columns)

    // Durations: counter time (walk-ins), back-office work (one work step, no supplement).
    var samples: [(parameter: String, what: String, sample: [Double], base: Distribution)] = []
    var workSteps: [Int?] = []
    var calibration: [String?] = []
    for (p, procedure) in scenario.procedures.enumerated() {
      var counter: [Double] = []
      var work: [Double] = []
      for o in prepared.observations where o.procedure == p {
        if o.channel == .walkIn, o.uses(.counterTime), let start = o.counterStart, let end = o.received {
          counter.append(end - start)
        }
        if o.uses(.backOfficeWork), o.supplement == false, o.received != nil, let start = o.workStart, let end = o.completed {
          work.append(table.workingOpenMinutes(upTo: SimTime(minutes: end)) - table.workingOpenMinutes(upTo: SimTime(minutes: start)))
        }
      }
      samples.append(("procedures[\(procedure.id)].counter_time", "counter time of \(procedure.id)", counter, procedure.counterTime))
      let single: Int? = procedure.steps.count == 1 ? { if case .work = procedure.steps[0].kind { return 0 } else { return nil } }() : nil
      workSteps.append(single)
      var note: String?
      if !has.contains(.workStart) && has.contains(.received) && has.contains(.completed) && !procedure.steps.isEmpty {
        note = "the log has 'received' and 'completed' but no 'work_start': the turnaround includes queueing and is not "
          + "fitted as work; the base's work is kept: \(ProcedureFit.calibrationAdvice) (onestop calibrate)"
      }
      calibration.append(note)
      if case .work(_, let time)? = single.map({ procedure.steps[$0].kind }) {
        samples.append(("procedures[\(procedure.id)].back_office_time", "back-office work of \(procedure.id)", work, time))
      } else {
        samples.append(("procedures[\(procedure.id)].steps", "back-office work of \(procedure.id)", [], .deterministic(0)))
      }
    }
    let fitted = DurationFit.choose(samples, bootstrap: options.bootstrapSamples, seed: options.seed,
                                    level: options.significance, jobs: options.jobs)

    // The catalogue: pooled shares, channel shares, supplements, deadlines, turnaround.
    let pooledWeekly = scenario.procedures.indices.map { p in
      (0..<3).map { k in demands.reduce(0.0) { $0 + $1.weeklyByProcedure[p][k] } }
    }
    let totalWeekly = pooledWeekly.reduce(0.0) { $0 + $1.reduce(0, +) }
    let totalDossiers = demands.reduce(0) { $0 + $1.dossiers }
    var procedures: [ProcedureFit] = []
    for (p, procedure) in scenario.procedures.enumerated() {
      let count = demands.reduce(0) { $0 + $1.countByProcedure[p] }
      let weekly = pooledWeekly[p].reduce(0, +)
      let share = FittedValue.share(totalWeekly > 0 ? weekly / totalWeekly : 0, of: totalDossiers)
      let online = weekly > 0 ? FittedValue.share(pooledWeekly[p][Channel.online.rawValue] / weekly, of: count) : nil
      let point = weekly > 0 ? FittedValue.share(pooledWeekly[p][Channel.servicePoint.rawValue] / weekly, of: count) : nil
      var counterFit = fitted[2 * p]
      var workFit = fitted[2 * p + 1]
      if count == 0 {
        counterFit.reason = "no dossier of it in the log: kept the base's \(DurationFit.describe(procedure.counterTime))"
      }
      if workSteps[p] == nil {
        workFit = DurationFit.kept(
          "procedures[\(procedure.id)].steps", "back-office work of \(procedure.id)", base: .deterministic(0),
          reason: procedure.steps.isEmpty ? "no back-office work in the base procedure"
            : "the base procedure has \(procedure.steps.count) steps; work_start → completed spans them all (with the waits between them), so the base's steps are kept")
      } else if let note = calibration[p] {
        workFit.reason = note
      }
      let observations = prepared.observations
      var turnaroundWorking: [Double] = []
      var turnaroundHours: [Double] = []
      for o in observations where o.procedure == p && o.uses(.turnaround) && o.supplement == false {
        guard let received = o.received, let completed = o.completed else { continue }
        turnaroundWorking.append(table.workingOpenMinutes(upTo: SimTime(minutes: completed)) - table.workingOpenMinutes(upTo: SimTime(minutes: received)))
        turnaroundHours.append((completed - received) / 60)
      }
      let (atCounter, inOffice) = ProcedureFit.incomplete(observations, procedure: p, base: procedure, hasColumn: has.contains(.supplement))
      let deadline = ProcedureFit.deadline(observations, procedure: p, base: procedure.deadline, table: table, hasColumn: has.contains(.due))
      procedures.append(ProcedureFit(
        id: procedure.id, dossiers: count, share: share, onlineShare: online, servicePointShare: point,
        counterTime: counterFit, backOfficeWork: workFit,
        turnaround: TurnaroundSummary(working: turnaroundWorking, hours: turnaroundHours),
        calibrationNote: workSteps[p] != nil ? calibration[p] : nil, incompleteAtCounter: atCounter,
        incompleteInBackOffice: inOffice, deadline: deadline))
    }

    // The fitted scenario.
    var result = scenario
    let logName = (log.file as NSString).lastPathComponent
    let stem = (logName as NSString).deletingPathExtension
    var taken = Set<String>()
    result.name = String(PreparedLog.identifier("\(stem)-fitted", taken: &taken).prefix(100))
    result.description = "Fitted by onestop fit to the dossier log \(logName) (\(prepared.firstDay) to \(prepared.lastDay), "
      + "\(prepared.observations.count) dossiers) on the base scenario \(scenario.name)."
    result.recordedArrivals = nil
    result.initialBacklog = []
    result.volumeDraw = nil
    let shares = Self.roundedShares(procedures.map(\.share.value))
    for (p, fit) in procedures.enumerated() {
      var procedure = result.procedures[p]
      procedure.share = shares[p]
      procedure.onlineShare = fit.onlineShare.map { Self.round6($0.value) } ?? 0
      procedure.servicePointShare = min(1 - procedure.onlineShare, fit.servicePointShare.map { Self.round6($0.value) } ?? 0)
      procedure.counterTime = Self.rounded(fit.counterTime)
      if let step = workSteps[p], fit.backOfficeWork.decision != .keptBase, case .work(let pool, _) = procedure.steps[step].kind {
        procedure.steps[step] = WorkStep(procedure.steps[step].name, .work(pool: pool, time: Self.rounded(fit.backOfficeWork)))
      }
      procedure.incompleteAtCounter = Self.round6(fit.incompleteAtCounter.value)
      procedure.incompleteInBackOffice = Self.round6(fit.incompleteInBackOffice.value)
      procedure.deadline = fit.deadline.deadline
      result.procedures[p] = procedure
    }
    var mapped: [String: [String]] = [:]
    result.centres = demands.enumerated().map { c, demand in
      var centre = scenario.centres[prepared.templates[c]]
      mapped[centre.id, default: []].append(demand.source.id)
      centre.id = demand.source.id
      var pattern = demand.pattern(base: centre.arrivals)
      pattern.dailyVolume = Self.round6(pattern.dailyVolume)
      pattern.hourlyWeights = pattern.hourlyWeights.map(Self.round6)
      pattern.weekdayFactors = pattern.weekdayFactors.map(Self.round6)
      centre.arrivals = pattern
      centre.procedureShares = demands.count > 1 ? Self.roundedShares(demand.procedureShares.map(\.value)) : nil
      centre.onlineShare = []
      return centre
    }
    result.outages = scenario.outages.compactMap { outage in
      guard let ids = outage.centres else { return outage }
      var copy = outage
      copy.centres = ids.flatMap { mapped[$0] ?? [] }
      return copy.centres?.isEmpty == true ? nil : copy
    }

    // Choices and notes.
    choices += Self.centreChoices(demands, fitted: result)
    choices += Self.procedureChoices(procedures, fitted: result)
    notes += Self.notes(prepared: prepared, base: base, demands: demands, result: result, log: log)

    // The file, read back: what onestop run will load.
    let rows = RowProblems(problems: prepared.problems, rowsRead: prepared.rowsRead)
    var fit = FitResult(
      logFile: log.file, logSHA256: log.sha256, baseFile: base.file, baseSHA256: base.sha256, options: options,
      columns: log.columns, unknownColumns: log.unknownColumns.map(\.name), rows: rows, firstDay: prepared.firstDay,
      lastDay: prepared.lastDay, replications: prepared.replications, centres: demands, procedures: procedures,
      choices: choices, notes: notes, scenario: result, yaml: "")
    if calibration.contains(where: { $0 != nil }),
      let day = (0..<table.dayCount).first(where: { table.isWorkingDay($0) && table.openMinutes(ofDay: $0) > 0 })
    {
      let spans = prepared.observations.compactMap { o -> Double? in
        guard o.uses(.turnaround), o.supplement == false, let received = o.received, let completed = o.completed else { return nil }
        return table.workingOpenMinutes(upTo: SimTime(minutes: completed)) - table.workingOpenMinutes(upTo: SimTime(minutes: received))
      }
      if !spans.isEmpty {
        fit.observedTurnaround = (spans.reduce(0, +) / Double(spans.count) / table.openMinutes(ofDay: day), spans.count)
      }
    }
    fit.yaml = FittedScenarioFile.render(fit)
    do {
      fit.scenario = try ScenarioLoader.load(yaml: fit.yaml, file: "fitted.yaml").scenario
    } catch {
      throw .unloadable(error)
    }
    return fit
  }

  // MARK: - Rounding

  /// `x` to 6 significant digits (the fitted values written; far inside their errors).
  static func round6(_ x: Double) -> Double {
    guard x.isFinite, x != 0 else { return x }
    return Double(String(format: "%.6g", x)) ?? x
  }

  /// Shares rounded to 6 decimals that still sum to 1 (the largest takes the rest).
  static func roundedShares(_ shares: [Double]) -> [Double] {
    var rounded = shares.map { ($0 * 1e6).rounded() / 1e6 }
    let total = rounded.reduce(0, +)
    if let largest = rounded.indices.max(by: { rounded[$0] < rounded[$1] }), total > 0 {
      rounded[largest] = ((rounded[largest] + 1 - total) * 1e6).rounded() / 1e6
    }
    return rounded
  }

  /// The chosen distribution, its parameters rounded to 6 significant digits (an
  /// empirical one as it is: its breaks must stay distinct).
  static func rounded(_ fit: DurationFit) -> Distribution {
    switch fit.decision {
    case .keptBase: return fit.base
    case .empirical: return fit.distribution
    case .fitted:
      switch fit.distribution {
      case .exponential(let mean): return .exponential(mean: round6(mean))
      case .gamma(let shape, let scale): return .gamma(shape: round6(shape), scale: round6(scale))
      case .lognormal(let mu, let sigma): return .lognormal(mu: round6(mu), sigma: round6(sigma))
      case .weibull(let scale, let shape): return .weibull(scale: round6(scale), shape: round6(shape))
      default: return fit.distribution
      }
    }
  }
}
