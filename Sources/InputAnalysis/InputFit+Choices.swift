//===----------------------------------------------------------------------===//
// The table of choices and the notes of a fit, and the fitted file's comments.
//===----------------------------------------------------------------------===//

import CentreModel
import Fitting
import Foundation
import Reporting
import ScenarioFormat
import SimRandom

extension InputFit {
  /// `48.2 ± 0.9` (the 95% half-width).
  static func plusMinus(_ v: FittedValue) -> String {
    v.standardError.isFinite ? "\(format(v.value)) ± \(format(v.halfWidth))" : format(v.value)
  }

  static func format(_ x: Double) -> String { PoissonCheck.format(x) }

  static func weekdayList(_ factors: [FittedValue?]) -> String {
    Weekday.allCases.compactMap { day in factors[day.rawValue].map { "\(day.shortName) \(plusMinus($0))" } }.joined(separator: ", ")
  }

  static func centreChoices(_ demands: [CentreDemand], fitted: Scenario) -> [FitChoice] {
    var choices: [FitChoice] = []
    for d in demands {
      let path = "centres[\(d.source.id)]"
      choices.append(FitChoice(
        parameter: path, value: "the staff, counters, back-office pools and closing of base centre '\(d.source.template)'",
        source: .base, reason: "a log says nothing of staff"))
      choices.append(FitChoice(
        parameter: "\(path).arrivals.daily_volume", value: plusMinus(d.dailyVolume), source: .fitted,
        reason: "\(format(d.weeklyArrivals.value)) arrivals a week (all channels, \(d.dossiers) dossiers) over the weekday "
          + "multipliers of the working week (the sum of the working weekdays' factors)"))
      choices.append(FitChoice(
        parameter: "\(path).arrivals.weekday_factors", value: weekdayList(d.weekdayFactors),
        source: d.weekdayFactors.contains { $0 != nil } ? .fitted : .base,
        reason: d.weekdayFactorsKept ?? "walk-in and service-point arrivals per regular open day, normalised so that the working weekdays average 1"))
      let hours = (0..<24).compactMap { h in d.hourlyWeights[h].map { "\(h): \(format($0.value))" } }.joined(separator: ", ")
      choices.append(FitChoice(
        parameter: "\(path).arrivals.hourly_profile", value: d.hourlyProfileKept == nil ? hours : "the base's",
        source: d.hourlyProfileKept == nil ? .fitted : .base,
        reason: d.hourlyProfileKept ?? "walk-ins per open minute of each hour (\(d.walkInsTimed) walk-ins), relative to the mean rate"))
      if demands.count > 1 {
        choices.append(FitChoice(
          parameter: "\(path).procedure_shares",
          value: zip(fitted.procedures, d.procedureShares).filter { $0.1.value > 0 }.map { "\($0.0.id) \(format($0.1.value))" }
            .joined(separator: ", "),
          source: .fitted, reason: "each procedure's weekly arrivals at this centre over all its weekly arrivals"))
      }
    }
    return choices
  }

