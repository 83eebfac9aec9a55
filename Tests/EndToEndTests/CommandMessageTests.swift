import Foundation
import Testing
import TestSupport

/// What the command line says about a mistake: the argument, what was expected, what was
/// found, and a way out.
@Suite struct CommandMessageTests {
  let scenario = repositoryRoot() + "/scenarios/default.yaml"
  let quick = ["--set", "horizon.days=7", "--replications", "1", "--quiet"]

  @Test(arguments: [["--jobs", "-1"], ["--jobs=-1"], ["--jobs", "0"]])
  func jobsBelowOneIsRefusedWithItsValue(_ jobs: [String]) throws {
    let outcome = try runOnestop(["run", scenario] + jobs + quick, in: try temporaryDirectory())
    #expect(outcome.status == 64)
    let value = jobs.last!.replacingOccurrences(of: "--jobs=", with: "")
    #expect(outcome.standardError.contains("--jobs must be at least 1, not \(value)"), "\(outcome.standardError)")
    #expect(!outcome.standardError.contains("Missing value"), "\(outcome.standardError)")
  }

  @Test(arguments: [("rnu", "run"), ("swep", "sweep"), ("comapre", "compare"), ("valdate", "validate")])
  func anUnknownCommandGetsTheNearestOne(_ typed: String, _ meant: String) throws {
    let outcome = try runOnestop([typed])
    #expect(outcome.status == 64)
    #expect(outcome.standardError.contains("unknown command '\(typed)'"), "\(outcome.standardError)")
    #expect(outcome.standardError.contains("did you mean '\(meant)'?"), "\(outcome.standardError)")
  }

  @Test func aCommandFarFromAnyIsListedWithoutAGuess() throws {
    let outcome = try runOnestop(["frobnicate"])
    #expect(outcome.status == 64)
    #expect(outcome.standardError.contains("unknown command 'frobnicate'"), "\(outcome.standardError)")
    #expect(!outcome.standardError.contains("did you mean"), "\(outcome.standardError)")
    #expect(outcome.standardError.contains("run, compare, sweep"), "\(outcome.standardError)")
  }

  @Test func knownCommandsAndHelpStillWork() throws {
    #expect(try runOnestop(["help", "run"]).status == 0)
    #expect(try runOnestop(["--version"]).status == 0)
    #expect(try runOnestop(["validate", scenario]).status == 0)
  }

  @Test func aVariantsErrorsNameTheVariant() throws {
    let outcome = try runOnestop(["compare", scenario, "--variant", "fast: centre.counter_staff=abc"] + quick,
                                 in: try temporaryDirectory())
    #expect(outcome.status == 2)
    let lines = outcome.standardError.split(separator: "\n")
    #expect(!lines.isEmpty)
    for line in lines { #expect(line.hasPrefix("variant 'fast': "), "\(line)") }
    #expect(outcome.standardError.contains("variant 'fast': --variant 'centre.counter_staff=abc': error: centre.counter_staff:"))
    let malformed = try runOnestop(["compare", scenario, "--variant", "slow: centre.counter_staff"] + quick, in: try temporaryDirectory())
    #expect(malformed.status == 2)
    for line in malformed.standardError.split(separator: "\n") { #expect(line.hasPrefix("variant 'slow': "), "\(line)") }
  }

  /// A Vietnamese name and ids run; the results go to a folder without diacritics.
  @Test func aVietnameseNameWritesToAPlainFolder() throws {
    let directory = try temporaryDirectory()
    let outcome = try runOnestop(["run", scenario, "--set", "name=phường-hà-đông", "--set", "centre.id=phường-hà-đông"] + quick,
                                 in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let centres = try String(contentsOf: directory.appendingPathComponent("results/phuong-ha-dong/centres.csv"), encoding: .utf8)
    #expect(centres.contains("phường-hà-đông"))
  }

  @Test(arguments: [
    ["run", "S"], ["compare", "S", "--variant", "more: centre.counter_staff=4"], ["sweep", "S", "--vary", "centre.counter_staff=2,3"],
    ["optimize", "S", "--target", "on_time_rate>=0.9"], ["optimize", "S", "--by-hour"],
    ["calibrate", "S", "--target", "on_time_rate=0.9+-0.05", "--free", "scales.back_office_time=0.5:2"], ["fit", "log.csv"],
  ])
  func anEmptyOutIsRefusedByEveryCommandNamingTheOption(_ command: [String]) throws {
    let arguments = command.map { $0 == "S" ? scenario : $0 } + ["--out", ""] + (command[0] == "fit" ? [] : quick)
    let outcome = try runOnestop(arguments, in: try temporaryDirectory())
    #expect(outcome.status == 64, "\(outcome.standardError)")
    #expect(outcome.standardError.contains("--out is empty: name a directory, or leave --out out for results/"),
            "\(outcome.standardError)")
  }

  @Test func aLongScenarioNameIsRefusedByValidateWithAShortExcerpt() throws {
    let name = String(repeating: "a", count: 300)
    let outcome = try runOnestop(["validate", scenario, "--set", "name=\(name)"])
    #expect(outcome.status == 2)
    #expect(outcome.standardError.contains("at most 100 characters"), "\(outcome.standardError)")
    #expect(outcome.standardError.contains("a name of 300 characters"), "\(outcome.standardError)")
  }
}
