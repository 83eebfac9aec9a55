//===----------------------------------------------------------------------===//
// Each estimator on tiny hand-made logs whose answers are known exactly.
//===----------------------------------------------------------------------===//

import CentreModel
import Foundation
import InputAnalysis
import ScenarioFormat
import SimRandom
import Testing

@Suite struct EstimatorTests {
  typealias F = LogFixtures
  static let header = "dossier,centre,procedure,arrived,channel,counter_start,received,work_start,completed,due,supplement\n"

  /// Two weeks from Monday 7 July 2025: walk-ins 6, 4, 4, 4, 2 on Monday to Friday (half
  /// in the 08:00 hour, half in the 09:00 hour, identical weeks), and one online land
  /// dossier every calendar day at 20:00.
  static var twoWeeks: String {
    var csv = header
    var n = 0
    for week in 0..<2 {
      for (weekday, count) in [6, 4, 4, 4, 2].enumerated() {
        let day = 7 + 7 * week + weekday
        for k in 0..<count {
          n += 1
          csv += "\(n),commune,certification,\(F.stamp(day, (k % 2 == 0 ? 8 : 9) * 60 + 5 + k)),walk_in,,,,,,\n"
        }
      }
    }
    for day in 7...20 {
      n += 1
      csv += "\(n),commune,land,\(F.stamp(day, 20 * 60)),online,,,,,,\n"
    }
    return csv
  }

