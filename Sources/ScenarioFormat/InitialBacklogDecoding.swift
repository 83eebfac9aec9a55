//===----------------------------------------------------------------------===//
// The initial backlog: dossiers pending when the simulation starts.
//===----------------------------------------------------------------------===//

import CentreModel
import Yams

extension NodeReader {
  /// Columns of a file of pending dossiers.
  static let pendingColumns = ["centre", "procedure", "received", "step", "due", "channel"]
  /// Pending dossiers at most (the guard on dossiers in the system allows two million).
  static let initialBacklogLimit = 1_000_000
  /// The largest file of pending dossiers read.
  static let pendingFileLimit = 128 << 20
  /// Receipts at most this many days before the horizon.
  static let pendingAgeLimit = 3660

  /// `initial_backlog: {file: pending.csv}` (one row per dossier, as the one-door
  /// software exports its pending list) or `{counts: [{centre, procedure,
  /// age_working_days, count, step}]}`, in receipt order.
  func initialBacklog(_ located: Located, baseDirectory: String, scenario: Scenario) -> [PendingDossier]? {
    guard let f = fields(located, known: ["file", "counts"]) else { return nil }
    guard f.entries.count == 1 else {
      report(.wrongType, at: located, expected: "exactly one of 'file' (a CSV of pending dossiers) or 'counts'",
             found: f.entries.isEmpty ? "neither" : "both")
      return nil
    }
    let pending: [PendingDossier]?
    if let file = f["file"] {
      pending = pendingFromFile(file, baseDirectory: baseDirectory, scenario: scenario)
    } else {
      pending = f["counts"].flatMap { pendingFromCounts($0, scenario: scenario) }
    }
    guard let pending else { return nil }
    if pending.count > Self.initialBacklogLimit {
      report(.outOfRange, at: located, expected: "at most \(Self.initialBacklogLimit) pending dossiers", found: "\(pending.count)")
      return nil
    }
    // Receipt order; rows received at the same instant keep the order written.
    return pending.enumerated().sorted { ($0.element.received, $0.offset) < ($1.element.received, $1.offset) }.map(\.element)
  }

  // MARK: - A file of pending dossiers

