//===----------------------------------------------------------------------===//
// The workspace's routes: parse the request, call the library, render the page.
//===----------------------------------------------------------------------===//

import Foundation
import Hummingbird
import Localization
import ScenarioFormat
import Spreadsheet
import Studies

/// The handlers. Each reads only ids from the path (checked by ``WorkspaceStore``),
/// posts carry the CSRF token, and studies go through the bounded ``JobQueue``.
struct WorkspaceRoutes: Sendable {
  let store: WorkspaceStore
  let queue: JobQueue
  let csrf: String
  let jobs: WorkspaceJobs

  func register(on router: Router<WorkspaceContext>) {
    router.get("/") { request, context in html(HomePage(store: store, jobs: queue.all()).html(layout(request, context))) }
    router.post("/scenarios") { request, context in try await upload(request, context) }
    router.post("/cities") { request, context in try await city(request, context) }
    router.get("/scenarios/:id") { request, context in try scenario(request, context) }
    router.post("/scenarios/:id/run") { request, context in try await start(request, context, compare: false) }
    router.post("/scenarios/:id/compare") { request, context in try await start(request, context, compare: true) }
    router.post("/scenarios/:id/optimize") { request, context in try await optimize(request, context) }
    router.post("/scenarios/:id/calibrate") { request, context in try await calibrate(request, context) }
    router.post("/scenarios/:id/save") { request, context in try await save(request, context) }
    router.post("/scenarios/:id/yaml") { request, context in try await yaml(request, context) }
    router.get("/jobs/:id") { request, context in try job(request, context) }
    router.get("/jobs/:id/events") { request, context in try events(context) }
    router.post("/jobs/:id/cancel") { request, context in try await cancel(request, context) }
    router.get("/results") { request, context in html(ResultsPage(store: store).html(layout(request, context))) }
    router.get("/results/:id") { request, context in try result(request, context) }
    router.get("/results/:id/:file") { _, context in try file(context) }
    router.get("/assets/workspace.js") { _, _ in
      Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
               body: .init(byteBuffer: ByteBuffer(string: WorkspaceScript.source)))
    }
  }

  // MARK: - Scenarios

  private func scenario(_ request: Request, _ context: WorkspaceContext) throws -> Response {
    var id = try context.parameters.require("id")
    let wantsJSON = id.hasSuffix(".json")
    if wantsJSON { id.removeLast(5) }
    let (entry, document) = try open(id, context)
    let form = ScenarioForm(entry: entry, document: document)
    if wantsJSON {
      let levers = form.levers.map { ["key_path": $0.keyPath, "field": $0.field, "value": $0.value] }
      return try json(["id": entry.id, "shipped": entry.shipped, "file": entry.shipped ? entry.file : "\(entry.id).yaml", "levers": levers])
    }
    return html(ScenarioPage(form: form, loaded: try? document.load()).html(layout(request, context)))
  }

  /// The scenario `id` and its parsed file; 404 when there is none.
  private func open(_ id: String, _ context: WorkspaceContext) throws -> (ScenarioEntry, ScenarioDocument) {
    guard let entry = store.scenario(id) else { throw HTTPError(.notFound, message: context.language(.notFound)) }
    do {
      return (entry, try store.document(entry))
    } catch {
      throw HTTPError(.unprocessableContent, message: error.description)
    }
  }

  /// The posted form of scenario `id`, validated: the loaded scenario, or the page with
  /// the errors at their fields (422).
  private func submitted(_ request: Request, _ context: WorkspaceContext)
    async throws -> (ScenarioEntry, ScenarioDocument, ScenarioForm, Validated)
  {
    let (entry, document, levers, validated, _) = try await submittedWithStudies(request, context)
    return (entry, document, levers, validated)
  }

  /// ``submitted(_:_:)`` with the form's study questions (the optimiser's, the
  /// calibration's) as posted.
  private func submittedWithStudies(_ request: Request, _ context: WorkspaceContext)
    async throws -> (ScenarioEntry, ScenarioDocument, ScenarioForm, Validated, ScenarioPage)
  {
    let form = try await readForm(request, context)
    let (entry, document) = try open(try context.parameters.require("id"), context)
    var levers = ScenarioForm(entry: entry, document: document)
    levers.take(form)
    var loaded: LoadedScenario?
    do throws(ScenarioError) {
      loaded = try ScenarioChanges(overrides: levers.overrides).load(document)
    } catch {
      levers.place(error)
    }
    let page = ScenarioPage(form: levers, loaded: try? document.load(), optimize: OptimizeForm(form), calibrate: CalibrateForm(form),
                            open: request.uri.path.split(separator: "/").last.map(String.init))
    guard let loaded else {
      return (entry, document, levers, .invalid(html(page.html(layout(request, context)), status: .unprocessableContent)), page)
    }
    return (entry, document, levers, .valid(loaded), page)
  }

  /// The optimiser, on the scenario with the form's changes.
  private func optimize(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
    var (entry, document, levers, validated, page) = try await submittedWithStudies(request, context)
    let loaded: LoadedScenario
    switch validated {
    case .invalid(let response): return response
    case .valid(let valid): loaded = valid
    }
    let settings = page.optimize.settings(context.language)
    if let settings, settings.chosenUnits(in: loaded.scenario).isEmpty {
      page.optimize.errors["o:units"] = context.language(.noPools)
    } else if let settings, let problem = settings.problem(loaded.scenario) {
      page.optimize.errors["o:objective"] = problem
    }
    guard let settings, page.optimize.errors.isEmpty else {
      return html(page.html(layout(request, context)), status: .unprocessableContent)
    }
    return try queued(context) { () throws(JobQueue.Full) in
      try jobs.optimize(entry, document, loaded, overrides: levers.overrides, settings: settings, language: context.language)
    }
  }

  /// The calibration, on the scenario with the form's changes.
  private func calibrate(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
    var (entry, document, levers, validated, page) = try await submittedWithStudies(request, context)
    let loaded: LoadedScenario
    switch validated {
    case .invalid(let response): return response
    case .valid(let valid): loaded = valid
    }
    guard let question = page.calibrate.question(context.language, city: loaded.scenario.centres.count > 1) else {
      return html(page.html(layout(request, context)), status: .unprocessableContent)
    }
    return try queued(context) { () throws(JobQueue.Full) in
      try jobs.calibrate(entry, document, loaded, overrides: levers.overrides, targets: question.targets, free: question.free,
                         settings: question.settings)
    }
  }

  /// The job's page, once `submit` has queued it; 503 when the queue is full.
  private func queued(_ context: WorkspaceContext, _ submit: () throws(JobQueue.Full) -> Int) throws -> Response {
    do {
      return .redirect(to: "/jobs/\(try submit())", type: .normal)
    } catch {
      throw HTTPError(.serviceUnavailable, message: context.language(.queueFull(error.capacity)))
    }
  }

  /// A submitted form: the scenario it makes, or the page showing its errors.
  private enum Validated {
    case valid(LoadedScenario)
    case invalid(Response)
  }

  private func start(_ request: Request, _ context: WorkspaceContext, compare: Bool) async throws -> Response {
    let (entry, document, form, loaded) = try await submitted(request, context)
    let variant: LoadedScenario
    switch loaded {
    case .invalid(let page): return page
    case .valid(let scenario): variant = scenario
    }
    do {
      let id: Int
      if compare {
        // The horizon, the replications and the seed are the study's, shared by both
        // alternatives; every other change makes the variant.
        let shared = form.overrides.filter { ScenarioForm.studySettings.contains($0.keyPath) }
        let changes = form.overrides.filter { !ScenarioForm.studySettings.contains($0.keyPath) }
        guard !changes.isEmpty else { throw HTTPError(.unprocessableContent, message: context.language(.changesNone)) }
        let base = try ScenarioChanges(overrides: shared).load(document)
        id = try jobs.compare(entry, document, base: base, variant: variant, shared: shared, changes: changes, language: context.language)
      } else {
        id = try jobs.run(entry, document, variant, overrides: form.overrides, language: context.language)
      }
      return .redirect(to: "/jobs/\(id)", type: .normal)
    } catch let full as JobQueue.Full {
      throw HTTPError(.serviceUnavailable, message: context.language(.queueFull(full.capacity)))
    }
  }

  private func save(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
    let (_, document, form, loaded) = try await submitted(request, context)
    let scenario: LoadedScenario
    switch loaded {
    case .invalid(let page): return page
    case .valid(let valid): scenario = valid
    }
    let id = try store.save(yaml: try document.yaml(overrides: form.overrides), name: scenario.scenario.name)
    return .redirect(to: "/scenarios/\(id)", type: .normal)
  }

  private func yaml(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
    let (entry, document, form, loaded) = try await submitted(request, context)
    if case .invalid(let page) = loaded { return page }
    let text = try document.yaml(overrides: form.overrides)
    return Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8",
                                           .contentDisposition: "attachment; filename=\"\(entry.id).yaml\""],
                    body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  /// An uploaded scenario: validated by the loader (its data files may only be beside
  /// it in the workspace) and saved under a new id.
  private func upload(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
    let form = try await readForm(request, context)
    let t = context.language
    func refuse(_ message: String) -> Response {
      html(HomePage(store: store, jobs: queue.all()).html(layout(request, context), message: message), status: .unprocessableContent)
    }
    guard let file = form.files["scenario"], !file.bytes.isEmpty else { return refuse(t(.uploadHint)) }
    guard let text = String(validating: file.bytes, as: UTF8.self) else { return refuse(t(.scenarioRejected("not UTF-8 text"))) }
    let shown = String(file.filename.prefix(80))
    do {
      // Validated as if it were in the workspace's scenario folder, where it will be read from.
      let document = try ScenarioDocument.parse(yaml: text, file: "\(store.savedScenarios)/\(shown)").confiningDataFiles()
      let loaded = try document.load()
      let id = try store.save(yaml: text, name: loaded.scenario.name)
      return .redirect(to: "/scenarios/\(id)", type: .normal)
    } catch let error as ScenarioError {
      return refuse(t(.scenarioRejected(error.issues.filter { $0.severity == .error }.prefix(5).map(\.description).joined(separator: "; "))))
    }
  }

  /// A table of centres (CSV, or an XLSX workbook's first sheet) made into a city
  /// scenario: the chosen base scenario's centre copied for every row, with the row's
  /// id, daily volume and staff. An XLSX file is known by its ZIP signature (or its name).
  private func city(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
    let form = try await readForm(request, context)
    let t = context.language
    func refuse(_ message: String) -> Response {
      html(HomePage(store: store, jobs: queue.all()).html(layout(request, context), message: message), status: .unprocessableContent)
    }
    guard let file = form.files["centres"], !file.bytes.isEmpty, let base = form["base"].flatMap(store.scenario) else {
      return refuse(t(.uploadCentresHint))
    }
    let name = (form["name"] ?? "").trimmingSpaces
    let cityName = name.isEmpty ? "city" : String(name.prefix(120))
    let fileName = String(file.filename.prefix(80))
    do {
      let document: ScenarioDocument
      if XLSX.looksLikeZIP(file.bytes) || fileName.lowercased().hasSuffix(".xlsx") {
        let rows: [[String]]
        do {
          rows = try XLSX.firstSheetRows(file.bytes)
        } catch {
          return refuse(t(.scenarioRejected("\(fileName): \(error.description)")))
        }
        document = try store.document(base).city(name: cityName, rows: rows, file: fileName)
      } else {
        guard let csv = String(validating: file.bytes, as: UTF8.self) else { return refuse(t(.scenarioRejected("not UTF-8 text"))) }
        document = try store.document(base).city(name: cityName, centres: csv, file: fileName)
      }
      let loaded = try document.load()
      let id = try store.save(yaml: try document.yaml(overrides: []), name: loaded.scenario.name)
      return .redirect(to: "/scenarios/\(id)", type: .normal)
    } catch let error as ScenarioError {
      return refuse(t(.scenarioRejected(error.issues.filter { $0.severity == .error }.prefix(8).map(\.description).joined(separator: "; "))))
    }
  }

  // MARK: - Jobs

  private func jobID(_ context: WorkspaceContext) throws -> (Int, JobQueue.Snapshot) {
    var text = try context.parameters.require("id")
    if text.hasSuffix(".json") { text.removeLast(5) }
    guard let id = Int(text), let job = queue.snapshot(id) else { throw HTTPError(.notFound, message: context.language(.notFound)) }
    return (id, job)
  }

  private func job(_ request: Request, _ context: WorkspaceContext) throws -> Response {
    let (_, job) = try jobID(context)
    if try context.parameters.require("id").hasSuffix(".json") { return try json(Self.jobJSON(job, context.language)) }
    return html(JobPage(job: job).html(layout(request, context)))
  }

  static func jobJSON(_ job: JobQueue.Snapshot, _ language: Language) -> [String: Any] {
    ["id": job.id, "kind": job.kind, "state": job.state.rawValue, "done": job.done, "total": job.total, "ahead": job.ahead,
     "result": job.result ?? NSNull(), "message": job.message ?? NSNull(), "detail": job.detail ?? NSNull(), "status": JobPage.state(job, language)]
  }

  /// Server-sent events: the job's state whenever it changes, until it is over.
  private func events(_ context: WorkspaceContext) throws -> Response {
    let (id, _) = try jobID(context)
    let language = context.language
    let queue = self.queue
    return Response(
      status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
      body: ResponseBody { writer in
        var last = ""
        while let job = queue.snapshot(id) {
          let data = (try? JSONSerialization.data(withJSONObject: Self.jobJSON(job, language), options: [.sortedKeys]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
          if data != last {
            try await writer.write(ByteBuffer(string: "data: \(data)\n\n"))
            last = data
          }
          if job.state != .queued && job.state != .running { break }
          try await Task.sleep(for: .milliseconds(250))
        }
        try await writer.finish(nil)
      })
  }

  private func cancel(_ request: Request, _ context: WorkspaceContext) async throws -> Response {
    _ = try await readForm(request, context)
    let (id, _) = try jobID(context)
    queue.cancel(id)
    return .redirect(to: "/jobs/\(id)", type: .normal)
  }

  // MARK: - Results

  private func result(_ request: Request, _ context: WorkspaceContext) throws -> Response {
    var id = try context.parameters.require("id")
    let wantsJSON = id.hasSuffix(".json")
    if wantsJSON { id.removeLast(5) }
    guard let directory = store.result(id), let record = StudyRecord.read(directory) else {
      throw HTTPError(.notFound, message: context.language(.notFound))
    }
    if wantsJSON {
      return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: record.json())))
    }
    return html(ResultPage(id: id, record: record, files: store.downloads(directory)).html(layout(request, context)))
  }

  /// A file of a result: only a name the result directory lists, never a path.
  private func file(_ context: WorkspaceContext) throws -> Response {
    let id = try context.parameters.require("id"), name = try context.parameters.require("file")
    guard let directory = store.result(id), store.downloads(directory).contains(name),
      let data = FileManager.default.contents(atPath: "\(directory)/\(name)")
    else { throw HTTPError(.notFound, message: context.language(.notFound)) }
    let type = name.hasSuffix(".html") ? "text/html; charset=utf-8" : name.hasSuffix(".json") ? "application/json"
      : name.hasSuffix(".csv") ? "text/csv; charset=utf-8" : "application/yaml; charset=utf-8"
    var headers: HTTPFields = [.contentType: type]
    if !name.hasSuffix(".html") { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }

  // MARK: - Helpers

  private func layout(_ request: Request, _ context: WorkspaceContext) -> Layout {
    Layout(language: context.language, csrf: csrf, path: request.uri.path)
  }

  /// The posted form (URL-encoded or multipart, within the upload limit), refused with
  /// 403 unless it carries this server's CSRF token.
  private func readForm(_ request: Request, _ context: WorkspaceContext) async throws -> FormData {
    let buffer: ByteBuffer
    do {
      buffer = try await request.body.collect(upTo: context.maxUploadSize)
    } catch let error as HTTPError where error.status == .contentTooLarge {
      throw HTTPError(.contentTooLarge, message: context.language(.tooLarge(WorkspaceLimits.uploadBytes >> 20)))
    }
    let bytes = Array(buffer.readableBytesView)
    let type = request.headers[.contentType] ?? ""
    let form: FormData
    if type.hasPrefix("multipart/form-data"), let boundary = type.split(separator: ";").lazy
      .map({ $0.drop { $0 == " " } }).first(where: { $0.hasPrefix("boundary=") })?.dropFirst(9) {
      guard let parsed = FormData(multipart: bytes, boundary: String(boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\""))))
      else { throw HTTPError(.badRequest, message: context.language(.badRequest)) }
      form = parsed
    } else {
      form = FormData(urlEncoded: String(decoding: bytes, as: UTF8.self))
    }
    guard let token = form["csrf"], constantTimeEqual(token, csrf) else {
      throw HTTPError(.forbidden, message: context.language(.forbiddenCSRF))
    }
    return form
  }

  private func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
  }

  private func json(_ value: [String: Any]) throws -> Response {
    let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }
}
