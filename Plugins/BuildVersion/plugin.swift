//===----------------------------------------------------------------------===//
// The build's name, `git describe` of the checkout, compiled into Reporting.
//===----------------------------------------------------------------------===//

import Foundation
import PackagePlugin

/// Writes `BuildVersion.swift` (`let onestopBuild = "<git describe --tags --always
/// --dirty>"`, or "unknown" outside a git checkout) before each build of the target that
/// uses it; the file is rewritten only when the name changes, so an unchanged checkout
/// recompiles nothing.
@main struct BuildVersion: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
    let file = output.appending(path: "BuildVersion.swift").path
    let root = context.package.directoryURL.path
    let script = """
      v=$(git -C "$1" describe --tags --always --dirty 2>/dev/null | tr -cd 'A-Za-z0-9._+-')
      [ -n "$v" ] || v=unknown
      mkdir -p "$2"
      text=$(printf '/// The build, as `git describe` names its checkout (generated at build time).\\nlet onestopBuild = "%s"' "$v")
      [ "$(cat "$3" 2>/dev/null)" = "$text" ] || printf '%s\\n' "$text" > "$3"
      """
    return [
      .prebuildCommand(displayName: "onestop build name (git describe)", executable: URL(filePath: "/bin/sh"),
                       arguments: ["-c", script, "build-version", root, output.path, file], outputFilesDirectory: output)
    ]
  }
}
