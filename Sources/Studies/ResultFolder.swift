//===----------------------------------------------------------------------===//
// A result directory that appears whole or not at all.
//===----------------------------------------------------------------------===//

import Foundation
import Reporting

/// A result directory published all at once: its files are written into a new, hidden,
/// unpredictably named directory beside it, which is renamed into place when all are
/// written. A reader never sees part of a result; a study that fails or is cancelled
/// leaves nothing behind.
public enum ResultFolder {
  /// Writes a new directory `name` in `parent` with `write` (given the temporary
  /// directory's path) and returns its path. When `name` is taken, `name-2`, `name-3`...
  /// is used instead.
  public static func publish(in parent: String, name: String,
                             write: (String) throws(OutputError) -> Void) throws(OutputError) -> String {
    try AtomicFile.makeDirectory(parent)
    var template = Array("\(parent)/.partial-\(name.prefix(40))-XXXXXXXX".utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw OutputError(path: parent, reason: String(cString: strerror(errno)))
    }
    let temporary = String(cString: made)
    do throws(OutputError) {
      try write(temporary)
      for attempt in 1...1_000 {
        let target = "\(parent)/\(attempt == 1 ? name : "\(name)-\(attempt)")"
        // rename(2) onto an existing non-empty directory fails, so a taken name is never replaced.
        if access(target, F_OK) != 0 && rename(temporary, target) == 0 { return target }
      }
      throw OutputError(path: "\(parent)/\(name)", reason: "no free name after 1000 tries")
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw error
    }
  }
}
