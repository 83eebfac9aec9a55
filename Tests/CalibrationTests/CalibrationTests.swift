import Calibration
import CentreModel
import Experiments
import ScenarioFormat
import Testing
import TestSupport

/// Simulation-based calibration (issue 16, item 2).
@Suite struct CalibrationTests {
  /// A commune whose back office decides how many dossiers of a week are done by its end.
  static let yaml = """
    name: calibration-test
    seed: 11
    replications: 4
    horizon: {start: 2025-07-07, days: 12}
    procedures:
      - {id: quick, share: 0.6, counter_time: 3, back_office_time: {lognormal: {mean: 20, sd: 10}}, deadline: {working_days: 0}}
      - {id: long, share: 0.4, counter_time: 8, back_office_time: {lognormal: {mean: 90, sd: 45}}, deadline: {working_days: 5}}
    centre:
      arrivals: {daily_volume: 40}
      counter_staff: 3
      back_office_staff: 4
    """

  static var document: ScenarioDocument { try! ScenarioDocument.parse(yaml: yaml, file: "calibration-test.yaml") }

  /// The processed share of the first week under `scale` of the back-office work.
  static func processedShare(scale: Double) throws -> Double {
    var scenario = try document.load(overrides: [Override(keyPath: "scales.back_office_time", value: String(scale))]).scenario
    scenario.windows = [DateWindow(parsing: "2025-07-07..2025-07-11")!]
    scenario.replications = 20
    return Experiment.run(scenario).windows[0][.processedShare].mean
  }

  @Test func targetsAndFreeParametersParseAndTheirMistakesAreLocated() throws {
    let t = try CalibrationTarget(parsing: "processed_share[2025-07-01..2025-07-08]=0.8788")
    #expect(t.quantity == .window(.processedShare, DateWindow(parsing: "2025-07-01..2025-07-08")))
    #expect(abs(t.tolerance - 0.008788) < 1e-12)
    #expect(try CalibrationTarget(parsing: "arrivals[2025-07-01..2025-07-08]=38321+-1%").tolerance == 383.21)
    #expect(try CalibrationTarget(parsing: "online_share=0.14+-0.01").quantity == .window(.onlineShare, nil))
    #expect(try CalibrationTarget(parsing: "on_time_rate=0.9").quantity == .window(.onTimeRate, nil))
    #expect(try CalibrationTarget(parsing: "counter_wait_mean=5").quantity == .run(.counterWaitMean))
    do {
      _ = try CalibrationTarget(parsing: "proccessed_share=0.8")
      Issue.record("parsed")
    } catch {
      #expect(error.issues[0].position?.description == "--target 'proccessed_share=0.8'")
      #expect(error.issues[0].hint == "did you mean 'processed_share'?")
    }
    #expect(throws: ScenarioError.self) { try CalibrationTarget(parsing: "arrivals[2025-07-08..2025-07-01]=5") }
    let staff = try FreeParameter(parsing: "centre.back_office_staff=3:12", city: false)
    #expect(staff.isInteger && staff.value(at: 0.52) == 8)
    let scale = try FreeParameter(parsing: "back_office_time_scale=0.5:2", city: false)
    #expect(!scale.isInteger && scale.keyPath == "scales.back_office_time")
    #expect(try FreeParameter(parsing: "volume_scale=0.8:1.2", city: true).keyPath == "centres.defaults.volume_scale")
    #expect(throws: ScenarioError.self) { try FreeParameter(parsing: "centre.back_office_staff=12:3", city: false) }
  }

  @Test func aKnownWorkScaleIsRecoveredWithinItsRange() throws {
    // The "published" figure is what the scenario gives with its work 1.4 times as long.
    let truth = try Self.processedShare(scale: 1.4)
    let target = try CalibrationTarget(parsing: "processed_share[2025-07-07..2025-07-11]=\(truth)+-0.01")
    var settings = CalibrationSettings()
    settings.searchReplications = 20
    settings.starts = 2
    let result = try Calibrator.calibrate(Self.document, targets: [target], free: [try FreeParameter(parsing: "back_office_time_scale=0.5:3", city: false)],
                                          settings: settings, jobs: 2)
    let estimate = try #require(result.parameters.first)
    // The range holds the calibrated value and the truth, and its ends were located
    // between the profile's points (both sides: a bisection of one end once hid the other).
    #expect(estimate.low <= estimate.value && estimate.value <= estimate.high, "range \(estimate.low)–\(estimate.high), value \(estimate.value)")
    #expect(estimate.low <= 1.4 && 1.4 <= estimate.high, "range \(estimate.low)–\(estimate.high), value \(estimate.value), profile \(estimate.profile)")
    #expect(abs(estimate.value - 1.4) < 0.25, "value \(estimate.value)")
    #expect(result.identifiable, "\(result.identifiability)")
    #expect(abs(result.residuals[0].z) < 2)
    #expect(!result.interrupted)
  }

