//===----------------------------------------------------------------------===//
// Output folder names from scenario names, safe on every file system and shell.
//===----------------------------------------------------------------------===//

import Foundation

/// The folder a scenario's results go to by default (`results/<this>`): the name with its
/// Vietnamese (or other) diacritics removed and đ written d, so that `phường-hà-đông`
/// becomes `phuong-ha-dong`; any other character outside ASCII letters, digits, `-`, `_`
/// and `.` becomes `-`. A scenario name is already limited to letters, digits, `-`, `_`
/// and `.` by the loader, so the result never holds a `/`, a space or a leading `.`.
public func outputFolderName(_ name: String) -> String {
  var out = ""
  for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
    if scalar.properties.generalCategory == .nonspacingMark { continue }
    switch scalar {
    case "đ": out += "d"
    case "Đ": out += "D"
    case _ where scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)):
      out.unicodeScalars.append(scalar)
    default: out += "-"
    }
  }
  return out.isEmpty || out.hasPrefix(".") ? "scenario" + out : out
}
