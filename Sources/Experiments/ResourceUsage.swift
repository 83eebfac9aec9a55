//===----------------------------------------------------------------------===//
// The process's own peak memory.
//===----------------------------------------------------------------------===//

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resources the running process has used.
public enum ResourceUsage {
  /// The process's peak resident memory in KiB.
  ///
  /// On Linux this is `VmHWM` from /proc/self/status, the high-water mark of this
  /// program's own address space. getrusage's `ru_maxrss` would do elsewhere, but on
  /// Linux it carries over the peak of the process that spawned this one (a `vfork`
  /// shares the parent's memory until `exec`), so a small benchmark started by a larger
  /// program would report the larger one's peak. Falls back to `ru_maxrss`.
  public static func peakMemoryKiB() -> Double {
    #if os(Linux)
    if let file = fopen("/proc/self/status", "r") {
      defer { fclose(file) }
      var line = [CChar](repeating: 0, count: 256)
      while fgets(&line, Int32(line.count), file) != nil {
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.hasPrefix("VmHWM:"), let kib = Double(text.dropFirst(6).filter(\.isNumber)) { return kib }
      }
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss)
    #else
    var usage = rusage()
    getrusage(RUSAGE_SELF, &usage)
    return Double(usage.ru_maxrss) / 1024  // bytes on Darwin
    #endif
  }
}
