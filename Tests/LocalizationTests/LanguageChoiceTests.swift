import Localization
import Testing

/// Which language a planner gets, and how numbers and dates are written in it.
@Suite struct LanguageChoiceTests {
  @Test func theBrowsersPreferenceIsReadByQuality() {
    #expect(Language.negotiate(acceptLanguage: "vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7") == .vi)
    #expect(Language.negotiate(acceptLanguage: "en-GB,en;q=0.9,vi;q=0.8") == .en)
    #expect(Language.negotiate(acceptLanguage: "fr-FR, vi;q=0.5, en;q=0.6") == .en)
    #expect(Language.negotiate(acceptLanguage: "fr-FR,de") == nil)
    #expect(Language.negotiate(acceptLanguage: "vi;q=0, en;q=0.1") == .en)
    #expect(Language.negotiate(acceptLanguage: nil) == nil)
  }

  @Test func theEnvironmentChoosesTheConsoleLanguage() {
    #expect(Language.fromEnvironment(["LANG": "vi_VN.UTF-8"]) == .vi)
    #expect(Language.fromEnvironment(["LANG": "vi_VN.UTF-8", "LC_ALL": "C.UTF-8"]) == .en)
    #expect(Language.fromEnvironment(["ONESTOP_LANG": "vi", "LC_ALL": "en_US.UTF-8"]) == .vi)
    #expect(Language.fromEnvironment([:]) == .en)
  }

  @Test func vietnameseGroupsThousandsWithPointsAndDecimalsWithACommaInTheWorkspace() {
    #expect(Language.vi.number(38321) == "38.321")
    #expect(Language.en.number(38321) == "38,321")
    #expect(Language.vi.number(1234.56, decimals: 1) == "1.234,6")
    #expect(Language.vi.percent(0.8788) == "87,9%")
    #expect(Language.en.number(-0.04, decimals: 1) == "0.0", "no minus sign on a zero")
    #expect(Language.vi.number(-2.5, decimals: 1) == "−2,5")
    #expect(Language.vi(.running(done: 1200, total: 2000)) == "Đang chạy: 1.200 / 2.000 lần lặp")
  }
}
