//===----------------------------------------------------------------------===//
// The benchmark workloads, measured in the process that runs them.
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

enum Workloads {
  /// Runs one workload and returns its measurements as JSON.
  static func measure(_ name: String, arrivals: Int, replications: Int, jobs: Int, days: Int) throws -> JSONValue {
    switch name {
    case "city-year":
      let loaded = try ScenarioLoader.load(path: "bench/city-year.yaml")
      var scenario = loaded.scenario
      scenario.replications = replications
      scenario.horizon.days = days
      let (result, wall) = timed { Experiment.run(scenario, jobs: jobs) }
      var measured: [(String, JSONValue)] = [
        ("label", .string("city-year, \(replications) rep\(replications == 1 ? "" : "s"), \(jobs) core\(jobs == 1 ? "" : "s")")),
        ("tool", .string("onestop")), ("workload", .string("city-year")), ("replications", .number(Double(replications))),
        ("jobs", .number(Double(jobs))), ("days", .number(Double(days))), ("events", .number(Double(result.events))),
        ("wall_seconds", .number(wall)), ("peak_rss_kib", .number(ResourceUsage.peakMemoryKiB())),
        ("note", .string("\(scenario.centres.count) centres, \(fixedText(result.totals[.arrivals].mean, 0)) dossiers per replication")),
      ]
      if replications == 1 {
        // What `onestop run` adds to the simulation: rendering its files (in memory; the
        // disk's speed is not onestop's).
        let provenance = Provenance(scenarioFile: loaded.file, scenarioSHA256: loaded.sha256)
        let (files, reportWall) = timed { RunReport(result: result, provenance: provenance).files() }
        measured += [("report_seconds", .number(reportWall)),
                     ("report_bytes", .number(Double(files.reduce(0) { $0 + $1.contents.utf8.count })))]
      }
      return .object(measured)
    case "sweep":
      // `arrivals` design points × `replications` of the default commune over a quarter.
      var base = try ScenarioLoader.load(path: "scenarios/default.yaml").scenario
      base.replications = replications
      let points = arrivals
      let (events, wall) = timed { () -> UInt64 in
        var total: UInt64 = 0
        for point in 0..<points {
          var scenario = base
          scenario.centres[0].counters[0].staffing = .fixed(2 + point % 4)
          scenario.centres[0].backOffice[0].staffing = .fixed(4 + (point / 4) % 5)
          scenario.centres[0].arrivals.dailyVolume = 40 + Double(point / 20) * 4
          total += Experiment.run(scenario, jobs: jobs).events
        }
        return total
      }
      return .object([
        ("label", .string("sweep, \(points) points × \(replications) reps")), ("tool", .string("onestop")), ("workload", .string("sweep")),
        ("points", .number(Double(points))), ("replications", .number(Double(replications))), ("events", .number(Double(events))),
        ("wall_seconds", .number(wall)), ("peak_rss_kib", .number(ResourceUsage.peakMemoryKiB())), ("note", .string("one-commune quarter each")),
      ])
    case "replications":
      // Many replications of the default commune over `days` days, aggregated and written
      // as `onestop run` writes them: peak memory must not grow with their number.
      let loaded = try ScenarioLoader.load(path: "scenarios/default.yaml")
      var scenario = loaded.scenario
      scenario.replications = replications
      scenario.horizon.days = days
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent("onestop-bench-\(UUID().uuidString)").path
      defer { try? FileManager.default.removeItem(atPath: directory) }
      let (result, wall) = timed { Experiment.run(scenario, jobs: jobs) }
      let report = RunReport(result: result, provenance: Provenance(scenarioFile: loaded.file, scenarioSHA256: loaded.sha256))
      try writingOutputs { () throws(OutputError) in _ = try report.write(to: directory) }
      return .object([
        ("label", .string("replications, \(replications) × \(days) days")), ("tool", .string("onestop")),
        ("workload", .string("replications")), ("replications", .number(Double(replications))), ("days", .number(Double(days))),
        ("events", .number(Double(result.events))), ("wall_seconds", .number(wall)),
        ("peak_rss_kib", .number(ResourceUsage.peakMemoryKiB())), ("note", .string("default commune, files written")),
      ])
    default:
      throw ValidationError("unknown workload '\(name)'")
    }
  }

  /// The M/M/10 scenario with about `arrivals` arrivals.
  /// Whole days that hold at least `arrivals` arrivals at `lambda` per minute.
  static func mmcDays(_ arrivals: Int, _ lambda: Double) -> Int {
    max(1, Int((Double(arrivals) / (lambda * 1440)).rounded(.up)))
  }

  /// The expected arrivals of onestop-mmc asked for `arrivals` (whole days at `lambda`), which
  /// the yardstick and the peers then run exactly.
  static func mmcArrivals(_ arrivals: Int, _ lambda: Double) -> Int {
    Int((Double(mmcDays(arrivals, lambda)) * lambda * 1440).rounded())
  }

  /// Compiles (when needed) and runs the C yardstick on the same model.
  static func yardstick(arrivals: Int) throws -> [String: Any] {
    let binary = "bench/yardstick/mmc"
    if !FileManager.default.isExecutableFile(atPath: binary) {
      try shell("gcc -O2 -o \(binary) bench/yardstick/mmc.c $(pkg-config --cflags --libs gsl)")
    }
    var object = try json(try shell("\(binary) 10 9 1 \(arrivals) 42"))
    object["label"] = "mmc C yardstick, \(arrivals) arrivals"
    return object
  }

  /// SimPy and Ciw on the same model (bench/run-peers.sh installs them).
  static func peers(arrivals: Int) throws -> [[String: Any]] {
    let output = try shell("bench/run-peers.sh 10 9 1 \(arrivals) 42")
    return try output.split(separator: "\n").map { try json(String($0)) }.filter { ($0["tool"] as? String) != "c-yardstick" }.map {
      var object = $0
      object["label"] = "mmc \(object["tool"] ?? "?"), \(arrivals) arrivals"
      return object
    }
  }

  private static func json(_ text: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
      throw ValidationError("not a JSON object: \(text)")
    }
    return object
  }

  @discardableResult
  private static func shell(_ command: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw ValidationError("'\(command)' failed (exit \(process.terminationStatus))") }
    return String(decoding: data, as: UTF8.self)
  }

  /// `body`'s value and its wall time in seconds.
  static func timed<T>(_ body: () -> T) -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
}

/// `x` with `digits` decimals.
func fixedText(_ x: Double, _ digits: Int) -> String {
  guard x.isFinite else { return "–" }
  return String(format: "%.\(digits)f", x)
}

extension JSONValue {
  /// A JSON value from what JSONSerialization read (keys sorted for a stable order).
  static func from(_ value: Any) -> JSONValue {
    switch value {
    case let dictionary as [String: Any]: return .object(dictionary.keys.sorted().map { ($0, from(dictionary[$0]!)) })
    case let array as [Any]: return .array(array.map(from))
    case let number as NSNumber where String(cString: number.objCType) == "c": return .bool(number.boolValue)
    case let number as NSNumber: return .number(number.doubleValue)
    case let string as String: return .string(string)
    default: return .null
    }
  }
}
