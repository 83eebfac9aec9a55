//===----------------------------------------------------------------------===//
// A bound on what YAML aliases can expand to, checked before the tree is built.
//===----------------------------------------------------------------------===//

// libyaml's event parser, the one Yams itself composes from (Yams links it in; its
// module is importable by every target that depends on Yams). The Swift API of Yams
// offers no way to see aliases before it has expanded them.
internal import CYaml

/// Checks that the aliases (`*name`) of a document expand to a bounded number of nodes.
///
/// `Yams.compose` replaces each alias by the node of its anchor. The tree it returns
/// shares those nodes, so it is small, but anything that walks it visits each copy: a
/// dozen lines of anchors that each list the previous one nine times ("billion laughs")
/// describe 9¹² nodes. Yams itself hashes every key of a mapping to find duplicates,
/// so an alias used as a key makes `compose` alone run for hours. This pass reads the
/// parser's events (a linear-time scan with no tree) and counts the nodes each anchor
/// stands for; the document is refused, at the alias that overflows, once aliases add
/// more than ``limit`` nodes in all. A scenario written out in full never trips it.
enum AliasBudget {
  /// Nodes that aliases may add to a document, in all. A city of hundreds of centres
  /// sharing crews through anchors stays far below it.
  static let limit = 100_000

  /// The alias that takes the expansion past ``limit``: its position (1-based, as Yams
  /// marks nodes), name and the nodes aliases would add up to with it.
  struct Overflow: Equatable {
    var line: Int
    var column: Int
    var anchor: String
    var nodes: Int
  }

  /// The first alias that exceeds the budget, or `nil`. Syntax errors end the scan
  /// quietly: `Yams.compose` reports them, after doing no more work than was counted.
  static func check(_ text: String) -> Overflow? {
    // Without '*' there is no alias token, without '&' no anchor for one: skip the second
    // parse of ordinary files.
    guard text.utf8.contains(UInt8(ascii: "*")) && text.utf8.contains(UInt8(ascii: "&")) else { return nil }
    var text = text
    return text.withUTF8 { bytes in
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else { return nil }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

      /// Nodes each anchor stands for (a later anchor of the same name replaces it, as in Yams).
      var sizes: [String: Int] = [:]
      /// Open collections: their anchor and the node count when they started.
      var open: [(anchor: String?, start: Int)] = []
      /// Nodes so far, each alias counted as the nodes of its anchor.
      var nodes = 0
      /// Of which added by aliases.
      var aliased = 0
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        switch event.type {
        case YAML_STREAM_END_EVENT:
          return nil
        case YAML_SCALAR_EVENT:
          nodes += 1
          if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
        case YAML_SEQUENCE_START_EVENT:
          open.append((name(event.data.sequence_start.anchor), nodes))
          nodes += 1
        case YAML_MAPPING_START_EVENT:
          open.append((name(event.data.mapping_start.anchor), nodes))
          nodes += 1
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          if let (anchor, start) = open.popLast(), let anchor { sizes[anchor] = nodes - start }
        case YAML_ALIAS_EVENT:
          // An undefined alias is an error Yams reports when it meets it.
          guard let anchor = name(event.data.alias.anchor), let size = sizes[anchor] else { return nil }
          nodes += size
          aliased += size
          if aliased > limit {
            return Overflow(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                            anchor: anchor, nodes: aliased)
          }
        default:
          break
        }
      }
    }
  }

  private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    anchor.map { String(cString: $0) }
  }
}