  private func pendingFromFile(_ located: Located, baseDirectory: String, scenario: Scenario) -> [PendingDossier]? {
    guard let name = string(located, "the path of a CSV file of pending dossiers"),
      let text = readTextFile(name, at: located, baseDirectory: baseDirectory, what: "CSV file of pending dossiers",
                              limit: Self.pendingFileLimit)
    else { return nil }
    let path = Self.path(name, in: baseDirectory)
    let table = CSVReader(text)
    var cells = CellIssues(reader: self, file: path, keyPath: "initial_backlog")
    if let problem = table.problem {
      cells.report(line: problem.line, column: problem.column, key: "", expected: "well-formed CSV", found: problem.text)
      return nil
    }
    guard let headerRow = table.headerRow else {
      report(.missingKey, at: located, expected: "a CSV file with a header row (\(list(Self.pendingColumns)))",
             found: "an empty file '\(path)'")
      return nil
    }
    let single = scenario.centres.count == 1
    let required = (single ? [] : ["centre"]) + ["procedure", "received"]
    let missing = required.filter { table.column($0) == nil }
    if !missing.isEmpty {
      cells.report(line: headerRow.line, column: 1, key: "header",
                   expected: "columns \(list(required)) (and optionally \(list(Self.pendingColumns.filter { !required.contains($0) })))",
                   found: "no \(list(missing)) in '\(headerRow.fields.map(\.text).joined(separator: String(table.separator)))'")
      return nil
    }
    let extra = table.header.enumerated().filter { !Self.pendingColumns.contains($0.element) && !$0.element.isEmpty }
    if let first = extra.first, let field = headerRow[first.offset] {
      cells.report(line: field.line, column: field.column, key: "header",
                   expected: "columns among \(list(Self.pendingColumns))",
                   found: "\(list(extra.map(\.element))), ignored", severity: .warning)
    }
    let columns = (centre: table.column("centre"), procedure: table.column("procedure")!, received: table.column("received")!,
                   step: table.column("step"), due: table.column("due"), channel: table.column("channel"))
    var pending: [PendingDossier] = []
    pending.reserveCapacity(table.rows.count)
    for (number, row) in table.rows.enumerated() {
      guard !cells.isFull else { break }
      let key = "initial_backlog[row \(number + 1)]"
      func cell(_ index: Int?, _ name: String) -> (text: String, line: Int, column: Int)? {
        guard let index else { return nil }
        if let field = row[index] { return (field.text, field.line, field.column) }
        let last = row.fields.last
        return ("", last?.line ?? row.line, (last?.column ?? 1) + (last?.text.count ?? 0))
      }
      func fail(_ c: (text: String, line: Int, column: Int), _ name: String, _ expected: String, hint: String? = nil) {
        cells.report(line: c.line, column: c.column, key: "\(key).\(name)", expected: expected,
                     found: c.text.isEmpty ? "nothing" : "'\(Self.excerpt(c.text))'", hint: hint)
      }
      var centre = 0
      if let c = cell(columns.centre, "centre"), !(single && c.text.isEmpty) {
        guard let index = centreIndex(c.text, scenario) else {
          fail(c, "centre", "a centre id", hint: suggestion(for: c.text, among: scenario.centres.map(\.id)).map { "did you mean '\($0)'?" })
          continue
        }
        centre = index
      }
      let p = cell(columns.procedure, "procedure")!
      guard let procedure = scenario.procedures.firstIndex(where: { $0.id == p.text }) else {
        fail(p, "procedure", "a procedure id (\(list(scenario.procedures.map(\.id))))",
             hint: suggestion(for: p.text, among: scenario.procedures.map(\.id)).map { "did you mean '\($0)'?" })
        continue
      }
      let r = cell(columns.received, "received")!
      guard let receipt = Timestamp(r.text) else {
        fail(r, "received", Timestamp.expected)
        continue
      }
      let received = receipt.minutes(since: scenario.horizon.start, defaultMinute: openingMinute(receipt.date, scenario))
      guard received < 0 else {
        fail(r, "received", "a receipt before the start of the horizon (\(scenario.horizon.start) 00:00)")
        continue
      }
      guard received >= -Double(Self.pendingAgeLimit) * 1440 else {
        fail(r, "received", "a receipt at most \(Self.pendingAgeLimit) days before the horizon")
        continue
      }
      var stage = Self.defaultStage(scenario.procedures[procedure])
      if let s = cell(columns.step, "step"), !s.text.isEmpty {
        guard let value = Self.stage(s.text, of: scenario.procedures[procedure]) else {
          fail(s, "step", Self.stageExpected(scenario.procedures[procedure]))
          continue
        }
        stage = value
      }
      var due: Double?
      if let d = cell(columns.due, "due"), !d.text.isEmpty {
        guard let stamp = Timestamp(d.text) else {
          fail(d, "due", Timestamp.expected)
          continue
        }
        let value = stamp.minutes(since: scenario.horizon.start, defaultMinute: closingMinute(stamp.date, scenario))
        guard value >= received else {
          fail(d, "due", "a due time on or after the receipt (\(r.text))")
          continue
        }
        due = value
      }
      var channel = Channel.walkIn
      if let k = cell(columns.channel, "channel"), !k.text.isEmpty {
        guard let value = Channel.allCases.first(where: { $0.id == k.text }) else {
          fail(k, "channel", "walk_in, online or service_point")
          continue
        }
        channel = value
      }
      let dossier = PendingDossier(centre: centre, procedure: procedure, channel: channel, received: received, stage: stage, due: due)
      if let problem = servability(dossier, scenario) {
        fail(cell(columns.step, "step") ?? p, "step", problem)
        continue
      }
      pending.append(dossier)
    }
    cells.finish()
    return cells.errors > 0 ? nil : pending
  }

  // MARK: - Counts by age

