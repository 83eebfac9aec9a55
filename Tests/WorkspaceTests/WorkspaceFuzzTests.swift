import Foundation
import HTTPTypes
import Hummingbird
import Testing
import TestSupport
import Workspace

/// The workspace server's request handling, fuzzed: seeded random requests against the
/// live server (its HTTP parser, middleware, routes and form handlers), built from the
/// routes, the forms' field names and hostile values, half of them carrying a valid CSRF
/// token so that they reach the handlers. Every request must get an answer that is not a
/// server error, no answer may echo a submitted tag unescaped, and the server must still
/// serve afterwards.
///
/// `ONESTOP_FUZZ_REQUESTS` (default 400) and `ONESTOP_FUZZ_SEED` (default 1) scale and
/// vary the campaign; `scripts/fuzz.sh` runs a long one.
@Suite struct WorkspaceFuzzTests {
  static let requests = ProcessInfo.processInfo.environment["ONESTOP_FUZZ_REQUESTS"].flatMap(Int.init) ?? 400
  static let seed = ProcessInfo.processInfo.environment["ONESTOP_FUZZ_SEED"].flatMap(UInt64.init) ?? 1

  /// A marker no page writes: found unescaped in an answer, input reached HTML as markup.
  static let marker = "<x-fuzz-7f3a>"

  @Test func randomRequestsNeverBreakTheServer() async throws {
    let (server, _) = try makeServer(capacity: 2)
    let failures = try await withLiveServer(server) { client -> [String] in
      let token = csrf(in: try await client.execute(uri: "/", method: .get) { text($0) }) ?? ""
      var generator = RequestGenerator(seed: Self.seed, token: token)
      var failures: [String] = []
      var statuses: [Int: Int] = [:]
      for n in 0..<Self.requests {
        let request = generator.next()
        let answer = try await withCheckedThrowingContinuation { (c: CheckedContinuation<LiveResponse, any Error>) in
          DispatchQueue.global().async { c.resume(with: Result { try client.exchange(request.bytes) }) }
        }
        statuses[answer.status.code, default: 0] += 1
        if ProcessInfo.processInfo.environment["ONESTOP_FUZZ_VERBOSE"] != nil { print("\(answer.status.code) \(request.summary)") }
        let what = "request \(n) (seed \(Self.seed)): \(request.summary)"
        if answer.status.code >= 500 && answer.status.code != 503 { failures.append("\(what) → \(answer.status.code)") }
        if answer.status.code == 0 && !request.malformed { failures.append("\(what) → no answer") }
        if answer.body.contains(Self.marker) { failures.append("\(what) → the answer echoes a tag unescaped") }
        // Jobs the fuzz started are cancelled at once: the campaign tests requests, not studies.
        for job in server.jobs.all() where job.state == .queued || job.state == .running { _ = server.jobs.cancel(job.id) }
      }
      let home = try await client.execute(uri: "/", method: .get) { $0.status }
      if home != .ok { failures.append("GET / answered \(home.code) after the campaign") }
      print("workspace fuzz: \(Self.requests) requests, seed \(Self.seed), statuses \(statuses.sorted { $0.key < $1.key })")
      return failures
    }
    #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
  }
}

/// One generated request: its bytes, a line saying what it was, whether it was built
/// malformed on purpose (then the server may close without answering).
struct FuzzRequest {
  var bytes: [UInt8]
  var summary: String
  var malformed: Bool
}

/// Random requests from a seed (SplitMix64: the same seed, the same campaign).
struct RequestGenerator {
  private var state: UInt64
  let token: String

  init(seed: UInt64, token: String) {
    state = seed
    self.token = token
  }

  /// The routes, each with its method.
  static let routes: [(method: String, path: String)] = [
    ("GET", "/"), ("POST", "/scenarios"), ("POST", "/cities"), ("GET", "/scenarios/:scenario"),
    ("POST", "/scenarios/:scenario/run"), ("POST", "/scenarios/:scenario/compare"), ("POST", "/scenarios/:scenario/optimize"),
    ("POST", "/scenarios/:scenario/calibrate"), ("POST", "/scenarios/:scenario/save"), ("POST", "/scenarios/:scenario/yaml"),
    ("GET", "/jobs/:job"), ("POST", "/jobs/:job/cancel"), ("GET", "/results"), ("GET", "/results/:result"),
    ("GET", "/results/:result/:file"), ("GET", "/assets/workspace.js"), ("GET", "/nowhere"),
  ]
  /// Names that exist, by kind of segment, so that requests get past the lookup.
  static let existing = [":scenario": ["default", "hanoi-first-15-days", "haiphong-first-week"], ":job": ["1", "2", "3"],
                         ":result": ["1-run", "2-compare"], ":file": ["summary.json", "report.html", "daily.csv"]]
  static let ids = ["default", "hanoi-first-15-days", "haiphong-first-week", "1", "0", "-1", "99999999999999999999", "1-run",
                    "..", "%2e%2e", "..%2F..%2Fetc%2Fpasswd", "%00", "default%00.yaml", "Default", "a b", "%E1%BB%87",
                    String(repeating: "x", count: 300), WorkspaceFuzzTests.marker, "summary.json", "report.html"]
  static let fields = ["csrf", "name", "base", "f:replications", "f:horizon.days", "f:horizon.start", "f:seed",
                       "f:centre.counter_staff", "f:centre.back_office_staff", "f:centre.arrivals.daily_volume",
                       "f:procedures.0.share", "f:nonsense", "f:", "o:objective", "o:units", "o:budget", "o:transfers",
                       "o:confirm", "o:kpi1", "o:scope1", "o:value1", "c:free", "c:targets", "c:starts", "c:evaluations",
                       "c:confirm", "b:centre", "b:procedure", "b:count", "b:age"]
  static let values = ["", "0", "1", "2", "-1", "3.5", "1e308", "-1e308", "nan", "inf", "1e-320", "99999999999", "0x10",
                       "2025-07-01", "0000-00-00", "9999-12-31", "overdue", "targets", "back-office", "counter", "all",
                       "on_time_rate", "overdue>=1", "counter_wait_p90<=30", "centre.counter_staff", "commune",
                       "certification", "default", WorkspaceFuzzTests.marker, "<script>alert(1)</script>", "\"'><",
                       "=1+1", "%", "%%", "a=b&c", String(repeating: "9", count: 400), "đăng ký hộ kinh doanh", "\u{0}"]
  static let files = [
    "name: x\ncentre:\n  counter_staff: 2\n", "horizon: {days: 7}\nreplications: 2\n", "- [a, b\n", "a: &x [*x]\n",
    "centre,counter_staff,back_office_staff,daily_volume\nx,2,3,40\n", "centre,counter_staff\n=cmd,1\n",
    "PK\u{3}\u{4}garbage", "\u{FEFF}name: bom\n", String(repeating: "a: b\n", count: 200), WorkspaceFuzzTests.marker,
  ]

