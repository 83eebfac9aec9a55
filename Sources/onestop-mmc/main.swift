//===----------------------------------------------------------------------===//
// onestop-mmc: the `mmc` benchmark workload in a lean process.
//
// `onestop bench` runs this to measure M/M/10 through the real engine and model. It
// links only the simulation core (no Foundation, YAML or argument parsing), so that its
// peak memory is the simulation's plus the Swift runtime's and nothing else.
//
// Usage: onestop-mmc ARRIVALS   (prints one JSON object)
//===----------------------------------------------------------------------===//

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CentreModel
import Dispatch
import Experiments
import QueueingTheory

let lambda = 9.0, servers = 10
guard CommandLine.arguments.count == 2, let requested = Int(CommandLine.arguments[1]), requested > 0 else {
  let usage = "usage: onestop-mmc ARRIVALS\n"
  _ = usage.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, usage.utf8.count) }
  exit(64)
}

// M/M/10 at λ = 9 per minute, μ = 1 per minute, around the clock; whole days, so the run
// has `days × λ × 1440` arrivals on average.
let days = max(1, Int((Double(requested) / (lambda * 1440)).rounded(.up)))
let procedure = Procedure(id: "only", name: "M/M/c", share: 1, counterTime: .exponential(mean: 1), backOfficeTime: nil,
                          deadline: .workingDays(0))
let centre = Centre(id: "mmc", arrivals: ArrivalPattern(dailyVolume: lambda * 1440), counterStaff: servers,
                    backOfficeStaff: 0, closing: .serveWaiting(maxOvertime: nil))
let scenario = Scenario(name: "mmc", seed: 42, replications: 1,
                        horizon: Horizon(start: CivilDate(year: 2025, month: 1, day: 1)!, days: days),
                        calendar: .alwaysOpen, procedures: [procedure], centres: [centre])

let start = DispatchTime.now().uptimeNanoseconds
let result = Experiment.run(scenario, jobs: 1)
let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
let wait = result.totals[.counterWaitMean].mean
let erlang = ErlangC(servers: servers, arrivalRate: lambda, meanServiceTime: 1).meanWait
let expected = Int((Double(days) * lambda * 1440).rounded())
print("""
  {"label": "mmc onestop, \(expected) arrivals", "tool": "onestop", "workload": "mmc", \
  "arrivals": \(result.totals[.arrivals].mean), "events": \(result.events), "wall_seconds": \(wall), \
  "peak_rss_kib": \(ResourceUsage.peakMemoryKiB()), "mean_wait": \(wait), "erlang_c_wait": \(erlang), \
  "note": "mean wait \(rounded(wait)) vs Erlang C \(rounded(erlang))"}
  """)

/// `x` with 4 decimals, without Foundation's formatting.
func rounded(_ x: Double) -> String {
  let scaled = Int((x * 10_000).rounded())
  let fraction = String(scaled % 10_000)
  return "\(scaled / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
}
