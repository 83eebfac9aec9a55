//===----------------------------------------------------------------------===//
// `--rescale-shares`: one procedure's share changed, the others keep their proportions.
//===----------------------------------------------------------------------===//

import Yams

/// Rescales the procedure shares an override did not set, so that a planner can change
/// one share (`--set 'procedures[certification].share=0.6' --rescale-shares`) without
/// editing the others: they keep their proportions and the whole still sums to 1.
enum ShareRescaling {
  /// `root` with, for each list of shares an override touched (the catalogue's, a
  /// centre's `procedure_shares`), the shares no override set scaled to fill the rest.
  static func rescale(_ root: Node, after overrides: [(path: String, override: Override)]) throws(ScenarioError) -> Node {
    var root = root
    // The catalogue: `procedures[i].share`.
    let catalogue = overrides.compactMap { item -> (Int, Override)? in
      guard item.path.hasPrefix("procedures["), item.path.hasSuffix("].share"),
        let index = Int(item.path.dropFirst("procedures[".count).dropLast("].share".count))
      else { return nil }
      return (index, item.override)
    }
    if !catalogue.isEmpty, case .sequence(var procedures)? = root.mapping?["procedures"] {
      var shares = procedures.map { $0.mapping?["share"].flatMap(Self.value) }
      try fill(&shares, fixed: Set(catalogue.map(\.0)), at: catalogue.last!.1)
      for (i, share) in shares.enumerated() where !catalogue.contains(where: { $0.0 == i }) {
        guard let share, case .mapping(var mapping) = procedures[i] else { continue }
        mapping["share"] = Node(String(share), Tag(.implicit), .plain)
        procedures[i] = .mapping(mapping)
      }
      root.mapping?["procedures"] = .sequence(procedures)
    }
    // A centre's own mix: `<centre>.procedure_shares.<id>`.
    var groups: [String: [(String, Override)]] = [:]
    var order: [String] = []
    for item in overrides {
      guard let range = item.path.range(of: ".procedure_shares.", options: .backwards) else { continue }
      let owner = String(item.path[..<range.lowerBound]) + ".procedure_shares"
      if groups[owner] == nil { order.append(owner) }
      groups[owner, default: []].append((String(item.path[range.upperBound...]), item.override))
    }
    for owner in order {
      let fixed = groups[owner]!
      let path = Override(keyPath: owner, value: "", option: fixed.last!.1.option)
      guard let steps = path.steps, case .mapping(let mix)? = node(at: steps[...], in: root) else { continue }
      let keys = mix.map { $0.key.string ?? "" }
      var shares = mix.map { Self.value($0.value) }
      let fixedIndices = Set(fixed.compactMap { keys.firstIndex(of: $0.0) })
      try fill(&shares, fixed: fixedIndices, at: fixed.last!.1)
      var rescaled = mix
      for i in rescaled.indices where !fixedIndices.contains(i) {
        if let share = shares[i] { rescaled[i] = (rescaled[i].key, Node(String(share), Tag(.implicit), .plain)) }
      }
      root = replacing(steps[...], in: root, with: .mapping(rescaled))
    }
    return root
  }

  /// Scales the shares not in `fixed` so that all sum to 1.
  private static func fill(_ shares: inout [Double?], fixed: Set<Int>, at override: Override) throws(ScenarioError) {
    let set = fixed.reduce(0.0) { $0 + (shares[$1] ?? 0) }
    let others = shares.indices.filter { !fixed.contains($0) }.reduce(0.0) { $0 + (shares[$1] ?? 0) }
    func fail(_ expected: String, _ found: String) -> ScenarioError {
      ScenarioError(issues: [ScenarioIssue(.error, .sharesDoNotSumToOne, at: override.origin, keyPath: override.keyPath,
                                           expected: expected, found: found)])
    }
    guard set <= 1 + 1e-9 else { throw fail("shares set to at most 1 in all, to rescale the others", "\(set)") }
    guard others > 0 || set >= 1 - 1e-9 else {
      throw fail("other procedures with shares to rescale", "none (they sum to 0), and the shares set sum to \(set)")
    }
    let scale = others > 0 ? (1 - set) / others : 0
    for i in shares.indices where !fixed.contains(i) { shares[i] = shares[i].map { $0 * scale } }
  }

  /// A share written as a number or a percentage.
  private static func value(_ node: Node) -> Double? {
    guard let text = node.scalar?.string else { return nil }
    if text.hasSuffix("%") { return Double(text.dropLast()).map { $0 / 100 } }
    return Double(text)
  }

  private static func node(at steps: ArraySlice<Override.Step>, in node: Node) -> Node? {
    guard let step = steps.first else { return node }
    switch step {
    case .key(let key): return node.mapping?[key].flatMap { self.node(at: steps.dropFirst(), in: $0) }
    case .index(let i): return node.sequence.flatMap { $0.indices.contains(i) ? self.node(at: steps.dropFirst(), in: $0[i]) : nil }
    case .id(let id):
      return node.sequence?.first { $0.mapping?["id"]?.string == id }.flatMap { self.node(at: steps.dropFirst(), in: $0) }
    }
  }

  private static func replacing(_ steps: ArraySlice<Override.Step>, in node: Node, with value: Node) -> Node {
    guard let step = steps.first else { return value }
    switch (step, node) {
    case (.key(let key), .mapping(var mapping)):
      if let child = mapping[key] { mapping[key] = replacing(steps.dropFirst(), in: child, with: value) }
      return .mapping(mapping)
    case (.index(let i), .sequence(var sequence)) where sequence.indices.contains(i):
      sequence[i] = replacing(steps.dropFirst(), in: sequence[i], with: value)
      return .sequence(sequence)
    case (.id(let id), .sequence(var sequence)):
      if let i = sequence.firstIndex(where: { $0.mapping?["id"]?.string == id }) {
        sequence[i] = replacing(steps.dropFirst(), in: sequence[i], with: value)
      }
      return .sequence(sequence)
    default:
      return node
    }
  }
}
