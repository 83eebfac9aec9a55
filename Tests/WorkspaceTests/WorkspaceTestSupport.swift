import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import Workspace

/// A workspace server over a fresh folder, with the repository's shipped scenarios.
func makeServer(host: String = "127.0.0.1", token: String? = nil, capacity: Int = 10) throws -> (WorkspaceServer, String) {
  let folder = try temporaryDirectory().path
  let settings = WorkspaceSettings(host: host, directory: folder, shippedScenarios: repositoryRoot() + "/scenarios", token: token,
                                   threads: 2, queueCapacity: capacity)
  return (WorkspaceServer(settings), folder)
}

/// The text of a response body.
func text(_ response: TestResponse) -> String { String(buffer: response.body) }

/// The CSRF token in a page's forms.
func csrf(in page: String) -> String? {
  guard let range = page.range(of: "name=\"csrf\" value=\"") else { return nil }
  return String(page[range.upperBound...].prefix { $0 != "\"" })
}

/// A URL-encoded form body.
func form(_ fields: [(String, String)]) -> ByteBuffer {
  var allowed = CharacterSet.alphanumerics
  allowed.insert(charactersIn: "-._~")
  let body = fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
    .joined(separator: "&")
  return ByteBuffer(string: body)
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

/// Waits (up to a minute) until job `id` is over; its last snapshot.
func waitForJob(_ server: WorkspaceServer, _ id: Int) async throws -> JobQueue.Snapshot {
  for _ in 0..<600 {
    if let job = server.jobs.snapshot(id), job.state != .queued && job.state != .running { return job }
    try await Task.sleep(for: .milliseconds(100))
  }
  throw CancellationError()
}

/// The job number a redirect to /jobs/N names.
func jobID(_ response: TestResponse) -> Int? {
  response.headers[.location].flatMap { $0.hasPrefix("/jobs/") ? Int($0.dropFirst(6)) : nil }
}