  private func pendingFromCounts(_ located: Located, scenario: Scenario) -> [PendingDossier]? {
    guard let items = list(located, of: "{centre, procedure, age_working_days, count} rows") else { return nil }
    var pending: [PendingDossier] = []
    var ok = true
    for item in items {
      guard let f = fields(item, known: ["centre", "procedure", "age_working_days", "count", "step", "channel"]) else {
        ok = false
        continue
      }
      var centre = 0
      if let node = f["centre"] ?? (scenario.centres.count > 1 ? required(f, "centre", "a centre id (the scenario has several)") : nil) {
        guard let id = string(node, "a centre id") else {
          ok = false
          continue
        }
        guard let index = centreIndex(id, scenario) else {
          report(.unknownReference, at: node, expected: "a centre id",
                 hint: suggestion(for: id, among: scenario.centres.map(\.id)).map { "did you mean '\($0)'?" })
          ok = false
          continue
        }
        centre = index
      } else if scenario.centres.count > 1 {
        ok = false
        continue
      }
      guard let procedureNode = required(f, "procedure", "a procedure id"), let id = string(procedureNode, "a procedure id") else {
        ok = false
        continue
      }
      guard let procedure = scenario.procedures.firstIndex(where: { $0.id == id }) else {
        report(.unknownReference, at: procedureNode, expected: "a procedure id (\(list(scenario.procedures.map(\.id))))",
               hint: suggestion(for: id, among: scenario.procedures.map(\.id)).map { "did you mean '\($0)'?" })
        ok = false
        continue
      }
      let age = required(f, "age_working_days", "working days since receipt (1: the last working day before the start)")
        .flatMap { integer($0, in: 0...Self.pendingAgeLimit) }
      let count = required(f, "count", "how many dossiers").flatMap { integer($0, in: 1...Self.initialBacklogLimit) }
      guard let age, let count else {
        ok = false
        continue
      }
      var stage = Self.defaultStage(scenario.procedures[procedure])
      if let node = f["step"] {
        guard let text = node.node.scalar?.string, let value = Self.stage(text, of: scenario.procedures[procedure]) else {
          report(.wrongType, at: node, expected: Self.stageExpected(scenario.procedures[procedure]))
          ok = false
          continue
        }
        stage = value
      }
      var channel = Channel.walkIn
      if let node = f["channel"] {
        guard let text = choice(node, Channel.allCases.map(\.id)), let value = Channel.allCases.first(where: { $0.id == text }) else {
          ok = false
          continue
        }
        channel = value
      }
      guard let day = Self.receiptDay(age: age, before: scenario.horizon.start, calendar: scenario.calendar) else {
        report(.outOfRange, at: f["age_working_days"] ?? item,
               expected: "an age the calendar can count back (no \(age) working days in the \(Self.pendingAgeLimit) days before the horizon)")
        ok = false
        continue
      }
      let received = age == 0 ? 0 : Double(day.dayNumber - scenario.horizon.start.dayNumber) * 1440 + openingMinute(day, scenario)
      let dossier = PendingDossier(centre: centre, procedure: procedure, channel: channel, received: received, stage: stage)
      if let problem = servability(dossier, scenario) {
        report(.unservable, at: f["step"] ?? procedureNode, expected: problem)
        ok = false
        continue
      }
      pending += Array(repeating: dossier, count: count)
      if pending.count > Self.initialBacklogLimit { break }
    }
    return ok ? pending : nil
  }

  /// The working day `age` working days before `start` (1: the last working day before
  /// it; 0: `start` itself).
  static func receiptDay(age: Int, before start: CivilDate, calendar: WorkingCalendar) -> CivilDate? {
    guard age > 0 else { return start }
    var found = 0
    for back in 1...pendingAgeLimit {
      let date = start.adding(days: -back)
      if calendar.isWorkingDay(date) {
        found += 1
        if found == age { return date }
      }
    }
    return nil
  }

  // MARK: - Steps

  /// Where a pending dossier is when no step is given: at its first back-office step, or
  /// at reception for a procedure without one.
  static func defaultStage(_ procedure: Procedure) -> PendingDossier.Stage {
    procedure.steps.isEmpty ? .reception : .step(0)
  }

  /// `counter`, a step's name, or its index from 0.
  static func stage(_ text: String, of procedure: Procedure) -> PendingDossier.Stage? {
    if text == "counter" { return .reception }
    if let index = Int(text) { return procedure.steps.indices.contains(index) ? .step(index) : nil }
    return procedure.steps.firstIndex { $0.name == text }.map { .step($0) }
  }

