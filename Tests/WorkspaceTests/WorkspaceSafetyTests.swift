import Foundation
import Hummingbird
import HTTPTypes
import Testing
import TestSupport
import Workspace

/// Safe to share on a department's server: tokens, CSRF, limits, paths, the queue,
/// cancellation and malformed requests.
@Suite struct WorkspaceSafetyTests {
  @Test func beyondLoopbackEveryRequestNeedsTheToken() async throws {
    let (server, _) = try makeServer(host: "0.0.0.0")
    let token = try #require(server.settings.token, "a token is generated for a non-loopback address")
    #expect(token.count == 32)
    #expect(server.settings.address.hasSuffix("?token=\(token)"))
    try await withLiveServer(server) { client in
      #expect(try await client.execute(uri: "/", method: .get) { $0.status } == .unauthorized)
      #expect(try await client.execute(uri: "/?token=wrong\(token.dropFirst(5))", method: .get) { $0.status } == .unauthorized)
      let first = try await client.execute(uri: "/?token=\(token)", method: .get) { $0 }
      #expect(first.status == .found, "the token moves from the address into a cookie")
      #expect(first.headers[.setCookie]?.contains("onestop_token=\(token)") == true)
      #expect(first.headers[.setCookie]?.contains("HttpOnly") == true)
      #expect(try await client.execute(uri: "/", method: .get, headers: [.cookie: "onestop_token=\(token)"]) { $0.status } == .ok)
      #expect(try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer \(token)"]) { $0.status } == .ok)
      #expect(try await client.execute(uri: "/results/1-run/summary.json", method: .get) { $0.status } == .unauthorized)
    }
  }

  @Test func onLoopbackNoTokenIsNeededUnlessGiven() async throws {
    let (open, _) = try makeServer()
    #expect(open.settings.token == nil)
    let (closed, _) = try makeServer(token: "0123456789abcdef0123")
    let status = try await withLiveServer(closed) { client in
      try await client.execute(uri: "/", method: .get) { $0.status }
    }
    #expect(status == .unauthorized)
  }

  @Test func postsWithoutThisServersCSRFTokenAreRefused() async throws {
    let (server, _) = try makeServer()
    let (other, _) = try makeServer()
    try await withLiveServer(server) { client in
      let foreign = try await withLiveServer(other) { c in
        try await c.execute(uri: "/", method: .get) { csrf(in: text($0)) }
      }
      for uri in ["/scenarios", "/scenarios/default/run", "/scenarios/default/compare", "/scenarios/default/save",
                  "/scenarios/default/yaml", "/jobs/1/cancel"] {
        for body in [form([("f:centre.counter_staff", "4")]), form([("csrf", foreign ?? "x"), ("f:centre.counter_staff", "4")])] {
          let status = try await client.execute(uri: uri, method: .post, headers: formHeaders, body: body) { $0.status }
          #expect(status == .forbidden, "\(uri)")
        }
      }
      #expect(server.jobs.all().isEmpty)
    }
  }

  @Test func pageHeadersForbidForeignScriptsAndFraming() async throws {
    let (server, _) = try makeServer()
    try await withLiveServer(server) { client in
      let headers = try await client.execute(uri: "/", method: .get) { $0.headers }
      let policy = try #require(headers[.contentSecurityPolicy])
      #expect(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'"))
      #expect(headers[.xContentTypeOptions] == "nosniff")
    }
  }

