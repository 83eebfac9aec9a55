//===----------------------------------------------------------------------===//
// Who may use the workspace, and what every response carries.
//===----------------------------------------------------------------------===//


import HTTPTypes
import Hummingbird
import Localization
import Reporting

/// Equality of two secrets in time that does not depend on where they differ.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
  let x = Array(a.utf8), y = Array(b.utf8)
  var difference = UInt8(truncatingIfNeeded: x.count ^ y.count)
  for i in 0..<min(x.count, y.count) { difference |= x[i] ^ y[i] }
  return difference == 0
}

/// 128 random bits in hex, from the system's secure generator.
func secretToken() -> String {
  var generator = SystemRandomNumberGenerator()
  return (0..<2).map { _ in
    let digits = String(generator.next() as UInt64, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }.joined()
}

/// The access token, when the workspace listens beyond this machine: given once as
/// `?token=` (the printed address holds it), then kept in an HttpOnly cookie; scripts
/// may send `Authorization: Bearer <token>`. Requests without it get 401.
struct AccessMiddleware: RouterMiddleware {
  typealias Context = WorkspaceContext
  let token: String?

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    guard let token else { return try await next(request, context) }
    if let given = request.uri.queryParameters["token"].map(String.init) {
      guard constantTimeEqual(given, token) else { return denied(context) }
      // Keep the token in a cookie and drop it from the address bar (and the history).
      var response = Response.redirect(to: request.uri.path, type: .found)
      response.setCookie(Cookie(name: "onestop_token", value: token, path: "/", secure: false, httpOnly: true, sameSite: .strict))
      return response
    }
    let bearer = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
    guard let given = bearer ?? request.cookies["onestop_token"]?.value, constantTimeEqual(given, token) else {
      return denied(context)
    }
    return try await next(request, context)
  }

  private func denied(_ context: Context) -> Response {
    let body = "<!doctype html><meta charset=utf-8><title>401</title><p>\(Language.vi(.tokenNeeded))</p><p>\(Language.en(.tokenNeeded))</p>"
    return Response(status: .unauthorized, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: .init(string: body)))
  }
}

/// The page language: `?lang=vi|en` (remembered in a cookie), the cookie, the browser's
/// Accept-Language, or the server's default.
struct LanguageMiddleware: RouterMiddleware {
  typealias Context = WorkspaceContext
  let fallback: Language

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    var context = context
    let asked = request.uri.queryParameters["lang"].flatMap { Language(rawValue: String($0)) }
    context.language = asked ?? request.cookies["onestop_lang"].flatMap { Language(rawValue: $0.value) }
      ?? Language.negotiate(acceptLanguage: request.headers[.acceptLanguage]) ?? fallback
    var response = try await next(request, context)
    if let asked {
      response.setCookie(Cookie(name: "onestop_lang", value: asked.rawValue, path: "/", httpOnly: true, sameSite: .lax))
    }
    return response
  }
}

/// Headers on every response: the pages load nothing from elsewhere, run only the
/// workspace's own script, cannot be framed, and are not sniffed into other types.
struct SecurityHeadersMiddleware: RouterMiddleware {
  typealias Context = WorkspaceContext

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    var response: Response
    do {
      response = try await next(request, context)
    } catch let error as HTTPError {
      response = errorPage(error.status, error.body ?? "", context.language)
    }
    response.headers[.contentSecurityPolicy] = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; "
      + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    response.headers[.xContentTypeOptions] = "nosniff"
    response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
    response.headers[.cacheControl] = response.headers[.cacheControl] ?? "no-store"
    return response
  }
}

/// A short page for an error status, in both languages' framing.
func errorPage(_ status: HTTPResponse.Status, _ message: String, _ language: Language) -> Response {
  let page = Layout(language: language, csrf: "", path: "/").page(
    title: "\(status.code)", body: "<h1>\(status.code) \(escapeHTML(status.reasonPhrase))</h1><p>\(escapeHTML(message))</p>"
      + "<p><a href=\"/\">\(language(.backHome))</a></p>")
  return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: .init(string: page)))
}
