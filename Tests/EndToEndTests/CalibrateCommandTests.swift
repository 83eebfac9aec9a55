//===----------------------------------------------------------------------===//
// `onestop calibrate` as a user runs it: where the calibrated scenario goes.
//===----------------------------------------------------------------------===//

import Foundation
import Testing
import TestSupport

@Suite struct CalibrateCommandTests {
  static let scenario = """
    name: small
    seed: 5
    replications: 2
    horizon: {start: 2025-07-07, days: 5}
    procedures:
      - {id: certification, share: 1, counter_time: {exponential: {mean: 5}}, back_office_time: {exponential: {mean: 20}}, deadline: {working_days: 1}}
    centre: {id: commune, arrivals: {daily_volume: 40}, counter_staff: 2, back_office_staff: 3}

    """

  func workspace() throws -> URL {
    let directory = try temporaryDirectory()
    try Self.scenario.write(to: directory.appendingPathComponent("small.yaml"), atomically: true, encoding: .utf8)
    return directory
  }

  let quick = ["--target", "arrivals=200", "--free", "volume_scale=0.8:1.2", "--starts", "1", "--max-evaluations", "10",
               "--profile-points", "2", "--confirm-replications", "2"]

  /// A planner who names a directory gets `<name>-calibrated.yaml` in it, as `cp` would do.
  @Test func aDirectoryGetsTheCalibratedScenarioByItsName() throws {
    let directory = try workspace()
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
    let outcome = try runOnestop(["calibrate", "small.yaml", "--out", "cal", "--scenario-out", "scenarios/"] + quick, in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let written = try String(contentsOf: directory.appendingPathComponent("scenarios/small-calibrated.yaml"), encoding: .utf8)
    #expect(written.contains("name: small-calibrated"))
    #expect(written.contains("volume_scale"))
  }

  /// A destination that cannot be written is refused before minutes of simulation, not after.
  @Test func anUnwritableDestinationIsRefusedBeforeTheSearch() throws {
    let directory = try workspace()
    let outcome = try runOnestop(["calibrate", "small.yaml", "--out", "cal", "--scenario-out", "missing/x.yaml"] + quick, in: directory)
    #expect(outcome.status != 0)
    #expect(outcome.standardError.contains("missing/x.yaml"))
    #expect(!outcome.standardError.contains("start 1 of"))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("cal").path))
  }

  /// `--lang vi`: the printed text and report.html in Vietnamese, the files beside them as in English.
  @Test func vietnameseIsAskedForWithLang() throws {
    let directory = try workspace()
    let vi = try runOnestop(["calibrate", "small.yaml", "--out", "vi", "--lang", "vi"] + quick, in: directory)
    #expect(vi.status == 0, "\(vi.standardError)")
    #expect(vi.standardOutput.contains("Số liệu mục tiêu") && vi.standardOutput.contains("Đã mô phỏng"))
    let en = try runOnestop(["calibrate", "small.yaml", "--out", "en", "--lang", "en"] + quick, in: directory)
    #expect(en.standardOutput.contains("Targets (2 replications of the calibrated scenario):"))
    let html = try String(contentsOf: directory.appendingPathComponent("vi/report.html"), encoding: .utf8)
    #expect(html.contains("<html lang=\"vi\">") && html.contains("Tham số tự do"))
    for file in ["calibration.json", "small-calibrated.yaml"] {
      #expect(try Data(contentsOf: directory.appendingPathComponent("vi/\(file)")) == Data(contentsOf: directory.appendingPathComponent("en/\(file)")))
    }
    let wrong = try runOnestop(["calibrate", "small.yaml", "--lang", "fr"] + quick, in: directory)
    #expect(wrong.status == 64)
  }
}
