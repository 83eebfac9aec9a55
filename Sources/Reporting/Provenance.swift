//===----------------------------------------------------------------------===//
// Where a result came from.
//===----------------------------------------------------------------------===//

import CentreModel
import SimRandom

/// The release of onestop.
public let onestopRelease = "0.1.0"

/// The version written into every output: the release and the build it came from
/// (`0.1.0 (a1b2c3d)`: `git describe` of the checkout, compiled in by the BuildVersion
/// plugin; `-dirty` when it had uncommitted changes).
public let onestopVersion = "\(onestopRelease) (\(onestopBuild))"

/// What is needed to reproduce a result: the scenario file and its hash, the seed, the
/// number of replications, the generator and the version. Deliberately no wall-clock
/// time or host name, so that the same inputs give the same bytes.
public struct Provenance: Sendable {
  /// The scenario file as named by the user.
  public var scenarioFile: String
  /// SHA-256 of the scenario file.
  public var scenarioSHA256: String
  /// The `--set key=value` changes applied to it.
  public var overrides: [String]

  /// Provenance of a scenario loaded from `scenarioFile`, changed by `overrides`.
  public init(scenarioFile: String, scenarioSHA256: String, overrides: [String] = []) {
    self.scenarioFile = scenarioFile
    self.scenarioSHA256 = scenarioSHA256
    self.overrides = overrides
  }

  /// The provenance of a comparison: the shared seed, replications, generator and version,
  /// and each alternative's label, file, SHA-256 and changes.
  static func json(alternatives: [(label: String, provenance: Provenance)], _ base: Scenario) -> JSONValue {
    .object([
      ("onestop_version", .string(onestopVersion)),
      ("seed", .string(String(base.seed))),
      ("replications", .number(Double(base.replications))),
      ("generator", .string("gsl \(generatorName)")),
      ("alternatives", .array(alternatives.map { label, p in
        .object([("label", .string(label)), ("scenario_file", .string(p.scenarioFile)), ("scenario_sha256", .string(p.scenarioSHA256)),
                 ("overrides", .array(p.overrides.map { .string($0) }))])
      })),
    ])
  }

  func json(_ scenario: Scenario) -> JSONValue {
    .object([
      ("onestop_version", .string(onestopVersion)),
      ("scenario_file", .string(scenarioFile)),
      ("scenario_sha256", .string(scenarioSHA256)),
      ("overrides", .array(overrides.map { .string($0) })),
      ("seed", .string(String(scenario.seed))),
      ("replications", .number(Double(scenario.replications))),
      ("generator", .string("gsl \(generatorName)")),
    ])
  }
}
