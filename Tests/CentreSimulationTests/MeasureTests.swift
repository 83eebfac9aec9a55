import CentreSimulation
import Testing

@Suite struct MeasureTests {
  /// The ids are cached per family: they must still be the snake_case case names, one per
  /// case, all different.
  @Test func idsAreTheSnakeCaseNamesOfTheCases() {
    func check<M: Measure & RawRepresentable>(_: M.Type) where M.RawValue == Int {
      #expect(M.ids.count == M.allCases.count)
      #expect(Set(M.ids).count == M.ids.count)
      for measure in M.allCases {
        #expect(measure.id == M.ids[measure.rawValue])
        let name = String(describing: measure)
        #expect(String(measure.id.filter { $0 != "_" }) == name.lowercased(), "\(name) → \(measure.id)")
      }
    }
    check(RunMeasure.self)
    check(ProcedureMeasure.self)
    check(CentreMeasure.self)
    check(ChannelMeasure.self)
    check(PoolMeasure.self)
    check(DayMeasure.self)
    check(CentreDayMeasure.self)
    check(HourMeasure.self)
    #expect(RunMeasure.counterWaitP90.id == "counter_wait_p90")
    #expect(RunMeasure.overdueOpenAge0to1.id == "overdue_open_age0to1")
  }

  @Test func waitBandIdsNameTheirMinutes() {
    #expect(WaitBand.ids.count == WaitBand.allCases.count)
    #expect(WaitBand.noWait.id == "waited_at_most_0_min")
    #expect(WaitBand.upTo240.id == "waited_at_most_240_min")
  }
}
