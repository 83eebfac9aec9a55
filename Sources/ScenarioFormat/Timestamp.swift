//===----------------------------------------------------------------------===//
// Dates and times as exported tables write them.
//===----------------------------------------------------------------------===//

import CentreModel

/// A date with an optional time of day, read from a cell of an exported table (a file of
/// pending dossiers, a dossier log): `YYYY-MM-DD` or `DD/MM/YYYY` (as Vietnamese software
/// writes dates), optionally followed by ` HH:MM` or ` HH:MM:SS` (or `T` instead of the
/// space).
public struct Timestamp: Sendable, Hashable {
  /// The day.
  public var date: CivilDate
  /// Minutes after midnight (`nil`: the cell gives the date only).
  public var minute: Double?

  /// A timestamp on `date`, `minute` minutes after midnight (`nil`: the date only).
  public init(date: CivilDate, minute: Double?) {
    self.date = date
    self.minute = minute
  }

  /// Reads `text`; `nil` when it is not a date (with an optional time) in one of the
  /// forms above.
  public init?(_ text: String) {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
    guard parts.count == 1 || parts.count == 2 else { return nil }
    let day = String(parts[0])
    if let iso = CivilDate(iso: day) {
      date = iso
    } else {
      let fields = day.split(separator: "/", omittingEmptySubsequences: false)
      guard fields.count == 3, (1...2).contains(fields[0].count), (1...2).contains(fields[1].count), fields[2].count == 4,
        fields.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
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
    guard clock.count == 2 || clock.count == 3, let h = Int(clock[0]), let m = Int(clock[1]), (0..<24).contains(h), (0..<60).contains(m)
    else { return nil }
    let seconds = clock.count == 3 ? Double(clock[2]) ?? -1 : 0
    guard seconds >= 0 && seconds < 60 else { return nil }
    minute = Double(h * 60 + m) + seconds / 60
  }

  /// Minutes since 00:00 of `start`; a date alone stands for `defaultMinute` of that day.
  public func minutes(since start: CivilDate, defaultMinute: Double = 0) -> Double {
    Double(date.dayNumber - start.dayNumber) * 1440 + (minute ?? defaultMinute)
  }

  /// What the reader accepts, for messages.
  public static let expected = "a date YYYY-MM-DD or DD/MM/YYYY, optionally with a time HH:MM[:SS]"
}
