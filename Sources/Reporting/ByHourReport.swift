//===----------------------------------------------------------------------===//
// `onestop optimize --by-hour`: staff per hour, simulation-based against Erlang C.
//===----------------------------------------------------------------------===//

import CentreSimulation
import Experiments
import Localization

/// The staff per hour found by the iterative staffing algorithm beside the naive per-hour
/// Erlang C answer, each simulated on the same random numbers.
public struct ByHourReport: Sendable {
  public var scenarioName: String
  public var result: TimeVaryingStaffing.Result
  public var theory: CounterTheory
  /// The per-hour Erlang C staffing and its simulated hours.
  public var erlangC: HourlyStaffing
  public var erlangCHours: [Estimates<HourMeasure>]
  /// Whether the counter clerks help the back office.
  public var helpsBackOffice: Bool

  public init(scenarioName: String, result: TimeVaryingStaffing.Result, theory: CounterTheory, erlangC: HourlyStaffing,
              erlangCHours: [Estimates<HourMeasure>], helpsBackOffice: Bool) {
    self.helpsBackOffice = helpsBackOffice
    self.scenarioName = scenarioName
    self.result = result
    self.theory = theory
    self.erlangC = erlangC
    self.erlangCHours = erlangCHours
  }

  private var final: TimeVaryingStaffing.Iteration { result.iterations[result.iterations.count - 1] }

  /// One row per open hour.
  public func table() -> CSVTable {
    var table = CSVTable(columns: [
      "hour", "arrivals_per_hour", "erlang_c_staff", "erlang_c_delay_probability", "erlang_c_delay_probability_low",
      "erlang_c_delay_probability_high", "erlang_c_wait_mean", "isa_staff", "isa_delay_probability", "isa_delay_probability_low",
      "isa_delay_probability_high", "isa_wait_mean",
    ])
    for hour in result.openHours {
      let a = erlangCHours[hour][.delayProbability], b = final.hours[hour][.delayProbability]
      table.append([
        String(hour), CSVTable.field(final.hours[hour][.walkInArrivals].mean), String(erlangC.staff[hour]),
        CSVTable.field(a.mean), CSVTable.field(a.low), CSVTable.field(a.high), CSVTable.field(erlangCHours[hour][.counterWaitMean].mean),
        String(final.staffing.staff[hour]), CSVTable.field(b.mean), CSVTable.field(b.low), CSVTable.field(b.high),
        CSVTable.field(final.hours[hour][.counterWaitMean].mean),
      ])
    }
    return table
  }

  /// The iterations, the answer and the comparison as JSON.
  public func json() -> JSONValue {
    .object([
      ("scenario", .string(scenarioName)),
      ("alpha", .number(result.alpha)),
      ("converged", .bool(result.converged)),
      ("oscillated", .bool(result.oscillated)),
      ("iterations", .array(result.iterations.map { .array($0.staffing.staff.map { .number(Double($0)) }) })),
      ("isa_staff", .array(final.staffing.staff.map { .number(Double($0)) })),
      ("erlang_c_staff", .array(erlangC.staff.map { .number(Double($0)) })),
      ("isa_staff_hours", .number(Double(final.staffing.staffHours))),
      ("erlang_c_staff_hours", .number(Double(erlangC.staffHours))),
    ])
  }

  /// Writes by_hour.csv and by_hour.json into `directory`, then its manifest
  /// (``ResultDirectory``).
  public func write(to directory: String) throws(OutputError) -> [String] {
    try ResultDirectory.write([("by_hour.csv", table().rendered()), ("by_hour.json", json().rendered())], to: directory)
  }

  /// The console text, in `language`.
  public func rendered(language t: Language = .en) -> String {
    let percent = { (e: Estimate) -> String in e.mean.isNaN ? "–" : ConsoleSummary.formatEstimate(e, unit: "share", language: t) }
    var out = t.analysis(.byHourHeading(scenario: scenarioName, alpha: result.alpha)) + "\n"
    let steps = result.iterations.count - 1
    out += wrap(t.analysis(.isaOutcome(steps: steps, converged: result.converged, oscillated: result.oscillated)), width: 88) + "\n\n"
    let rows = result.openHours.map { hour -> [String] in
      [
        "\(format2(hour)):00", t.figure(final.hours[hour][.walkInArrivals].mean, 1),
        String(erlangC.staff[hour]), percent(erlangCHours[hour][.delayProbability]),
        String(final.staffing.staff[hour]), percent(final.hours[hour][.delayProbability]),
        t.figure(final.hours[hour][.counterWaitMean].mean, 1),
      ]
    }
    let sim = t.analysis(.simulatedDelayColumn)
    out += textTable(header: [t.analysis(.clockHourColumn), t.analysis(.hourlyArrivalsColumn), t.analysis(.erlangCStaffColumn), sim,
                              t.analysis(.isaStaffColumn), sim, t.analysis(.meanWaitMinutesColumn)],
                     rows: rows, rightAligned: Set(1...6))
    let worstC = result.openHours.map { erlangCHours[$0][.delayProbability].mean }.filter { !$0.isNaN }.max() ?? .nan
    let worstISA = result.openHours.map { final.hours[$0][.delayProbability].mean }.filter { !$0.isNaN }.max() ?? .nan
    out += "\n" + t.analysis(.staffHoursLine(erlangC: erlangC.staffHours, isa: final.staffing.staffHours)) + " "
    out += t.analysis(.worstHourLine(erlangC: worstC, isa: worstISA, alpha: result.alpha)) + "\n"
    out += wrap(t.analysis(.erlangCLags), width: 88) + "\n"
    if helpsBackOffice {
      out += t.analysis(.notePrefix) + wrap(t.analysis(.helpsBackOffice), width: 88 - t.analysis(.notePrefix).count) + "\n"
    }
    return out
  }
}