  static func procedureChoices(_ procedures: [ProcedureFit], fitted: Scenario) -> [FitChoice] {
    var choices: [FitChoice] = []
    for (p, fit) in procedures.enumerated() {
      let path = "procedures[\(fit.id)]"
      let written = fitted.procedures[p]
      choices.append(FitChoice(
        parameter: "\(path).share", value: fit.dossiers > 0 ? plusMinus(fit.share) : "0", source: .fitted,
        reason: fit.dossiers > 0 ? "its weekly arrivals over all weekly arrivals (\(fit.dossiers) dossiers)"
          : "no dossier of it in the log (its other parameters are the base's)"))
      if let online = fit.onlineShare, let point = fit.servicePointShare {
        choices.append(FitChoice(parameter: "\(path).online_share", value: plusMinus(online), source: .fitted,
                                 reason: "its online share of its weekly arrivals"))
        choices.append(FitChoice(parameter: "\(path).service_point_share", value: plusMinus(point), source: .fitted,
                                 reason: "its service-point share of its weekly arrivals"))
      }
      for duration in [fit.counterTime, fit.backOfficeWork] where !(duration.parameter.hasSuffix(".steps") && written.steps.isEmpty) {
        let source: FitChoice.Source = duration.decision == .fitted ? .fitted : duration.decision == .empirical ? .empirical : .base
        let value = duration.parameter.hasSuffix(".steps") ? "the base's \(written.steps.count) steps"
          : DurationFit.describe(duration.distribution) + (source == .base ? "" : ", mean \(plusMinus(duration.meanEstimate))")
        choices.append(FitChoice(parameter: duration.parameter, value: value, source: source, reason: duration.reason))
      }
      choices.append(FitChoice(parameter: "\(path).incomplete.at_counter", value: format(fit.incompleteAtCounter.value),
                               source: fit.incompleteAtCounter.estimate == nil ? .base : .fitted, reason: fit.incompleteAtCounter.reason))
      choices.append(FitChoice(parameter: "\(path).incomplete.in_back_office", value: format(fit.incompleteInBackOffice.value),
                               source: fit.incompleteInBackOffice.estimate == nil ? .base : .fitted,
                               reason: fit.incompleteInBackOffice.reason))
      choices.append(FitChoice(parameter: "\(path).deadline", value: "\(fit.deadline.deadline)",
                               source: fit.deadline.fromLog ? .fitted : .base, reason: fit.deadline.reason))
    }
    return choices
  }

  static func notes(prepared: PreparedLog, base: LoadedScenario, demands: [CentreDemand], result: Scenario, log: DossierLog)
    -> [String]
  {
    let s = base.scenario
    var notes = [
      "From the base scenario '\(s.name)' (\(base.file)): the calendar (opening hours, working weekdays, holidays, make-up days, "
        + "the \(s.calendar.receiptCutoff.map { "\($0)" } ?? "no") receipt cut-off), the staff of counters and back-office pools, "
        + "the back-office steps, the online intake, resubmission, outages, the horizon, seed and replications: a dossier log says nothing of them.",
      "Durations that run across closed time (back-office work paused overnight, turnaround) are measured in the base calendar's "
        + "open working time: the opening hours of its working days.",
    ]
    let table = prepared.table
    let holidays = (0..<prepared.periodDays).filter { table.isHoliday($0) }.map { "\(table.date(ofDay: $0))" }
    var period = "The log covers \(prepared.firstDay) to \(prepared.lastDay) (\(prepared.periodDays) days"
    if prepared.replications.count > 1 { period += ", \(prepared.replications.count) replications, each an independent copy of the period" }
    period += "); the base calendar's holidays in it: \(holidays.isEmpty ? "none" : holidays.joined(separator: ", "))."
    if prepared.firstDay < s.horizon.start || prepared.lastDay > s.horizon.end {
      period += " It lies (partly) outside the base's horizon (\(s.horizon.start) to \(s.horizon.end)): check that the base lists that period's holidays."
    }
    notes.append(period)
    for (c, d) in demands.enumerated() {
      let source = prepared.centres[c]
      if source.logID != source.id || source.template != source.id {
        notes.append("The log's centre '\(source.logID)' is written as '\(source.id)', with the staff and settings of the base's '\(source.template)'.")
      }
      if d.walkInsOnOtherDays > 0 {
        notes.append("\(d.walkInsOnOtherDays) walk-in\(d.walkInsOnOtherDays == 1 ? "" : "s") at '\(source.id)' came on days the base calendar has closed, a holiday or a make-up day: "
          + "counted in no weekday factor (does the base calendar match the centre's?).")
      }
      if d.walkInsOutsideHours > 0 {
        notes.append("\(d.walkInsOutsideHours) walk-in\(d.walkInsOutsideHours == 1 ? "" : "s") at '\(source.id)' came outside the base's opening hours: not in the hourly profile.")
      }
    }
    let templates = Set(prepared.templates).sorted().map { s.centres[$0] }
    let unused = s.centres.indices.filter { !prepared.templates.contains($0) }
    if !unused.isEmpty && s.centres.count > 1 {
      notes.append("\(unused.count) centre\(unused.count == 1 ? "" : "s") of the base with no row in the log (\(unused.prefix(5).map { s.centres[$0].id }.joined(separator: ", "))\(unused.count > 5 ? ", ..." : "")) \(unused.count == 1 ? "is" : "are") left out of the fitted scenario.")
    }
    if templates.contains(where: { !$0.arrivals.surges.isEmpty }) {
      notes.append("The base's demand surges are dropped: the fitted volume is the log's.")
    }
    if templates.contains(where: { !$0.onlineShare.isEmpty }) {
      notes.append("The base centre's online_share is dropped: the procedures' online shares are fitted instead.")
    }
    if s.recordedArrivals != nil { notes.append("The base's arrivals_replay is not carried over: the fitted scenario draws its arrivals.") }
    if !s.initialBacklog.isEmpty { notes.append("The base's initial backlog is not carried over.") }
    if s.volumeDraw != nil { notes.append("The base city's volume draw is not carried over: each centre's volume is its own fit.") }
    if result.outages.count < s.outages.count {
      notes.append("\(s.outages.count - result.outages.count) outage process(es) of the base concern no fitted centre and are dropped.")
    }
    let slow = templates.contains { $0.counters.contains { $0.staffing.crews.contains { $0.speed != 1 || $0.learning != nil } } }
    if slow {
      notes.append("Some base counter crews work at a speed other than 1 or learn: a counter time measured in the log is the work "
        + "divided by the speed of the clerk who did it, written here as the work itself.")
    }
    let ownHours = templates.contains { $0.backOffice.contains { $0.hours != nil || $0.staffing.crews.contains { $0.hours != nil || $0.weekdays != nil } } }
    if ownHours {
      notes.append("Some base back-office pools or crews work their own hours: back-office work is measured in the opening hours, "
        + "which then differ from the time its staff work.")
    }
    if !log.unknownColumns.isEmpty {
      notes.append("Columns ignored: " + log.unknownColumns.map { "'\($0.name)' (column \($0.column))" }.joined(separator: ", ") + ".")
    }
    return notes
  }
}

