import Experiments
import Foundation
import Hummingbird
import HTTPTypes
import ScenarioFormat
import Studies
import Testing
import TestSupport
import Workspace

/// The optimiser and the calibration from the browser: asked on the scenario's form (on
/// the scenario with the form's changes), answered on a result page, as the library's
/// studies answer them.
@Suite struct WorkspaceSearchTests {
  @Test func theOptimiserPlacesExtraStaffWhereTheBacklogIs() async throws {
    let (server, folder) = try makeServer()
    try await withLiveServer(server) { client in
      let page = try await client.execute(uri: "/scenarios/default", method: .get) { text($0) }
      #expect(page.contains("id=\"optimize-section\"") && page.contains("name=\"o:kpi1\""))
      let token = try #require(csrf(in: page))
      // Two back-office staff instead of five: the planner asks for 95% on time with at
      // most three more people, back office or counters.
      let question = [("csrf", token), ("f:centre.back_office_staff", "2"), ("f:horizon.days", "21"), ("f:replications", "3"),
                      ("o:kpi1", "on_time_rate"), ("o:scope1", "total"), ("o:value1", "95"), ("o:units", "all"),
                      ("o:budget", "3"), ("o:confirm", "4")]
      let started = try await client.execute(uri: "/scenarios/default/optimize", method: .post, headers: formHeaders,
                                             body: form(question)) { $0 }
      #expect(started.status == .seeOther, "\(text(started).suffix(500))")
      let job = try await waitForJob(server, try #require(jobID(started)))
      #expect(job.state == .finished, "\(job.message ?? "")")
      let link = try #require(job.result)
      let result = try await client.execute(uri: link, method: .get) { text($0) }
      #expect(result.contains("id=\"verdict\"") && result.contains("id=\"staffing\""))
      #expect(result.contains("--target 'on_time_rate&gt;=0.95' --units all --budget 3 --confirm 4"), "the CLI command that redoes it")

      // The library's study gives the same staffing.
      let document = try ScenarioDocument.read(path: repositoryRoot() + "/scenarios/default.yaml")
      let loaded = try ScenarioChanges(overrides: [Override(keyPath: "centre.back_office_staff", value: "2"),
                                                   Override(keyPath: "horizon.days", value: "21"),
                                                   Override(keyPath: "replications", value: "3")]).load(document)
      let settings = OptimizeSettings(targets: [StaffingTarget(parsing: "on_time_rate>=0.95")!], budget: 3, confirm: 4)
      guard case .finished(let report) = OptimizeStudy.run(loaded, settings, jobs: 2) else {
        Issue.record("the library's optimisation did not finish")
        return
      }
      let backOffice = try #require(report.plan.units.firstIndex { !$0.isCounter })
      #expect(report.plan.after[backOffice] > report.plan.before[backOffice], "a planner expects the extra staff in the back office")
      for (unit, after) in zip(report.plan.units, report.plan.after) {
        let row = try #require(result.range(of: "<tr data-unit=\"\(unit.name)\">"))
        let cells = result[row.upperBound...].prefix { $0 != "\n" }.split(separator: "</tr>")[0]
        #expect(cells.contains("<td class=\"num\">\(after)"), "\(unit.name): \(cells)")
      }
      let directory = folder + "/results/" + link.split(separator: "/").last!
      let written = try String(contentsOfFile: "\(directory)/optimize.csv", encoding: .utf8)
      #expect(written == report.table().rendered(), "optimize.csv as the CLI writes it")
    }
  }

  @Test func aBadTargetIsShownAtItsFieldAndNothingRuns() async throws {
    let (server, _) = try makeServer()
    try await withLiveServer(server) { client in
      let token = try #require(csrf(in: try await client.execute(uri: "/scenarios/default", method: .get) { text($0) }))
      let response = try await client.execute(uri: "/scenarios/default/optimize", method: .post, headers: formHeaders,
                                              body: form([("csrf", token), ("o:kpi1", "on_time_rate"), ("o:value1", "120"),
                                                          ("o:budget", "-2")])) { $0 }
      #expect(response.status == .unprocessableContent)
      let page = text(response)
      #expect(page.contains("id=\"o-value1-error\"") && page.contains("id=\"o-budget-error\""))
      #expect(page.contains("<details id=\"optimize-section\" open>"), "the optimiser's part is open to correct it")
      #expect(page.contains("value=\"120\""), "the planner's value is kept")
      let calibration = try await client.execute(uri: "/scenarios/default/calibrate", method: .post, headers: formHeaders,
                                                 body: form([("csrf", token), ("c:targets", "arrivals=abc"), ("c:free", "")])) { $0 }
      #expect(calibration.status == .unprocessableContent)
      #expect(text(calibration).contains("id=\"c-targets-error\"") && text(calibration).contains("id=\"c-free-error\""))
      #expect(server.jobs.all().isEmpty)
    }
  }

  @Test func aCalibrationFindsTheVolumeBehindAnObservedCountAndSavesTheScenario() async throws {
    let (server, _) = try makeServer()
    let document = try ScenarioDocument.read(path: repositoryRoot() + "/scenarios/default.yaml")
    let changes = [Override(keyPath: "horizon.days", value: "14"), Override(keyPath: "replications", value: "2")]
    let loaded = try ScenarioChanges(overrides: changes).load(document)
    // Observed: 10% more dossiers than the scenario's volume gives.
    let arrivals = Experiment.run(loaded.scenario, jobs: 2).totals[.arrivals].mean
    let observed = (1.1 * arrivals).rounded()
    try await withLiveServer(server) { client in
      let token = try #require(csrf(in: try await client.execute(uri: "/scenarios/default", method: .get) { text($0) }))
      let started = try await client.execute(uri: "/scenarios/default/calibrate", method: .post, headers: formHeaders,
                                             body: form([("csrf", token), ("f:horizon.days", "14"), ("f:replications", "2"),
                                                         ("c:targets", "arrivals=\(Int(observed))+-1%"), ("c:free", "volume_scale=0.8:1.4"),
                                                         ("c:starts", "1"), ("c:evaluations", "20"), ("c:confirm", "4")])) { $0 }
      #expect(started.status == .seeOther, "\(text(started).suffix(500))")
      let job = try await waitForJob(server, try #require(jobID(started)))
      #expect(job.state == .finished, "\(job.message ?? "")")
      let result = try await client.execute(uri: try #require(job.result), method: .get) { text($0) }
      #expect(result.contains("id=\"residuals\"") && result.contains("id=\"parameters\""))
      let cell = try #require(result.range(of: "data-value=\""))
      let value = try #require(Double(result[cell.upperBound...].prefix { $0 != "\"" }))
      #expect(abs(value - 1.1) < 0.05, "volume_scale \(value) reproduces 10% more dossiers")
      #expect(result.contains("onestop calibrate scenarios/default.yaml --set 'horizon.days=14'"))
      // The calibrated scenario is saved in the workspace, ready to run.
      let saved = try #require(result.range(of: "id=\"open-calibrated\"") != nil ? "/scenarios/default-calibrated" : nil)
      let scenario = try await client.execute(uri: saved, method: .get) { $0 }
      #expect(scenario.status == .ok)
    }
  }

  /// A run that starts with dossiers already pending: 300 land dossiers received 20
  /// working days before the first day are, for a planner, a backlog the run must clear.
  @Test func aBacklogTypedOnTheFormStartsTheRunWithDossiersPending() async throws {
    let (server, folder) = try makeServer()
    try await withLiveServer(server) { client in
      let page = try await client.execute(uri: "/scenarios/default", method: .get) { text($0) }
      #expect(page.contains("id=\"backlog\"") && page.contains("name=\"b:count\""))
      let token = try #require(csrf(in: page))
      let bad = try await client.execute(uri: "/scenarios/default/save", method: .post, headers: formHeaders,
                                         body: form([("csrf", token), ("b:count", "-5"), ("b:procedure", "land"), ("b:age", "20")])) { $0 }
      #expect(bad.status == .unprocessableContent)
      #expect(text(bad).contains("id=\"backlog-error\""), "the message sits in the backlog's fields")
      let saved = try await client.execute(uri: "/scenarios/default/save", method: .post, headers: formHeaders,
                                           body: form([("csrf", token), ("b:count", "300"), ("b:procedure", "land"), ("b:age", "20")])) { $0 }
      #expect(saved.status == .seeOther)
      let id = try #require(saved.headers[.location]?.split(separator: "/").last)
      let scenario = try ScenarioDocument.read(path: "\(folder)/scenarios/\(id).yaml").load().scenario
      #expect(scenario.initialBacklog.count == 300)
      #expect(scenario.initialBacklog.allSatisfy { scenario.procedures[$0.procedure].id == "land" && $0.received < 0 })
      // The saved scenario's backlog is now a lever of its own.
      let again = try await client.execute(uri: "/scenarios/\(id)", method: .get) { text($0) }
      #expect(again.contains("name=\"f:initial_backlog.counts[0].count\" value=\"300\""))
    }
  }

  /// A city's two extra specialists, placed centre by centre for the fewest overdue
  /// dossiers: the page says where each goes and what they buy.
  @Test func aCityBudgetIsAllocatedCentreByCentreWithAMarginalTable() async throws {
    let (server, _) = try makeServer()
    try await withLiveServer(server) { client in
      let token = try #require(csrf(in: try await client.execute(uri: "/", method: .get) { text($0) }))
      let boundary = "----onestop\(UUID().uuidString)"
      var body = ""
      for (name, value) in [("csrf", token), ("name", "three communes"), ("base", "default")] {
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
      }
      let csv = "id,daily_volume,counter_staff,back_office_staff\nbusy,260,9,3\nquiet,30,2,3\nmid,60,3,3\n"
      body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"centres\"; filename=\"c.csv\"\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
      let made = try await client.execute(uri: "/cities", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                          body: ByteBuffer(string: body)) { $0 }
      let scenario = try #require(made.headers[.location])
      let started = try await client.execute(uri: "\(scenario)/optimize", method: .post, headers: formHeaders,
                                             body: form([("csrf", token), ("f:horizon.days", "21"), ("f:replications", "3"),
                                                         ("o:objective", "overdue"), ("o:units", "back-office"), ("o:budget", "2"),
                                                         ("o:confirm", "4")])) { $0 }
      #expect(started.status == .seeOther, "\(text(started).suffix(800))")
      let job = try await waitForJob(server, try #require(jobID(started)))
      #expect(job.state == .finished, "\(job.message ?? "")")
      let page = try await client.execute(uri: try #require(job.result), method: .get) { text($0) }
      let table = try #require(page.range(of: "<table id=\"marginal\">"))
      let rows = page[table.upperBound...].prefix { $0 != "\n" }.split(separator: "</table>")[0].components(separatedBy: "<tr>").dropFirst(2)
      #expect(rows.count == 2, "one row per person")
      // "busy" is so far over capacity (about 7 times) that two more specialists would
      // complete dossiers late all the same; "mid" (over capacity, within reach) is where
      // they avoid overdue dossiers. "quiet" keeps up already.
      #expect(rows.allSatisfy { $0.contains("<td>mid</td>") }, "\(rows)")
      #expect(page.contains("quiet gets nobody") && page.contains("busy gets nobody"))
      #expect(page.contains("--objective overdue"))
    }
  }
}
