//===----------------------------------------------------------------------===//
// What an optimisation keeps of its evaluations, so that a stopped run can resume.
//===----------------------------------------------------------------------===//

/// Where an optimisation keeps each evaluation as it finishes, so that the same
/// optimisation started again after a stop picks up where it stopped.
///
/// The searches are deterministic given their evaluations, so a run that recalls the
/// evaluations of a stopped one takes the same path, and ends with the same allocation
/// and the same figures, as a run that never stopped. A key names an evaluation within
/// one optimisation (its staffing and replications); the memory must belong to one
/// optimisation (one scenario, settings and seed), which its owner checks.
public protocol EvaluationMemory: AnyObject {
  /// The rows recorded under `key` (one per replication, or one row of one value), or nil.
  func recall(_ key: String) -> [[Double]]?
  /// Keeps `rows` under `key`, so that a later run recalls them bit for bit.
  func record(_ key: String, _ rows: [[Double]])
}

/// A memory that lives as long as the process: for tests, and for callers that want
/// the path of a search without keeping it on disk.
public final class InMemoryEvaluations: EvaluationMemory {
  /// The rows by key.
  public private(set) var entries: [String: [[Double]]] = [:]
  /// How many recalls found their key.
  public private(set) var recalled = 0

  public init() {}

  public func recall(_ key: String) -> [[Double]]? {
    guard let rows = entries[key] else { return nil }
    recalled += 1
    return rows
  }

  public func record(_ key: String, _ rows: [[Double]]) { entries[key] = rows }
}