/// The fitted scenario file: provenance in the header, a comment on every fitted value.
enum FittedScenarioFile {
  static func render(_ fit: FitResult) -> String {
    let rows = fit.rows
    var header = [
      "Fitted by onestop fit (onestop \(onestopVersionText)) to the dossier log \(fit.logFile)",
      "  log SHA-256: \(fit.logSHA256)",
      "  rows: \(rows.rowsRead) read, \(rows.rowsUsed) used, \(rows.rowsDropped) dropped (\(rows.rowsWithProblems) with problems, listed in fit.json)",
      "  period: \(fit.firstDay) to \(fit.lastDay) (\(fit.periodDays) days)"
        + (fit.replications.count > 1 ? ", \(fit.replications.count) replications" : ""),
      "Base scenario: \(fit.baseFile) (SHA-256 \(fit.baseSHA256))",
      "  its staff, calendar, steps, online intake, resubmission, outages, horizon, seed and replications are kept.",
      "Bootstrap: \(fit.options.bootstrapSamples) samples, seed \(fit.options.seed); tests at \(Int((fit.options.significance * 100).rounded()))%.",
      "Each fitted value's comment gives its standard error (SE) or 95% interval; kept values say why.",
      "",
    ]
    if fit.centres.count > 1 { header.insert("  centres: " + fit.centres.map(\.source.id).joined(separator: ", "), at: 4) }
    var comments: [String: String] = [:]
    for d in fit.centres {
      let path = "centres[\(d.source.id)]"
      comments[path] = "staff and settings of the base centre '\(d.source.template)'"
      comments["\(path).arrivals.daily_volume"] = "fitted: SE \(InputFit.format(d.dailyVolume.standardError)) "
        + "(\(d.dossiers) dossiers; \(InputFit.format(d.weeklyArrivals.value)) a week, all channels)"
      comments["\(path).arrivals.weekday_factors"] = d.weekdayFactors.contains { $0 != nil }
        ? "fitted, SE " + Weekday.allCases.compactMap { day in d.weekdayFactors[day.rawValue].map { "\(day.shortName) \(InputFit.format($0.standardError))" } }
          .joined(separator: ", ") + (d.weekdayFactorsKept.map { "; \($0)" } ?? "")
        : "kept from the base: \(d.weekdayFactorsKept ?? "")"
      comments["\(path).arrivals.hourly_profile"] = d.hourlyProfileKept.map { "kept from the base: \($0)" }
        ?? "fitted (walk-ins per open minute relative to the mean), SE " + (0..<24).compactMap { h in
          d.hourlyWeights[h].map { "\(h): \(InputFit.format($0.standardError))" }
        }.joined(separator: ", ")
      if fit.centres.count > 1 {
        comments["\(path).procedure_shares"] = "fitted, SE " + zip(fit.scenario.procedures, d.procedureShares).filter { $0.1.value > 0 }
          .map { "\($0.0.id) \(InputFit.format($0.1.standardError))" }.joined(separator: ", ")
      }
    }
    for (p, procedure) in fit.procedures.enumerated() {
      let path = "procedures[\(procedure.id)]"
      comments[path] = procedure.dossiers > 0 ? "\(procedure.dossiers) dossiers in the log" : "no dossier in the log: share 0, other values the base's"
      if procedure.dossiers > 0 {
        comments["\(path).share"] = "fitted: SE \(InputFit.format(procedure.share.standardError))"
        if let online = procedure.onlineShare { comments["\(path).online_share"] = "fitted: SE \(InputFit.format(online.standardError))" }
        if let point = procedure.servicePointShare {
          comments["\(path).service_point_share"] = "fitted: SE \(InputFit.format(point.standardError))"
        }
      }
      comments["\(path).counter_time"] = durationComment(procedure.counterTime)
      if let step = fit.scenario.procedures[p].steps.indices.first, fit.scenario.procedures[p].steps.count == 1 {
        comments["\(path).steps[\(step)]"] = durationComment(procedure.backOfficeWork)
      } else if !fit.scenario.procedures[p].steps.isEmpty {
        comments["\(path).steps"] = "kept from the base: \(procedure.backOfficeWork.reason)"
      }
      comments["\(path).deadline"] = procedure.deadline.fromLog ? "from the log: \(procedure.deadline.reason)"
        : "kept from the base: \(procedure.deadline.reason)"
      let a = procedure.incompleteAtCounter, b = procedure.incompleteInBackOffice
      func part(_ name: String, _ value: ProbabilityFit) -> String {
        value.estimate.map { "\(name) fitted, SE \(InputFit.format($0.standardError)) (\(value.events) of \(value.trials))" }
          ?? "\(name) kept from the base"
      }
      comments["\(path).incomplete"] = part("at_counter", a) + "; " + part("in_back_office", b)
    }
    return ScenarioYAML(header: header, comments: comments).render(fit.scenario)
  }

  /// "fitted lognormal by maximum likelihood (n = 412): mu SE 0.01, sigma SE 0.007; mean 4.01 ± 0.12; KS p 0.41, AD p 0.37".
  static func durationComment(_ d: DurationFit) -> String {
    switch d.decision {
    case .keptBase:
      return "kept from the base: \(d.reason)"
    case .empirical:
      return "empirical (n = \(d.sample.count)): mean \(InputFit.plusMinus(d.meanEstimate)); \(d.reason)"
    case .fitted:
      guard let chosen = d.chosenFit else { return d.reason }
      let errors = chosen.fitted.parameters.map { "\($0.name) SE \(InputFit.format($0.standardError))" }.joined(separator: ", ")
      let tests = chosen.goodness.map { "; KS p \(InputFit.format($0.kolmogorovSmirnovPValue)), AD p \(InputFit.format($0.andersonDarlingPValue))" } ?? ""
      return "fitted \(DurationFit.familyName(chosen.fitted.family)) by maximum likelihood (n = \(chosen.fitted.sampleSize)): "
        + "\(errors); mean \(InputFit.plusMinus(d.meanEstimate))\(tests)"
    }
  }
}

/// The version of onestop, for the file's header.
let onestopVersionText = onestopVersion