  @Test func dailyVolumeWeekdayFactorsAndMixAreExact() throws {
    let fit = try F.fit(Self.twoWeeks)
    let d = try #require(fit.centres.first)
    #expect(fit.centres.count == 1 && d.dossiers == 54)
    // A week: 20 walk-ins + 7 online; over the 5 working weekdays' factors (which average 1).
    #expect(abs(d.weeklyArrivals.value - 27) < 1e-9)
    #expect(abs(d.dailyVolume.value - 5.4) < 1e-9)
    #expect(d.dailyVolume.standardError == 0)  // the weeks are identical, one online dossier a day
    let factors = d.weekdayFactors.map { $0?.value }
    for (w, expected) in [1.5, 1, 1, 1, 0.5].enumerated() { #expect(abs((factors[w] ?? .nan) - expected) < 1e-12) }
    #expect(factors[5] == nil && factors[6] == nil)
    #expect(d.daysObserved == [2, 2, 2, 2, 2, 0, 0])
    // The mix of weekly arrivals, and the channels.
    #expect(abs(fit.procedures[0].share.value - 20.0 / 27) < 1e-12)
    #expect(abs(fit.procedures[1].share.value - 7.0 / 27) < 1e-12)
    #expect(fit.procedures[0].onlineShare?.value == 0 && fit.procedures[1].onlineShare?.value == 1)
    // Written to the scenario as estimated (shares to 6 decimals, summing to 1).
    let written = fit.scenario
    #expect(written.centres[0].arrivals.dailyVolume == 5.4)
    #expect(written.centres[0].arrivals.weekdayFactors == [1.5, 1, 1, 1, 0.5, 1, 1])
    #expect(written.procedures.map(\.share) == [0.740741, 0.259259])
    #expect(written.procedures[1].onlineShare == 1)
  }

  @Test func hourlyProfileIsTheRatePerOpenMinuteRelativeToTheMean() throws {
    let d = try #require(try F.fit(Self.twoWeeks).centres.first)
    // 20 walk-ins in each of the 08:00 and 09:00 hours, over 10 days of 8 open hours.
    #expect(d.walkInsTimed == 40 && d.hourlyProfileKept == nil)
    #expect(abs((d.hourlyWeights[8]?.value ?? 0) - 4) < 1e-12 && abs((d.hourlyWeights[9]?.value ?? 0) - 4) < 1e-12)
    for h in [10, 11, 13, 14, 15, 16] { #expect(d.hourlyWeights[h]?.value == 0) }
    for h in [0, 7, 12, 17, 23] { #expect(d.hourlyWeights[h] == nil) }
    #expect(abs((d.hourlyWeights[8]?.standardError ?? 0) - 4 / 20.0.squareRoot()) < 1e-9)
    #expect(d.arrivalsByWeekdayHour[0][8] == 6 && d.arrivalsByWeekdayHour[4][9] == 2)
  }

  @Test func poissonCheckPoolsTheCellsOfEachWeekdayAndHour() throws {
    let p = try #require(try F.fit(Self.twoWeeks).centres.first).poisson
    // Identical weeks: every cell (5 weekdays × the 08:00 and 09:00 hours; the others
    // have no arrival) has two equal counts, an index of 0.
    #expect(p.cells.count == 10)
    #expect(p.cells.allSatisfy { $0.test.index == 0 && $0.test.intervals == 2 })
    #expect(p.pooledStatistic == 0 && p.pooledDegrees == 10)
    #expect(p.verdict == .underdispersed && p.pooledPValue < 1e-6)
    #expect(p.summary.contains("more regular than Poisson"))
  }

  @Test func durationsAreMeasuredInOpenWorkingTime() throws {
    var csv = Self.header
    // Counter times 5, 7.5 and 10 minutes; work across a night, a weekend and lunch.
    csv += "1,commune,land,\(F.stamp(7, 600)),walk_in,\(F.stamp(7, 601)),2025-07-07 10:06:00,\(F.stamp(7, 990)),\(F.stamp(8, 525)),,no\n"
    csv += "2,commune,land,\(F.stamp(11, 600)),walk_in,\(F.stamp(11, 600)),2025-07-11 10:07:30,\(F.stamp(11, 960)),\(F.stamp(14, 540)),,no\n"
    csv += "3,commune,land,\(F.stamp(9, 690)),walk_in,\(F.stamp(9, 690)),2025-07-09 11:40:00,\(F.stamp(9, 710)),\(F.stamp(9, 790)),,no\n"
    let fit = try F.fit(csv)
    let land = fit.procedures[1]
    #expect(land.counterTime.sample == [5, 7.5, 10])
    // 16:30 → 08:45 the next day: 30 + 45; Friday 16:00 → Monday 09:00: 60 + 60; 11:50 → 13:10: 10 + 10.
    #expect(land.backOfficeWork.sample == [75, 120, 20])
    // Too few to fit: the base is kept, and says so.
    #expect(land.counterTime.decision == .keptBase && land.counterTime.reason.contains("too few"))
    #expect(fit.scenario.procedures[1].counterTime == LogFixtures.baseProcedures[1].counterTime)
    // The turnaround (received → completed) in working minutes.
    let t = try #require(land.turnaround)
    #expect(t.count == 3)
    // 10:06 → 08:45 the next day: 114 + 240 + 45; Friday 10:07:30 → Monday 09:00: 112.5 + 240 + 60; 11:40 → 13:10: 20 + 10.
    #expect(abs(t.meanWorkingMinutes - (399 + 412.5 + 30) / 3) < 1e-9)
  }

  @Test func theChoiceIsTheBestFamilyTheEmpiricalOrTheBase() throws {
    let stream = RandomStream(master: 5, replication: 0, key: StreamKey("test"))
    let lognormal = Sampler(.lognormal(mean: 4, sd: 3))
    func log(_ durations: [Double]) -> String {
      var csv = Self.header
      for (i, minutes) in durations.enumerated() {
        let day = 7 + (i / 40) % 5 + (i / 200) * 7
        let start = 8 * 60 + (i % 40) * 5
        let seconds = Int((minutes * 60).rounded())
        let end = "2025-07-\(day < 10 ? "0" : "")\(day) \(String(format: "%02d:%02d:%02d", (start * 60 + seconds) / 3600, (start * 60 + seconds) / 60 % 60, seconds % 60))"
        csv += "\(i),commune,certification,\(F.stamp(day, start)),walk_in,\(F.stamp(day, start)),\(end),,,,\n"
      }
      return csv
    }
    let sample = (0..<300).map { _ in stream.sample(lognormal) }
    let fitted = try F.fit(log(sample)).procedures[0].counterTime
    #expect(fitted.decision == .fitted)
    #expect(fitted.chosenFit?.fitted.family == .lognormal)
    #expect(fitted.ranking.count == 4 && fitted.ranking.allSatisfy { $0.goodness?.bootstrapSamples == 39 })
    // Two clusters (2 and 20 minutes): no family fits, the empirical distribution is used.
    let bimodal = (0..<300).map { (i: Int) -> Double in
      let centre: Double = i % 2 == 0 ? 2 : 20
      return centre + Double(i % 7) / 10
    }
    let empirical = try F.fit(log(bimodal)).procedures[0].counterTime
    #expect(empirical.decision == .empirical)
    if case .piecewise = empirical.distribution {} else { Issue.record("not piecewise: \(empirical.distribution)") }
    // 15 observations: only the base's family (lognormal) is fitted.
    let few = try F.fit(log(Array(sample.prefix(15)))).procedures[0].counterTime
    #expect(few.ranking.count == 1 && few.ranking[0].fitted.family == .lognormal)
    #expect(few.decision == .fitted && few.reason.contains("the base's family"))
  }

  @Test func deadlinesAreTheMostCommonWorkingDaysToTheDueDate() throws {
    var csv = Self.header
    // Received Monday 10:00, due Wednesday: 2; Monday 15:30 (after the cut-off, so
    // received Tuesday), due Wednesday: 1; Friday, due Tuesday: 2; a due date alone: 2.
    csv += "1,commune,land,\(F.stamp(7, 595)),walk_in,,\(F.stamp(7, 600)),,,\(F.stamp(9, 1020)),\n"
    csv += "2,commune,land,\(F.stamp(7, 925)),walk_in,,\(F.stamp(7, 930)),,,\(F.stamp(9, 1020)),\n"
    csv += "3,commune,land,\(F.stamp(11, 595)),walk_in,,\(F.stamp(11, 600)),,,\(F.stamp(15, 1020)),\n"
    csv += "4,commune,land,\(F.stamp(8, 595)),walk_in,,\(F.stamp(8, 600)),,,2025-07-10,\n"
    let fit = try F.fit(csv)
    let d = fit.procedures[1].deadline
    #expect(d.fromLog && d.rows == 4)
    #expect(d.observed.map(\.value) == [1, 2] && d.observed.map(\.count) == [1, 3])
    #expect(d.deadline == .workingDays(2) && fit.scenario.procedures[1].deadline == .workingDays(2))
    // No due date for certification: the base's deadline is kept.
    #expect(!fit.procedures[0].deadline.fromLog && fit.scenario.procedures[0].deadline == .workingDays(0))
  }

  @Test func supplementsAreSplitByWhetherTheDossierWasReceived() throws {
    var csv = Self.header
    var n = 0
    func row(received: Bool, completed: Bool, supplement: Bool) {
      n += 1
      let day = 7 + n % 5
      csv += "\(n),commune,certification,\(F.stamp(day, 480 + n)),walk_in,\(F.stamp(day, 481 + n)),"
        + (received ? F.stamp(day, 490 + n) : "") + ",," + (completed ? F.stamp(day, 600 + n) : "") + ",," + (supplement ? "yes" : "no") + "\n"
    }
    for _ in 0..<9 { row(received: true, completed: true, supplement: false) }
    row(received: true, completed: false, supplement: true)  // returned by the back office
    row(received: false, completed: false, supplement: true)  // handed back at reception
    row(received: false, completed: false, supplement: true)
    row(received: true, completed: false, supplement: false)  // still in the back office: not counted there
    let fit = try F.fit(csv)
    let a = fit.procedures[0].incompleteAtCounter, b = fit.procedures[0].incompleteInBackOffice
    #expect((a.events, a.trials) == (2, 13) && a.value == 2.0 / 13)
    #expect((b.events, b.trials) == (1, 10) && b.value == 0.1)
    #expect(fit.scenario.procedures[0].incompleteAtCounter == 0.153846)
    #expect(fit.scenario.procedures[0].incompleteInBackOffice == 0.1)
    // Land has no row: the base's values are kept.
    #expect(fit.procedures[1].incompleteAtCounter.estimate == nil)
  }

  @Test func withoutWorkStartTheTurnaroundIsRecordedForCalibration() throws {
    var csv = "dossier,centre,procedure,arrived,received,completed\n"
    for i in 0..<12 {
      csv += "\(i),commune,land,\(F.stamp(7 + i % 5, 480 + i)),\(F.stamp(7 + i % 5, 490 + i)),\(F.stamp(8 + i % 5, 600 + i))\n"
    }
    let fit = try F.fit(csv)
    let land = fit.procedures[1]
    #expect(land.calibrationNote?.contains("calibrate the back-office work scale against the observed turnaround") == true)
    #expect(land.backOfficeWork.decision == .keptBase && land.backOfficeWork.sample.isEmpty)
    #expect(land.turnaround?.count == 12)
    #expect(fit.scenario.procedures[1].steps == LogFixtures.baseProcedures[1].steps)
    #expect(fit.choices.contains { $0.parameter == "procedures[land].back_office_time" && $0.reason.contains("calibrate") })
  }

  @Test func centresAreMatchedByIdOrTakeTheOnlyBaseCentre() throws {
    let csv = Self.header + """
      1,Phường Hà Đông,land,\(F.stamp(7, 500)),walk_in,,,,,,
      2,Xã Đông Anh,land,\(F.stamp(7, 510)),walk_in,,,,,,
      3,Phường Hà Đông,land,\(F.stamp(8, 500)),walk_in,,,,,,

      """
    let fit = try F.fit(csv)
    #expect(fit.centres.map(\.source.id) == ["phuong-ha-dong", "xa-dong-anh"])
    #expect(fit.centres.map(\.source.template) == ["commune", "commune"])
    #expect(fit.scenario.centres.map(\.id) == ["phuong-ha-dong", "xa-dong-anh"])
    #expect(fit.scenario.centres.allSatisfy { $0.procedureShares != nil })
    let pooled = try F.fit(csv, options: FitOptions(poolCentres: true, bootstrapSamples: 39))
    #expect(pooled.centres.map(\.source.id) == ["commune"] && pooled.centres[0].dossiers == 3)
    // With several base centres, a centre the base does not have is a problem of its rows.
    let strict = try F.fit(csv + "4,north,land,\(F.stamp(8, 520)),walk_in,,,,,,\n", base: LogFixtures.twoCentres)
    #expect(strict.centres.map(\.source.id) == ["north"])
    #expect(strict.rows.rowsDropped == 3 && strict.rows.problems.allSatisfy { $0.column == "centre" })
  }
}

extension LogFixtures {
  /// The base's procedures, as loaded.
  static var baseProcedures: [Procedure] {
    (try? loaded().scenario.procedures) ?? []
  }
}
