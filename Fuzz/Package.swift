// swift-tools-version:6.1
//===----------------------------------------------------------------------===//
// onestop fuzzing: a libFuzzer target for the scenario loader. See README.md.
//===----------------------------------------------------------------------===//

import PackageDescription

let package = Package(
  name: "onestop-fuzz",
  dependencies: [
    .package(name: "onestop", path: ".."),
  ],
  targets: [
    /// Feeds arbitrary bytes to `ScenarioLoader.load(yaml:file:)`. Build it with
    /// `-sanitize=fuzzer,address` (scripts/fuzz.sh does).
    .executableTarget(
      name: "ScenarioFuzzer",
      dependencies: ["FuzzerDriver", .product(name: "ScenarioFormat", package: "onestop")]
    ),
    /// The entry point of a debug build, handing over to libFuzzer's driver.
    .target(name: "FuzzerDriver"),
  ]
)
