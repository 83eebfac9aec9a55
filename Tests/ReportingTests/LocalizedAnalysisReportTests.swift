import Calibration
import CentreModel
import CentreSimulation
import Experiments
import Localization
import Reporting
import ScenarioFormat
import Testing

/// A commune centre of one procedure for a week, small enough to calibrate in a second.
private let yaml = """
  name: small
  seed: 5
  replications: 2
  horizon: {start: 2025-07-07, days: 5}
  procedures:
    - {id: certification, share: 1, counter_time: {exponential: {mean: 5}}, back_office_time: {exponential: {mean: 20}}, deadline: {working_days: 1}}
  centre: {id: commune, arrivals: {daily_volume: 40}, counter_staff: 2, back_office_staff: 3}

  """

/// One figure for two unknowns: a calibration whose report says why it is not identifiable.
private func calibration() throws -> CalibrationReport {
  let document = try ScenarioDocument.parse(yaml: yaml, file: "small.yaml")
  var settings = CalibrationSettings()
  settings.starts = 1
  settings.maxEvaluations = 12
  settings.profilePoints = 3
  settings.confirmReplications = 2
  let result = try Calibrator.calibrate(
    document, targets: [try CalibrationTarget(parsing: "arrivals=200")],
    free: [try FreeParameter(parsing: "volume_scale=0.8:1.2", city: false), try FreeParameter(parsing: "back_office_time_scale=0.5:1.5", city: false)],
    settings: settings, jobs: 2)
  return CalibrationReport(result: result, provenance: Provenance(scenarioFile: "small.yaml", scenarioSHA256: "0"), scenarioYAML: yaml)
}

@Suite struct LocalizedAnalysisReportTests {
  @Test func theVietnameseCalibrationReportReadsVietnameseAndTheEnglishOneIsUnchanged() throws {
    let report = try calibration()
    let r = report.result
    #expect(!r.identifiable)

    let vi = report.rendered(language: .vi)
    #expect(vi.hasPrefix("Số liệu mục tiêu (2 lần chạy lặp của kịch bản đã hiệu chỉnh):\n"))
    #expect(vi.contains("Tham số tự do"))
    #expect(vi.contains("Không xác định được: 1 số liệu mục tiêu cho 2 tham số tự do"))
    #expect(vi.contains("\(Language.vi.number(r.residuals[0].target.value, decimals: 1))"))  // 200,0
    #expect(vi.contains("200,0"))
    #expect(vi.contains(" đến "))
    #expect(!vi.contains("Targets") && !vi.contains("candidates simulated"))
    let html = report.html(language: .vi)
    #expect(html.contains("<html lang=\"vi\">"))
    #expect(html.contains("<h2>Tham số tự do</h2>") && html.contains("<h2>Nguồn gốc kết quả</h2>"))
    #expect(html.contains("Đường khảo sát (profile) của volume_scale"))
    #expect(!html.contains("Free parameters") && !html.contains("Profile of"))

    // English: the words and figures the report always had.
    let en = report.rendered()
    #expect(en == report.rendered(language: .en))
    #expect(en.hasPrefix("Targets (2 replications of the calibrated scenario):\ntarget "))
    #expect(en.contains("Free parameters (range: values within 3.84 of the best distance, the others re-fitted):\n"))
    #expect(en.contains("200.0"))
    #expect(en.hasSuffix("\n\(r.evaluations) candidates simulated.\n"))
    let words = en.replacing("\n", with: " ")
    #expect(words.contains("Not identifiable: \(r.identifiability). Do not read one point of the ridge as the answer."))
    let englishHTML = report.html()
    #expect(englishHTML.contains("<html lang=\"en\">") && englishHTML.contains("<h2>Free parameters</h2>"))
    #expect(englishHTML.contains("<title>onestop calibration: small</title>"))
    // The calibrated scenario and calibration.json are the same whatever the language.
    #expect(report.files(name: "s", language: .vi).filter { $0.name != "report.html" }.map(\.contents)
      == report.files(name: "s").filter { $0.name != "report.html" }.map(\.contents))
  }

  /// The English reasons of the phrase table are the calibrator's own words, so the
  /// Vietnamese ones say the same.
  @Test func theReasonsOfTheTableAreTheCalibratorsWords() throws {
    let r = try calibration().result
    var reasons: [String] = []
    if r.targets.count < r.parameters.count { reasons.append(Language.en(.fewerTargets(targets: r.targets.count, free: r.parameters.count))) }
    let loose = r.parameters.filter { !$0.isPinned }
    if !loose.isEmpty {
      reasons.append(Language.en(.looseParameters(loose.map { Language.en(.looseParameter(name: $0.parameter.name, low: $0.low, high: $0.high)) })))
    }
    #expect(reasons.joined(separator: "; ") == r.identifiability || r.identifiability.hasPrefix(reasons.joined(separator: "; ") + "; a ridge: "))
  }

  @Test func theVietnameseWarmUpReportReadsVietnamese() {
    var scenario = try! ScenarioDocument.parse(yaml: yaml, file: "small.yaml").load().scenario
    scenario.horizon = Horizon(start: scenario.horizon.start, days: 40)
    let report = WarmUpReport(result: Experiment.run(scenario, jobs: 2), measures: [.counterWaitMean, .inSystem])
    let vi = report.rendered(language: .vi)
    #expect(vi.hasPrefix("MSER-7 trên các chuỗi số liệu theo ngày"))
    #expect(vi.contains("Thời gian chờ tại quầy, trung bình") && vi.contains("phút"))
    #expect(vi.contains("Giai đoạn khởi động đề xuất:") || vi.contains("Không đề xuất được giai đoạn khởi động"))
    #expect(vi.contains(#/\d,\d{2,3}/#))  // a decimal comma
    let en = report.rendered()
    #expect(en.hasPrefix("MSER-7 on the daily series (each day's mean over 2 replications, 40 days),\nin batches of a week"))
    #expect(en.contains("Counter wait, mean") && en.contains("daily measure"))
    #expect(en.contains("Suggested warm-up:") || en.contains("No warm-up can be suggested"))
    #expect(!en.contains(#/\d,\d{2,3}/#))
  }

  @Test func theTheorysCaveatsAreTranslatedAndTheRunReportNoLongerSaysTheyAreEnglish() throws {
    let scenario = try ScenarioDocument.parse(yaml: yaml, file: "small.yaml").load().scenario
    let theory = try #require(CounterTheory.analyse(scenario).first)
    #expect(!theory.caveats.isEmpty)
    for (vi, en) in zip(theory.caveats(.vi), theory.caveats(.en)) { #expect(vi != en && !vi.isEmpty) }
    #expect(theory.caveats() == theory.caveats(.en))
    #expect(theory.rendered(language: .vi).contains("ghi chú: "))
    let run = RunReport(result: Experiment.run(scenario, jobs: 2), provenance: Provenance(scenarioFile: "small.yaml", scenarioSHA256: "0"))
    let html = run.html(language: .vi)
    #expect(html.contains("Công thức kém tin cậy ở đây: " + theory.caveats(.vi)[0]))
    #expect(!html.contains("tiếng Anh"))
    #expect(run.html().contains("Where the formula is unreliable here: " + theory.caveats(.en)[0]))
  }
}
