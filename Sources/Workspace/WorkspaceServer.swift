//===----------------------------------------------------------------------===//
// onestop serve: the planner's workspace in the browser.
//===----------------------------------------------------------------------===//

import Experiments
import Hummingbird
import Localization
import Logging

/// How the workspace is served.
public struct WorkspaceSettings: Sendable {
  /// The address to listen on; 127.0.0.1 (this machine only) by default.
  public var host: String
  public var port: Int
  /// The workspace folder (saved scenarios and results).
  public var directory: String
  /// The shipped scenarios' folder.
  public var shippedScenarios: String
  /// The access token; required (and generated when not given) when `host` is not a
  /// loopback address.
  public var token: String?
  /// The pages' language when the browser prefers neither.
  public var language: Language
  /// Worker threads of each study.
  public var threads: Int
  /// Studies waiting or running at once.
  public var queueCapacity: Int

  public init(host: String = "127.0.0.1", port: Int = 8080, directory: String = "workspace",
              shippedScenarios: String = "scenarios", token: String? = nil, language: Language = .en,
              threads: Int = Experiment.defaultJobs, queueCapacity: Int = WorkspaceLimits.queuedStudies) {
    self.host = host
    self.port = port
    self.directory = directory
    self.shippedScenarios = shippedScenarios
    self.token = token
    self.language = language
    self.threads = threads
    self.queueCapacity = queueCapacity
  }

  /// Whether `host` is this machine only.
  public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") }

  /// These settings with a token generated when one is needed and not given.
  public func securing() -> WorkspaceSettings {
    var settings = self
    if settings.token == nil && !isLoopback { settings.token = secretToken() }
    return settings
  }

  /// The address to open, with the token when there is one.
  public var address: String {
    let shown = host.contains(":") ? "[\(host)]" : host
    return "http://\(shown):\(port)/" + (token.map { "?token=\($0)" } ?? "")
  }
}

/// The workspace: its router (pages, forms, jobs) over the library of studies.
public struct WorkspaceServer: Sendable {
  public let settings: WorkspaceSettings
  let store: WorkspaceStore
  let queue: JobQueue
  /// The token that every form posting a change carries (per server start).
  let csrf: String

  public init(_ settings: WorkspaceSettings) {
    self.settings = settings.securing()
    store = WorkspaceStore(root: settings.directory, shippedScenarios: settings.shippedScenarios)
    queue = JobQueue(capacity: settings.queueCapacity)
    csrf = secretToken()
  }

  /// The router, for the application or for tests.
  public func router() -> Router<WorkspaceContext> {
    let router = Router(context: WorkspaceContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: LanguageMiddleware(fallback: settings.language))
    router.add(middleware: AccessMiddleware(token: settings.token))
    WorkspaceRoutes(store: store, queue: queue, csrf: csrf,
                    jobs: WorkspaceJobs(store: store, queue: queue, threads: settings.threads)).register(on: router)
    return router
  }

  /// The application listening on the settings' address; `listening` is told the port
  /// bound (the one asked for, or the system's choice for port 0). The server logs at
  /// `logLevel` on standard error.
  public func application(logLevel: Logger.Level = .info,
                          listening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    var logger = Logger(label: "onestop")
    logger.logLevel = logLevel
    return Application(router: router(), configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "onestop"),
                       onServerRunning: { channel in await listening(channel.localAddress?.port ?? settings.port) }, logger: logger)
  }

  /// The job queue (tests use it to wait for jobs).
  public var jobs: JobQueue { queue }
}
