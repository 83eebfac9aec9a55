//===----------------------------------------------------------------------===//
// English: the workspace's optimiser and calibration.
//===----------------------------------------------------------------------===//

extension English {
  public func study(_ phrase: StudyPhrase) -> String {
    let n = language
    switch phrase {
    case .optimizeHeading: return "Optimise the staffing"
    case .optimizeHint:
      return "The optimiser adds one person at a time where it closes most of the gap to the targets, then removes those not needed, every candidate on the same random numbers; the answer is confirmed when each target holds at the pessimistic end of its 95% interval. It starts from the scenario with the changes above. Shares are in percent."
    case .targetScope: return "Applies to"
    case .targetValue: return "Target"
    case .scopeTotal: return "the whole scenario"
    case .scopeEveryCentre: return "every centre"
    case .optimizeUnits: return "Pools that may change"
    case .unitSelection(let id):
      switch id {
      case "counters": return "counters only"
      case "back-office": return "back office only"
      default: return "counters and back office"
      }
    case .optimizeBudget: return "Extra staff at most"
    case .optimizeBudgetHint: return "blank: as many as the targets need"
    case .optimizeTransfers: return "Also move staff between pools and centres"
    case .confirmReplications: return "Replications of the confirmation"
    case .optimizeConfirmHint: return "blank: four times the scenario's"
    case .optimize: return "Optimise"
    case .objectiveField: return "What the staff should buy"
    case .objectiveChoice(let id):
      switch id {
      case "overdue": return "the fewest overdue dossiers (needs extra staff at most)"
      case "on-time": return "the most dossiers on time (needs extra staff at most)"
      case "wait-p90": return "the shortest 90th-percentile wait at the worst centre (needs extra staff at most)"
      default: return "the least staff that meets the targets below"
      }
    case .budgetNeeded: return "Give how many extra staff to place."
    case .gainHeading(let objective): return "What they buy" + (objective.map { ", in \(report(.objectiveGain($0)))" } ?? "") + " (95% interval)"
    case .calibrateHeading: return "Calibrate to observed figures"
    case .calibrateHint:
      return "Searches the values of the free settings (within their bounds) that bring the simulated figures closest to the observed ones, and says whether the figures pin the settings down. One target per line, kpi[FROM..TO]=value+-tolerance (e.g. arrivals[2025-07-01..2025-07-08]=38321+-1%); one free setting per line, key.path=low:high, or volume_scale, back_office_time_scale, counter_time_scale. It can take minutes."
    case .calibrateTargets: return "Observed figures to reproduce"
    case .calibrateFree: return "Free settings and their bounds"
    case .calibrateStarts: return "Starts of the search"
    case .calibrateEvaluations: return "Candidates simulated at most"
    case .calibrate: return "Calibrate"
    case .chooseKPI: return "Choose a KPI for this target."
    case .expectedNumber(let text): return "Expected a number, found '\(text)'."
    case .expectedPercent(let text): return "Expected a percentage from 0 to 100, found '\(text)'."
    case .expectedWholeNumber(let text, let minimum): return "Expected a whole number of at least \(minimum), found '\(text)'."
    case .targetNeeded: return "Give at least one target."
    case .noPools: return "The scenario has no pool of this kind."
    case .calibrateTargetsNeeded: return "Give at least one observed figure."
    case .calibrateFreeNeeded: return "Give at least one free setting."
    case .lineProblem(let line, let message): return "Line \(line): \(message)."
    case .searching(let detail): return detail.isEmpty ? "Searching…" : "Searching: \(detail)"
    case .studyOptimize(let name): return "Optimisation of \(name)"
    case .studyCalibrate(let name): return "Calibration of \(name)"
    case .staffBeforeAndAfter: return "Permanent staff before and after"
    case .staffPool: return "Pool"
    case .staffBefore: return "Before"
    case .staffAfter: return "After"
    case .confirmedWith(let replications): return "What the recommended staffing achieves, over \(n.number(replications)) replications (95% intervals)"
    case .calibrateVerdict(let within, let of):
      return "The calibrated scenario reproduces \(n.number(within)) of the \(n.number(of)) observed figures within two tolerances."
    case .residualsHeading: return "Observed and simulated"
    case .figureColumn: return "Figure"
    case .observedColumn: return "Observed ± tolerance"
    case .simulatedColumn: return "Simulated (95% interval)"
    case .zColumn: return "z"
    case .parametersHeading: return "Values found"
    case .settingColumn: return "Setting"
    case .valueColumn: return "Value"
    case .rangeColumn: return "Range consistent with the figures"
    case .pinnedDown(let pinned): return pinned ? "pinned down" : "not pinned down by these figures"
    case .calibratedSaved: return "Open the calibrated scenario (saved in this workspace)"
    case .calibratedNotSaved:
      return "The calibrated scenario reads data files that are not in this workspace, so it was not saved here: download its YAML below and keep it beside the original scenario."
    }
  }
}
