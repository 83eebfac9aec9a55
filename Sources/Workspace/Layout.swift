//===----------------------------------------------------------------------===//
// The frame of every workspace page.
//===----------------------------------------------------------------------===//

import Localization
import Reporting

/// The frame of a page: its language, the CSRF token its forms carry, and its path (for
/// the language switch).
struct Layout {
  var language: Language
  var csrf: String
  var path: String

  /// The hidden field every form that changes something carries.
  var csrfField: String { "<input type=\"hidden\" name=\"csrf\" value=\"\(escapeHTML(csrf))\">" }

  /// A whole page around `body`.
  func page(title: String, body: String, script: Bool = false) -> String {
    let other: Language = language == .vi ? .en : .vi
    return """
      <!doctype html>
      <html lang="\(language.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escapeHTML(title)) · onestop</title>
      <link rel="icon" href="data:,">
      <style>\(Self.style)</style>
      \(script ? "<script src=\"/assets/workspace.js\" defer></script>" : "")
      </head>
      <body>
      <header><a class="brand" href="/">onestop</a> <span>\(escapeHTML(language(.workspaceTitle)))</span>
      <nav><a href="/">\(escapeHTML(language(.scenariosHeading)))</a> <a href="/results">\(escapeHTML(language(.resultsHeading)))</a>
      <a href="\(escapeHTML(path))?lang=\(other.rawValue)" hreflang="\(other.rawValue)" id="switch-language">\(escapeHTML(language(.switchLanguage)))</a></nav></header>
      <main>
      \(body)
      </main>
      <footer>\(escapeHTML(language(.footer)))</footer>
      </body>
      </html>

      """
  }

  static let style = """
    body{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;color:#1b1b1b;background:#fafafa;line-height:1.45}
    header{background:#8b1a1a;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap}
    header a{color:#fff}.brand{font-weight:700;font-size:1.2rem;text-decoration:none}nav{margin-left:auto;display:flex;gap:1rem}
    main{max-width:1100px;margin:0 auto;padding:1rem}footer{max-width:1100px;margin:2rem auto;padding:0 1rem;color:#666;font-size:.85rem}
    table{border-collapse:collapse;margin:.5rem 0 1rem;background:#fff}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
    td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f0f0f0}
    fieldset{border:1px solid #ccc;background:#fff;margin:0 0 1rem;padding:.5rem 1rem}legend{font-weight:600}
    label{display:inline-block;min-width:14rem}input[type=text],input[type=number]{width:11rem;padding:.2rem}input.wide{width:24rem}
    .field{margin:.25rem 0}.error{color:#b00020;font-weight:600}.field.invalid input{border:2px solid #b00020}
    .verdict{font-size:1.1rem;background:#fff;border-left:5px solid #8b1a1a;padding:.5rem 1rem}
    .better{color:#1b5e20}.worse{color:#b00020}.same{color:#555}.note{color:#555;font-size:.9rem}
    button,.button{background:#8b1a1a;color:#fff;border:0;padding:.45rem 1rem;border-radius:3px;cursor:pointer;font-size:1rem;text-decoration:none;display:inline-block}
    button.secondary{background:#555}progress{width:20rem;height:1.2rem}code{background:#eee;padding:0 .2rem;overflow-wrap:anywhere}#command{display:block;white-space:pre-wrap;padding:.4rem}
    @media print{header nav,button,form.actions{display:none}body{background:#fff}}
    """
}
