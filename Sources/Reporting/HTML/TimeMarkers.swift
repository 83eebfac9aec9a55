//===----------------------------------------------------------------------===//
// The dated events of a scenario, for the time charts.
//===----------------------------------------------------------------------===//

import CentreModel
import Localization

/// The events of `scenario` that fall inside its horizon, as markers on a chart whose x
/// index is the day of the horizon: holidays (a run of consecutive ones marked once),
/// changes of staff (crews whose `from` or `to` date falls inside, so the end of a
/// campaign's support), outages with dates, and surges of demand. Events of the same
/// kind on the same day (the same crew in many centres) are merged into one marker.
func timeMarkers(_ scenario: Scenario, _ language: Language) -> [ChartMarker] {
  let table = scenario.calendarTable()
  let start = scenario.horizon.start
  let days = scenario.horizon.days
  func index(_ date: CivilDate) -> Int? {
    let i = date.dayNumber - start.dayNumber
    return i >= 0 && i < days ? i : nil
  }
  var markers: [ChartMarker] = []
  // Holidays.
  var day = 0
  while day < days {
    guard table.isHoliday(day) else {
      day += 1
      continue
    }
    var length = 1
    while day + length < days && table.isHoliday(day + length) { length += 1 }
    markers.append(ChartMarker(index: day, label: language.report(.markerHoliday(days: length)), kind: .holiday))
    day += length
  }
  // Staff: members joining on a crew's first day, leaving the day after its last.
  var joining: [Int: (count: Int, notes: Set<String>)] = [:]
  var leaving: [Int: (count: Int, notes: Set<String>)] = [:]
  for centre in scenario.centres {
    let staffings = centre.counters.map(\.staffing) + centre.backOffice.map(\.staffing)
    for crew in staffings.flatMap(\.crews) where crew.count > 0 {
      if let from = crew.from, from > start, let i = index(from) {
        joining[i, default: (0, [])].count += crew.count
        joining[i]!.notes.insert(crew.note)
      }
      if let to = crew.to, let i = index(to.adding(days: 1)) {
        leaving[i, default: (0, [])].count += crew.count
        leaving[i]!.notes.insert(crew.note)
      }
    }
  }
  for i in Set(joining.keys).union(leaving.keys).sorted() {
    let notes = (joining[i]?.notes ?? []).union(leaving[i]?.notes ?? [])
    let note = notes.count == 1 ? notes.first!.trimmingSpacesAround : ""
    markers.append(ChartMarker(index: i, label: language.report(.markerStaff(joining: joining[i]?.count ?? 0, leaving: leaving[i]?.count ?? 0,
                                                                      note: note.count > 28 ? String(note.prefix(27)) + "…" : note)),
                               kind: .staff))
  }
  // Outages with dates.
  for outage in scenario.outages {
    if let from = outage.from, from > start, let i = index(from) {
      markers.append(ChartMarker(index: i, label: language.report(.markerOutagesStart(outage.id)), kind: .outage))
    }
    if let to = outage.to, let i = index(to.adding(days: 1)) {
      markers.append(ChartMarker(index: i, label: language.report(.markerOutagesEnd(outage.id)), kind: .outage))
    }
  }
  // Surges of demand.
  var surges = Set<String>()
  for surge in scenario.centres.flatMap(\.arrivals.surges) {
    if surge.from > start, let i = index(surge.from), surges.insert("\(i) from \(surge.factor)").inserted {
      markers.append(ChartMarker(index: i, label: language.report(.markerSurgeStart(factor: surge.factor)), kind: .surge))
    }
    if let i = index(surge.to.adding(days: 1)), surges.insert("\(i) to").inserted {
      markers.append(ChartMarker(index: i, label: language.report(.markerSurgeEnd), kind: .surge))
    }
  }
  return markers
}

/// The legend's name of each kind of marker.
func markerNames(_ language: Language) -> [ChartMarker.Kind: String] {
  [.holiday: language.report(.legendHoliday), .staff: language.report(.legendStaffChange), .outage: language.report(.legendOutages),
   .surge: language.report(.legendSurge)]
}

extension String {
  var trimmingSpacesAround: String {
    var s = Substring(self)
    while s.first?.isWhitespace == true { s.removeFirst() }
    while s.last?.isWhitespace == true { s.removeLast() }
    return String(s)
  }
}
