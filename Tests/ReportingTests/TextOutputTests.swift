import CentreModel
import Foundation
import QueueingTheory
import Reporting
import SimRandom
import Testing

@Suite struct JSONValueTests {
  @Test func rendersNestedValuesWithTwoSpaceIndentation() {
    let value = JSONValue.object([
      ("name", .string("Hà Đông")),
      ("counts", .array([.number(1), .number(2.5), .null])),
      ("empty", .object([])),
      ("none", .array([])),
      ("flags", .object([("on", .bool(true)), ("off", .bool(false)), ("bad", .finite(.nan))])),
    ])
    #expect(value.rendered() == """
      {
        "name": "Hà Đông",
        "counts": [
          1,
          2.5,
          null
        ],
        "empty": {},
        "none": [],
        "flags": {
          "on": true,
          "off": false,
          "bad": null
        }
      }

      """)
  }

  @Test func escapesQuotesBackslashesAndControlCharacters() {
    let text = "a\"b\\c\nd\re\tf\u{1}g\u{1F}h"
    #expect(JSONValue.string(text).rendered() == #""a\"b\\c\nd\re\tf\u0001g\u001fh""# + "\n")
  }

  /// A quote followed by a combining mark is one `Character`: the writer must still
  /// escape the quote and keep the mark, and the same for keys.
  @Test func escapesAQuoteThatAnotherScalarCombinesWith() {
    let text = "\"\u{301}x\r\n\u{1F600}"
    #expect(JSONValue.object([(text, .string(text))]).rendered()
      == "{\n  \"\\\"\u{301}x\\r\\n\u{1F600}\": \"\\\"\u{301}x\\r\\n\u{1F600}\"\n}\n")
  }

  /// Whatever the string, a JSON parser reads back exactly that string.
  @Test func anyStringRoundTripsThroughAJSONParser() throws {
    var generator = SystemRandomNumberGenerator()
    let alphabet: [Unicode.Scalar] = ["a", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", " ", "/", "à", "\u{301}",
                                      "Đ", "\u{1F600}", "\u{7F}", "\u{2028}"]
    for _ in 0..<500 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...12, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
      let original = String(text)
      let rendered = JSONValue.array([.string(original)]).rendered()
      let parsed = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String]
      #expect(parsed == [original], "rendered as \(rendered.debugDescription)")
    }
  }

  @Test func formatsNumbersAsShortestRoundTripAndIntegersWithoutFraction() {
    #expect(formatNumber(3) == "3")
    #expect(formatNumber(-0.0) == "0")
    #expect(formatNumber(0.1) == "0.1")
    #expect(formatNumber(1e20) == "1e+20")
    #expect(formatNumber(2.0 / 3) == "0.6666666666666666")
    #expect(formatNumber(.nan) == "nan")
  }
}

@Suite struct CSVTableTests {
  @Test func quotesOnlyTheFieldsThatNeedIt() {
    var table = CSVTable(columns: ["id", "note"])
    table.append(["plain", "Hà Đông"])
    table.append(["a,b", "say \"hi\""])
    table.append(["line\nbreak", "crlf\r\nend"])
    table.append([CSVTable.field(.nan), CSVTable.field(2.5)])
    #expect(table.rendered() == """
      id,note
      plain,Hà Đông
      "a,b","say ""hi\"""
      "line
      break","crlf\r
      end"
      ,2.5

      """)
  }

  /// "\r\n" is a single `Character`, equal neither to "\r" nor to "\n": the field must be
  /// quoted all the same.
  @Test func quotesAFieldWhoseOnlyLineBreakIsCRLF() {
    var table = CSVTable(columns: ["x"])
    table.append(["a\r\nb"])
    #expect(table.rendered() == "x\n\"a\r\nb\"\n")
  }
}

@Suite struct CounterTheoryTests {
  @Test func impatientCitizensAreDescribedByErlangA() {
    // A centre whose citizens give up after a mean 20 minutes: the table is Erlang A's.
    let procedure = Procedure(id: "p", name: "p", share: 1, counterTime: .exponential(mean: 10), backOfficeTime: nil,
                              deadline: .workingDays(0))
    var centre = Centre(id: "c", arrivals: ArrivalPattern(dailyVolume: 400), counterStaff: 3, backOfficeStaff: 0,
                        closing: .serveWaiting(maxOvertime: nil))
    centre.patience = Patience(patience: .exponential(mean: 20))
    let scenario = Scenario(name: "s", seed: 1, replications: 1, horizon: Horizon(start: CivilDate(year: 2025, month: 7, day: 1)!, days: 7),
                            calendar: WorkingCalendar(), procedures: [procedure], centres: [centre])
    let theory = CounterTheory.analyse(scenario)[0]
    #expect(theory.model == "Erlang A")
    let hour = theory.hours[0]
    let erlangA = ErlangA(servers: 3, arrivalRate: hour.arrivalsPerHour / 60, meanServiceTime: 10, meanPatience: 20)
    #expect(hour.probabilityOfWaiting == erlangA.probabilityOfWaiting)
    #expect(hour.meanWait == erlangA.meanWait)
    #expect(hour.meanWait.isFinite)  // overloaded (ρ = 400/480 × 10/3 > 1), yet stable with abandonment
    #expect(theory.rendered().contains("Erlang A"))
    centre.patience = nil
    let patient = CounterTheory.analyse(Scenario(name: "s", seed: 1, replications: 1, horizon: scenario.horizon,
                                                 calendar: WorkingCalendar(), procedures: [procedure], centres: [centre]))[0]
    #expect(patient.model == "Erlang C")
  }
}
