// swift-tools-version:6.1
//===----------------------------------------------------------------------===//
// onestop fuzzing: libFuzzer targets for every reader of outside input. See README.md.
//===----------------------------------------------------------------------===//

import PackageDescription

let package = Package(
  name: "onestop-fuzz",
  dependencies: [
    .package(name: "onestop", path: ".."),
  ],
  targets: [
    /// One libFuzzer program with a target per reader, chosen by `FUZZ_TARGET` (loader,
    /// override, vary, staffing-target, ...; see Targets.swift). Build it with
    /// `-sanitize=fuzzer,address` (scripts/fuzz.sh does).
    .executableTarget(
      name: "OnestopFuzzer",
      dependencies: [
        "FuzzerDriver",
        .product(name: "ScenarioFormat", package: "onestop"),
        .product(name: "Experiments", package: "onestop"),
        .product(name: "Calibration", package: "onestop"),
        .product(name: "InputAnalysis", package: "onestop"),
        .product(name: "Spreadsheet", package: "onestop"),
      ]
    ),
    /// The entry point of a debug build, handing over to libFuzzer's driver.
    .target(name: "FuzzerDriver"),
  ]
)