  private mutating func random() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  private mutating func below(_ n: Int) -> Int { Int(random() % UInt64(n)) }
  private mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }
  private mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

  private static func encoded(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }

  mutating func next() -> FuzzRequest {
    let route = pick(Self.routes)
    var path = ""
    for segment in route.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
      let known = Self.existing[String(segment)]
      path += "/" + (known == nil ? String(segment) : chance(60) ? pick(known!) : pick(Self.ids))
    }
    if path.isEmpty { path = "/" }
    if chance(5) { path += "/" + pick(Self.ids) }
    if chance(15) { path += "?" + (0..<1 + below(3)).map { _ in "\(pick(Self.fields))=\(Self.encoded(pick(Self.values)))" }.joined(separator: "&") }
    let method = chance(90) ? route.method : pick(["GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "G\u{7F}T", "get"])
    var headers = ["Host: 127.0.0.1", "Connection: close"]
    var body: [UInt8] = []
    var kind = "no body"
    if method == "POST" || chance(5) {
      if chance(70) {
        var pairs: [(String, String)] = chance(50) ? [("csrf", token)] : chance(50) ? [("csrf", pick(Self.values))] : []
        for _ in 0..<below(6) { pairs.append((pick(Self.fields), pick(Self.values))) }
        body = Array(pairs.map { "\(Self.encoded($0.0))=\(Self.encoded($0.1))" }.joined(separator: "&").utf8)
        if chance(5) { body = Array(body.prefix(below(body.count + 1))) + [0x25] }  // a cut, and a stray '%'
        headers.append("Content-Type: " + (chance(90) ? "application/x-www-form-urlencoded" : pick(["text/plain", "", "multipart/form-data"])))
        kind = "form \(pairs.map(\.0).joined(separator: ","))"
      } else {
        let boundary = chance(90) ? "fuzzb" : pick(["", "\"q\"", String(repeating: "b", count: 100)])
        var text = ""
        if chance(70) { text += "--fuzzb\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(chance(80) ? token : "x")\r\n" }
        for _ in 0..<1 + below(3) {
          let field = pick(["scenario", "centres", "name", "base", "f:replications"])
          let filename = chance(60) ? "; filename=\"\(pick(["s.yaml", "c.csv", "c.xlsx", "../../x.yaml", "", WorkspaceFuzzTests.marker]))\"" : ""
          text += "--fuzzb\r\nContent-Disposition: form-data; name=\"\(field)\"\(filename)\r\n\r\n\(pick(Self.files + Self.values))\r\n"
        }
        if chance(90) { text += "--fuzzb--\r\n" }
        body = Array(text.utf8)
        headers.append("Content-Type: multipart/form-data; boundary=\(boundary)")
        kind = "multipart"
      }
    }
    var malformed = method.contains("\u{7F}")
    if !body.isEmpty || method == "POST" {
      if chance(3) {
        headers.append("Content-Length: \(body.count + 1 + below(1000))")  // longer than sent
        malformed = true
      } else {
        headers.append("Content-Length: \(body.count)")
      }
    }
    if chance(10) { headers.append("Cookie: \(pick(["lang=vi", "lang=xx", "csrf=\(token)", WorkspaceFuzzTests.marker]))") }
    if chance(5) { headers.append("Accept-Language: \(pick(["vi", "en", "*", String(repeating: "a,", count: 200)]))") }
    let head = "\(method) \(path) HTTP/1.1\r\n" + headers.joined(separator: "\r\n") + "\r\n\r\n"
    return FuzzRequest(bytes: Array(head.utf8) + body, summary: "\(method) \(path.prefix(120)) \(kind)", malformed: malformed)
  }
}
