//===----------------------------------------------------------------------===//
// `onestop run --trace PATH`: only a regular file is replaced, and only at the end.
//===----------------------------------------------------------------------===//

import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The trace is an output like the others: refused at once when its path holds something
/// other than a regular file, written atomically, and its text cells guarded.
@Suite struct TraceSafetyTests {
  /// A small scenario whose procedure name and wait step name look like formulas.
  static let scenario = """
    name: guarded
    seed: 1
    replications: 2
    horizon: {start: 2025-07-01, days: 28}
    procedures:
      - id: certification
        name: "=1+1"
        share: 1
        counter_time: 4
        deadline: {working_days: 3}
        steps:
          - {name: "=HYPERLINK(\\"http://x\\",\\"y\\")", wait: 1}
          - {name: sign, pool: office, time: 1}
    centre:
      id: commune
      arrivals: {daily_volume: 10}
      counters: [{id: general, staff: 1}]
      back_office: [{id: office, staff: 1}]

    """

  func workspace() throws -> URL {
    let directory = try temporaryDirectory()
    try Self.scenario.write(to: directory.appendingPathComponent("guarded.yaml"), atomically: true, encoding: .utf8)
    return directory
  }

  func type(_ path: String) -> mode_t? {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
  }

  func names(_ directory: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() }

  @Test(arguments: ["fifo", "symlink", "directory", "device"])
  func aTraceOverSomethingElseThanARegularFileIsRefusedBeforeRunning(kind: String) throws {
    let directory = try workspace()
    let trace = directory.appendingPathComponent("trace.csv").path
    let victim = directory.appendingPathComponent("victim").path
    try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
    let expected: mode_t
    switch kind {
    case "fifo":
      #expect(mkfifo(trace, 0o644) == 0)
      expected = S_IFIFO
    case "symlink":
      try FileManager.default.createSymbolicLink(atPath: trace, withDestinationPath: victim)
      expected = S_IFLNK
    case "device":
      // A character device like /dev/null (1, 3), made here (the tests run as root);
      // glibc's makedev(1, 3) is a macro, so its value is written out.
      #if canImport(Glibc)
        let null = dev_t(1 << 8 | 3)
      #else
        let null = dev_t(1 << 24 | 3)
      #endif
      try #require(mknod(trace, S_IFCHR | 0o644, null) == 0, "mknod: \(String(cString: strerror(errno)))")
      expected = S_IFCHR
    default:
      try FileManager.default.createDirectory(atPath: trace, withIntermediateDirectories: false)
      expected = S_IFDIR
    }
    let outcome = try runOnestop(["run", "guarded.yaml", "--out", "out", "--trace", "trace.csv", "--quiet"], in: directory)
    #expect(outcome.status == 1, "\(outcome.standardError)")
    #expect(outcome.standardError.contains("'trace.csv'"), "\(outcome.standardError)")
    #expect(outcome.standardError.contains("refusing to replace it"), "\(outcome.standardError)")
    #expect(type(trace) == expected)
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
    // Refused before the run: no results were written either.
    #expect(try names(directory) == ["guarded.yaml", "trace.csv", "victim"])
  }

  @Test func aTraceReplacesARegularFileWithTheSameBytesAsANewOne() throws {
    let directory = try workspace()
    try "an old trace\n".write(to: directory.appendingPathComponent("old.csv"), atomically: true, encoding: .utf8)
    for name in ["new.csv", "old.csv"] {
      let outcome = try runOnestop(["run", "guarded.yaml", "--out", "out", "--trace", name, "--quiet"], in: directory)
      #expect(outcome.status == 0, "\(outcome.standardError)")
    }
    let new = try Data(contentsOf: directory.appendingPathComponent("new.csv"))
    #expect(try Data(contentsOf: directory.appendingPathComponent("old.csv")) == new)
    #expect(try names(directory) == ["guarded.yaml", "new.csv", "old.csv", "out"])
    let lines = String(decoding: new, as: UTF8.self).split(separator: "\n")
    #expect(lines.first == "replication,dossier,centre,procedure,channel,event,time,due,detail")
    #expect(lines.count > 100)
  }

