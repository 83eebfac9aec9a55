import Foundation
import Hummingbird
import HTTPTypes
import Reporting
import ScenarioFormat
import Studies
import Testing
import TestSupport
import Workspace

/// A planner's path through the workspace: open a scenario, change a lever, run,
/// read the result, compare; what the browser shows is what the CLI's study gives.
@Suite struct WorkspaceStudyTests {
  /// A short default scenario, changed as a planner would on its form.
  let changes = [("f:centre.counter_staff", "2"), ("f:horizon.days", "21"), ("f:replications", "3")]

  @Test func aRunFromTheFormWritesTheSameResultAsTheLibraryStudy() async throws {
    let (server, folder) = try makeServer()
    try await withLiveServer(server) { client in
      let page = try await client.execute(uri: "/scenarios/default", method: .get) { text($0) }
      #expect(page.contains("name=\"f:centre.counter_staff\""), "the form offers the counter staff")
      let token = try #require(csrf(in: page))
      let started = try await client.execute(uri: "/scenarios/default/run", method: .post, headers: formHeaders,
                                             body: form([("csrf", token)] + changes)) { $0 }
      #expect(started.status == .seeOther)
      let id = try #require(jobID(started))
      // The job's events stream its progress until it is over.
      let events = try await client.execute(uri: "/jobs/\(id)/events", method: .get) { $0 }
      #expect(events.headers[.contentType] == "text/event-stream")
      let states = events.body.components(separatedBy: "\n").filter { $0.hasPrefix("data: ") }
      #expect(states.last?.contains("\"state\":\"finished\"") == true, "\(events.body.suffix(400).debugDescription)")
      let job = try await waitForJob(server, id)
      #expect(job.state == .finished, "\(job.message ?? "")")
      let link = try #require(job.result)
      let result = try await client.execute(uri: link, method: .get) { text($0) }
      #expect(result.contains("id=\"verdict\""))
      #expect(result.contains("centre.counter_staff=2"), "the page says what was changed")
      #expect(result.contains("onestop run scenarios/default.yaml --set"), "and how to redo it")
      #expect(result.contains("--set 'centre.counter_staff=2'"))

      // The same study through the library, as `onestop run --set ...` does it.
      let document = try ScenarioDocument.read(path: repositoryRoot() + "/scenarios/default.yaml")
      let overrides = [Override(keyPath: "centre.counter_staff", value: "2"), Override(keyPath: "horizon.days", value: "21"),
                       Override(keyPath: "replications", value: "3")]
      guard case .finished(let report) = RunStudy.run(try ScenarioChanges(overrides: overrides).load(document), jobs: 2) else {
        Issue.record("the library run did not finish")
        return
      }
      let directory = folder + "/results/" + link.split(separator: "/").last!
      for (name, contents) in report.files() where name.hasSuffix(".csv") {
        let written = try String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8)
        #expect(written == contents, "\(name) differs from the library's")
      }
      let shown = try #require(result.range(of: "data-kpi=\"overdue\""))
      let mean = result[shown.upperBound...].split(separator: "data-mean=\"")[1].prefix { $0 != "\"" }
      #expect(Double(mean) == report.result.totals[.overdue].mean, "the page shows the study's overdue figure")
      let yaml = try String(contentsOfFile: "\(directory)/scenario.yaml", encoding: .utf8)
      #expect(yaml.contains("counter_staff: 2"), "the scenario as run is kept beside the results")
    }
  }

  @Test func aComparisonOfAChangeShowsPairedDifferencesInWords() async throws {
    let (server, _) = try makeServer()
    try await withLiveServer(server) { client in
      let token = try #require(csrf(in: try await client.execute(uri: "/scenarios/default", method: .get) { text($0) }))
      // Without a change there is nothing to compare.
      let nothing = try await client.execute(uri: "/scenarios/default/compare", method: .post, headers: formHeaders,
                                             body: form([("csrf", token)])) { $0 }
      #expect(nothing.status == .unprocessableContent)
      let started = try await client.execute(uri: "/scenarios/default/compare", method: .post, headers: formHeaders,
                                             body: form([("csrf", token), ("f:centre.back_office_staff", "2"), ("f:horizon.days", "21"),
                                                         ("f:replications", "3")])) { $0 }
      let job = try await waitForJob(server, try #require(jobID(started)))
      #expect(job.state == .finished, "\(job.message ?? "")")
      let page = try await client.execute(uri: try #require(job.result), method: .get) { text($0) }
      // Two back-office staff instead of five: a planner expects more overdue dossiers, called worse.
      let row = try #require(page.range(of: "<tr data-kpi=\"overdue\">"))
      let overdue = page[row.lowerBound...].prefix { $0 != "\n" }.split(separator: "</tr>")[0]
      #expect(overdue.contains("class=\"worse\""), "\(overdue)")
    }
  }

  @Test func anErrorIsShownAtItsFieldAndNothingRuns() async throws {
    let (server, _) = try makeServer()
    try await withLiveServer(server) { client in
      let token = try #require(csrf(in: try await client.execute(uri: "/scenarios/default", method: .get) { text($0) }))
      let response = try await client.execute(uri: "/scenarios/default/run", method: .post, headers: formHeaders,
                                              body: form([("csrf", token), ("f:centre.counter_staff", "-1")])) { $0 }
      #expect(response.status == .unprocessableContent)
      let page = text(response)
      #expect(page.contains("id=\"f-centre-counter-staff-error\""), "the message sits next to the counter staff field")
      #expect(page.contains("value=\"-1\""), "the planner's value is kept for correcting")
      #expect(server.jobs.all().isEmpty)
    }
  }

  @Test func vietnameseNumbersAndDatesAreReadAsTheFileWritesThem() async throws {
    let (server, folder) = try makeServer()
    try await withLiveServer(server) { client in
      let page = try await client.execute(uri: "/scenarios/default?lang=vi", method: .get) { text($0) }
      #expect(page.contains("<html lang=\"vi\">"))
      #expect(page.contains("value=\"01/07/2025\""), "the first day shown as dd/mm/yyyy")
      #expect(page.contains("value=\"0,45\""), "a share shown with a decimal comma")
      let token = try #require(csrf(in: page))
      let response = try await client.execute(uri: "/scenarios/default/save", method: .post, headers: formHeaders,
                                              body: form([("csrf", token), ("f:horizon.start", "04/08/2025"),
                                                          ("f:procedures[certification].share", "0,45")])) { $0 }
      #expect(response.status == .seeOther)
      let saved = try String(contentsOfFile: folder + "/scenarios/default-2.yaml", encoding: .utf8)
      #expect(saved.contains("start: 2025-08-04"))
      #expect(!saved.contains("0,45"), "an unchanged share is not rewritten")
    }
  }

  @Test func aTableOfCentresBecomesACityScenario() async throws {
    let (server, folder) = try makeServer()
    try await withLiveServer(server) { client in
      let token = try #require(csrf(in: try await client.execute(uri: "/", method: .get) { text($0) }))
      func upload(_ csv: String) async throws -> LiveResponse {
        let boundary = "----onestop\(UUID().uuidString)"
        var body = ""
        for (name, value) in [("csrf", token), ("name", "Thành phố thử"), ("base", "default")] {
          body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"centres\"; filename=\"centres.csv\"\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        return try await client.execute(uri: "/cities", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                        body: ByteBuffer(string: body)) { $0 }
      }
      let made = try await upload("id,daily_volume,counter_staff,back_office_staff\nha-dong,300,8,20\nxuan-phuong,40,2,4\nthuong-cat,25,2,3\n")
      #expect(made.status == .seeOther, "\(text(made).components(separatedBy: "upload-error").last?.prefix(900) ?? "")")
      #expect(made.headers[.location] == "/scenarios/thanh-pho-thu")
      let document = try ScenarioDocument.read(path: folder + "/scenarios/thanh-pho-thu.yaml")
      let city = try document.load().scenario
      #expect(city.centres.map(\.id) == ["ha-dong", "xuan-phuong", "thuong-cat"])
      #expect(city.centres.map(\.arrivals.dailyVolume) == [300, 40, 25])
      #expect(city.procedures.count == 9, "the base scenario's procedures")
      // A bad cell is named by its line and column; nothing is saved.
      let bad = try await upload("id,daily_volume,counter_staff,back_office_staff\na,30,2,3\nb,30,0,3\n")
      #expect(bad.status == .unprocessableContent)
      #expect(text(bad).contains("centres.csv:3:6") && text(bad).contains("counter_staff"), "\(text(bad).suffix(600))")
      let unknown = try await upload("id,volume,counter_staff,back_office_staff\na,30,2,3\n")
      #expect(text(unknown).contains("no daily_volume; unknown &#39;volume&#39;") || text(unknown).contains("no daily_volume; unknown 'volume'"))
    }
  }

  @Test func anXLSXTableOfCentresBecomesTheSameCityAsItsCSV() async throws {
    let (server, folder) = try makeServer()
    let xlsx = Array(try Data(contentsOf: URL(fileURLWithPath: repositoryRoot() + "/Tests/SpreadsheetTests/Fixtures/openpyxl-centres.xlsx")))
    try await withLiveServer(server) { client in
      let home = try await client.execute(uri: "/", method: .get) { text($0) }
      #expect(home.contains("accept=\".csv,.xlsx\"") && home.contains("XLSX"))
      let token = try #require(csrf(in: home))
      func upload(_ bytes: [UInt8], filename: String, city: String) async throws -> LiveResponse {
        let boundary = "----onestop\(UUID().uuidString)"
        var body: [UInt8] = []
        for (name, value) in [("csrf", token), ("name", city), ("base", "default")] {
          body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"centres\"; filename=\"\(filename)\"\r\n".utf8)
        body += Array("Content-Type: application/octet-stream\r\n\r\n".utf8) + bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        return try await client.execute(uri: "/cities", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                        body: ByteBuffer(bytes: body)) { $0 }
      }
      // Known by its ZIP signature, whatever its name.
      let made = try await upload(xlsx, filename: "trung-tam.bin", city: "Từ XLSX")
      #expect(made.status == .seeOther, "\(text(made).components(separatedBy: "upload-error").last?.prefix(900) ?? "")")
      #expect(made.headers[.location] == "/scenarios/tu-xlsx")
      let csv = "id,daily_volume,counter_staff,back_office_staff\nhà-đông,300,8,20\nxuân-phương,40.5,2,4\nthượng-cát,25,2,3\n"
      let fromCSV = try await upload(Array(csv.utf8), filename: "centres.csv", city: "Từ CSV")
      #expect(fromCSV.headers[.location] == "/scenarios/tu-csv")
      let city = try ScenarioDocument.read(path: folder + "/scenarios/tu-xlsx.yaml").load().scenario
      #expect(city.centres.map(\.id) == ["hà-đông", "xuân-phương", "thượng-cát"])
      #expect(city.centres.map(\.arrivals.dailyVolume) == [300, 40.5, 25])
      let yaml = { (id: String) in try String(contentsOfFile: folder + "/scenarios/\(id).yaml", encoding: .utf8) }
      #expect(try yaml("tu-xlsx").replacing("Từ-XLSX", with: "") == yaml("tu-csv").replacing("Từ-CSV", with: ""), "the same scenario but its name")
      // A file named .xlsx that is no workbook, and a truncated one: the reader's error, named by the file.
      let notZIP = try await upload(Array("id,daily_volume".utf8), filename: "centres.xlsx", city: "x")
      #expect(notZIP.status == .unprocessableContent)
      #expect(text(notZIP).contains("centres.xlsx: expected an XLSX file (a ZIP archive"), "\(text(notZIP).suffix(600))")
      let truncated = try await upload(Array(xlsx.prefix(xlsx.count / 2)), filename: "centres.xlsx", city: "x")
      #expect(text(truncated).contains("truncated"), "\(text(truncated).suffix(600))")
    }
  }
}
