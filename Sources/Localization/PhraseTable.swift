//===----------------------------------------------------------------------===//
// One table of user-facing strings per language.
//===----------------------------------------------------------------------===//

import CentreSimulation

/// Every user-facing string of the reports, the console summary and the workspace, in one
/// language. Each phrase family is a typed enum and each table switches over all of its
/// cases, so a missing translation fails to compile. A table is one type per language
/// (``English``, ``Vietnamese``), written in one file per family.
public protocol PhraseTable: Sendable {
  /// The language of the table, whose conventions format its numbers and dates.
  var language: Language { get }
  /// A phrase of the workspace's pages.
  func workspace(_ phrase: WorkspacePhrase) -> String
  /// A phrase of the workspace's optimiser and calibration.
  func study(_ phrase: StudyPhrase) -> String
  /// A phrase of the HTML reports and the console summary.
  func report(_ phrase: ReportPhrase) -> String
  /// A phrase of calibrate, warmup, optimize --by-hour and the queueing theory.
  func analysis(_ phrase: AnalysisPhrase) -> String
  /// The label of a run-wide KPI.
  func label(_ measure: RunMeasure) -> String
  /// The label of a KPI of the dossiers that arrived in a window.
  func label(_ measure: WindowMeasure) -> String
  /// The name of a KPI's unit (`dossiers`, `min`, `working days`...), as the measures give it.
  func unit(_ unit: String) -> String
}

extension Language {
  /// The phrase in this language.
  public func callAsFunction(_ phrase: WorkspacePhrase) -> String { table.workspace(phrase) }
  /// The phrase in this language.
  public func callAsFunction(_ phrase: ReportPhrase) -> String { table.report(phrase) }
  /// The phrase in this language.
  public func callAsFunction(_ phrase: StudyPhrase) -> String { table.study(phrase) }
  /// The phrase in this language.
  public func callAsFunction(_ phrase: AnalysisPhrase) -> String { table.analysis(phrase) }
  /// The KPI's label in this language.
  public func label(_ measure: RunMeasure) -> String { table.label(measure) }
  /// The KPI's label in this language.
  public func label(_ measure: WindowMeasure) -> String { table.label(measure) }
  /// The unit's name in this language.
  public func unit(_ unit: String) -> String { table.unit(unit) }
}

/// The English table.
public struct English: PhraseTable {
  public init() {}
  public var language: Language { .en }
}

/// The Vietnamese table.
public struct Vietnamese: PhraseTable {
  public init() {}
  public var language: Language { .vi }
}