  @Test func uploadsAreSizeLimitedAndCheckedByTheLoader() async throws {
    let (server, folder) = try makeServer()
    try await withLiveServer(server) { client in
      let token = try #require(csrf(in: try await client.execute(uri: "/", method: .get) { text($0) }))
      let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: WorkspaceLimits.uploadBytes + 1)
      #expect(try await client.execute(uri: "/scenarios", method: .post, headers: formHeaders, body: big) { $0.status } == .contentTooLarge)

      func upload(_ yaml: String) async throws -> LiveResponse {
        let boundary = "----onestop\(UUID().uuidString)"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(token)\r\n"
          + "--\(boundary)\r\nContent-Disposition: form-data; name=\"scenario\"; filename=\"../../x.yaml\"\r\nContent-Type: application/yaml\r\n\r\n"
          + yaml + "\r\n--\(boundary)--\r\n"
        return try await client.execute(uri: "/scenarios", method: .post,
                                        headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                        body: ByteBuffer(string: body)) { $0 }
      }
      let original = try String(contentsOfFile: repositoryRoot() + "/scenarios/default.yaml", encoding: .utf8)
      let saved = try await upload(original.replacing("name: default", with: "name: phường-hà-đông"))
      #expect(saved.status == .seeOther)
      #expect(saved.headers[.location] == "/scenarios/phuong-ha-dong", "saved under a safe id, whatever the file name")
      #expect(FileManager.default.fileExists(atPath: folder + "/scenarios/phuong-ha-dong.yaml"))

      // An uploaded scenario may not read files outside the workspace.
      let reading = original + "arrivals_replay: /etc/passwd\n"
      let refused = try await upload(reading.replacing("name: default", with: "name: snoop"))
      #expect(refused.status == .unprocessableContent)
      #expect(text(refused).contains("outside the workspace"))
      #expect(!text(refused).contains("root:"), "nothing of the file is shown")
      let dotted = try await upload((original + "initial_backlog: {file: ../../../etc/passwd}\n").replacing("name: default", with: "name: snoop"))
      #expect(dotted.status == .unprocessableContent)
      #expect(!FileManager.default.fileExists(atPath: folder + "/scenarios/snoop.yaml"))

      let garbage = try await client.execute(uri: "/scenarios", method: .post, headers: [.contentType: "multipart/form-data; boundary=zz"],
                                             body: ByteBuffer(string: "not a multipart body")) { $0.status }
      #expect(garbage == .badRequest)
    }
  }

  @Test func noRequestReachesOutsideTheWorkspace() async throws {
    let (server, _) = try makeServer()
    try await withLiveServer(server) { client in
      for uri in ["/scenarios/..%2F..%2Fetc%2Fpasswd", "/scenarios/%2Fetc%2Fpasswd", "/scenarios/Default", "/results/..",
                  "/results/..%2F..%2Fetc/passwd", "/results/1-run/..%2Fstudy.json", "/results/1-run/%2Fetc%2Fpasswd",
                  "/jobs/-1", "/jobs/abc", "/scenarios/default%00.yaml"] {
        let status = try await client.execute(uri: uri, method: .get) { $0.status }
        #expect(status == .notFound, "\(uri)")
      }
    }
  }

  @Test func theQueueIsBoundedAndACancelledJobLeavesNothing() async throws {
    let (server, folder) = try makeServer(capacity: 1)
    try await withLiveServer(server) { client in
      let token = try #require(csrf(in: try await client.execute(uri: "/", method: .get) { text($0) }))
      // A long run (a year, many replications) is cancelled while it runs.
      let long = form([("csrf", token), ("f:horizon.days", "365"), ("f:replications", "400")])
      let first = try await client.execute(uri: "/scenarios/default/run", method: .post, headers: formHeaders, body: long) { $0 }
      let id = try #require(jobID(first))
      let second = try await client.execute(uri: "/scenarios/default/run", method: .post, headers: formHeaders, body: long) { $0 }
      #expect(second.status == .serviceUnavailable, "a full queue refuses more, it does not pile them up")
      while server.jobs.snapshot(id)?.state == .queued { try await Task.sleep(for: .milliseconds(20)) }
      let cancel = try await client.execute(uri: "/jobs/\(id)/cancel", method: .post, headers: formHeaders, body: form([("csrf", token)])) { $0 }
      #expect(cancel.status == .seeOther)
      let job = try await waitForJob(server, id)
      #expect(job.state == .cancelled)
      let left = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/results")) ?? []
      #expect(left.isEmpty, "no result and no half-written directory: \(left)")
      // The queue has room again.
      let third = try await client.execute(uri: "/scenarios/default/run", method: .post, headers: formHeaders,
                                           body: form([("csrf", token), ("f:horizon.days", "7"), ("f:replications", "2")])) { $0 }
      #expect(third.status == .seeOther)
      _ = try await waitForJob(server, try #require(jobID(third)))
    }
  }

  @Test func theServerSurvivesMalformedRequests() async throws {
    let (server, _) = try makeServer()
    try await withLiveServer(server) { client in
      let garbage: [[UInt8]] = [
        Array("NONSENSE\r\n\r\n".utf8), Array("GET / HTTP/9.9\r\n\r\n".utf8), [0, 255, 13, 10, 13, 10],
        Array("GET /\(String(repeating: "a", count: 20_000)) HTTP/1.1\r\nHost: x\r\n\r\n".utf8),
        Array("POST /scenarios HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\nabc".utf8),
        Array("POST /scenarios HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n".utf8),
      ]
      for request in garbage {
        let answer = try? await withCheckedThrowingContinuation { (c: CheckedContinuation<LiveResponse, any Error>) in
          DispatchQueue.global().async { c.resume(with: Result { try client.exchange(request) }) }
        }
        #expect(answer.map { $0.status.code != 200 && $0.status.code < 500 || $0.status.code == 0 } ?? true)
      }
      let status = try await client.execute(uri: "/", method: .get) { $0.status }
      #expect(status == .ok, "still serving after malformed requests")
    }
  }
}