  @Test func oneFigureForTwoUnknownsIsAReportedRidge() throws {
    // More staff or faster work: the week's processed share cannot tell which.
    let truth = try Self.processedShare(scale: 1.2)
    let target = try CalibrationTarget(parsing: "processed_share[2025-07-07..2025-07-11]=\(truth)+-0.01")
    var settings = CalibrationSettings()
    settings.searchReplications = 8
    settings.starts = 2
    settings.profilePoints = 6
    let result = try Calibrator.calibrate(
      Self.document, targets: [target],
      free: [try FreeParameter(parsing: "centre.back_office_staff=2:7", city: false), try FreeParameter(parsing: "back_office_time_scale=0.6:2", city: false)],
      settings: settings, jobs: 2)
    #expect(!result.identifiable)
    #expect(result.identifiability.contains("1 target for 2 free parameters"))
    let map = try #require(result.tradeOff)
    #expect(map.band.count > 2)
    // Along the ridge, more staff goes with slower work.
    let good = map.ridge.filter { $0.distance <= 4 }
    #expect(good.count >= 2)
    #expect(zip(good, good.dropFirst()).allSatisfy { $0.y <= $1.y })
    // A profile is the best distance over the other parameter, so every point of the map
    // within 3.84 of the best (on the search's replications, as the profiles) lies inside
    // both parameters' ranges.
    let x = result.parameters[0], y = result.parameters[1]
    let best = min(x.profile.map(\.distance).min()!, y.profile.map(\.distance).min()!)
    for (i, xValue) in map.xValues.enumerated() {
      for (j, yValue) in map.yValues.enumerated() where map.distance[i][j] <= best + 3.84 {
        #expect(x.low <= xValue && xValue <= x.high, "\(xValue), \(yValue) at \(map.distance[i][j]) outside \(x.low)...\(x.high)")
        #expect(y.low <= yValue && yValue <= y.high, "\(xValue), \(yValue) at \(map.distance[i][j]) outside \(y.low)...\(y.high)")
      }
    }
  }

  /// Three unknowns, one figure: each profile must follow the ridge (re-fitting two
  /// others), so every point of the map within 3.84 of the best lies inside the ranges.
  @Test func profilesFollowARidgeInThreeDimensions() throws {
    let truth = try Self.processedShare(scale: 1.2)
    let target = try CalibrationTarget(parsing: "processed_share[2025-07-07..2025-07-11]=\(truth)+-0.01")
    var settings = CalibrationSettings()
    settings.searchReplications = 4
    settings.starts = 2
    settings.profilePoints = 5
    let result = try Calibrator.calibrate(
      Self.document, targets: [target],
      free: [try FreeParameter(parsing: "back_office_time_scale=0.6:2", city: false),
             try FreeParameter(parsing: "volume_scale=0.8:1.2", city: false),
             try FreeParameter(parsing: "centre.back_office_staff=2:7", city: false)],
      settings: settings, jobs: 2)
    let map = try #require(result.tradeOff)
    let x = try #require(result.parameters.first { $0.parameter.keyPath == map.x.keyPath })
    let y = try #require(result.parameters.first { $0.parameter.keyPath == map.y.keyPath })
    let best = result.parameters.map { $0.profile.map(\.distance).min()! }.min()!
    for (i, xValue) in map.xValues.enumerated() {
      for (j, yValue) in map.yValues.enumerated() where map.distance[i][j] <= best + 3.84 {
        #expect(x.low <= xValue && xValue <= x.high, "\(xValue), \(yValue) at \(map.distance[i][j]) outside \(x.low)...\(x.high)")
        #expect(y.low <= yValue && yValue <= y.high, "\(xValue), \(yValue) at \(map.distance[i][j]) outside \(y.low)...\(y.high)")
      }
    }
  }

  @Test func aStopReturnsTheBestSoFarUnconfirmed() throws {
    let target = try CalibrationTarget(parsing: "processed_share[2025-07-07..2025-07-11]=0.5")
    let result = try Calibrator.calibrate(Self.document, targets: [target],
                                          free: [try FreeParameter(parsing: "back_office_time_scale=0.5:3", city: false)],
                                          jobs: 1, shouldStop: { true })
    #expect(result.interrupted && !result.identifiable)
  }
}
