import Foundation
import HTTPTypes
import Hummingbird
import Testing
import TestSupport
import Workspace

#if canImport(Glibc)
  import Glibc
#endif

/// A workspace server over a fresh folder, with the repository's shipped scenarios, on
/// a port the system chooses.
func makeServer(host: String = "127.0.0.1", token: String? = nil, capacity: Int = 10) throws -> (WorkspaceServer, String) {
  let folder = try temporaryDirectory().path
  let settings = WorkspaceSettings(host: host, port: 0, directory: folder, shippedScenarios: repositoryRoot() + "/scenarios",
                                   token: token, threads: 2, queueCapacity: capacity)
  return (WorkspaceServer(settings), folder)
}

/// A response as the tests read it.
struct LiveResponse: Sendable {
  var status: HTTPResponse.Status
  var headers: HTTPFields
  var body: String
}

/// A minimal HTTP/1.1 client over a loopback socket (one request per connection), so
/// that the tests exercise the real server, its parser and its middleware.
struct LiveClient: Sendable {
  let port: Int

  func execute<T>(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
                  _ check: (LiveResponse) throws -> T) async throws -> T {
    var request = "\(method.rawValue) \(uri) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
    for field in headers { request += "\(field.name.rawName): \(field.value)\r\n" }
    let payload = body.map { Array($0.readableBytesView) } ?? []
    if body != nil { request += "Content-Length: \(payload.count)\r\n" }
    let bytes = Array((request + "\r\n").utf8) + payload
    // Blocking socket calls run on a Dispatch thread: on the cooperative pool they would
    // starve the server's handlers, which run there too.
    let response = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<LiveResponse, any Error>) in
      DispatchQueue.global().async { continuation.resume(with: Result { try exchange(bytes) }) }
    }
    return try check(response)
  }

  /// Sends `request` raw (malformed requests included) and reads the whole answer.
  func exchange(_ request: [UInt8]) throws -> LiveResponse {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw POSIXError(.EIO) }
    defer { close(socket) }
    // A server that never answers fails the test instead of hanging it.
    var timeout = timeval(tv_sec: 60, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    var sent = 0
    while sent < request.count {
      let n = request[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if n <= 0 { break }  // the server may answer (413) and close before reading everything
      sent += n
    }
    shutdown(socket, Int32(SHUT_WR))
    var answer: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let n = recv(socket, &buffer, buffer.count, 0)
      if n <= 0 { break }
      answer += buffer[0..<n]
    }
    return Self.parse(answer)
  }

  static func parse(_ bytes: [UInt8]) -> LiveResponse {
    let text = String(decoding: bytes, as: UTF8.self)
    let parts = text.components(separatedBy: "\r\n\r\n")
    let head = parts.first ?? ""
    var body = parts.dropFirst().joined(separator: "\r\n\r\n")
    var lines = head.components(separatedBy: "\r\n")
    let statusLine = lines.isEmpty ? "" : lines.removeFirst()
    let code = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
    var headers = HTTPFields()
    for line in lines {
      guard let colon = line.firstIndex(of: ":"), let name = HTTPField.Name(String(line[..<colon])) else { continue }
      headers.append(HTTPField(name: name, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
    }
    if headers[.transferEncoding] == "chunked" { body = dechunk(body) }
    return LiveResponse(status: HTTPResponse.Status(code: code), headers: headers, body: body)
  }

  /// The body of a chunked response (sizes in hex, each chunk followed by CRLF).
  private static func dechunk(_ text: String) -> String {
    var bytes = Array(text.utf8)[...]
    var out: [UInt8] = []
    while let lineEnd = bytes.firstIndex(of: 0x0D), let size = Int(String(decoding: bytes[bytes.startIndex..<lineEnd], as: UTF8.self), radix: 16),
      size > 0 {
      let start = lineEnd + 2
      let stop = min(start + size, bytes.endIndex)
      out += bytes[start..<stop]
      bytes = bytes[min(stop + 2, bytes.endIndex)...]
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// Runs `body` against `server` listening on loopback, then stops it.
func withLiveServer<T: Sendable>(_ server: WorkspaceServer, _ body: @Sendable (LiveClient) async throws -> T) async throws -> T {
  let (ports, continuation) = AsyncStream<Int>.makeStream()
  let running = Task { try await server.application(logLevel: .critical, listening: { continuation.yield($0) }).runService(gracefulShutdownSignals: []) }
  defer { running.cancel() }
  var iterator = ports.makeAsyncIterator()
  guard let port = await iterator.next() else { throw POSIXError(.EADDRNOTAVAIL) }
  return try await body(LiveClient(port: port))
}

/// The text of a response body.
func text(_ response: LiveResponse) -> String { response.body }

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
func jobID(_ response: LiveResponse) -> Int? {
  response.headers[.location].flatMap { $0.hasPrefix("/jobs/") ? Int($0.dropFirst(6)) : nil }
}
