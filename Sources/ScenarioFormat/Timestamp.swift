//===----------------------------------------------------------------------===//
// Dates and times as exported tables write them.
//===----------------------------------------------------------------------===//

import CentreModel

/// A date with an optional time of day, read from a table cell.
struct Timestamp: Hashable {
  var date: CivilDate
  /// Minutes after midnight (`nil`: the cell gives the date only).
  var minute: Double?

  /// Reads `YYYY-MM-DD`, `DD/MM/YYYY` (as Vietnamese software writes dates), either
  /// followed by ` HH:MM` or ` HH:MM:SS` (or `T` instead of the space).
  init?(_ text: String) {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
    guard parts.count == 1 || parts.count == 2 else { return nil }
    let day = String(parts[0])
    if let iso = CivilDate(iso: day) {
      date = iso
    } else {
      let fields = day.split(separator: "/", omittingEmptySubsequences: false)
      guard fields.count == 3, fields[0].count <= 2, fields[1].count <= 2, fields[2].count == 4,
        let d = Int(fields[0]), let m = Int(fields[1]), let y = Int(fields[2]),
        let value = CivilDate(year: y, month: m, day: d)
      else { return nil }
      date = value
    }
    guard parts.count == 2 else {
      minute = nil
      return
    }
    let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
    guard clock.count == 2 || clock.count == 3, let h = Int(clock[0]), let m = Int(clock[1]), (0..<24).contains(h),
      (0..<60).contains(m)
    else { return nil }
    let seconds = clock.count == 3 ? Double(clock[2]) ?? -1 : 0
    guard seconds >= 0 && seconds < 60 else { return nil }
    minute = Double(h * 60 + m) + seconds / 60
  }

  /// Minutes since 00:00 of `start`; a date alone stands for `defaultMinute` of that day.
  func minutes(since start: CivilDate, defaultMinute: Double) -> Double {
    Double(date.dayNumber - start.dayNumber) * 1440 + (minute ?? defaultMinute)
  }

  /// What the readers accept, for messages.
  static let expected = "a date YYYY-MM-DD or DD/MM/YYYY, optionally with a time HH:MM[:SS]"
}
