import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `compare`, `sweep`, `merge` and `optimize` as a user runs them.
@Suite struct ExperimentCommandTests {
  let scenario = repositoryRoot() + "/scenarios/default.yaml"
  let quick = ["--set", "horizon.days=21", "--replications", "3"]

  func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  @Test func compareGivesVerdictsAndATable() throws {
    let directory = try temporaryDirectory()
    let outcome = try runOnestop(["compare", scenario, "--variant", "more clerks: centre.counter_staff=5", "--out", "cmp"] + quick,
                                 in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.contains("more clerks cuts counter wait, mean (served) by"))
    let table = try read(directory.appendingPathComponent("cmp/compare.csv"))
    #expect(table.hasPrefix("variant,kpi,unit,base_mean,variant_mean,difference_mean,difference_low,difference_high"))
    #expect(table.contains("more clerks,arrivals,dossiers,"))
  }

  @Test func compareSelectsTheBestOfSeveral() throws {
    let directory = try temporaryDirectory()
    let outcome = try runOnestop(["compare", scenario, "--variant", "2: centre.back_office_staff=2", "--variant", "8: centre.back_office_staff=8",
                                  "--select", "back_office_wait_mean", "--delta", "5", "--out", "cmp"] + quick, in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.contains("best is 8"))
    #expect(try read(directory.appendingPathComponent("cmp/compare.json")).contains("\"probability_of_correct_selection\": 0.95"))
  }

  @Test func aBadVariantIsALocatedError() throws {
    let outcome = try runOnestop(["compare", scenario, "--variant", "x: centre.counter_staff=-1"], in: try temporaryDirectory())
    #expect(outcome.status == 2)
    #expect(outcome.standardError.contains("--variant 'centre.counter_staff=-1': error: centre.counter_staff: expected a whole number"))
  }

