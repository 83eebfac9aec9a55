//===----------------------------------------------------------------------===//
// onestop sweep and onestop merge
//===----------------------------------------------------------------------===//

import ArgumentParser
import CentreModel
import Experiments
import Reporting
import ScenarioFormat

struct Sweep: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario over a design of parameter settings.",
    discussion: """
      Each --vary gives a scenario field and its values: a list (a,b,c) or a range \
      (low:high:step, both ends included, low ≤ high and step > 0; low:high for a Latin \
      hypercube). A value like 16:00 is a time of day, not a range; quote a value that \
      contains ':' to keep it whole ('"12:30"'). Each field may be varied once. By \
      default every combination is run (a full grid); --lhs N runs N points of a Latin \
      hypercube. A design of more than --max-points points (default 100000) is refused \
      before anything runs. Every point runs the scenario's replications with the same \
      seed (common random numbers across points).

      Writes sweep.csv (one row per point: its settings, then the mean and 95% CI \
      half-width of every KPI) and replications.csv (one row per point and replication) \
      into results/sweep-<name>/ (or --out DIR). Finished points are kept under points/: \
      a sweep stopped at any moment and run again continues where it stopped. --shard k/n \
      runs a deterministic k-th of the points (for a Slurm array job, see \
      scripts/slurm/); `onestop merge` joins the shards' directories. One sweep at a time \
      runs in a directory: a second one exits with 1 naming the process that holds it \
      (its lock, sweep.lock, goes when that process ends).

      Examples:
        onestop sweep --vary centre.counter_staff=2,3,4 --vary centre.back_office_staff=4:7:1
        onestop sweep scenarios/portal-outages.yaml --vary 'outages[national-portal].daily_probability=0.1:0.3' --lhs 20
        onestop sweep --vary centre.counter_staff=2,3,4 --shard 1/4 --out results/s1
      """
  )

  @Argument(help: "The scenario file (YAML).")
  var scenario: String = "scenarios/default.yaml"

  @Option(help: ArgumentHelp("A field and its values: key.path=a,b,c or key.path=low:high[:step] (repeatable).",
                             valueName: "factor"))
  var vary: [String] = []

  @Option(help: "Run this many points of a Latin hypercube instead of the full grid.")
  var lhs: Int?

  @Option(help: ArgumentHelp("Run only the k-th of n shares of the points.", valueName: "k/n"))
  var shard: String?

  @Option(help: ArgumentHelp("Refuse a design of more points than this.", valueName: "N"))
  var maxPoints = Sweep.defaultMaxPoints

  @OptionGroup var changes: ScenarioChanges

  @Option(help: ArgumentHelp("Output directory (default: results/sweep-<scenario name>).", valueName: "dir"))
  var out: String?

  @OptionGroup var language: LanguageOption

  @OptionGroup var output: JSONOption

  @OptionGroup var execution: ExecutionOptions

  /// The largest design run without `--max-points` (a typo in a range can otherwise ask
  /// for billions of points, built in memory before any runs).
  static let defaultMaxPoints = 100_000

  func validate() throws {
    guard !vary.isEmpty else { throw ValidationError("give at least one --vary key.path=values.") }
    var factors: [SweepFactor] = []
    for text in vary {
      do {
        factors.append(try SweepFactor(validating: text))
      } catch {
        throw ValidationError("--vary '\(text)' \(error.reason). Write key.path=a,b,c (a list) or key.path=low:high[:step] "
          + "(a range with low ≤ high and a step above 0).")
      }
    }
    for (i, factor) in factors.enumerated() {
      if let j = factors[..<i].firstIndex(where: { $0.keyPath == factor.keyPath }) {
        throw ValidationError("--vary '\(vary[j])' and --vary '\(vary[i])' both vary \(factor.keyPath); give all its values in one --vary.")
      }
    }
    if let lhs, lhs < 2 { throw ValidationError("--lhs needs at least 2 points.") }
    guard maxPoints >= 1 else { throw ValidationError("--max-points must be at least 1, not \(maxPoints).") }
    try checkSize(factors)
    if let shard, Shard(parsing: shard) == nil { throw ValidationError("--shard must be k/n with 1 ≤ k ≤ n, not '\(shard)'.") }
    try checkOut(out, fallback: "results/sweep-<name>")
  }

  /// Refuses a design of more than `--max-points` points, counted before any is built.
  private func checkSize(_ factors: [SweepFactor]) throws {
    let raise = "raise the limit with --max-points N"
    if let lhs {
      if lhs > maxPoints { throw ValidationError("--lhs \(lhs) asks for more points than the limit of \(maxPoints); \(raise).") }
      // Its stepped ranges and lists are listed in full (in sweep.json) too.
      for (text, factor) in zip(vary, factors) where factor.levelCount > maxPoints {
        throw ValidationError("--vary '\(text)' has \(factor.levelCount) levels, more than the limit of \(maxPoints) points; "
          + "give it a coarser step, or no step for a continuous range, or \(raise).")
      }
      return
    }
    let count = SweepDesign.grid.pointCount(factors)
    guard let count, count <= maxPoints else {
      // A count of Int.max is a saturated one (a range of more levels than that).
      func shown(_ n: Int?) -> String { n.map { $0 == .max ? "more than 9.2e18" : String($0) } ?? "more than 9.2e18" }
      let names = factors.map(\.keyPath)
      let which = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
      throw ValidationError("the grid has \(shown(count)) points (\(factors.map { shown($0.levelCount) }.joined(separator: " × ")): "
        + "the levels of \(which)), more than the limit of \(maxPoints); \(raise), or sample the grid with --lhs N.")
    }
  }

  /// A factor in `sweep.json`: its key path, its levels, and for a continuous range of a
  /// Latin hypercube whether it is sampled as reals or whole numbers.
  private func describe(_ factor: SweepFactor) -> JSONValue {
    var members: [(String, JSONValue)] = [("key_path", .string(factor.keyPath)), ("values", .array(factor.gridValues.map { .string($0) }))]
    if lhs != nil, case .range(_, _, let step) = factor.levels, step == 0 {
      members.append(("sampled_as", .string(factor.isInteger ? "whole numbers" : "reals")))
    }
    return .object(members)
  }

  func run() throws {
    let document = try readScenario(scenario)
    let base = try changes.load(document, printingWarnings: false)
    let study = try changes.study()
    let factors = vary.compactMap(SweepFactor.init(parsing:)).map { lhs == nil ? $0 : $0.resolvingKind(in: document, changes: study) }
    let design: SweepDesign = lhs.map { .latinHypercube(points: $0, seed: base.scenario.seed) } ?? .grid
    let points = design.points(factors)
    let part = shard.flatMap(Shard.init(parsing:)) ?? Shard(part: 1, of: 1)
    // Check every point's scenario before running any: a bad value is a located error now.
    // Each distinct warning is printed once, with the points that have it (all: none named).
    // The scenarios are not kept (memory flat in the points): each is made again when the
    // pool starts its point.
    func load(_ point: DesignPoint) throws -> LoadedScenario {
      let settings = point.settings.map { Override(keyPath: $0.keyPath, value: $0.value, option: "--vary") }
      return try changes.load(document, extra: settings, printingWarnings: false)
    }
    var warnings = PointWarnings()
    var checked = 0
    for point in points where part.contains(point.index) {
      warnings.add(try load(point).warnings, at: point.index)
      checked += 1
    }
    warnings.print(pointCount: checked)
    let specification = JSONValue.object([
      ("scenario_file", .string(base.file)), ("scenario_sha256", .string(base.sha256)), ("onestop_version", .string(onestopVersion)),
      ("overrides", .array(changes.settings.map { .string($0) })),
      ("factors", .array(factors.map(describe))),
      ("design", .string(lhs.map { "latin hypercube, \($0) points" } ?? "full grid")),
      ("seed", .string(String(base.scenario.seed))), ("replications", .number(Double(base.scenario.replications))),
      ("points", .number(Double(points.count))),
    ])
    let directory = out ?? "results/sweep-\(outputFolderName(base.scenario.name))"
    let store = SweepStore(directory: directory, specification: specification, factors: factors.map(\.keyPath))
    let lock = try failing { try store.open() }
    defer { lock.release() }
    Interruption.install()
    let mine = points.filter { part.contains($0.index) }
    let todo = mine.filter { !store.isDone($0.index) }
    let skipped = mine.count - todo.count
    var ran = 0
    let bar = ProgressBar(total: mine.count, unit: "points", quiet: execution.quiet || output.json)
    defer { bar.finish() }
    bar.update(skipped)
    // One pool of workers over every replication of every point, so no core waits for a
    // point's last replication; each point is saved when its last one is done.
    try Experiment.run(points: todo.count, scenario: { (position: Int) throws(any Error) -> Scenario in try load(todo[position]).scenario },
                       jobs: execution.jobs, shouldStop: { Interruption.requested }) { (position: Int, result: ExperimentResult) throws(any Error) in
      let point = todo[position]
      try ensureRanToTheEnd(result, "design point \(point.index)")
      try writingOutputs { () throws(OutputError) in try store.save(point, result) }
      ran += 1
      bar.update(ran + skipped)
    }
    bar.finish()
    let missing = try writingOutputs { () throws(OutputError) in try store.assemble(points: points.count, language: language.language) }
    if Interruption.requested {
      printError("interrupted: \(ran + skipped) of \(mine.count) points are kept in \(directory); run the same command again to continue.")
      throw interruptedExitCode
    }
    if output.json {
      print(store.json().rendered(), terminator: "")
    } else if !execution.quiet {
      print("Sweep of \(points.count) point\(points.count == 1 ? "" : "s") (\(lhs == nil ? "grid" : "Latin hypercube")), shard \(part): \(mine.count) here, \(ran) run now, \(skipped) already done.")
      print(missing.isEmpty ? "All points done: \(directory)/sweep.csv, \(directory)/replications.csv"
        : "\(missing.count) point(s) belong to other shards or are unfinished; tables in \(directory) hold the rest.")
    }
  }
}

struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Join the directories of a sharded sweep into one.",
    discussion: """
      Every directory must hold the same sweep (same sweep.json). The merged sweep.csv \
      and replications.csv are byte-identical to those of the same sweep run unsharded. \
      Exits with 1 if some point is in no shard.

      Example:
        onestop merge results/sweep results/s1 results/s2 results/s3 results/s4
      """
  )

  @Argument(help: "The directory to write the merged sweep into.")
  var output: String

  @Argument(help: "The shards' directories.")
  var shards: [String]

  func run() throws {
    guard !shards.isEmpty else { throw ValidationError("give the shards' directories.") }
    let (points, missing) = try failing { try SweepStore.merge(shards, into: output) }
    if missing.isEmpty {
      print("Merged \(points) points from \(shards.count) director\(shards.count == 1 ? "y" : "ies") into \(output).")
    } else {
      printError("error: \(missing.count) of \(points) points are in no shard (first: \(missing.prefix(10).map(String.init).joined(separator: ", "))).")
      throw ExitCode.failure
    }
  }
}

