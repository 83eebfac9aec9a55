//===----------------------------------------------------------------------===//
// What a study changes in a scenario before running it.
//===----------------------------------------------------------------------===//

import ScenarioFormat

/// The changes every study can make to a scenario: field overrides (`--set`, or a
/// workspace form), the seed, the number of replications, reporting windows and the
/// rescaling of procedure shares.
public struct ScenarioChanges: Sendable {
  /// Field overrides, applied in order before validation.
  public var overrides: [Override]
  /// The master seed, when it replaces the scenario's.
  public var seed: UInt64?
  /// The number of replications, when it replaces the scenario's.
  public var replications: Int?
  /// Reporting windows, `YYYY-MM-DD..YYYY-MM-DD`.
  public var windows: [String]
  /// Whether an override of a procedure's share rescales the other shares.
  public var rescaleShares: Bool

  public init(overrides: [Override] = [], seed: UInt64? = nil, replications: Int? = nil, windows: [String] = [],
              rescaleShares: Bool = false) {
    self.overrides = overrides
    self.seed = seed
    self.replications = replications
    self.windows = windows
    self.rescaleShares = rescaleShares
  }

  /// The overrides as provenance records them (`key=value`).
  public var recorded: [String] { overrides.map(\.description) }

  /// `document` validated with these changes, `extra` overrides after this set's own (a
  /// variant's, a sweep point's). The seed goes in before validation, so that what it
  /// draws at load time (a city's centre sizes) is drawn from it.
  public func load(_ document: ScenarioDocument, extra: [Override] = []) throws(ScenarioError) -> LoadedScenario {
    let seeding = seed.map { [Override(keyPath: "seed", value: String($0), option: "--seed")] } ?? []
    var loaded = try document.load(overrides: overrides + extra + seeding, rescalingShares: rescaleShares)
    if let replications { loaded.scenario.replications = replications }
    if !windows.isEmpty { loaded = try loaded.adding(windows: windows) }
    return loaded
  }
}
