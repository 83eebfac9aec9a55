//===----------------------------------------------------------------------===//
// Talking to a person at a terminal: colour and progress, only when wanted.
//===----------------------------------------------------------------------===//

import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// What standard error is connected to.
enum Terminal {
  /// Whether stderr is an interactive terminal outside CI.
  static var isInteractive: Bool {
    isatty(2) != 0 && getenv("CI") == nil && getenv("TERM").map { String(cString: $0) != "dumb" } ?? false
  }

  /// Whether colour may be used on stderr (a terminal, and `NO_COLOR` unset: no-color.org).
  static var usesColour: Bool { isInteractive && getenv("NO_COLOR") == nil }

  /// `text` in the ANSI colour `code` when colour is allowed.
  static func paint(_ text: String, _ code: String) -> String {
    usesColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}

/// A one-line progress bar on stderr: done/total, elapsed time and an estimate of the
/// time left. It shows only on an interactive terminal, not with --quiet, and only once
/// the work has lasted a second; it is erased when done.
final class ProgressBar: Sendable {
  private struct State {
    var done = 0
    var shown = false
  }

  private let total: Int
  private let unit: String
  private let started = DispatchTime.now()
  private let enabled: Bool
  private let state = Mutex(State())

  init(total: Int, unit: String, quiet: Bool) {
    self.total = max(total, 1)
    self.unit = unit
    self.enabled = !quiet && Terminal.isInteractive
  }

  /// Records that `done` units are finished (any thread).
  func update(_ done: Int) {
    guard enabled else { return }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    guard elapsed >= 1 else { return }
    state.withLock { state in
      guard done >= state.done else { return }
      state.done = done
      state.shown = true
      let width = 30
      let filled = width * done / total
      let left = done > 0 ? elapsed / Double(done) * Double(total - done) : .nan
      let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
      let line = "\r\(bar) \(done)/\(total) \(unit), \(clock(elapsed)) elapsed" + (left.isFinite ? ", ~\(clock(left)) left " : " ")
      writeError(line)
    }
  }

  /// Erases the bar.
  func finish() {
    state.withLock { state in
      if state.shown { writeError("\r\u{1B}[2K") }
      state.shown = false
    }
  }

  private func clock(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    return s >= 3600 ? "\(s / 3600)h\(s / 60 % 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
  }
}

/// Writes `text` to standard error as is (no newline).
func writeError(_ text: String) {
  let bytes = Array(text.utf8)
  bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
}
