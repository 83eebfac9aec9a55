//===----------------------------------------------------------------------===//
// The languages of the reports, the console summary and the workspace.
//===----------------------------------------------------------------------===//

import Foundation

/// A language onestop speaks: Vietnamese for planners, English for everyone else.
public enum Language: String, CaseIterable, Sendable, CustomStringConvertible {
  case vi, en

  public var description: String { rawValue }

  /// The table of every user-facing string in this language.
  public var table: any PhraseTable {
    switch self {
    case .vi: Vietnamese()
    case .en: English()
    }
  }

  /// `ONESTOP_LANG`, then the POSIX locale variables (`LC_ALL`, `LC_MESSAGES`, `LANG`):
  /// Vietnamese when the first one set names it (`vi`, `vi_VN.UTF-8`), English otherwise.
  public static func fromEnvironment(_ environment: [String: String]) -> Language {
    for name in ["ONESTOP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[name], !value.isEmpty else { continue }
      return Language(tag: value) ?? .en
    }
    return .en
  }

  /// The language of a tag such as `vi`, `vi-VN`, `vi_VN.UTF-8` or `en-GB`; nil for others.
  public init?(tag: String) {
    let primary = tag.lowercased().prefix { $0.isLetter }
    switch primary {
    case "vi": self = .vi
    case "en": self = .en
    default: return nil
    }
  }

  /// The language a browser prefers among ours, from its `Accept-Language` header
  /// (`vi-VN,vi;q=0.9,en;q=0.8`), by quality and then by order; nil when it names none.
  public static func negotiate(acceptLanguage header: String?) -> Language? {
    guard let header else { return nil }
    var best: (language: Language, quality: Double, order: Int)?
    for (order, item) in header.split(separator: ",").enumerated() {
      let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      guard let tag = parts.first, let language = Language(tag: String(tag)) else { continue }
      var quality = 1.0
      for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
        quality = Double(parameter.dropFirst(2)) ?? 0
      }
      guard quality > 0 else { continue }
      if best == nil || quality > best!.quality { best = (language, quality, order) }
    }
    return best?.language
  }
}
