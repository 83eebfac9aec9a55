//===----------------------------------------------------------------------===//
// The command-line parsers: --set, --vary, --target (optimize and calibrate).
//===----------------------------------------------------------------------===//

import Calibration
import Foundation
import Experiments
import ScenarioFormat

/// A small valid scenario (scenarios/hotline-1012.yaml, comments left out), parsed once:
/// the base that overrides are applied to and data files are read with.
let baseScenarioYAML = """
  name: fuzz-base
  seed: 1
  replications: 2
  horizon: {start: 2025-07-01, days: 5}
  calendar:
    opening_hours:
      weekdays: ["08:00-12:00", "13:00-17:00"]
    receipt_cutoff: none
  procedures:
    - id: call
      name: Question by phone
      share: 0.6
      counter_time: {exponential: {mean: 3.5}}
      deadline: {working_days: 0}
    - id: land
      name: Land certificate
      share: 0.4
      counter_time: {lognormal: {mean: 8, sd: 3}}
      back_office_time: {lognormal: {mean: 30, sd: 10}}
      deadline: {working_days: 5}
  centre:
    id: ward
    arrivals:
      daily_volume: 164
      hourly_profile: {8: 1.3, 9: 1.6, 10: 1.4, 11: 0.9, 13: 0.7, 14: 1.0, 15: 0.9, 16: 0.5}
    counter_staff: 4
    back_office_staff: 2
    patience: {patience: {exponential: {mean: 20}}}

  """

let baseDocument: ScenarioDocument = {
  do { return try ScenarioDocument.parse(yaml: baseScenarioYAML, file: "fuzz/base.yaml") } catch {
    fatalError("the fuzzer's base scenario does not parse: \(error)")
  }
}()

/// Each line is a `--set`; those that parse must print as they parse (`key=value` read
/// back gives the same override), and all of them together are applied to the base
/// scenario, which loads or is refused with located issues.
func fuzzOverride(_ bytes: UnsafeBufferPointer<UInt8>) {
  var overrides: [Override] = []
  for line in text(bytes).split(separator: "\n", omittingEmptySubsequences: false).prefix(8) {
    do {
      let override = try Override(parsing: String(line))
      if !override.keyPath.isEmpty {
        guard let again = try? Override(parsing: override.description), again == override else {
          violated("'\(line)' parses as \(override), which does not parse back to it")
        }
      }
      overrides.append(override)
    } catch {
      checkRejection(error)
    }
  }
  guard !overrides.isEmpty else { return }
  do { checkLoaded(try baseDocument.load(overrides: overrides)) } catch { checkRejection(error) }
}

/// A `--vary` factor: refused with a reason, or a factor whose levels can be counted and,
/// when there are not too many, listed (each level a text), and that reads back from
/// its levels written out (a range `low:high[:step]`, a list of two or more `a,b`).
func fuzzVary(_ bytes: UnsafeBufferPointer<UInt8>) {
  let input = text(bytes)
  let factor: SweepFactor
  do { factor = try SweepFactor(validating: input) } catch {
    if verbose { print(error) }
    if error.reason.isEmpty { violated("an empty reason for '\(input)'") }
    return
  }
  let count = factor.levelCount
  if count < 1 { violated("\(count) levels for '\(input)'") }
  if count <= 10_000 {
    let values = factor.gridValues
    if values.count != count { violated("\(count) levels counted but \(values.count) listed for '\(input)'") }
    if verbose { print(factor.keyPath, values) }
  }
  let written: String
  switch factor.levels {
  case .range(let low, let high, let step): written = step == 0 ? "\(low):\(high)" : "\(low):\(high):\(step)"
  case .list(let values):
    guard values.count >= 2 else { return }
    written = values.joined(separator: ",")
  }
  guard let again = try? SweepFactor(validating: "\(factor.keyPath)=\(written)"), again == factor else {
    violated("'\(input)' gives \(factor), which does not read back from '\(factor.keyPath)=\(written)'")
  }
}

/// An optimiser's `--target`: nil, or a target with a finite value whose argument
/// (`kpi>=value`) parses back to it.
func fuzzStaffingTarget(_ bytes: UnsafeBufferPointer<UInt8>) {
  let input = text(bytes)
  guard let target = StaffingTarget(parsing: input) else { return }
  if verbose { print(target) }
  if !target.value.isFinite { violated("'\(input)' gives a target of \(target.value)") }
  guard let again = StaffingTarget(parsing: target.argument), again == target else {
    violated("'\(input)' gives \(target), whose argument '\(target.argument)' does not parse back to it")
  }
}

/// A calibration's `--target`: refused with a located issue, or a target with a finite
/// value and a finite positive tolerance that parses again from its text.
func fuzzCalibrationTarget(_ bytes: UnsafeBufferPointer<UInt8>) {
  let input = text(bytes)
  do {
    let target = try CalibrationTarget(parsing: input)
    if verbose { print(target, target.value, target.tolerance) }
    if !target.value.isFinite || !target.tolerance.isFinite || !(target.tolerance > 0) {
      violated("'\(input)' gives value \(target.value), tolerance \(target.tolerance)")
    }
    guard let again = try? CalibrationTarget(parsing: target.description), again == target else {
      violated("'\(input)' does not parse again from its description")
    }
  } catch {
    checkRejection(error)
  }
}

/// The scenarios of scenarios/*.yaml (and the base above), each parsed once at start:
/// the `document` target decodes them with changes, without parsing YAML files again.
let parsedScenarios: [ScenarioDocument] = {
  // This file is Fuzz/Sources/OnestopFuzzer/ArgumentTargets.swift in the repository.
  let root = String(#filePath).split(separator: "/").dropLast(4).joined(separator: "/")
  let directory = "/\(root)/scenarios"
  let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
  return [baseDocument] + names.compactMap { try? ScenarioDocument.read(path: "\(directory)/\($0)") }
}()

/// Decoding without YAML parsing: the first byte picks one of ``parsedScenarios``, each
/// line after it is a `--set` (only its value, usually a few bytes, is parsed), and the
/// document with those changes is decoded and checked, as each point of a sweep is. The
/// scenario loads or is refused with located issues.
func fuzzDocument(_ bytes: UnsafeBufferPointer<UInt8>) {
  guard let first = bytes.first else { return }
  let document = parsedScenarios[Int(first) % parsedScenarios.count]
  var overrides: [Override] = []
  for line in text(UnsafeBufferPointer(rebasing: bytes.dropFirst())).split(separator: "\n").prefix(16) {
    if let override = try? Override(parsing: String(line)) { overrides.append(override) }
  }
  do { checkLoaded(try document.load(overrides: overrides)) } catch { checkRejection(error) }
}
