import Experiments
import Foundation
import Reporting
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `onestop check --junit`: a CI system reads one test case per invariant, and a failure
/// with the violations for each that does not hold, whatever characters they contain.
@Suite struct JUnitReportTests {
  @Test func aViolatedInvariantIsAFailureWithItsViolations() throws {
    let report = InvariantReport(checks: [
      .init(name: "busy staff ≤ staff on duty", violations: []),
      .init(name: "queue <never> negative & \"sane\"", violations: ["day 3: queue -1 < 0 \u{1}", "day 4: queue -2"]),
    ])
    let xml = report.junit(suite: "a&b")
    let document = try XMLDocument(xmlString: xml)
    let cases = try document.nodes(forXPath: "//testcase")
    #expect(cases.count == 2)
    let failures = try document.nodes(forXPath: "//testcase/failure")
    #expect(failures.count == 1)
    #expect(failures.first?.stringValue?.contains("day 4: queue -2") == true)
    #expect(try document.nodes(forXPath: "//testsuite[@failures='1'][@tests='2'][@name='a&b']").count == 1)
  }
}
