//===----------------------------------------------------------------------===//
// Small base scenarios and logs for the input-analysis tests.
//===----------------------------------------------------------------------===//

import CentreModel
import Foundation
import InputAnalysis
import ScenarioFormat
import Testing

/// Fixtures: a one-centre base on the default calendar (Monday to Friday, 08:00–12:00 and
/// 13:00–17:00, 15:00 cut-off), and helpers to fit a log written in a test.
enum LogFixtures {
  /// Two procedures with one back-office step each, one centre `commune`.
  static let base = """
    name: tiny
    seed: 1
    replications: 2
    horizon: {start: 2025-07-07, days: 28}
    procedures:
      - id: certification
        share: 0.5
        counter_time: {lognormal: {mean: 4, sd: 3}}
        back_office_time: {lognormal: {mean: 2, sd: 1}}
        deadline: {working_days: 0}
      - id: land
        share: 0.5
        counter_time: {lognormal: {mean: 15, sd: 6}}
        back_office_time: {gamma: {mean: 90, sd: 40}}
        deadline: {working_days: 10}
    centre:
      id: commune
      arrivals: {daily_volume: 10}
      counter_staff: 2
      back_office_staff: 2

    """

  /// The same with two centres, `north` and `south`.
  static var twoCentres: String {
    base.replacingOccurrences(of: """
      centre:
        id: commune
        arrivals: {daily_volume: 10}
        counter_staff: 2
        back_office_staff: 2
      """, with: """
      centres:
        - {id: north, arrivals: {daily_volume: 10}, counter_staff: 2, back_office_staff: 2}
        - {id: south, arrivals: {daily_volume: 10}, counter_staff: 2, back_office_staff: 2}
      """)
  }

  static func loaded(_ yaml: String = base, sourceLocation: SourceLocation = #_sourceLocation) throws -> LoadedScenario {
    try ScenarioLoader.load(yaml: yaml, file: "base.yaml")
  }

  /// Fits the log `csv` on `yaml`.
  static func fit(_ csv: String, base yaml: String = base, options: FitOptions = FitOptions(bootstrapSamples: 39, jobs: 2))
    throws -> FitResult
  {
    let log = try DossierLog(text: csv, file: "log.csv")
    return try InputFit.fit(log, base: loaded(yaml), options: options)
  }

  /// `2025-07-DD HH:MM` for day `day` of July 2025 and the minute of the day.
  static func stamp(_ day: Int, _ minute: Int) -> String {
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "2025-07-\(two(day)) \(two(minute / 60)):\(two(minute % 60))"
  }
}
