//===----------------------------------------------------------------------===//
// Ctrl-C: stop cleanly, keep what is whole, say what was kept.
//===----------------------------------------------------------------------===//

import ArgumentParser
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Exit code after an interruption (128 + SIGINT, as shells report it).
let interruptedExitCode = ExitCode(130)

/// Catches SIGINT (and SIGTERM) so that a command can finish the replication or sweep
/// point under way, keep its whole files, and say what it kept. A second signal exits at
/// once; atomic writes mean even that leaves no half-written file.
enum Interruption {
  private static let flag = Atomic<Bool>(false)
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

  /// Starts listening (once, from the main thread, before the work).
  static func install() {
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        if flag.exchange(true, ordering: .relaxed) { _exit(130) }
        writeError("\ninterrupted: finishing the work under way (press Ctrl-C again to stop at once)\n")
      }
      source.resume()
      sources.append(source)
    }
  }

  /// Whether an interruption was asked for.
  static var requested: Bool { flag.load(ordering: .relaxed) }
}
