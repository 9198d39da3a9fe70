import Foundation

/// Width-aware text shaping: truncation with an ellipsis and word wrapping, measured in
/// terminal columns through `DisplayWidth`.
public enum TextLayout {
    /// The text cut to `width` columns, ending in `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var out = "", used = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if used + w > width - 1 { break }
            out.append(c); used += w
        }
        while out.last == " " { out.removeLast() }
        return out + "…"
    }

    /// Splits text into lines of at most `width` columns, breaking between words where it can
    /// and inside a word only when the word alone is wider than a line. Newlines are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", used = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var piece = String(word)
                var w = DisplayWidth.of(piece)
                if used > 0 && used + 1 + w <= width {
                    line += " " + piece; used += 1 + w
                    continue
                }
                if used > 0 { lines.append(line); line = ""; used = 0 }
                while w > width {
                    var head = "", hw = 0
                    var rest = Substring(piece)
                    while let c = rest.first, hw + DisplayWidth.of(c) <= width {
                        head.append(c); hw += DisplayWidth.of(c); rest = rest.dropFirst()
                    }
                    if head.isEmpty, let c = rest.first { head.append(c); rest = rest.dropFirst() }
                    lines.append(head)
                    piece = String(rest); w = DisplayWidth.of(piece)
                }
                line = piece; used = w
            }
            lines.append(line)
        }
        return lines
    }

    /// The column ranges (relative to the start of `text`) where `query` occurs, ignoring case
    /// and diacritics.
    public static func occurrences(of query: String, in text: String) -> [Range<Int>] {
        guard !query.isEmpty else { return [] }
        var ranges: [Range<Int>] = []
        var searchStart = text.startIndex
        while let found = text.range(of: query, options: [.caseInsensitive, .diacriticInsensitive], range: searchStart..<text.endIndex) {
            let start = DisplayWidth.of(String(text[..<found.lowerBound]))
            ranges.append(start..<(start + DisplayWidth.of(String(text[found]))))
            searchStart = found.upperBound
        }
        return ranges
    }

    /// Pads or truncates to exactly `width` columns.
    public static func fit(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }
}
