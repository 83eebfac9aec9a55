//===----------------------------------------------------------------------===//
// fit.json: every estimate, its error, the families compared and the choices made.
//===----------------------------------------------------------------------===//

import ScenarioFormat
import CentreModel
import Fitting
import Reporting
import SimRandom

extension FitResult {
  /// The content of `fit.json` (keys in a fixed order: the same inputs give the same bytes).
  public func json() -> JSONValue {
    .object([
      ("onestop_version", .string(onestopVersion)),
      ("provenance", .object([
        ("log_file", .string(logFile)),
        ("log_sha256", .string(logSHA256)),
        ("base_scenario", .string(baseFile)),
        ("base_sha256", .string(baseSHA256)),
        ("pool_centres", .bool(options.poolCentres)),
        ("bootstrap_samples", .number(Double(options.bootstrapSamples))),
        ("seed", .string(String(options.seed))),
        ("significance", .number(options.significance)),
        ("generator", .string("gsl \(generatorName)")),
      ])),
      ("log", logJSON),
      ("centres", .array(centres.map(Self.json))),
      ("procedures", .array(procedures.map(Self.json))),
      ("choices", .array(choices.map { choice in
        .object([("parameter", .string(choice.parameter)), ("value", .string(choice.value)),
                 ("source", .string(choice.source.rawValue)), ("reason", .string(choice.reason))])
      })),
      ("notes", .array(notes.map { .string($0) })),
      ("work_inference", workInference.map { w in
        .object([
          ("observed_turnaround_working_days", .number(w.observedWorkingDays)), ("dossiers", .number(Double(w.dossiers))),
          ("back_office_time_scale", .number(w.scale)), ("low", .number(w.low)), ("high", .number(w.high)),
          ("simulated_turnaround_working_days", .number(w.simulatedWorkingDays)),
          ("simulated_half_width", .number(w.simulatedHalfWidth)), ("candidates", .number(Double(w.evaluations))),
        ])
      } ?? .null),
      ("fitted_scenario", .string("fitted.yaml")),
    ])
  }

  private var logJSON: JSONValue {
    .object([
      ("columns", .array(columns.map { .string($0.rawValue) })),
      ("ignored_columns", .array(unknownColumns.map { .string($0) })),
      ("rows_read", .number(Double(rows.rowsRead))),
      ("rows_used", .number(Double(rows.rowsUsed))),
      ("rows_dropped", .number(Double(rows.rowsDropped))),
      ("rows_with_problems", .number(Double(rows.rowsWithProblems))),
      ("rows_left_out_by_estimate", .object(rows.excludedByUse.map { ($0.use.rawValue, .number(Double($0.rows))) })),
      ("problems", .array(rows.problems.prefix(RowProblems.listed).map { problem in
        .object([
          ("row", .number(Double(problem.line))), ("column", .string(problem.column)), ("problem", .string(problem.message)),
          ("left_out_of", .array((problem.excluded.contains(.arrivals) ? LogUse.allCases : problem.excluded.sorted()).map { .string($0.rawValue) })),
        ])
      })),
      ("problems_not_listed", .number(Double(max(0, rows.problems.count - RowProblems.listed)))),
      ("period", .object([("first", .string("\(firstDay)")), ("last", .string("\(lastDay)")), ("days", .number(Double(periodDays)))])),
      ("replications", .number(Double(replications.count))),
    ])
  }

  static func json(_ v: FittedValue?) -> JSONValue {
    guard let v else { return .null }
    return .object([("value", .finite(v.value)), ("se", .finite(v.standardError)),
                    ("ci95", .array([.finite(v.lower), .finite(v.upper)]))])
  }

