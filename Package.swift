// swift-tools-version:6.1
//===----------------------------------------------------------------------===//
// onestop: staffing simulator for one-stop public administrative service centres.
//===----------------------------------------------------------------------===//

import PackageDescription

/// The simulation's hot path runs single-threaded inside one replication; the runtime
/// checks of exclusive access to class properties cost about a fifth of its time there
/// (measured with perf), so they are switched off for these two targets only. Static
/// exclusivity checks still apply.
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"])]

let package = Package(
  name: "onestop",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "onestop", targets: ["onestop"]),
    /// The `mmc` benchmark workload in a lean process (run by `onestop bench`).
    .executable(name: "onestop-mmc", targets: ["onestop-mmc"]),
    /// The scenario loader, for tools built beside onestop (the fuzzer under Fuzz/).
    .library(name: "ScenarioFormat", targets: ["ScenarioFormat"]),
    /// The other readers of outside input, for the fuzz targets under Fuzz/ only: `--vary`
    /// and `--target` (Experiments), calibration targets (Calibration), the dossier log
    /// of `fit` (InputAnalysis) and XLSX tables (Spreadsheet).
    .library(name: "Experiments", targets: ["Experiments"]),
    .library(name: "Calibration", targets: ["Calibration"]),
    .library(name: "InputAnalysis", targets: ["InputAnalysis"]),
    .library(name: "Spreadsheet", targets: ["Spreadsheet"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    // No default traits: the workspace reads no swift-configuration files.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    // XLSX tables of centres: the ZIP container, read from memory (zlib on Linux).
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // MARK: - C libraries

    /// GNU Scientific Library (random generators, samplers, distribution functions).
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"])]
    ),

    // MARK: - Libraries (dependencies point down the list)

    /// Reproducible random streams and distributions backed by GSL. The only module that sees C.
    .target(name: "SimRandom", dependencies: ["CGSL"]),
    /// A generic discrete-event kernel and streaming statistics: no domain, no I/O.
    .target(name: "SimEngine", swiftSettings: hotPath),
    /// Closed-form queueing results (Erlang C, Erlang A, Pollaczek-Khinchine, staffing rules).
    .target(name: "QueueingTheory"),
    /// The domain: calendars, procedures, centres and the resolved `Scenario`.
    .target(name: "CentreModel", dependencies: ["SimRandom", "SimEngine"]),
    /// YAML scenario files to a validated `Scenario`, with located errors.
    .target(name: "ScenarioFormat", dependencies: ["CentreModel", "Yams"]),
    /// An XLSX workbook's first worksheet as rows of cell texts (ZIP by ZIPFoundation, the
    /// SpreadsheetML subset by a scanner of its own: no libxml2 in the static binary).
    .target(name: "Spreadsheet", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    /// The model wired into the engine: arrivals, counters, back office, metrics.
    .target(name: "CentreSimulation", dependencies: ["CentreModel", "SimEngine", "SimRandom"], swiftSettings: hotPath),
    /// Replications (in parallel), aggregation with confidence intervals.
    .target(name: "Experiments", dependencies: ["CentreSimulation", "SimRandom"]),
    /// Simulation-based calibration: free settings fitted to published figures.
    .target(name: "Calibration", dependencies: ["Experiments", "ScenarioFormat", "Fitting"]),
    /// Every user-facing string in Vietnamese and English (one table per language), and
    /// numbers and dates as each language writes them.
    .target(name: "Localization", dependencies: ["CentreSimulation"]),
    /// JSON, CSV and console renderings of results; atomic file output.
    .target(name: "Reporting", dependencies: ["Experiments", "CentreModel", "QueueingTheory", "Calibration", "Localization"],
            plugins: ["BuildVersion"]),
    /// Input modelling: distributions fitted to observed durations, goodness of fit, Poisson checks.
    .target(name: "Fitting", dependencies: ["SimRandom", "CGSL"]),
    /// Input analysis: a centre's dossier log fitted into a scenario (`onestop fit`).
    .target(
      name: "InputAnalysis", dependencies: ["CentreModel", "SimEngine", "ScenarioFormat", "Fitting", "SimRandom", "Reporting", "Calibration", "Experiments"]
    ),

    /// The studies both front ends call: load a scenario with changes, run it, compare
    /// variants, and write the result directory.
    .target(name: "Studies", dependencies: ["ScenarioFormat", "Experiments", "Calibration", "Reporting", "Localization"]),
    /// The planner's workspace in the browser (`onestop serve`): routes, forms, jobs and
    /// pages over ``Studies``, on Hummingbird.
    .target(
      name: "Workspace",
      dependencies: ["Studies", "Localization", "Reporting", "ScenarioFormat", "Calibration", "Experiments", "Spreadsheet",
                     .product(name: "Hummingbird", package: "hummingbird"),
                     .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log")]
    ),

    // MARK: - Executable

    .executableTarget(
      name: "onestop",
      dependencies: [
        "Experiments", "Reporting", "ScenarioFormat", "QueueingTheory", "InputAnalysis", "Calibration", "Studies", "Workspace",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    /// `onestop bench`'s M/M/10 workload, linking only the simulation core, so that its
    /// peak memory is the simulation's and the Swift runtime's.
    .executableTarget(name: "onestop-mmc", dependencies: ["Experiments", "QueueingTheory"]),

    // MARK: - Tests

    .target(name: "TestSupport", dependencies: ["SimRandom", "CentreModel"], path: "Tests/TestSupport"),
    .testTarget(name: "SimRandomTests", dependencies: ["SimRandom", "TestSupport"]),
    .testTarget(name: "SimEngineTests", dependencies: ["SimEngine"]),
    .testTarget(name: "QueueingTheoryTests", dependencies: ["QueueingTheory"]),
    .testTarget(name: "CentreModelTests", dependencies: ["CentreModel"]),
    .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet", "ScenarioFormat", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")], exclude: ["Fixtures"]),
    .testTarget(name: "ScenarioFormatTests", dependencies: ["ScenarioFormat", "CentreSimulation", "TestSupport"]),
    .testTarget(
      name: "CentreSimulationTests",
      dependencies: ["CentreSimulation", "Experiments", "TestSupport"]
    ),
    .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "TestSupport"]),
    .testTarget(
      name: "PropertyTests",
      dependencies: ["Experiments", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
    ),
    .testTarget(
      name: "ValidationTests",
      dependencies: ["CentreSimulation", "Experiments", "QueueingTheory", "ScenarioFormat", "TestSupport"]
    ),
    .testTarget(name: "ReportingTests", dependencies: ["Reporting", "QueueingTheory", "TestSupport"]),
    .testTarget(name: "FittingTests", dependencies: ["Fitting", "SimRandom"]),
    .testTarget(name: "CalibrationTests", dependencies: ["Calibration", "ScenarioFormat", "Experiments", "TestSupport"]),
    .testTarget(
      name: "InputAnalysisTests",
      dependencies: ["InputAnalysis", "Fitting", "SimRandom", "CentreModel", "ScenarioFormat", "Experiments", "Reporting", "TestSupport"]
    ),
    .testTarget(name: "LocalizationTests", dependencies: ["Localization", "CentreSimulation"]),
    .testTarget(
      name: "WorkspaceTests",
      dependencies: ["Workspace", "Studies", "TestSupport", .product(name: "Hummingbird", package: "hummingbird"),
                     .product(name: "HTTPTypes", package: "swift-http-types")]
    ),
    .testTarget(name: "EndToEndTests", dependencies: ["onestop", "TestSupport"]),

    // MARK: - Build plugins

    /// The build's name (`git describe`), compiled into Reporting as `onestopBuild`.
    .plugin(name: "BuildVersion", capability: .buildTool()),
  ]
)
