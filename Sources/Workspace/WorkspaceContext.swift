//===----------------------------------------------------------------------===//
// What each request carries through the workspace's middleware.
//===----------------------------------------------------------------------===//

import Hummingbird
import Localization

/// A request's context: Hummingbird's own, and the page language chosen for it.
public struct WorkspaceContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  /// The language of the pages: `?lang=`, then the `onestop_lang` cookie, then the
  /// browser's Accept-Language, then the server's default.
  public var language: Language = .en

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
  }

  /// The largest request body read: an uploaded scenario or table of centres.
  public var maxUploadSize: Int { WorkspaceLimits.uploadBytes }
}

/// The workspace's limits.
public enum WorkspaceLimits {
  /// The largest upload (a scenario file or a table of centres): 4 MiB.
  public static let uploadBytes = 4 << 20
  /// Studies waiting or running at once; more are refused until one ends.
  public static let queuedStudies = 10
}
