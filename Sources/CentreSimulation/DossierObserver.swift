//===----------------------------------------------------------------------===//
// Observing each dossier's timeline (for traces).
//===----------------------------------------------------------------------===//

import CentreModel

/// Something that happened to a dossier.
public struct DossierEvent: Sendable {
  /// What happened.
  public enum Kind: String, Sendable {
    case arrival, queued, balked, turnedAway = "turned_away", reneged, returned = "came_back"
    case counterStart = "counter_start", counterEnd = "counter_end", handedBack = "handed_back"
    case received, stepQueued = "step_queued", stepStart = "step_start", stepPaused = "step_paused"
    case stepEnd = "step_end", waitStart = "wait_start", waitEnd = "wait_end"
    case returnedForSupplement = "returned_for_supplement", abandoned, completed, sentHome = "sent_home"
    /// Pending at the start (initial backlog), at time 0.
    case pending
  }

  /// Replication index.
  public var replication: Int
  /// The dossier's serial number in its replication.
  public var dossier: Int
  /// Centre index.
  public var centre: Int
  /// Procedure index.
  public var procedure: Int
  /// Channel.
  public var channel: Channel
  /// What happened.
  public var kind: Kind
  /// When, minutes since the start of the horizon.
  public var time: Double
  /// The due time, once received.
  public var due: Double?
  /// Step name, pool, or reason.
  public var detail: String
}

/// Receives dossier events as a run produces them, in time order. Called on the thread
/// that runs the replication.
public protocol DossierObserver: AnyObject {
  /// One event.
  func record(_ event: DossierEvent)
}