  /// A sweep loads its scenario once per point: each distinct warning is printed once,
  /// naming the points that have it unless all of them do.
  @Test func aSweepPrintsEachWarningOnceWithThePointsThatHaveIt() throws {
    let directory = try temporaryDirectory()
    let shared = try runOnestop(["sweep", scenario, "--set", "centre.back_office_staff=1", "--vary", "centre.counter_staff=2,3,4",
                                 "--out", "shared", "--quiet"] + quick, in: directory)
    #expect(shared.status == 0, "\(shared.standardError)")
    let sharedLines = shared.standardError.split(separator: "\n")
    #expect(sharedLines.count == 1 && sharedLines[0].hasPrefix("--set 'centre.back_office_staff=1': warning:"), "\(sharedLines)")
    let split = try runOnestop(["sweep", scenario, "--vary", "centre.counter_staff=2,3", "--vary", "centre.back_office_staff=1,2,5",
                                "--out", "split", "--quiet"] + quick, in: directory)
    #expect(split.status == 0, "\(split.standardError)")
    let lines = split.standardError.split(separator: "\n")
    // The same warning at two values (398% and 199% of capacity): one line, with a count.
    #expect(lines.count == 1, "\(lines)")
    #expect(lines.first?.hasPrefix("sweep points 0, 1, 3, 4: --vary 'centre.back_office_staff=1': warning:") == true, "\(lines)")
    #expect(lines.first?.hasSuffix("[as found at sweep point 0; 2 different findings over 4 points]") == true, "\(lines)")
    // A Latin hypercube over the demand: each kind of warning once, not once per point.
    let lhs = try runOnestop(["sweep", scenario, "--vary", "centre.arrivals.daily_volume=100:200", "--lhs", "30", "--out", "lhs", "--quiet"]
      + quick, in: directory)
    #expect(lhs.status == 0, "\(lhs.standardError)")
    let kinds = lhs.standardError.split(separator: "\n")
    #expect(kinds.count == 2 && kinds.allSatisfy { $0.contains("different findings over") }, "\(kinds)")
    // Many points: the first eight, then how many of all.
    let many = try runOnestop(["sweep", scenario, "--vary", "centre.counter_staff=2:11:1", "--vary", "centre.back_office_staff=1,5",
                               "--out", "many", "--quiet"] + quick, in: directory)
    #expect(many.status == 0, "\(many.standardError)")
    #expect(many.standardError.hasPrefix("sweep points 0, 2, 4, 6, 8, 10, 12, 14 … (10 of 20): --vary 'centre.back_office_staff=1'"),
            "\(many.standardError)")
  }

  @Test func aVariantsOwnWarningNamesIt() throws {
    let outcome = try runOnestop(["compare", scenario, "--variant", "short: centre.back_office_staff=1", "--out", "cmp"] + quick,
                                 in: try temporaryDirectory())
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardError.hasPrefix("variant 'short': --variant 'centre.back_office_staff=1': warning:"), "\(outcome.standardError)")
  }

  func sweep(_ extra: [String], in directory: URL) throws -> CommandOutcome {
    try runOnestop(["sweep", scenario, "--vary", "centre.counter_staff=2,3,4", "--vary", "centre.back_office_staff=4:5:1", "--quiet"]
                   + quick + extra, in: directory)
  }

  @Test func shardsMergeIntoTheSameTableAsOneRun() throws {
    let directory = try temporaryDirectory()
    #expect(try sweep(["--out", "whole"], in: directory).status == 0)
    for k in 1...3 { #expect(try sweep(["--out", "s\(k)", "--shard", "\(k)/3"], in: directory).status == 0) }
    let merged = try runOnestop(["merge", "merged", "s1", "s2", "s3"], in: directory)
    #expect(merged.status == 0, "\(merged.standardError)")
    for file in ["sweep.csv", "replications.csv"] {
      #expect(try read(directory.appendingPathComponent("whole/\(file)")) == read(directory.appendingPathComponent("merged/\(file)")))
    }
    #expect(try read(directory.appendingPathComponent("whole/sweep.csv")).split(separator: "\n").count == 7)
    let incomplete = try runOnestop(["merge", "partial", "s1", "s2"], in: directory)
    #expect(incomplete.status == 1 && incomplete.standardError.contains("are in no shard"))
  }

  @Test func aKilledSweepResumesWithoutLostOrRepeatedRows() throws {
    let directory = try temporaryDirectory()
    #expect(try sweep(["--out", "reference"], in: directory).status == 0)
    // Start the same sweep, kill it once a point is done, run it again.
    let process = Process()
    process.executableURL = onestopExecutable()
    process.arguments = ["sweep", scenario, "--vary", "centre.counter_staff=2,3,4", "--vary", "centre.back_office_staff=4:5:1",
                         "--quiet", "--out", "killed"] + quick
    process.currentDirectoryURL = directory
    try process.run()
    let points = directory.appendingPathComponent("killed/points")
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline {
      let done = ((try? FileManager.default.contentsOfDirectory(atPath: points.path)) ?? []).filter { $0.hasPrefix("point-") }
      if !done.isEmpty || !process.isRunning { break }
      usleep(2_000)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(try sweep(["--out", "killed"], in: directory).status == 0)
    for file in ["sweep.csv", "replications.csv"] {
      #expect(try read(directory.appendingPathComponent("reference/\(file)")) == read(directory.appendingPathComponent("killed/\(file)")))
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: points.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)
  }

  /// A researcher's Latin hypercube over a whole-number field and a real one: both ends
  /// of `counter_staff=2:3` come out, and `daily_volume=40:60` is sampled as reals.
  @Test func aLatinHypercubeSamplesWholeNumbersInclusivelyAndRealsAsReals() throws {
    let directory = try temporaryDirectory()
    let outcome = try runOnestop(["sweep", scenario, "--vary", "centre.counter_staff=2:3", "--vary", "centre.arrivals.daily_volume=40:60",
                                  "--lhs", "8", "--json", "--out", "lhs"] + quick, in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    let points = try #require(json["points"] as? [[String: Any]])
    let staff = points.compactMap { $0["centre.counter_staff"] as? Double }
    #expect(staff.filter { $0 == 2 }.count == 4 && staff.filter { $0 == 3 }.count == 4, "\(staff)")
    let volumes = points.compactMap { $0["centre.arrivals.daily_volume"] as? Double }
    #expect(volumes.count == 8 && volumes.contains { $0 != $0.rounded() }, "\(volumes)")
  }

  @Test func optimizeFindsAndConfirmsAStaffing() throws {
    let directory = try temporaryDirectory()
    let outcome = try runOnestop(["optimize", scenario, "--target", "counter_wait_p95<=10", "--units", "counters",
                                  "--set", "centre.counter_staff=1", "--out", "opt", "--quiet"] + quick, in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let table = try read(directory.appendingPathComponent("opt/optimize.csv"))
    #expect(table.hasPrefix("unit,before,after,change\ncommune/counter,1,"))
    #expect(try read(directory.appendingPathComponent("opt/optimize.json")).contains("\"feasible\": true"))
  }
}

/// Killing and interrupting commands leaves only whole files.
@Suite struct CrashSafetyTests {
  let scenario = repositoryRoot() + "/scenarios/default.yaml"

  /// Starts onestop with `arguments` in `directory`, waits until `ready` holds (60 s at
  /// most) and then `delay` seconds, and sends `signal`.
  func signalled(_ arguments: [String], in directory: URL, after delay: Double, signal: Int32,
                 when ready: (Int32) -> Bool = { _ in true }) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = onestopExecutable()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    var waited = 0
    while waited < 6000, process.isRunning, !ready(process.processIdentifier) {
      usleep(10_000)
      waited += 1
    }
    usleep(UInt32(delay * 1_000_000))
    kill(process.processIdentifier, signal)
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }

  /// Whether process `pid` has taken over SIGINT (ignored, or caught): Linux's
  /// /proc/PID/status; elsewhere assumed after a moment. On a loaded machine a signal
  /// sent before that would kill the process the default way.
  func handlesInterrupts(_ pid: Int32) -> Bool {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
      usleep(300_000)
      return true
    }
    func mask(_ key: String) -> UInt64 {
      guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
      return UInt64(line.dropFirst(key.count).trimmingCharacters(in: .whitespaces), radix: 16) ?? 0
    }
    return (mask("SigIgn:") | mask("SigCgt:")) & (1 << UInt64(SIGINT - 1)) != 0
  }

  @Test func aRunKilledMidwayLeavesNoHalfWrittenFile() throws {
    let directory = try temporaryDirectory()
    // A first, complete run; then the same run killed while it computes or writes.
    #expect(try runOnestop(["run", scenario, "--replications", "4", "--out", "out", "--quiet"], in: directory).status == 0)
    let before = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out").path).sorted()
    for delay in [0.05, 0.2, 0.5] {
      _ = try signalled(["run", scenario, "--replications", "400", "--out", "out", "--quiet"], in: directory, after: delay, signal: SIGKILL)
      let after = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out").path).sorted()
      #expect(after == before, "temporary or partial files after SIGKILL: \(after)")
      let summary = try String(contentsOf: directory.appendingPathComponent("out/summary.json"), encoding: .utf8)
      #expect(summary.hasSuffix("}\n"))  // whole, not truncated
    }
  }

  @Test func anInterruptedRunSaysNothingWasWritten() throws {
    let directory = try temporaryDirectory()
    let (status, errors) = try signalled(["run", scenario, "--replications", "20000", "--out", "out"], in: directory, after: 0.5,
                                         signal: SIGINT,
                                         when: handlesInterrupts)
    #expect(status == 130)
    #expect(errors.contains("replications; nothing was written."))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
  }

  /// A planner whose optimisation was killed runs the same command again: it resumes
  /// from the evaluations kept in DIR/resume and writes the answer of a run that never
  /// stopped; once written, nothing is left to resume.
  @Test func aKilledOptimisationResumesToTheSameAnswer() throws {
    let directory = try temporaryDirectory()
    let arguments = ["optimize", scenario, "--objective", "overdue", "--budget", "2", "--units", "back-office", "--max-per-centre", "2",
                     "--set", "horizon.days=250", "--replications", "10", "--jobs", "1", "--quiet"]
    #expect(try runOnestop(arguments + ["--out", "reference"], in: directory).status == 0)
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("reference/resume").path))
    let resume = directory.appendingPathComponent("killed/resume").path
    let (status, _) = try signalled(arguments + ["--out", "killed"], in: directory, after: 0, signal: SIGKILL, when: { _ in
      ((try? FileManager.default.contentsOfDirectory(atPath: resume)) ?? []).contains { $0.hasPrefix("e-") }
    })
    #expect(status != 0, "killed before it finished")
    let resumed = try runOnestop(arguments + ["--out", "killed"], in: directory)
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(resumed.standardError.contains("resuming a stopped optimisation"), "\(resumed.standardError)")
    for file in ["optimize.csv", "marginal.csv"] {
      #expect(try String(contentsOfFile: directory.appendingPathComponent("reference/\(file)").path, encoding: .utf8)
        == String(contentsOfFile: directory.appendingPathComponent("killed/\(file)").path, encoding: .utf8), "\(file)")
    }
    func answer(_ folder: String) throws -> NSDictionary {
      let data = try Data(contentsOf: directory.appendingPathComponent("\(folder)/optimize.json"))
      let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      return json.filter { $0.key != "log" } as NSDictionary
    }
    #expect(try answer("reference") == answer("killed"), "the same figures, the log aside")
    #expect(!FileManager.default.fileExists(atPath: resume))
  }

  @Test func anInterruptedSweepKeepsItsFinishedPoints() throws {
    let directory = try temporaryDirectory()
    // 40 points: far more than can finish in the 0.1 s between the first point and the signal.
    let arguments = ["sweep", scenario, "--vary", "centre.counter_staff=2:41:1", "--replications", "6", "--out", "sw"]
    let first = directory.appendingPathComponent("sw/points/point-000000.csv").path
    let (status, errors) = try signalled(arguments, in: directory, after: 0.1, signal: SIGINT,
                                         when: { handlesInterrupts($0) && FileManager.default.fileExists(atPath: first) })
    #expect(status == 130)
    #expect(errors.contains("points are kept in sw; run the same command again to continue."))
    let resumed = try runOnestop(arguments + ["--quiet"], in: directory)
    #expect(resumed.status == 0)
    let table = try String(contentsOf: directory.appendingPathComponent("sw/sweep.csv"), encoding: .utf8)
    #expect(table.split(separator: "\n").count == 41)
  }
}

