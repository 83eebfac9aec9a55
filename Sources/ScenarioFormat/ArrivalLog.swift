//===----------------------------------------------------------------------===//
// Recorded arrivals (a ticketing system's export), replayed instead of drawn.
//===----------------------------------------------------------------------===//

import CentreModel
import Foundation

extension NodeReader {
  /// Reads the CSV named by `arrivals_replay` (relative to the scenario file).
  ///
  /// Columns (header required, any order, extra columns ignored): `time`
  /// (`YYYY-MM-DD HH:MM[:SS]`, or with a `T`), `procedure` (an id), optional `channel`
  /// (`walk_in`, `online`, `service_point`; default `walk_in`) and `centre` (an id;
  /// required with several centres). Rows outside the horizon are skipped with a warning.
  func recordedArrivals(_ located: Located, baseDirectory: String, scenario: Scenario) -> [RecordedArrival]? {
    guard let name = string(located, "the path of a CSV file of arrivals"),
      let text = readTextFile(name, at: located, baseDirectory: baseDirectory, what: "CSV file of arrivals",
                              limit: Self.arrivalLogLimit)
    else { return nil }
    let path = Self.path(name, in: baseDirectory)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    guard let header = lines.first else { return [] }
    let columns = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    // A log of a million bad rows gets its first 20 problems, then a count (not a million
    // messages that each list the procedure ids).
    let rowProblemLimit = 20
    var rowProblems = 0
    var firstUnreported: Int?
    func problem(_ line: Int, _ key: String, expected: String, found: String, severity: ScenarioIssue.Severity = .error) {
      rowProblems += 1
      guard rowProblems <= rowProblemLimit || line == 1 else {
        firstUnreported = firstUnreported ?? line
        return
      }
      issues.append(ScenarioIssue(severity, .wrongType, at: SourcePosition(file: path, line: line, column: 1),
                                  keyPath: "arrivals_replay[\(line)].\(key)", expected: expected, found: found))
    }
    guard let timeColumn = columns.firstIndex(of: "time"), let procedureColumn = columns.firstIndex(of: "procedure") else {
      problem(1, "header", expected: "a header with columns 'time' and 'procedure' (and optionally 'channel', 'centre')",
              found: "'\(Self.excerpt(String(header)))'")
      return nil
    }
    let channelColumn = columns.firstIndex(of: "channel")
    let centreColumn = columns.firstIndex(of: "centre")
    let procedureIDs = scenario.procedures.map(\.id)
    let centreIDs = scenario.centres.map(\.id)
    let start = scenario.horizon.start.dayNumber
    var arrivals: [RecordedArrival] = []
    var skipped = 0
    for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
      let number = offset + 1
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      func field(_ column: Int?) -> String? { column.flatMap { $0 < fields.count ? fields[$0] : nil } }
      guard let time = field(timeColumn).flatMap({ Self.parseTimestamp($0, from: start) }) else {
        problem(number, "time", expected: "a time YYYY-MM-DD HH:MM[:SS]", found: "'\(Self.excerpt(field(timeColumn) ?? ""))'")
        continue
      }
      guard let procedure = field(procedureColumn).flatMap({ procedureIDs.firstIndex(of: $0) }) else {
        problem(number, "procedure", expected: "a procedure id (\(list(procedureIDs)))",
                found: "'\(Self.excerpt(field(procedureColumn) ?? ""))'")
        continue
      }
      var channel = Channel.walkIn
      if let text = field(channelColumn), !text.isEmpty {
        guard let value = Channel.allCases.first(where: { $0.id == text }) else {
          problem(number, "channel", expected: "walk_in, online or service_point", found: "'\(Self.excerpt(text))'")
          continue
        }
        channel = value
      }
      var centre = 0
      if let text = field(centreColumn), !text.isEmpty {
        guard let index = centreIDs.firstIndex(of: text) else {
          problem(number, "centre", expected: "a centre id", found: "'\(Self.excerpt(text))'")
          continue
        }
        centre = index
      } else if centreIDs.count > 1 {
        problem(number, "centre", expected: "a centre id (the scenario has several centres)", found: "nothing")
        continue
      }
      guard time >= 0 && time < Double(scenario.horizon.days) * 1440 else {
        skipped += 1
        continue
      }
      arrivals.append(RecordedArrival(time: time, centre: centre, procedure: procedure, channel: channel))
    }
    if let line = firstUnreported {
      issues.append(ScenarioIssue(.error, .wrongType, at: SourcePosition(file: path, line: line, column: 1),
                                  keyPath: "arrivals_replay[\(line)]", expected: "rows that can be read",
                                  found: "\(rowProblems - rowProblemLimit) more rows with problems from this one on (not listed)"))
    }
    if skipped > 0 {
      report(.outOfRange, at: located, expected: "arrivals within the horizon",
             found: "\(skipped) rows outside it (skipped)", severity: .warning)
    }
    // Stable sort by time: rows at the same instant keep the order of the log.
    return arrivals.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
  }

  /// The largest arrival log read (about six million rows).
  static let arrivalLogLimit = 256 << 20

  /// `name` relative to `directory` (the scenario file's), unless absolute.
  static func path(_ name: String, in directory: String) -> String {
    name.hasPrefix("/") ? name : "\(directory)/\(name)"
  }

  /// The text of the data file `name` (relative to the scenario file) named at `located`:
  /// only a regular file of at most `limit` bytes, in UTF-8; `nil` after reporting.
  /// Directories, FIFOs, devices and symbolic links are refused without being read
  /// (``ScenarioDocument/contents(ofRegularFile:limit:)``).
  func readTextFile(_ name: String, at located: Located, baseDirectory: String, what: String, limit: Int) -> String? {
    if confinesDataFiles && (name.hasPrefix("/") || name.split(separator: "/").contains("..") || name.contains("\0")) {
      report(.unreadableFile, at: located, expected: "a \(what) beside the scenario (a name without '/' at the start or '..')",
             found: "'\(name.prefix(80))', outside the workspace")
      return nil
    }
    let path = Self.path(name, in: baseDirectory)
    let found: String
    switch ScenarioDocument.contents(ofRegularFile: path, limit: limit) {
    case .success(let bytes):
      if let text = String(data: Data(bytes), encoding: .utf8) { return text }
      report(.unreadableFile, at: located, expected: "a readable UTF-8 \(what)", found: "bytes that are not UTF-8 in '\(path)'")
      return nil
    case .failure(.missing): found = "nothing at '\(path)'"
    case .failure(.notRegular(let kind)): found = "'\(path)', which is not a regular file but \(kind)"
    case .failure(.tooLarge(let size)):
      report(.unreadableFile, at: located, expected: "a \(what) of at most \(limit >> 20) MiB", found: "'\(path)' of \(size >> 20) MiB")
      return nil
    case .failure(.unreadable(let reason)): found = "'\(path)', which cannot be read (\(reason))"
    }
    report(.unreadableFile, at: located, expected: "a readable \(what)", found: found)
    return nil
  }

  /// Minutes since 00:00 of day number `start` for `YYYY-MM-DD HH:MM[:SS]`.
  static func parseTimestamp(_ text: String, from start: Int) -> Double? {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
    guard parts.count == 2, let date = CivilDate(iso: String(parts[0])) else { return nil }
    let clock = parts[1].split(separator: ":")
    guard clock.count == 2 || clock.count == 3, let h = Int(clock[0]), let m = Int(clock[1]), (0..<24).contains(h),
      (0..<60).contains(m)
    else { return nil }
    let seconds = clock.count == 3 ? Double(clock[2]) ?? -1 : 0
    guard seconds >= 0 && seconds < 60 else { return nil }
    return Double(date.dayNumber - start) * 1440 + Double(h * 60 + m) + seconds / 60
  }
}
