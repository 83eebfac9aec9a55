//===----------------------------------------------------------------------===//
// onestop bench
//===----------------------------------------------------------------------===//

import ArgumentParser
import CentreModel
import CentreSimulation
import Dispatch
import Experiments
import Foundation
import QueueingTheory
import Reporting
import ScenarioFormat
import SimRandom

struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure onestop's speed and memory on standard workloads.",
    discussion: """
      Workloads, each measured in a process of its own (so its peak memory is
      its own):
        mmc        M/M/10, λ = 9/min, μ = 1/min, about 1,000,000 arrivals,
                   through the real engine and model (onestop-mmc, a lean
                   process without Foundation). Prints the mean wait beside
                   Erlang C's, then the same model in C as the yardstick
                   (bench/yardstick/mmc.c: binary heap, GSL mt19937).
        city-year  bench/city-year.yaml: 126 communes, 250 working days, the
                   full model; 1 replication on 1 core, then 30 on all cores.
        sweep      100 design points × 10 replications of a one-commune
                   quarter.
        replications  10,000 replications of the default commune over a
                   week, aggregated and written as `onestop run` writes them.
      --scaling adds mmc at 100k, 1M and 10M arrivals and the replications
      workload at 1,000, 10,000 and 100,000 (memory must stay flat), and
      city-year's 30 replications on 1 core, for the speed-up.
      --peers adds SimPy and Ciw running the mmc model (bench/run-peers.sh
      installs them with pip). --size tiny runs everything small, to check
      that the benchmark works (CI).

      Writes the measurements to results/bench.json (or --out FILE). Build in
      release mode first.

      Example:
        swift build -c release && .build/release/onestop bench --peers --scaling
      """
  )

  @Option(help: "Workloads: all, or a comma-separated list of mmc, city-year, sweep, replications.")
  var workload = "all"

  @Option(help: "full, or tiny (a quick check that everything works).")
  var size = "full"

  @Flag(help: "Also time SimPy and Ciw on the mmc model (installs them with pip).")
  var peers = false

  @Flag(help: "Also measure mmc at 100k, 1M and 10M arrivals and city-year's speed-up over cores.")
  var scaling = false

  @Option(help: ArgumentHelp("Where to write the measurements.", valueName: "file"))
  var out = "results/bench.json"

  @Option(help: .hidden) var measure: String?
  @Option(help: .hidden) var arrivals = 1_000_000
  @Option(help: .hidden) var replications = 1
  @Option(help: .hidden) var jobs = Experiment.defaultJobs
  @Option(help: .hidden) var days = 365

  func validate() throws {
    guard ["full", "tiny"].contains(size) else { throw ValidationError("--size is full or tiny.") }
    for name in workload.split(separator: ",") where !["all", "mmc", "city-year", "sweep", "replications"].contains(name) {
      throw ValidationError("Unknown workload '\(name)': expected all, or a list of mmc, city-year, sweep, replications.")
    }
  }

  func run() throws {
    if let measure {
      print(try Workloads.measure(measure, arrivals: arrivals, replications: replications, jobs: jobs, days: days).rendered(), terminator: "")
      return
    }
    let tiny = size == "tiny"
    let chosen = workload == "all" ? ["mmc", "city-year", "sweep", "replications"] : workload.split(separator: ",").map(String.init)
    var rows: [JSONValue] = []
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    /// Runs `onestop bench --measure …`, or with `program`, that sibling executable.
    func child(_ arguments: [String], program: String? = nil) throws -> [String: Any] {
      let process = Process()
      if let program {
        process.executableURL = executable.deletingLastPathComponent().appendingPathComponent(program)
        process.arguments = arguments
      } else {
        process.executableURL = executable
        process.arguments = ["bench"] + arguments
      }
      let pipe = Pipe()
      process.standardOutput = pipe
      try process.run()
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      guard process.terminationStatus == 0, let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw ValidationError("benchmark \(arguments.joined(separator: " ")) failed")
      }
      return object
    }
    func record(_ object: [String: Any]) {
      rows.append(JSONValue.from(object))
      let events = object["events"] as? Double ?? 0, wall = object["wall_seconds"] as? Double ?? 0
      let rss = object["peak_rss_kib"] as? Double ?? 0
      print(String(describing: object["label"] ?? object["tool"] ?? "?").padding(toLength: 34, withPad: " ", startingAt: 0)
        + "  \(pad(fmt(events, 0), 11))  \(pad(fmt(wall, 3), 8)) s  \(pad(fmt(wall > 0 ? events / wall / 1e6 : 0, 2), 7)) M events/s  "
        + "\(pad(fmt(rss / 1024, 1), 7)) MiB  \(object["note"] as? String ?? "")")
    }
    print("workload                              events      wall        speed              peak memory")
    var mmcSpeed: Double?
    if chosen.contains("mmc") {
      let n = tiny ? 20_000 : 1_000_000
      let onestop = try child(["\(n)"], program: "onestop-mmc")
      record(onestop)
      mmcSpeed = (onestop["events"] as? Double ?? 0) / max(onestop["wall_seconds"] as? Double ?? 1, 1e-9)
      if let yardstick = try? Workloads.yardstick(arrivals: Workloads.mmcArrivals(n, 9)) {
        record(yardstick)
        let cSpeed = (yardstick["events"] as? Double ?? 0) / max(yardstick["wall_seconds"] as? Double ?? 1, 1e-9)
        if let mine = mmcSpeed { print("  onestop runs at \(fmt(100 * mine / cSpeed, 0))% of the C yardstick's events per second") }
      } else {
        print("  (C yardstick unavailable: needs gcc and libgsl-dev, and bench/yardstick/mmc.c)")
      }
      if peers {
        for peer in try Workloads.peers(arrivals: Workloads.mmcArrivals(tiny ? 2_000 : n, 9)) {
          record(peer)
          let speed = (peer["events"] as? Double ?? 0) / max(peer["wall_seconds"] as? Double ?? 1, 1e-9)
          if let mine = mmcSpeed { print("  onestop is \(fmt(mine / speed, 0))× faster than \(peer["tool"] ?? "?")") }
        }
      }
      if scaling {
        for n in tiny ? [5_000, 20_000] : [100_000, 1_000_000, 10_000_000] { record(try child(["\(n)"], program: "onestop-mmc")) }
      }
    }
    if chosen.contains("city-year") {
      let days = tiny ? 14 : 365
      let single = try child(["--measure", "city-year", "--replications", "1", "--jobs", "1", "--days", "\(days)"])
      record(single)
      if let seconds = single["report_seconds"] as? Double, let bytes = single["report_bytes"] as? Double {
        print("  its report files (\(fmt(bytes / 1_048_576, 1)) MiB, as `onestop run` writes them) render in \(fmt(seconds, 3)) s")
      }
      let many = tiny ? 4 : 30
      let all = try child(["--measure", "city-year", "--replications", "\(many)", "--days", "\(days)"])
      record(all)
      if scaling {
        let one = try child(["--measure", "city-year", "--replications", "\(many)", "--jobs", "1", "--days", "\(days)"])
        record(one)
        let speedup = (one["wall_seconds"] as? Double ?? 0) / max(all["wall_seconds"] as? Double ?? 1, 1e-9)
        print("  \(many) replications: speed-up \(fmt(speedup, 2)) from 1 core to \(Experiment.defaultJobs)")
      }
    }
    if chosen.contains("sweep") {
      record(try child(["--measure", "sweep", "--replications", tiny ? "2" : "10", "--arrivals", tiny ? "4" : "100"]))
    }
    if chosen.contains("replications") {
      let counts = scaling ? (tiny ? [100, 1_000] : [1_000, 10_000, 100_000]) : [tiny ? 200 : 10_000]
      for n in counts { record(try child(["--measure", "replications", "--replications", "\(n)", "--days", "7"])) }
    }
    try writingOutputs { () throws(OutputError) in
      if let slash = out.lastIndex(of: "/") { try AtomicFile.makeDirectory(String(out[..<slash])) }
      try AtomicFile.write(JSONValue.object([("onestop_version", .string(onestopVersion)), ("size", .string(size)),
                                             ("cores", .number(Double(Experiment.defaultJobs))), ("measurements", .array(rows))]).rendered(), to: out)
    }
    print("Wrote \(out)")
  }

  private func fmt(_ x: Double, _ digits: Int) -> String { fixedText(x, digits) }
  private func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
}