/// `onestop warmup`.
@Suite struct WarmUpCommandTests {
  let scenario = repositoryRoot() + "/scenarios/default.yaml"

  @Test func suggestsAWarmUpOrSaysWhyItCannot() throws {
    let settled = try runOnestop(["warmup", scenario, "--set", "horizon.days=120", "--replications", "4"])
    #expect(settled.status == 0, "\(settled.standardError)")
    #expect(settled.standardOutput.contains("Counter wait, mean"))
    #expect(settled.standardOutput.contains("Suggested warm-up:"))
    // Half the back office the demand needs: the backlog grows for ever.
    let overloaded = try runOnestop(["warmup", scenario, "--set", "horizon.days=60", "--set", "centre.back_office_staff=2",
                                     "--replications", "4", "--measures", "backlog"])
    #expect(overloaded.status == 0)
    #expect(overloaded.standardOutput.contains("No warm-up can be suggested: Backlog at midnight had not settled"))
    let wrong = try runOnestop(["warmup", scenario, "--measures", "nope"])
    #expect(wrong.status == 64)
    #expect(wrong.standardError.contains("Unknown daily measure 'nope'"))
  }
}

/// `onestop optimize --by-hour`.
@Suite struct ByHourCommandTests {
  let scenarios = repositoryRoot() + "/scenarios"

