//===----------------------------------------------------------------------===//
// Figures of the reports as each language writes them.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Experiments
import Localization

extension Language {
  /// `value` with `digits` decimals: in English exactly as the reports always wrote it
  /// (no grouping, `-` for minus, `n/a`), in Vietnamese with grouped thousands and a
  /// decimal comma (`1.234,5`).
  func figure(_ value: Double, _ digits: Int) -> String {
    switch self {
    case .en: return fixed(value, digits)
    case .vi:
      guard value.isFinite, abs(value) < 1e15 else { return value.isNaN ? "–" : value > 0 ? "∞" : "−∞" }
      return number(value, decimals: digits)
    }
  }

  /// What stands for a value that cannot be told.
  var notAvailable: String { self == .en ? "n/a" : "–" }

  /// `mean ± half-width` with digits suited to the size and unit: shares as
  /// percentages, dossiers whole.
  func estimate(_ e: Estimate, unit: String) -> String {
    guard !e.mean.isNaN else { return notAvailable }
    if unit == "dossiers" { return wholeCount(e) }
    let scale = unit == "share" ? 100.0 : 1.0
    let digits = unit == "share" ? 1 : (abs(e.mean) >= 1000 ? 0 : (abs(e.mean) >= 10 ? 1 : 2))
    let mean = figure(e.mean * scale, digits) + (unit == "share" ? "%" : "")
    guard !e.halfWidth.isNaN else { return mean }
    return "\(mean) ± \(figure(e.halfWidth * scale, digits))"
  }

  /// A number of dossiers shown whole: `6 ± 3`, `< 1 ± <1`.
  func wholeCount(_ e: Estimate) -> String {
    guard !e.mean.isNaN else { return notAvailable }
    let mean = e.mean > 0 && e.mean < 0.5 ? "< 1" : figure(e.mean, 0)
    guard !e.halfWidth.isNaN else { return mean }
    let half = e.halfWidth > 0 && e.halfWidth < 0.5 ? "<1" : figure(e.halfWidth, 0)
    return "\(mean) ± \(half)"
  }

  /// A count shown with a decimal when it is small (`92.7`, `1380`).
  func count(_ value: Double) -> String { value.isNaN ? notAvailable : figure(value, value >= 100 ? 0 : 1) }

  /// A date of the reports' prose: ISO in English (as always), dd/mm/yyyy in Vietnamese.
  func day(_ date: CivilDate) -> String { self.date(date) }

  /// A number from a file (a sweep's factor values) with this language's decimal mark.
  func decimalMark(_ text: String) -> String {
    self == .vi && Double(text) != nil ? text.replacing(".", with: ",") : text
  }

  /// The label of a centre's KPI.
  func label(_ measure: CentreMeasure) -> String {
    switch self {
    case .en: English().label(measure)
    case .vi: Vietnamese().label(measure)
    }
  }

  /// The label of a procedure's KPI.
  func label(_ measure: ProcedureMeasure) -> String {
    switch self {
    case .en: English().label(measure)
    case .vi: Vietnamese().label(measure)
    }
  }

  /// `The label` as it reads inside a sentence (first letter lower-case, in English).
  func inSentence(_ label: String) -> String {
    label.prefix(1).lowercased() + label.dropFirst()
  }
}

extension Language {
  /// A phrase of the reports in this language (named, because the workspace's phrases
  /// share some case names with the reports', which makes `language(.kpi)` ambiguous).
  func report(_ phrase: ReportPhrase) -> String { table.report(phrase) }
  /// A phrase of the analysis commands in this language (named, for the same reason).
  func analysis(_ phrase: AnalysisPhrase) -> String { table.analysis(phrase) }
}