  @Test func formulaLikeSettingsAndLabelsAreGuardedInSweepAndCompareTables() throws {
    let directory = try workspace()
    let quick = ["--replications", "2", "--set", "horizon.days=7", "--quiet"]
    let sweep = try runOnestop(["sweep", "guarded.yaml", "--vary", "procedures[certification].name==SUM(1),-x,+2", "--out", "s"] + quick,
                               in: directory)
    #expect(sweep.status == 0, "\(sweep.standardError)")
    let settings = try String(contentsOf: directory.appendingPathComponent("s/sweep.csv"), encoding: .utf8)
      .split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }
    // Text is guarded; a number (+2) is left as it is.
    #expect(settings == ["'=SUM(1)", "'-x", "+2"], "\(settings)")
    let replications = try String(contentsOf: directory.appendingPathComponent("s/replications.csv"), encoding: .utf8)
    #expect(replications.contains("\n0,'=SUM(1),0,") && !replications.contains(",=SUM"), "\(replications.prefix(300))")
    let compare = try runOnestop(["compare", "guarded.yaml", "--variant", "@more: centre.counters[general].staff=2",
                                  "--variant=-less: procedures[certification].counter_time=3", "--out", "c"] + quick, in: directory)
    #expect(compare.status == 0, "\(compare.standardError)")
    let labels = Set(try String(contentsOf: directory.appendingPathComponent("c/compare.csv"), encoding: .utf8)
      .split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) })
    #expect(labels == ["'@more", "'-less"], "\(labels)")
  }

  @Test func formulaLikeTextIsGuardedInTheTraceAndTheTables() throws {
    let directory = try workspace()
    let outcome = try runOnestop(["run", "guarded.yaml", "--out", "out", "--trace", "trace.csv", "--quiet"], in: directory)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let trace = try String(contentsOf: directory.appendingPathComponent("trace.csv"), encoding: .utf8)
    let waits = trace.split(separator: "\n").filter { $0.contains(",wait_start,") }
    #expect(!waits.isEmpty)
    #expect(waits.allSatisfy { $0.hasSuffix(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"") }, "\(waits.first ?? "")")
    let procedures = try String(contentsOf: directory.appendingPathComponent("out/procedures.csv"), encoding: .utf8)
    #expect(procedures.split(separator: "\n").dropFirst().first?.hasPrefix("certification,'=1+1,") == true)
  }

  /// A run that fails after simulating (its results directory cannot be made) leaves no
  /// trace and no temporary file.
  @Test func aFailedRunLeavesNoTraceAndNoTemporary() throws {
    let directory = try workspace()
    try Data().write(to: directory.appendingPathComponent("blocker"))
    let outcome = try runOnestop(["run", "guarded.yaml", "--out", "blocker/sub", "--trace", "trace.csv", "--quiet"],
                                 in: directory)
    #expect(outcome.status == 1)
    #expect(try names(directory) == ["blocker", "guarded.yaml"])
  }

  /// Writes that fail part way (the file-size limit, which root cannot bypass) leave no
  /// temporary behind.
  @Test func writesCutShortByTheFileSizeLimitLeaveNoTemporary() throws {
    let directory = try workspace()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    // SIGXFSZ ignored, so that write(2) fails with EFBIG instead of killing the process.
    process.arguments = ["-c", "trap '' XFSZ; ulimit -f 64; exec \"$0\" run guarded.yaml --out out --trace trace.csv --quiet",
                         onestopExecutable().path]
    process.currentDirectoryURL = directory
    process.standardError = Pipe()
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    let left = (try? FileManager.default.subpathsOfDirectory(atPath: directory.path)) ?? []
    #expect(left.filter { $0.split(separator: "/").last?.hasPrefix(".") == true || $0.contains(".tmp-") } == [], "\(left)")
    #expect(type(directory.appendingPathComponent("trace.csv").path) == nil)
  }
}
