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

  /// Writes by_hour.csv and by_hour.json into `directory`.
  public func write(to directory: String) throws(OutputError) -> [String] {
    try AtomicFile.makeDirectory(directory)
    let csv = "\(directory)/by_hour.csv", json = "\(directory)/by_hour.json"
    try AtomicFile.write(table().rendered(), to: csv)
    try AtomicFile.write(self.json().rendered(), to: json)
    return [csv, json]
  }

  /// The console text.
  public func rendered() -> String {
    let percent = { (e: Estimate) -> String in e.mean.isNaN ? "–" : ConsoleSummary.formatEstimate(e, unit: "share") }
    var out = "Counter staff by hour for \(scenarioName): at most \(fixed(result.alpha * 100, 0))% of citizens wait, every hour.\n"
    let steps = result.iterations.count - 1
    var how = "The iterative staffing algorithm (Feldman, Mandelbaum, Massey & Whitt 2008) "
    if result.oscillated {
      how += "settled after \(steps) iterations into a cycle (an hour at the edge of the target); the larger staff of each hour in the cycle is taken."
    } else if result.converged {
      how += "converged after \(steps) iteration\(steps == 1 ? "" : "s")."
    } else {
      how += "stopped after \(steps) iterations without converging; the last staffing is shown."
    }
    out += wrap(how, width: 88) + "\n\n"
    let rows = result.openHours.map { hour -> [String] in
      [
        "\(format2(hour)):00", fixed(final.hours[hour][.walkInArrivals].mean, 1),
        String(erlangC.staff[hour]), percent(erlangCHours[hour][.delayProbability]),
        String(final.staffing.staff[hour]), percent(final.hours[hour][.delayProbability]),
        fixed(final.hours[hour][.counterWaitMean].mean, 1),
      ]
    }
    out += textTable(header: ["hour", "arrivals/h", "Erlang C staff", "P(wait), sim.", "ISA staff", "P(wait), sim.", "wait (min)"],
                     rows: rows, rightAligned: Set(1...6))
    let worstC = result.openHours.map { erlangCHours[$0][.delayProbability].mean }.filter { !$0.isNaN }.max() ?? .nan
    let worstISA = result.openHours.map { final.hours[$0][.delayProbability].mean }.filter { !$0.isNaN }.max() ?? .nan
    out += "\nStaff-hours a day: Erlang C \(erlangC.staffHours), ISA \(final.staffing.staffHours). "
    out += "Worst hour's P(wait): Erlang C \(fixed(worstC * 100, 1))%, ISA \(fixed(worstISA * 100, 1))% (target \(fixed(result.alpha * 100, 0))%).\n"
    out += wrap("Erlang C staffs each hour as if it were a steady state of its own, so it lags the queue that builds at a "
      + "peak and lingers after it; the iterative algorithm measures the queue the simulation actually carries from hour to "
      + "hour. Both columns of P(wait) are simulated on the same random numbers (95% intervals).", width: 88) + "\n"
    if helpsBackOffice {
      out += "note: " + wrap("Counter clerks here help the back office when no citizen waits; a clerk busy with "
        + "back-office work cannot take a citizen who arrives, which the simulation (and so the iterative answer) "
        + "counts and Erlang C does not.", width: 82) + "\n"
    }
    return out
  }
}
