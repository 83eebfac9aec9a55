import Foundation

/// The repository's root directory (found from this source file's path).
public func repositoryRoot(file: String = #filePath) -> String {
  var url = URL(fileURLWithPath: file)
  while url.path != "/" {
    url.deleteLastPathComponent()
    if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
  }
  return FileManager.default.currentDirectoryPath
}

/// The YAML files in `directory`, sorted.
public func scenarioFiles(in directory: String) throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: directory)
    .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
    .sorted()
    .map { "\(directory)/\($0)" }
}
