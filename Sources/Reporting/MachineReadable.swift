//===----------------------------------------------------------------------===//
// What `--json` prints for the commands that have no JSON file of their own, and
// `check --junit`.
//===----------------------------------------------------------------------===//

import CentreModel
import CentreSimulation
import Experiments

extension WarmUpReport {
  /// `onestop warmup --json`: each daily series' MSER truncation and means, and the
  /// suggested warm-up (null when a series had not settled).
  public func json(provenance: Provenance, scenario: Scenario) -> JSONValue {
    .object([
      ("provenance", provenance.json(scenario)),
      ("days", .number(Double(days))),
      ("replications", .number(Double(replications))),
      ("batch_size", .number(Double(batchSize))),
      ("series", .array(rows.map { row in
        .object([
          ("measure", .string(row.measure.id)), ("unit", .string(row.measure.unit)),
          ("warm_up_days", row.rule.map { .number(Double($0.truncation)) } ?? .null),
          ("at_search_limit", row.rule.map { .bool($0.atSearchLimit) } ?? .null),
          ("mean_all_days", row.rule.map { .finite($0.mean) } ?? .null),
          ("mean_after_warm_up", row.rule.map { .finite($0.truncatedMean) } ?? .null),
        ])
      })),
      ("suggested_warm_up_days", unsettled.isEmpty ? .number(Double(suggestedDays)) : .null),
      ("unsettled", .array(unsettled.map { .string($0.id) })),
    ])
  }
}

extension InvariantReport {
  /// `onestop check --json`: every invariant, whether it holds, and its first violations.
  public func json(provenance: Provenance, scenario: Scenario) -> JSONValue {
    .object([
      ("provenance", provenance.json(scenario)),
      ("holds", .bool(holds)),
      ("checks", .array(checks.map { check in
        .object([("name", .string(check.name)), ("holds", .bool(check.holds)),
                 ("violations", .array(check.violations.prefix(100).map { .string($0) })),
                 ("violation_count", .number(Double(check.violations.count)))])
      })),
    ])
  }

  /// `onestop check --junit FILE`: one JUnit test case per invariant, a failure for each
  /// that does not hold (its first violations as the message), for CI systems.
  public func junit(suite name: String) -> String {
    let failures = checks.filter { !$0.holds }.count
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"onestop check\" tests=\"\(checks.count)\" failures=\"\(failures)\">\n"
    xml += "  <testsuite name=\"\(escapeXML(name))\" tests=\"\(checks.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
    for check in checks {
      let open = "    <testcase classname=\"onestop.check.\(escapeXML(name))\" name=\"\(escapeXML(check.name))\""
      if check.holds {
        xml += open + "/>\n"
      } else {
        let shown = check.violations.prefix(20).joined(separator: "\n")
        xml += open + ">\n      <failure message=\"\(escapeXML(check.violations[0]))\" type=\"invariant\">"
          + escapeXML(shown) + (check.violations.count > 20 ? "\n(\(check.violations.count - 20) more)" : "") + "</failure>\n    </testcase>\n"
      }
    }
    return xml + "  </testsuite>\n</testsuites>\n"
  }
}

/// `text` for an XML attribute or element: ``escapeHTML(_:)``, with the control
/// characters XML 1.0 cannot hold replaced by U+FFFD.
func escapeXML(_ text: String) -> String {
  var kept = String.UnicodeScalarView()
  for scalar in text.unicodeScalars {
    let allowed = scalar.value >= 0x20 ? scalar.value != 0xFFFE && scalar.value != 0xFFFF : ["\t", "\n", "\r"].contains(scalar)
    kept.append(allowed ? scalar : "\u{FFFD}")
  }
  return escapeHTML(String(kept))
}

extension ScenarioDescription {
  /// `onestop describe --json`: the resolved scenario's outline (horizon, procedures,
  /// centres with their staff and demand) and each described centre's counter load hour
  /// by hour with queueing theory's answers.
  public func json(provenance: Provenance) -> JSONValue {
    let s = scenario
    return .object([
      ("provenance", provenance.json(s)),
      ("name", .string(s.name)),
      ("horizon", .object([("start", .string(s.horizon.start.description)), ("end", .string(s.horizon.end.description)),
                           ("days", .number(Double(s.horizon.days)))])),
      ("procedures", .array(s.procedures.map { p in
        .object([("id", .string(p.id)), ("group", .string(p.group)), ("share", .finite(p.share)),
                 ("counter_time_mean_min", .finite(p.counterTime.mean)), ("back_office_steps", .number(Double(p.steps.count))),
                 ("deadline", .string(p.deadline.description)), ("online_share", .finite(p.onlineShare)),
                 ("service_point_share", .finite(p.servicePointShare))])
      })),
      ("centres", .array(s.centres.map { c in
        .object([("id", .string(c.id)), ("daily_volume", .finite(c.arrivals.dailyVolume)),
                 ("counters", .array(c.counters.map { .object([("id", .string($0.id)), ("staffing", .string(Self.describe($0.staffing)))]) })),
                 ("back_office", .array(c.backOffice.map { .object([("id", .string($0.id)), ("staffing", .string(Self.describe($0.staffing)))]) }))])
      })),
      ("centres_described", .number(Double(min(centreLimit, s.centres.count)))),
      ("counter_theory", .array(CounterTheory.analyse(s, limit: centreLimit).map { theory in
        .object([
          ("centre", .string(theory.centre)), ("model", .string(theory.model)), ("mean_service_min", .finite(theory.meanService)),
          ("service_scv", .finite(theory.serviceSCV)),
          ("hours", .array(theory.hours.map { h in
            .object([("hour", .number(Double(h.hour))), ("arrivals_per_hour", .finite(h.arrivalsPerHour)), ("servers", .number(Double(h.servers))),
                     ("offered_load", .finite(h.offeredLoad)), ("utilisation", .finite(h.utilisation)),
                     ("probability_of_waiting", .finite(h.probabilityOfWaiting)), ("mean_wait_min", .finite(h.meanWait)),
                     ("corrected_wait_min", .finite(h.correctedWait)), ("abandonment", h.abandonment.map { .finite($0) } ?? .null),
                     ("square_root_staffing", .array([.number(Double(h.squareRootStaffing.0)), .number(Double(h.squareRootStaffing.1))]))])
          })),
        ])
      })),
    ])
  }
}
