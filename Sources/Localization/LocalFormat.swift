//===----------------------------------------------------------------------===//
// Numbers, shares and dates as a reader of each language writes them.
//===----------------------------------------------------------------------===//

import CentreModel

extension Language {
  /// The thousands separator and the decimal mark: `1.234,5` in Vietnamese,
  /// `1,234.5` in English.
  var separators: (thousands: Character, decimal: Character) {
    switch self {
    case .vi: (".", ",")
    case .en: (",", ".")
    }
  }

  /// `value` with `decimals` digits after the decimal mark and grouped thousands;
  /// `–` for NaN and `∞` for infinities.
  public func number(_ value: Double, decimals: Int = 0) -> String {
    guard value.isFinite else { return value.isNaN ? "–" : (value < 0 ? "−∞" : "∞") }
    let scale = (0..<decimals).reduce(1.0) { r, _ in r * 10 }
    let rounded = (abs(value) * scale).rounded()
    let negative = value < 0 && rounded > 0
    var whole = String(Int((rounded / scale).rounded(.down)))
    let fraction = Int(rounded - (rounded / scale).rounded(.down) * scale)
    var grouped = ""
    while whole.count > 3 {
      grouped = String(separators.thousands) + String(whole.suffix(3)) + grouped
      whole.removeLast(3)
    }
    grouped = whole + grouped
    if decimals > 0 {
      let digits = String(fraction)
      grouped += String(separators.decimal) + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
    }
    return (negative ? "−" : "") + grouped
  }

  /// A whole number with grouped thousands.
  public func number(_ value: Int) -> String { number(Double(value)) }

  /// A share (0.8788) as a percentage (`87,9%` or `87.9%`).
  public func percent(_ share: Double, decimals: Int = 1) -> String {
    share.isFinite ? number(share * 100, decimals: decimals) + "%" : number(share)
  }

  /// A date: `01/07/2025` in Vietnamese, `2025-07-01` in English.
  public func date(_ date: CivilDate) -> String {
    switch self {
    case .vi:
      let (y, m, d) = date.components
      return "\(d < 10 ? "0" : "")\(d)/\(m < 10 ? "0" : "")\(m)/\(y)"
    case .en: return date.description
    }
  }

  /// A day and month only (`01/07`, or `07-01`), for the axis of a time chart.
  public func shortDate(_ date: CivilDate) -> String {
    switch self {
    case .vi: String(self.date(date).prefix(5))
    case .en: String(date.description.dropFirst(5))
    }
  }
}

/// `value` with `digits` decimals, as the files and the English reports write figures:
/// no locale, no grouping, `-` for minus; `n/a`, `∞` or `-∞` when it is not a finite
/// number small enough to print whole.
public func fixed(_ value: Double, _ digits: Int) -> String {
  guard value.isFinite, abs(value) < 1e15 else { return value.isNaN ? "n/a" : value > 0 ? "∞" : "-∞" }
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let scaled = (abs(value) * scale).rounded()
  let whole = Int64(scaled / scale)
  let fraction = Int64(scaled - Double(whole) * scale)
  let sign = value < 0 && scaled > 0 ? "-" : ""
  guard digits > 0 else { return sign + String(whole) }
  let fractionText = String(fraction)
  return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
}
