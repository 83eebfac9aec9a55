//===----------------------------------------------------------------------===//
// onestop serve
//===----------------------------------------------------------------------===//

import ArgumentParser
import Dispatch
import Experiments
import Foundation
import Localization
import Workspace

struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Open the planner's workspace in the browser.",
    discussion: """
      Serves the workspace at http://127.0.0.1:8080/ (this machine only): pick a shipped \
      or uploaded scenario, change its levers on a form (staff per centre and pool, \
      temporary crews and their dates, opening hours, procedure mix, online shares, \
      outages), run it with live progress, compare the change with the scenario as \
      saved on common random numbers, and download the scenario, the CSVs and the \
      report. Studies run one at a time in a bounded queue; each writes a result \
      directory under --workspace, as 'onestop run' and 'onestop compare' do.

      Listening on another address (--host 0.0.0.0, for a department's server) needs an \
      access token: give one with --token or one is generated; the address printed holds \
      it. Pages are in Vietnamese or English (the browser's preference, --lang, or the \
      language switch on every page).

      Examples:
        onestop serve
        onestop serve --port 9000 --workspace ~/onestop-workspace --lang vi
        onestop serve --host 0.0.0.0 --token "$(openssl rand -hex 16)"
      """
  )

  @Option(help: "Address to listen on (default: this machine only).")
  var host = "127.0.0.1"

  @Option(help: "Port to listen on.")
  var port = 8080

  @Option(help: ArgumentHelp("Folder for saved scenarios and results (created if missing).", valueName: "dir"))
  var workspace = "workspace"

  @Option(help: ArgumentHelp("Folder of the shipped scenarios offered.", valueName: "dir"))
  var scenarios = "scenarios"

  @Option(help: "Access token (needed, and generated when not given, unless --host is a loopback address).")
  var token: String?

  @Option(help: ArgumentHelp("Language of the pages when the browser prefers neither: vi or en (default: from LANG).", valueName: "vi|en"))
  var lang: String?

  @OptionGroup var execution: ExecutionOptions

  func validate() throws {
    guard (1...65_535).contains(port) else { throw ValidationError("--port must be from 1 to 65535, not \(port).") }
    if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be 'vi' or 'en', not '\(lang)'.") }
    if let token, token.count < 16 || !token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
      throw ValidationError("--token must be at least 16 letters, digits, '-' or '_'.")
    }
    guard workspace != "" else { throw ValidationError("--workspace is empty: name a folder.") }
  }

  func run() throws {
    let language = lang.flatMap(Language.init(rawValue:)) ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
    let server = WorkspaceServer(WorkspaceSettings(host: host, port: port, directory: workspace, shippedScenarios: scenarios,
                                                   token: token, language: language, threads: execution.jobs))
    if !execution.quiet {
      var text = "onestop workspace: open \(server.settings.address)\n"
      if server.settings.token != nil && token == nil { text += "(an access token was generated; it is in the address above)\n" }
      // Written unbuffered: the address must show at once, also in a log file.
      FileHandle.standardOutput.write(Data((text + "Press Ctrl-C to stop.\n").utf8))
    }
    let stopped = DispatchSemaphore(value: 0)
    let failure = FailureBox()
    Task {
      do {
        try await server.application().runService()
      } catch {
        failure.set("\(error)")
      }
      stopped.signal()
    }
    stopped.wait()
    if let message = failure.message {
      printError("error: the workspace stopped: \(message)")
      throw ExitCode.failure
    }
  }
}

/// The server's failure, handed from its task to the command.
private final class FailureBox: @unchecked Sendable {
  private let lock = NSLock()
  private var text: String?
  func set(_ message: String) { lock.withLock { text = message } }
  var message: String? { lock.withLock { text } }
}
