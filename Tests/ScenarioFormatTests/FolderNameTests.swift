import Foundation
import ScenarioFormat
import Testing

/// Vietnamese names and ids are accepted; their output folders are plain ASCII.
@Suite struct FolderNameTests {
  @Test(arguments: [("phường-hà-đông", "phuong-ha-dong"), ("Đồng_Nai.2025", "Dong_Nai.2025"), ("default", "default"),
                    ("xã-ứng-hòa", "xa-ung-hoa"), ("東京", "--"), ("", "scenario")])
  func foldersDropDiacritics(_ name: String, _ folder: String) {
    #expect(outputFolderName(name) == folder)
  }

  /// The same letters decomposed (NFD, as some systems store them) give the same folder.
  @Test func decomposedLettersGiveTheSameFolder() {
    #expect(outputFolderName("phu\u{031B}\u{0300}o\u{031B}ng") == "phuong")
  }

  @Test func vietnameseNamesAndIdsLoad() throws {
    let yaml = """
      name: phường-hà-đông
      horizon: {start: 2025-07-07, days: 5}
      procedures:
        - {id: chứng-thực, share: 1, counter_time: {exponential: {mean: 5}}, deadline: {working_days: 0}}
      centre: {id: phường-hà-đông, arrivals: {daily_volume: 40}, counter_staff: 2, back_office_staff: 0}

      """
    let loaded = try ScenarioLoader.load(yaml: yaml, file: "vi.yaml")
    #expect(loaded.scenario.name == "phường-hà-đông")
    #expect(loaded.scenario.procedures[0].id == "chứng-thực")
    #expect(loaded.scenario.centres[0].id == "phường-hà-đông")
    // Still refused: an upper-case id, a name with a space or a slash.
    #expect(throws: ScenarioError.self) { try ScenarioLoader.load(yaml: yaml.replacingOccurrences(of: "id: chứng-thực", with: "id: Chứng"), file: "vi.yaml") }
    #expect(throws: ScenarioError.self) { try ScenarioLoader.load(yaml: yaml, file: "vi.yaml", overrides: [Override(keyPath: "name", value: "hà đông")]) }
    #expect(throws: ScenarioError.self) { try ScenarioLoader.load(yaml: yaml, file: "vi.yaml", overrides: [Override(keyPath: "name", value: "a/../b")]) }
  }
}
