//===----------------------------------------------------------------------===//
// A self-contained HTML page: inline CSS, inline SVG, no scripts, no network.
//===----------------------------------------------------------------------===//

import Localization

/// Builds a report page section by section.
struct HTMLPage {
  private var body = ""
  let title: String
  /// The language of the page (its `lang` attribute and its footer).
  let language: Language

  init(title: String, language: Language = .en) {
    self.title = title
    self.language = language
  }

  mutating func heading(_ text: String, level: Int = 2) { body += "<h\(level)>\(escapeHTML(text))</h\(level)>\n" }
  mutating func paragraph(_ text: String, className: String? = nil) {
    body += "<p\(className.map { " class=\"\($0)\"" } ?? "")>\(escapeHTML(text))</p>\n"
  }
  mutating func figure(_ svg: String, caption: String) {
    body += "<figure>\(svg)<figcaption>\(escapeHTML(caption))</figcaption></figure>\n"
  }
  mutating func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) {
    body += "<table><thead><tr>" + header.enumerated().map { "<th\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(escapeHTML($0.element))</th>" }.joined()
      + "</tr></thead><tbody>\n"
    for row in rows {
      body += "<tr>" + row.enumerated().map { "<td\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(escapeHTML($0.element))</td>" }.joined() + "</tr>\n"
    }
    body += "</tbody></table>\n"
  }
  mutating func list(_ items: [String], className: String? = nil) {
    body += "<ul\(className.map { " class=\"\($0)\"" } ?? "")>" + items.map { "<li>\(escapeHTML($0))</li>" }.joined() + "</ul>\n"
  }
  mutating func raw(_ html: String) { body += html }
  /// The findings a report opens with, in a box: the first line in bold.
  mutating func verdict(_ lines: [String]) {
    guard let first = lines.first else { return }
    body += "<div class=\"verdict\"><p><strong>\(escapeHTML(first))</strong></p>"
    var listing = false
    for line in lines.dropFirst() {
      // Lines that detail the one before (a procedure, a centre) start with "– ".
      if line.hasPrefix("– ") {
        if !listing { body += "<ul>" }
        listing = true
        body += "<li>\(escapeHTML(String(line.dropFirst(2))))</li>"
      } else {
        if listing { body += "</ul>" }
        listing = false
        body += "<p>\(escapeHTML(line))</p>"
      }
    }
    if listing { body += "</ul>" }
    body += "</div>\n"
  }

  func rendered() -> String {
    """
    <!DOCTYPE html>
    <html lang="\(language.rawValue)">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(escapeHTML(title))</title>
    <style>
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; max-width: 980px; margin: 2em auto; padding: 0 1em; color: #111; line-height: 1.4; }
    h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #bbb; }
    table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; } th, td { padding: 3px 10px; border-bottom: 1px solid #ddd; text-align: left; }
    th { background: #f2f2f2; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
    figure { margin: 1em 0; page-break-inside: avoid; } figcaption { font-size: 0.88em; color: #333; }
    svg { width: 100%; height: auto; font-size: 11px; } svg .title { font-size: 13px; font-weight: 600; } svg .label { font-size: 12px; }
    .verdict { border-left: 4px solid #0072B2; padding: 0.2em 0 0.2em 0.8em; background: #f5f9fc; } .verdict p { margin: 0.3em 0; }
    svg .grid { stroke: #e2e2e2; } svg .axis { stroke: #333; } .note { color: #444; font-size: 0.9em; } .warn { color: #8a3b00; }
    @media print { body { max-width: none; } h2 { page-break-after: avoid; } }
    </style>
    </head>
    <body>
    <h1>\(escapeHTML(title))</h1>
    \(body)<p class="note">\(escapeHTML(language.report(.pageFooter(version: onestopVersion))))</p>
    </body>
    </html>

    """
  }
}

/// `mean ± half-width` for a table cell.
func cell(_ e: Estimate, unit: String, _ language: Language = .en) -> String {
  language.estimate(e, unit: unit)
}

import Experiments
