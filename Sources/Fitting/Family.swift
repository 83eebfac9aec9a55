//===----------------------------------------------------------------------===//
// The parametric families that input modelling can fit.
//===----------------------------------------------------------------------===//

/// A parametric family of positive distributions that ``InputModel`` fits by maximum
/// likelihood.
///
/// Each family corresponds to a case of SimRandom's `Distribution`, with its parameters
/// named as there: exponential (`mean`), gamma (`shape`, `scale`), lognormal (`mu`,
/// `sigma`, of ln X) and Weibull (`scale`, `shape`). All four need every observation to
/// be strictly positive.
public enum Family: String, CaseIterable, Sendable {
  /// Exponential with a mean: memoryless, coefficient of variation 1.
  case exponential
  /// Gamma with a shape and a scale.
  case gamma
  /// Lognormal: ln X is normal with mean `mu` and standard deviation `sigma`.
  case lognormal
  /// Weibull with a scale and a shape.
  case weibull

  /// The parameters' names, in the order of ``FittedDistribution/parameters``.
  public var parameterNames: [String] {
    switch self {
    case .exponential: return ["mean"]
    case .gamma: return ["shape", "scale"]
    case .lognormal: return ["mu", "sigma"]
    case .weibull: return ["scale", "shape"]
    }
  }

  /// The number of free parameters (the penalty of AIC and BIC).
  public var parameterCount: Int { parameterNames.count }

  /// The family's name for messages ("Weibull").
  var displayName: String {
    switch self {
    case .exponential: return "exponential"
    case .gamma: return "gamma"
    case .lognormal: return "lognormal"
    case .weibull: return "Weibull"
    }
  }
}
