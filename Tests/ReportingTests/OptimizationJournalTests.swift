import Foundation
import Reporting
import Testing
import TestSupport

/// The evaluations an optimisation keeps on disk for a resume.
@Suite struct OptimizationJournalTests {
  let specification = JSONValue.object([("scenario_sha256", .string("abc")), ("budget", .number(10))])

  @Test func keptRowsComeBackBitForBit() throws {
    let directory = try temporaryDirectory().path + "/resume"
    let rows: [[Double]] = [[1.0 / 3, -0.0, .infinity, .nan, 5e-324], [], [42]]
    do {
      let journal = try OptimizationJournal(directory: directory, specification: specification)
      #expect(journal.recall("curve offset=1") == nil)
      journal.record("curve offset=1", rows)
    }
    let again = try OptimizationJournal(directory: directory, specification: specification)
    #expect(again.kept == 1)
    let recalled = try #require(again.recall("curve offset=1"))
    #expect(recalled.map { $0.map(\.bitPattern) } == rows.map { $0.map(\.bitPattern) })
    #expect(again.recall("curve offset=2") == nil)
  }

  @Test func anotherOptimisationsEvaluationsAreDiscarded() throws {
    let directory = try temporaryDirectory().path + "/resume"
    do { try OptimizationJournal(directory: directory, specification: specification).record("k", [[1]]) }
    let other = try OptimizationJournal(directory: directory, specification: .object([("budget", .number(11))]))
    #expect(other.kept == 0 && other.discarded == 1)
    #expect(other.recall("k") == nil)
  }

  @Test func aSecondProcessIsRefusedAndFinishRemovesEverything() throws {
    let directory = try temporaryDirectory().path + "/resume"
    let journal = try OptimizationJournal(directory: directory, specification: specification)
    journal.record("k", [[1]])
    #expect {
      try OptimizationJournal(directory: directory, specification: specification)
    } throws: { error in
      "\(error)".contains("in use by another onestop optimize: process \(getpid())")
    }
    journal.finish()
    #expect(!FileManager.default.fileExists(atPath: directory))
  }

  @Test func aTruncatedOrForeignFileIsNotRecalled() throws {
    let directory = try temporaryDirectory().path + "/resume"
    let journal = try OptimizationJournal(directory: directory, specification: specification)
    journal.record("k", [[1, 2]])
    let file = try #require(FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasPrefix("e-") })
    let text = try String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)
    try String(text.dropLast()).write(toFile: "\(directory)/\(file)", atomically: false, encoding: .utf8)
    #expect(journal.recall("k") == nil, "no final newline: cut short")
    try text.replacingOccurrences(of: "\nk\n", with: "\nj\n").write(toFile: "\(directory)/\(file)", atomically: false, encoding: .utf8)
    #expect(journal.recall("k") == nil, "another key's file")
  }
}
