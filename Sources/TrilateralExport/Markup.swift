import TrilateralModel

/// Escaping for the handouts. Everything from a briefing passes through here: control and
/// invisible characters become visible escapes (as on screen), markup characters become
/// entities or backslash escapes, and only http and https addresses become links — never
/// `javascript:`, `data:` or anything with a quote or a space in it.
enum Markup {
    /// Text for HTML content or a quoted attribute value.
    static func html(_ text: String) -> String { escape(text, htmlEntities) }

    static let htmlEntities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]

    /// The text with control characters shown as escapes and each character in `table`
    /// replaced.
    static func escape(_ text: String, _ table: [Character: String]) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.escapingControls {
            if let replacement = table[c] { out += replacement } else { out.append(c) }
        }
        return out
    }

    /// The address if it may be a link: http or https, no whitespace, quotes, angle brackets or
    /// backslashes, no controls. Otherwise nil (the address is then shown as text).
    static func safeURL(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), url.count > 8, url.utf8.count <= 2048 else { return nil }
        guard url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && !"\"'<>\\`{}|^".unicodeScalars.contains($0) }) else { return nil }
        return url
    }

    /// An HTML link to `url` if it is safe, else the address as text.
    static func htmlLink(_ url: String, label: String? = nil) -> String {
        guard let safe = safeURL(url) else { return html(label ?? url) }
        return "<a href=\"\(html(safe))\">\(html(label ?? url))</a>"
    }

    /// Text for Markdown: a backslash before every character that could start emphasis, code,
    /// a link or a table cell (parentheses need none once `[` is escaped), and `<`, `>`, `&`
    /// as entities so no renderer takes them for raw HTML.
    static func markdown(_ text: String) -> String { escape(text, markdownEscapes) }

    static let markdownEscapes: [Character: String] = {
        var table: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\n": " "]
        for c in "\\`*_[]|~" { table[c] = "\\\(c)" }
        return table
    }()

    /// A Markdown link to `url` if it is safe, else the address as text.
    static func markdownLink(_ url: String, label: String? = nil) -> String {
        guard let safe = safeURL(url) else { return markdown(label ?? url) }
        return "[\(markdown(label ?? safe))](<\(safe)>)"
    }

    /// The host of an address, for a short link label ("japan.kantei.go.jp").
    static func host(_ url: String) -> String {
        guard let scheme = url.firstRange(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        return String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    }
}