  static func stageExpected(_ procedure: Procedure) -> String {
    let steps = procedure.steps.enumerated().map { "\($0.offset) '\($0.element.name)'" }
    return "'counter' or a back-office step of '\(procedure.id)'" + (steps.isEmpty ? " (it has none)" : ": \(steps.joined(separator: ", "))")
  }

  /// Why a centre could not do a pending dossier's remaining work, if it could not.
  private func servability(_ dossier: PendingDossier, _ scenario: Scenario) -> String? {
    let centre = scenario.centres[dossier.centre]
    let pools = Set(centre.backOffice.filter { $0.staffing.size > 0 }.map(\.id))
    let helped = Set(centre.counters.filter { $0.staffing.size > 0 }.flatMap(\.helps))
    var needed: [String] = []
    if case .reception = dossier.stage, scenario.onlineIntake.pool != BackOfficePool.onlineIntakeID {
      needed.append(scenario.onlineIntake.pool)
    }
    let first: Int
    if case .step(let s) = dossier.stage { first = s } else { first = 0 }
    for step in scenario.procedures[dossier.procedure].steps.dropFirst(first) {
      if case .work(let pool, _) = step.kind { needed.append(pool) }
    }
    guard let pool = needed.first(where: { !pools.contains($0) && !helped.contains($0) }) else { return nil }
    return "a step centre '\(centre.id)' can work on: it has no staff in pool '\(pool)' for this dossier of '\(scenario.procedures[dossier.procedure].id)'"
  }

  // MARK: - Helpers

  private func centreIndex(_ id: String, _ scenario: Scenario) -> Int? {
    memoized("centre-index") { Dictionary(scenario.centres.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a }) }[id]
  }

  /// The opening of `date` (a receipt given by its date alone), minutes after midnight.
  private func openingMinute(_ date: CivilDate, _ scenario: Scenario) -> Double {
    Double(scenario.calendar.openingIntervals(on: date).first?.start.minutes ?? 0)
  }

  /// The closing of `date` (a due date given by its date alone), minutes after midnight.
  private func closingMinute(_ date: CivilDate, _ scenario: Scenario) -> Double {
    Double(scenario.calendar.openingIntervals(on: date).last?.end.minutes ?? 1440)
  }

  /// At most 40 characters of a cell, for messages.
  static func excerpt(_ text: String) -> String {
    let clean = String(text.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? "?" : Character($0) })
    return clean.count > 40 ? String(clean.prefix(40)) + "…" : clean
  }
}

/// Problems in the cells of a table, at most ``limit`` listed: beyond that, one more
/// issue counts the rest (a file of a million bad rows would otherwise print a million).
struct CellIssues {
  static let limit = 20
  let reader: NodeReader
  let file: String
  let keyPath: String
  private(set) var errors = 0
  private var listed = 0
  private var unlisted: (line: Int, count: Int)?

  init(reader: NodeReader, file: String, keyPath: String) {
    self.reader = reader
    self.file = file
    self.keyPath = keyPath
  }

  /// Whether so many problems were found that the rest of the table need not be read.
  var isFull: Bool { (unlisted?.count ?? 0) > 10 * Self.limit }

  mutating func report(line: Int, column: Int, key: String, expected: String, found: String, hint: String? = nil,
                       severity: ScenarioIssue.Severity = .error) {
    if severity == .error { errors += 1 }
    guard listed < Self.limit else {
      unlisted = (unlisted?.line ?? line, (unlisted?.count ?? 0) + 1)
      return
    }
    listed += 1
    reader.issues.append(ScenarioIssue(severity, severity == .error ? .wrongType : .unknownKey,
                                       at: SourcePosition(file: file, line: line, column: column),
                                       keyPath: key.isEmpty ? keyPath : key, expected: expected, found: found, hint: hint))
  }

  /// Adds the issue that counts the problems not listed.
  func finish() {
    guard let unlisted else { return }
    reader.issues.append(ScenarioIssue(.error, .wrongType, at: SourcePosition(file: file, line: unlisted.line, column: 1),
                                       keyPath: keyPath, expected: "rows that can be read",
                                       found: "\(unlisted.count) more problems from this line on (not listed)"))
  }
}