  static func json(_ d: CentreDemand) -> JSONValue {
    .object([
      ("id", .string(d.source.id)),
      ("log_id", .string(d.source.logID)),
      ("base_centre", .string(d.source.template)),
      ("dossiers", .number(Double(d.dossiers))),
      ("daily_volume", json(d.dailyVolume)),
      ("weekly_arrivals", json(d.weeklyArrivals)),
      ("weekday_factors", .object(Weekday.allCases.map { ($0.name, json(d.weekdayFactors[$0.rawValue])) })),
      ("weekday_factors_kept", d.weekdayFactorsKept.map { .string($0) } ?? .null),
      ("days_observed", .object(Weekday.allCases.map { ($0.name, .number(Double(d.daysObserved[$0.rawValue]))) })),
      ("hourly_profile", .object((0..<24).compactMap { h in d.hourlyWeights[h].map { (String(h), json($0)) } })),
      ("hourly_profile_kept", d.hourlyProfileKept.map { .string($0) } ?? .null),
      ("walk_ins_timed", .number(Double(d.walkInsTimed))),
      ("walk_ins_on_other_days", .number(Double(d.walkInsOnOtherDays))),
      ("walk_ins_outside_hours", .number(Double(d.walkInsOutsideHours))),
      ("arrivals_by_weekday_hour", .array(d.arrivalsByWeekdayHour.map { .array($0.map { .number(Double($0)) }) })),
      ("poisson_check", json(d.poisson)),
    ])
  }

  static func json(_ p: PoissonCheck) -> JSONValue {
    .object([
      ("verdict", .string(p.verdict.rawValue)),
      ("summary", .string(p.summary)),
      ("significance", .number(p.significance)),
      ("cells_tested", .number(Double(p.cells.count))),
      ("cells_consistent", .number(Double(p.consistent))),
      ("cells_overdispersed", .number(Double(p.overdispersed))),
      ("cells_underdispersed", .number(Double(p.underdispersed))),
      ("pooled_index", .finite(p.pooledIndex)),
      ("pooled_statistic", .finite(p.pooledStatistic)),
      ("pooled_degrees_of_freedom", .number(Double(p.pooledDegrees))),
      ("pooled_p_value", .finite(p.pooledPValue)),
      ("cells", .array(p.cells.map { cell in
        .object([
          ("weekday", .string(Weekday(rawValue: cell.weekday)!.name)), ("hour", .number(Double(cell.hour))),
          ("days", .number(Double(cell.test.intervals))), ("mean", .finite(cell.test.mean)),
          ("variance", .finite(cell.test.variance)), ("index", .finite(cell.test.index)),
          ("p_value", .finite(cell.test.pValue)), ("verdict", .string(cell.test.verdict.rawValue)),
        ])
      })),
    ])
  }

  static func json(_ p: ProcedureFit) -> JSONValue {
    func probability(_ f: ProbabilityFit) -> JSONValue {
      .object([("value", .finite(f.value)), ("estimate", json(f.estimate)), ("events", .number(Double(f.events))),
               ("trials", .number(Double(f.trials))), ("from_log", .bool(f.estimate != nil)), ("reason", .string(f.reason))])
    }
    let deadline: JSONValue
    switch p.deadline.deadline {
    case .workingDays(let n): deadline = .object([("working_days", .number(Double(n)))])
    case .workingHours(let h): deadline = .object([("working_hours", .number(h))])
    }
    let unit: String
    if case .workingHours = p.deadline.deadline { unit = "working_hours" } else { unit = "working_days" }
    return .object([
      ("id", .string(p.id)),
      ("dossiers", .number(Double(p.dossiers))),
      ("share", json(p.share)),
      ("online_share", json(p.onlineShare)),
      ("service_point_share", json(p.servicePointShare)),
      ("counter_time", json(p.counterTime)),
      ("back_office_work", json(p.backOfficeWork)),
      ("turnaround", p.turnaround.map { t in
        .object([
          ("dossiers", .number(Double(t.count))), ("mean_working_minutes", .finite(t.meanWorkingMinutes)),
          ("mean_hours", .finite(t.meanHours)),
          ("quantiles", .array(t.quantiles.map { q in
            .object([("p", .number(q.p)), ("working_minutes", .finite(q.workingMinutes)), ("hours", .finite(q.hours))])
          })),
        ])
      } ?? .null),
      ("calibration_note", p.calibrationNote.map { .string($0) } ?? .null),
      ("incomplete", .object([("at_counter", probability(p.incompleteAtCounter)), ("in_back_office", probability(p.incompleteInBackOffice))])),
      ("deadline", .object([
        ("value", deadline), ("from_log", .bool(p.deadline.fromLog)), ("rows", .number(Double(p.deadline.rows))),
        ("observed", .array(p.deadline.observed.map { .object([(unit, .number($0.value)), ("count", .number(Double($0.count)))]) })),
        ("reason", .string(p.deadline.reason)),
      ])),
    ])
  }

