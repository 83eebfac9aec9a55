import Testing

extension Tag {
  /// Checks of simulated statistics against theory (long-running, fixed seeds).
  @Tag public static var statistical: Self
}
