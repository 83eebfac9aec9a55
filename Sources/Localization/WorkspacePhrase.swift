//===----------------------------------------------------------------------===//
// The phrases of the workspace's pages.
//===----------------------------------------------------------------------===//

/// A field of the scenario form, named as in scenario files.
public enum FormField: String, Sendable, CaseIterable {
  case start, days, replications, seed, weekdays, saturday, sunday
  case dailyVolume = "daily_volume", counterStaff = "counter_staff", backOfficeStaff = "back_office_staff"
  case staff, count, from, to, share, onlineShare = "online_share", dailyProbability = "daily_probability"
  case ageWorkingDays = "age_working_days"
}

/// A phrase of the workspace (`onestop serve`): titles, labels, buttons, messages.
public enum WorkspacePhrase: Sendable, Hashable {
  case workspaceTitle, scenariosHeading, resultsHeading, switchLanguage, footer, backHome, tokenNeeded
  case shipped, saved, noResults
  case uploadHeading, uploadScenario, uploadHint, uploadButton, uploadCentresHint
  case levers, leversHint, horizonAndCalendar
  case centre(String)
  case counterPool(String), backOfficePool(String)
  case crewHeading(Int, temporary: Bool)
  case procedures, procedure, outage(String)
  case field(FormField)
  case listHint, dateHint
  case run, compare, saveCopy, downloadYAML
  case changesNone, changes(Int)
  case fixErrors(Int)
  case cityGenerated
  case queued(ahead: Int), running(done: Int, total: Int), finished, failed, cancelled
  case cancel, queueFull(Int)
  case studyRun(String), studyCompare(String)
  case resultOf(String)
  case figuresHeading, kpiColumn, intervalColumn, unitColumn
  case downloads, fullReport, redoWithCLI
  case compareIntro(base: String, seed: String, replications: Int)
  case difference, verdictColumn
  case better, worse, noChange
  case asSaved, withChanges
  case warnings
  case notFound, badRequest, tooLarge(Int), forbiddenCSRF
  case scenarioRejected(String)
  case percentagePoints
  case scenarioFacts(centres: Int, procedures: Int, replications: Int, seed: String)
  case cityHeading, centresTable, cityName, cityBase
  case pendingHeading, backlogRow(procedure: String, centre: String?), backlogFromFile, pendingCount, addBacklogHint
}