  static func json(_ d: DurationFit) -> JSONValue {
    let sorted = d.sample.sorted()
    return .object([
      ("parameter", .string(d.parameter)),
      ("sample_size", .number(Double(d.sample.count))),
      ("zeros", .number(Double(d.zeros))),
      ("sample_mean", d.sample.isEmpty ? .null : .finite(d.sample.reduce(0, +) / Double(d.sample.count))),
      ("sample_quantiles", .object(sorted.isEmpty ? [] : [0.1, 0.5, 0.9].map { p in
        ("p\(Int(p * 100))", .finite(TurnaroundSummary.quantile(sorted, p)))
      })),
      ("adequacy", .string(SampleAdequacy(sampleSize: d.positive.count).verdict.rawValue)),
      ("decision", .string(d.decision.rawValue)),
      ("reason", .string(d.reason)),
      ("distribution", json(d.distribution)),
      ("base_distribution", json(d.base)),
      ("mean", json(d.meanEstimate)),
      ("bootstrap_seed", .string(String(d.seed))),
      ("families", .array(d.ranking.map { fit in
        let f = fit.fitted
        return .object([
          ("family", .string(f.family.rawValue)),
          ("parameters", .array(f.parameters.map { .object([("name", .string($0.name)), ("value", .finite($0.value)),
                                                             ("se", .finite($0.standardError))]) })),
          ("log_likelihood", .finite(f.logLikelihood)), ("aic", .finite(f.aic)), ("bic", .finite(f.bic)),
          ("mean", .finite(f.mean)), ("mean_se", .finite(f.meanStandardError)),
          ("ks", fit.goodness.map { .finite($0.kolmogorovSmirnov) } ?? .null),
          ("ks_p_value", fit.goodness.map { .finite($0.kolmogorovSmirnovPValue) } ?? .null),
          ("ad", fit.goodness.map { .finite($0.andersonDarling) } ?? .null),
          ("ad_p_value", fit.goodness.map { .finite($0.andersonDarlingPValue) } ?? .null),
        ])
      })),
    ])
  }

  /// A distribution as `{family, parameters...}`.
  static func json(_ d: Distribution) -> JSONValue {
    func object(_ family: String, _ parameters: [(String, Double)]) -> JSONValue {
      .object([("family", .string(family))] + parameters.map { ($0.0, .finite($0.1)) })
    }
    switch d {
    case .deterministic(let v): return object("deterministic", [("value", v)])
    case .exponential(let mean): return object("exponential", [("mean", mean)])
    case .gamma(let shape, let scale): return object("gamma", [("shape", shape), ("scale", scale)])
    case .lognormal(let mu, let sigma): return object("lognormal", [("mu", mu), ("sigma", sigma)])
    case .weibull(let scale, let shape): return object("weibull", [("scale", scale), ("shape", shape)])
    case .truncatedNormal(let mean, let sd): return object("normal", [("mean", mean), ("sd", sd)])
    case .uniform(let low, let high): return object("uniform", [("min", low), ("max", high)])
    case .triangular(let low, let mode, let high): return object("triangular", [("min", low), ("mode", mode), ("max", high)])
    case .discrete(let values, let weights):
      return .object([("family", .string("discrete")), ("values", .array(values.map { .finite($0) })),
                      ("weights", .array(weights.map { .finite($0) }))])
    case .piecewise(let breaks, let weights):
      return .object([("family", .string("piecewise")), ("breaks", .array(breaks.map { .finite($0) })),
                      ("weights", .array(weights.map { .finite($0) }))])
    }
  }
}
