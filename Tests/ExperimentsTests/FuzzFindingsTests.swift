import Experiments
import Testing

/// Inputs the fuzz targets `vary` and `staffing-target` found (Fuzz/README.md; the inputs
/// are in Tests/FuzzCorpus/vary/ and Tests/FuzzCorpus/staffing-target/).
@Suite struct FuzzFindingsTests {
  /// `--vary 'x=-1e300:10'`: a whole-number range whose end is beyond `Int64` trapped when
  /// its levels were written (in a grid and in a Latin hypercube).
  @Test func aRangeBeyondInt64IsWrittenWithoutTrapping() throws {
    let factor = try #require(SweepFactor(parsing: "x=-1e300:10"))
    #expect(factor.gridValues == ["-1e+300", "10"])
    #expect(SweepFactor(parsing: "x=1e19:1e19")?.gridValues == ["1e+19", "1e+19"])
    #expect(SweepFactor(parsing: "x=3:4")?.gridValues == ["3", "4"])
    let points = SweepDesign.latinHypercube(points: 4, seed: 1).points([factor])
    #expect(points.count == 4)
  }

  /// `--target 'counter_wait_mean <= 1e3005'` was a target of ∞ (and `>=nan` one that no
  /// plan meets): a target's value is a finite number.
  @Test func aStaffingTargetIsFinite() {
    #expect(StaffingTarget(parsing: "counter_wait_mean <= 1e3005") == nil)
    #expect(StaffingTarget(parsing: "on_time_rate>=nan") == nil)
    #expect(StaffingTarget(parsing: "on_time_rate>=-inf") == nil)
    #expect(StaffingTarget(parsing: "on_time_rate>=0.95")?.value == 0.95)
  }
}
