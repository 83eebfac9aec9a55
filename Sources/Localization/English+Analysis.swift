//===----------------------------------------------------------------------===//
// English: calibrate, warmup, optimize --by-hour and the queueing theory.
//===----------------------------------------------------------------------===//

import CentreSimulation

extension English {
  public func analysis(_ phrase: AnalysisPhrase) -> String {
    switch phrase {
    case .notePrefix: return "note: "
    case .yesOrNo(let yes): return yes ? "yes" : "no"
    case .range(let low, let high, let digits): return "\(fixed(low, digits)) to \(fixed(high, digits))"
    case .distanceColumn: return "distance"

    // onestop calibrate
    case .calibrationInterruptedConsole: return "Calibration INTERRUPTED: the values below are the best found so far, not confirmed."
    case .calibrationTargetsConsole(let replications): return "Targets (\(replications) replications of the calibrated scenario):"
    case .calibrationTargetColumn: return "target"
    case .observedValueColumn: return "observed"
    case .toleranceColumn: return "tolerance"
    case .simulatedValueColumn: return "simulated ± 95% CI"
    case .freeParametersConsole: return "Free parameters (range: values within 3.84 of the best distance, the others re-fitted):"
    case .parameterColumn: return "parameter"
    case .calibratedColumn: return "calibrated"
    case .parameterRangeColumn: return "range"
    case .pinnedDownColumn: return "pinned down"
    case .boundsColumn: return "bounds"
    case .rangeWithinColumn: return "range within 3.84"
    case .allPinnedDown: return "The targets pin every free parameter down."
    case .notIdentifiableConsole(let reasons): return "Not identifiable: \(reasons). Do not read one point of the ridge as the answer."
    case .tradeOffConsole(let x, let y): return "The trade-off between \(x) and \(y) (\(y) fitted with each \(x)):"
    case .candidatesSimulated(let count): return "\(count) candidates simulated."
    case .calibrationTitle(let name): return "onestop calibration: \(name)"
    case .calibrationInterrupted: return "Interrupted: the values are the best found so far, not confirmed."
    case .notIdentifiableMap(let reasons):
      return "Not identifiable: \(reasons). The map below shows the values that reproduce the figures about equally well."
    case .targetsHeading: return "Targets"
    case .freeParametersHeading: return "Free parameters"
    case .profileTitle(let name): return "Profile of \(name)"
    case .profileCaption(let name):
      return "The distance to the targets along \(name), the other parameters re-fitted at each value (dots: the values simulated; dotted: the calibrated value); values under the dashed line, within 3.84 of the lowest, fit about as well (95%). The axis stops at four times 3.84 above the lowest: higher points are drawn at its top."
    case .profileAxis: return "distance Σ z²"
    case .profileThreshold(let threshold): return "\(threshold) above the best"
    case .tradeOffHeading(let x, let y): return "Trade-off between \(x) and \(y)"
    case .tradeOffChart: return "Distance to the targets"
    case .tradeOffCells: return "distance Σ z² (lower is closer; within 3.84 of the lowest: equally good)"
    case .tradeOffCaption:
      return "Every other free parameter at its calibrated value. A band of low values running across the map is a ridge: the figures cannot tell those combinations apart."
    case .fittedWith(let y): return "\(y) fitted with it"
    case .searchHeading: return "Search"
    case .candidatesSimulatedRow: return "candidates simulated"
    case .changesRow: return "changes"
    case .fewerTargets(let targets, let free):
      return "\(targets) target\(targets == 1 ? "" : "s") for \(free) free parameters: the figures cannot pin them all down"
    case .looseParameters(let items): return "values of \(items.joined(separator: ", ")) fit the targets about as well"
    case .looseParameter(let name, let low, let high): return "\(name) from \(logFigure(low)) to \(logFigure(high))"
    case .ridge(let x, let xFrom, let xTo, let y, let yFrom, let yTo):
      return "a ridge: \(x) from \(logFigure(xFrom)) to \(logFigure(xTo)) goes with \(y) from \(logFigure(yFrom)) to \(logFigure(yTo))"
    case .everyParameterPinned: return "every free parameter is pinned down by the targets"

    // onestop warmup
    case .mserIntro(let batchSize, let replications, let days):
      return "MSER-\(batchSize) on the daily series (each day's mean over \(replications) replications, \(days) days)"
        + (batchSize == 7 ? ",\nin batches of a week, as the centres close on some days:" : ":")
    case .dailyMeasureColumn: return "daily measure"
    case .measureUnitColumn: return "unit"
    case .warmUpColumn: return "warm-up"
    case .meanAllDaysColumn: return "mean, all days"
    case .meanAfterWarmUpColumn: return "mean after warm-up"
    case .tooShort: return "too short"
    case .dayCount(let days): return "\(days) days"
    case .dayMeasure(let measure): return measure.label
    case .suggestedWarmUp(let days): return "Suggested warm-up: \(days) day\(days == 1 ? "" : "s")."
    case .applyWarmUp(let days): return "Apply it with --set horizon.warm_up_days=\(days), or warm_up_days under horizon in the scenario."
    case .noWarmUp(let unsettled):
      return "No warm-up can be suggested: \(unsettled.joined(separator: ", ")) had not settled "
        + "within the first half of the horizon (marked (!)). Run longer (--set horizon.days=...), or the system is "
        + "overloaded and has no steady state."

    // onestop optimize --by-hour
    case .byHourHeading(let scenario, let alpha):
      return "Counter staff by hour for \(scenario): at most \(fixed(alpha * 100, 0))% of citizens wait, every hour."
    case .isaOutcome(let steps, let converged, let oscillated):
      let how = "The iterative staffing algorithm (Feldman, Mandelbaum, Massey & Whitt 2008) "
      if oscillated {
        return how + "settled after \(steps) iterations into a cycle (an hour at the edge of the target); the larger staff of each hour in the cycle is taken."
      } else if converged {
        return how + "converged after \(steps) iteration\(steps == 1 ? "" : "s")."
      }
      return how + "stopped after \(steps) iterations without converging; the last staffing is shown."
    case .clockHourColumn: return "hour"
    case .hourlyArrivalsColumn: return "arrivals/h"
    case .erlangCStaffColumn: return "Erlang C staff"
    case .simulatedDelayColumn: return "P(wait), sim."
    case .isaStaffColumn: return "ISA staff"
    case .meanWaitMinutesColumn: return "wait (min)"
    case .staffHoursLine(let erlangC, let isa): return "Staff-hours a day: Erlang C \(erlangC), ISA \(isa)."
    case .worstHourLine(let erlangC, let isa, let alpha):
      return "Worst hour's P(wait): Erlang C \(fixed(erlangC * 100, 1))%, ISA \(fixed(isa * 100, 1))% (target \(fixed(alpha * 100, 0))%)."
    case .erlangCLags:
      return "Erlang C staffs each hour as if it were a steady state of its own, so it lags the queue that builds at a "
        + "peak and lingers after it; the iterative algorithm measures the queue the simulation actually carries from hour to "
        + "hour. Both columns of P(wait) are simulated on the same random numbers (95% intervals)."
    case .helpsBackOffice:
      return "Counter clerks here help the back office when no citizen waits; a clerk busy with "
        + "back-office work cannot take a citizen who arrives, which the simulation (and so the iterative answer) "
        + "counts and Erlang C does not."

    // Queueing theory
    case .theoryTextHeading(let centre, let meanService, let scv, let model):
      return "Counters of \(centre): mean counter time \(fixed(meanService, 1)) min (SCV \(fixed(scv, 2))), a standard working day; \(model)"
        + (model == "Erlang A" ? " (impatient citizens: P(wait) and Wq of every arrival, served or not)." : ".")
    case .serversColumn: return "staff"
    case .offeredLoadColumn: return "load (Erl)"
    case .delayProbabilityColumn: return "P(wait)"
    case .meanWaitColumn: return "Wq (min)"
    case .scvCorrectedWaitColumn: return "Wq SCV-corr."
    case .abandonmentColumn: return "P(abandon)"
    case .squareRootStaffColumn: return "√-staffing"
    case .overloadedHours(let hours): return "warning: utilisation ≥ 1 at \(hours.joined(separator: ", ")): the queue grows through those hours"
    case .caveatTimeVarying:
      return "Demand changes from hour to hour; a queue built up at the peak takes time to clear, so hours after a peak wait longer than their own load suggests."
    case .caveatNotExponential(let scv):
      return "Counter times are not exponential (SCV \(fixed(scv, 2))); Erlang C assumes SCV 1, the corrected column uses the Allen–Cunneen factor (1 + SCV)/2."
    case .caveatBreak: return "The counters close at a break; citizens waiting then are carried over it."
    case .caveatReturnNextDay: return "Citizens waiting at closing come back the next morning: backlog is carried over."
    case .caveatSkills: return "Counters have skills: the table pools them, which understates the waits of a split service."
    case .caveatIrregularStaff: return "Temporary, part-time, absent or slower staff are left out of the table's server count."
    case .caveatPatienceShape: return "Erlang A assumes exponential patience; the scenario's patience has the same mean but another shape."
    case .caveatBalking: return "Citizens who leave on seeing the queue (balk_at) are not in Erlang A."
    case .caveatBalkingOnly: return "Only balking is set (no patience): the table uses Erlang C, which ignores it."
    case .caveatBackOffice: return "Theory covers the counters only: deadlines depend on the back office, which the simulation models."
    }
  }
}

/// A figure as the calibration's log and its reasons write it: four decimals at most, as
/// Swift prints a `Double` (`0.8788`, `1.0`).
func logFigure(_ x: Double) -> String {
  guard x.isFinite else { return x.isNaN ? "n/a" : "∞" }
  let scaled = (x * 10_000).rounded() / 10_000
  return "\(scaled)"
}
