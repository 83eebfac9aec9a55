//===----------------------------------------------------------------------===//
// Dossiers already pending when the simulation starts.
//===----------------------------------------------------------------------===//

/// A dossier received before the horizon and not yet completed at its start: part of an
/// initial backlog (the one-door software's list of pending dossiers, or counts by age).
///
/// At time 0 every pending dossier joins the queue of the step it is at, in receipt
/// order, with that step's work (and the later steps') drawn from the procedure's
/// distributions. Its due time is the one given, or the procedure's deadline counted
/// on the scenario's working calendar from its receipt (which may lie weeks before the
/// horizon: the calendar's holidays before the horizon count too).
public struct PendingDossier: Sendable, Hashable {
  /// Where a pending dossier is in its procedure.
  public enum Stage: Sendable, Hashable {
    /// Still to be checked at the one-stop section (reception work, drawn from the
    /// procedure's counter time, done by whoever checks online dossiers).
    case reception
    /// Waiting for (or in) back-office step `index` of the procedure.
    case step(Int)
  }

  /// Centre index.
  public var centre: Int
  /// Procedure index.
  public var procedure: Int
  /// How it came in.
  public var channel: Channel
  /// When it was received, minutes since the start of the horizon (≤ 0).
  public var received: Double
  /// Where it is.
  public var stage: Stage
  /// When it falls due, minutes since the start of the horizon (`nil`: from the deadline).
  public var due: Double?

  /// A pending dossier.
  public init(centre: Int, procedure: Int, channel: Channel = .walkIn, received: Double, stage: Stage, due: Double? = nil) {
    self.centre = centre
    self.procedure = procedure
    self.channel = channel
    self.received = received
    self.stage = stage
    self.due = due
  }
}
