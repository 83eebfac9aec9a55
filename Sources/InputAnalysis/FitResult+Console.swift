//===----------------------------------------------------------------------===//
// The console summary of `onestop fit`.
//===----------------------------------------------------------------------===//

import CentreModel
import Fitting

extension FitResult {
  /// The summary printed on standard output: the log and its problems, each centre's
  /// demand and Poisson check, a table of the procedures, and the notes.
  public func consoleSummary() -> String {
    let f = InputFit.format
    let pm = InputFit.plusMinus
    var out = "Fitted \(logFile) on the base scenario \(baseFile)\n"
    out += "Rows: \(rows.rowsRead) read, \(rows.rowsUsed) used, \(rows.rowsDropped) dropped, \(rows.rowsWithProblems) with problems. "
    out += "Period \(firstDay) to \(lastDay) (\(periodDays) days)" + (replications.count > 1 ? ", \(replications.count) replications" : "") + ".\n"
    if !rows.problems.isEmpty {
      out += "\nRows with problems (left out only of the estimates they would corrupt):\n"
      for line in rows.listing { out += "  \(line)\n" }
    }
    for d in centres {
      out += "\nCentre \(d.source.id)" + (d.source.logID != d.source.id ? " (log: \(d.source.logID))" : "") + ": \(d.dossiers) dossiers; "
      out += "daily volume \(pm(d.dailyVolume)) (all channels, weekday factor 1; 95% CI)\n"
      let factors = InputFit.weekdayList(d.weekdayFactors)
      if !factors.isEmpty { out += "  weekday factors: \(factors)\n" }
      if let kept = d.weekdayFactorsKept { out += "  \(kept)\n" }
      if let kept = d.hourlyProfileKept {
        out += "  hourly profile: \(kept)\n"
      } else {
        out += "  hourly profile: " + (0..<24).compactMap { h in d.hourlyWeights[h].map { "\(h)h \(f($0.value))" } }.joined(separator: ", ") + "\n"
      }
      out += "  Poisson check: \(d.poisson.summary)\n"
    }
    out += "\n"
    let header = ["procedure", "dossiers", "share", "online", "counter time (min)", "back-office work (min)", "deadline"]
    var rowsOut: [[String]] = []
    for p in procedures {
      func duration(_ d: DurationFit) -> String {
        switch d.decision {
        case .fitted: return "\(d.chosenFit.map { DurationFit.familyName($0.fitted.family) } ?? "") \(pm(d.meanEstimate))"
        case .empirical: return "empirical \(pm(d.meanEstimate))"
        case .keptBase: return d.parameter.hasSuffix(".steps") && d.base == .deterministic(0) ? "–" : "base \(f(d.base.mean))"
        }
      }
      rowsOut.append([p.id, "\(p.dossiers)", pm(p.share), p.onlineShare.map(pm) ?? "–", duration(p.counterTime), duration(p.backOfficeWork),
                      "\(p.deadline.deadline)" + (p.deadline.fromLog ? "" : " (base)")])
    }
    out += Self.table(header, rowsOut)
    out += "(means ± 95% CI; 'base': kept from the base scenario, see the choices in report.html and fit.json)\n"
    let calibrations = procedures.filter { $0.calibrationNote != nil }
    if let first = calibrations.first?.calibrationNote {
      out += "\nBack-office work of \(calibrations.map(\.id).joined(separator: ", ")): \(first).\n"
    }
    out += "\nNotes:\n"
    for note in notes { out += "- \(note)\n" }
    return out
  }

  /// A plain text table, columns padded.
  static func table(_ header: [String], _ rows: [[String]]) -> String {
    var widths = header.map(\.count)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { i, cell in cell + String(repeating: " ", count: widths[i] - cell.count) }.joined(separator: "  ")
        .replacing(#/ +$/#, with: "") + "\n"
    }
    return line(header) + line(widths.map { String(repeating: "-", count: $0) }) + rows.map(line).joined()
  }
}

import Reporting

extension FitResult {
  /// The files `onestop fit` writes, in order.
  public static let files = ["fitted.yaml", "fit.json", "report.html"]

  /// Writes `fitted.yaml`, `fit.json` and `report.html` into `directory` (created if
  /// missing), each atomically, then its manifest (`ResultDirectory`); returns their paths.
  /// - Throws: an ``OutputError`` when a file cannot be written.
  public func write(to directory: String) throws(OutputError) -> [String] {
    try ResultDirectory.write(zip(Self.files, [yaml, json().rendered(), html()]).map { (name: $0, contents: $1) }, to: directory)
  }
}
