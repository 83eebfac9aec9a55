//===----------------------------------------------------------------------===//
// Distributions in scenario files.
//===----------------------------------------------------------------------===//

import SimRandom
import Yams

extension NodeReader {
  /// The distribution families and their accepted parameter sets.
  static let distributionFamilies: [String: [[String]]] = [
    "deterministic": [["value"]],
    "exponential": [["mean"]],
    "gamma": [["shape", "scale"], ["mean", "sd"], ["mean", "cv"]],
    "erlang": [["k", "mean"]],
    "lognormal": [["mean", "sd"], ["mean", "cv"], ["mu", "sigma"]],
    "weibull": [["scale", "shape"]],
    "normal": [["mean", "sd"]],
    "uniform": [["min", "max"]],
    "triangular": [["min", "mode", "max"]],
    "discrete": [["values", "weights"]],
    "piecewise": [["breaks", "weights"]],
  ]

  static let familyNames = distributionFamilies.keys.sorted()

  /// A distribution of durations in minutes: a plain number (always that long) or a
  /// mapping with one family key, e.g. `{lognormal: {mean: 4, sd: 3}}`.
  func duration(_ located: Located) -> Distribution? {
    guard let distribution = distribution(located) else { return nil }
    if distribution.lowerBound < 0 {
      report(.invalidDistribution, at: located, expected: "a distribution of durations (no negative values)",
             found: "values down to \(distribution.lowerBound)")
      return nil
    }
    return distribution
  }

  func distribution(_ located: Located) -> Distribution? {
    if case .scalar = located.node {
      return number(located, "a number of minutes or a distribution such as {exponential: {mean: 5}}").map { .deterministic($0) }
    }
    guard let outer = fields(located, known: Self.familyNames) else { return nil }
    guard outer.entries.count == 1, let (family, body) = outer.entries.first else {
      if outer.entries.count > 1 {
        report(.wrongType, at: located, expected: "exactly one distribution family",
               found: outer.entries.map { "'\($0.key)'" }.joined(separator: " and "))
      } else if !hasErrors {
        report(.wrongType, at: located, expected: "one of \(list(Self.familyNames))", found: "an empty mapping")
      }
      return nil
    }
    if family == "deterministic", case .scalar = body.node {
      return number(body).map { .deterministic($0) }
    }
    guard let sets = Self.distributionFamilies[family] else { return nil }
    let known = Array(Set(sets.joined())).sorted()
    guard let params = fields(body, known: known) else { return nil }
    let given = Set(params.entries.map(\.key))
    guard let chosen = sets.first(where: { Set($0) == given }) else {
      let accepted = sets.map { "{\($0.joined(separator: ", "))}" }.joined(separator: " or ")
      report(.missingKey, at: body, expected: "parameters \(accepted)",
             found: given.isEmpty ? "none" : "{\(params.entries.map(\.key).joined(separator: ", "))}")
      return nil
    }
    let result = build(family, chosen, params)
    guard let distribution = result else { return nil }
    for problem in distribution.problems {
      let where_ = params[problem.parameter] ?? body
      report(.invalidDistribution, at: where_, expected: problem.expected, found: problem.found)
    }
    return distribution.problems.isEmpty ? distribution : nil
  }

  private func build(_ family: String, _ keys: [String], _ p: Fields) -> Distribution? {
    func value(_ key: String) -> Double? { p[key].flatMap { number($0) } }
    func positive(_ key: String) -> Double? { p[key].flatMap { self.positive($0) } }
    func numbers(_ key: String) -> [Double]? {
      guard let items = p[key].flatMap({ list($0, of: "numbers") }) else { return nil }
      let values = items.compactMap { number($0) }
      return values.count == items.count ? values : nil
    }
    switch (family, keys) {
    case ("deterministic", _):
      return value("value").map { .deterministic($0) }
    case ("exponential", _):
      return positive("mean").map { .exponential(mean: $0) }
    case ("gamma", ["shape", "scale"]):
      guard let k = value("shape"), let theta = value("scale") else { return nil }
      return .gamma(shape: k, scale: theta)
    case ("gamma", ["mean", "sd"]), ("gamma", ["mean", "cv"]), ("lognormal", ["mean", "sd"]), ("lognormal", ["mean", "cv"]):
      guard let mean = positive("mean") else { return nil }
      let spread = keys[1]
      guard let given = positive(spread) else { return nil }
      let sd = spread == "cv" ? given * mean : given
      return family == "gamma" ? .gamma(mean: mean, sd: sd) : .lognormal(mean: mean, sd: sd)
    case ("erlang", _):
      guard let k = p["k"].flatMap({ integer($0, in: 1...1000) }), let mean = positive("mean") else { return nil }
      return .erlang(k: k, mean: mean)
    case ("lognormal", _):
      guard let mu = value("mu"), let sigma = value("sigma") else { return nil }
      return .lognormal(mu: mu, sigma: sigma)
    case ("weibull", _):
      guard let scale = value("scale"), let shape = value("shape") else { return nil }
      return .weibull(scale: scale, shape: shape)
    case ("normal", _):
      guard let mean = value("mean"), let sd = value("sd") else { return nil }
      return .truncatedNormal(mean: mean, sd: sd)
    case ("uniform", _):
      guard let low = value("min"), let high = value("max") else { return nil }
      return .uniform(min: low, max: high)
    case ("triangular", _):
      guard let low = value("min"), let mode = value("mode"), let high = value("max") else { return nil }
      return .triangular(min: low, mode: mode, max: high)
    case ("discrete", _):
      guard let values = numbers("values"), let weights = numbers("weights") else { return nil }
      return .discrete(values: values, weights: weights)
    case ("piecewise", _):
      guard let breaks = numbers("breaks"), let weights = numbers("weights") else { return nil }
      return .piecewise(breaks: breaks, weights: weights)
    default:
      return nil
    }
  }
}