  @Test func staffsByTheHourBesideErlangC() throws {
    let directory = try temporaryDirectory()
    let outcome = try runOnestop(["optimize", "\(scenarios)/hadong-pooled.yaml", "--by-hour", "--delay", "0.2", "--replications", "4",
                                  "--out", "bh", "--quiet"], in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let table = try String(contentsOf: directory.appendingPathComponent("bh/by_hour.csv"), encoding: .utf8)
    #expect(table.hasPrefix("hour,arrivals_per_hour,erlang_c_staff,"))
    #expect(table.split(separator: "\n").count == 9)  // header + 8 open hours
    let json = try String(contentsOf: directory.appendingPathComponent("bh/by_hour.json"), encoding: .utf8)
    #expect(json.contains("\"isa_staff\""))
  }

  @Test func refusesACityAndWrongOptions() throws {
    let city = try runOnestop(["optimize", "\(scenarios)/hanoi-first-15-days.yaml", "--by-hour", "--quiet"])
    #expect(city.status == 2)
    #expect(city.standardError.contains("needs one centre with one counter group; this scenario has 126 centres"))
    let mixed = try runOnestop(["optimize", "--by-hour", "--target", "on_time_rate>=0.9"])
    #expect(mixed.status == 64)
    let share = try runOnestop(["optimize", "--by-hour", "--delay", "1.5"])
    #expect(share.standardError.contains("--delay is a share between 0 and 1"))
  }
}
