//===----------------------------------------------------------------------===//
// Running the onestop executable from tests.
//===----------------------------------------------------------------------===//

import Foundation

/// What a finished command returned.
public struct CommandOutcome: Sendable {
  /// Exit status.
  public var status: Int32
  /// Everything written to standard output.
  public var standardOutput: String
  /// Everything written to standard error.
  public var standardError: String
}

/// The `onestop` executable built beside the test bundle.
public func onestopExecutable() -> URL {
  let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  var directory = bundle.deletingLastPathComponent()
  // The test bundle may be a directory (…/onestopPackageTests.xctest/…) on some platforms.
  while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("onestop").path) && directory.path != "/" {
    directory.deleteLastPathComponent()
  }
  return directory.appendingPathComponent("onestop")
}

/// Runs `onestop` with `arguments` in `directory` and waits for it.
public func runOnestop(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> CommandOutcome {
  let process = Process()
  process.executableURL = onestopExecutable()
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = directory }
  var env = ProcessInfo.processInfo.environment
  // The tests read English output unless one asks for another language.
  env["ONESTOP_LANG"] = "en"
  for (key, value) in environment { env[key] = value }
  process.environment = env
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CommandOutcome(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                        standardError: String(decoding: errData, as: UTF8.self))
}

/// A fresh empty directory under the system's temporary directory.
public func temporaryDirectory(_ name: String = "onestop-test") throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
