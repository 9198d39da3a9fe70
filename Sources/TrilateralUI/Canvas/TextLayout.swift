import FoundationEssentials
import TrilateralModel

/// Width-aware text shaping: truncation with an ellipsis and word wrapping, measured in
/// terminal columns through `DisplayWidth`. Both take time linear in the text they look at:
/// truncation stops at the width, wrapping visits each character once, so a 300 KB word or
/// title costs what its length costs, never its square.
public enum TextLayout {
    /// The text cut to `width` columns, ending in `…` when something was cut.
    public static func truncate<S: Sequence<Character>>(_ text: S, to width: Int) -> String {
        guard width > 0 else { return "" }
        var out = "", used = 0
        var cut: String?
        for c in text {
            let w = DisplayWidth.of(c)
            if used + w > width {
                // Too long: keep what fits in `width - 1` columns and add the ellipsis.
                var kept = cut ?? out
                while kept.last == " " { kept.removeLast() }
                return kept + "…"
            }
            if used + w > width - 1 && cut == nil { cut = out }
            out.append(c); used += w
        }
        return out
    }

    /// Splits text into lines of at most `width` columns, breaking between words where it can
    /// and inside a word only when the word alone is wider than a line. Newlines are kept;
    /// other control characters come out as the visible escapes the canvas would draw, so
    /// the lines are as wide as they look.
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrap(text, width: width, limit: Int.max)
    }

    /// The first `limit` lines of `wrap(text, width:)`, without shaping the rest.
    public static func wrap(_ text: String, width: Int, limit: Int) -> [String] {
        guard width > 0, limit > 0 else { return [] }
        var lines: [String] = []
        var line = "", used = 0
        var word = "", wordWidth = 0
        func endLine() { lines.append(line); line = ""; used = 0 }
        func placeWord() {
            guard !word.isEmpty else { return }
            if used > 0 && used + 1 + wordWidth <= width {
                line += " "; line += word; used += 1 + wordWidth
            } else {
                if used > 0 { endLine() }
                line = word; used = wordWidth
            }
            word = ""; wordWidth = 0
        }
        for c in VisibleCharacters(text, keepingNewlines: true) {
            if lines.count >= limit { return Array(lines.prefix(limit)) }
            if c == "\n" || c == "\r\n" {
                placeWord()
                endLine()
                continue
            }
            if c == " " {
                placeWord()
                continue
            }
            let w = DisplayWidth.of(c)
            // A word that no longer fits on a line of its own is broken here, as it grows.
            if wordWidth + w > width && !word.isEmpty {
                if used > 0 { endLine() }
                lines.append(word)
                word = ""; wordWidth = 0
            }
            word.append(c); wordWidth += w
        }
        placeWord()
        lines.append(line)
        return Array(lines.prefix(limit))
    }

    /// How many lines `wrap(text, width:)` makes, counted without building them.
    public static func lineCount(_ text: String, width: Int) -> Int {
        guard width > 0 else { return 0 }
        var lines = 0, used = 0, word = 0
        func placeWord() {
            guard word > 0 else { return }
            if used > 0 && used + 1 + word <= width { used += 1 + word } else {
                if used > 0 { lines += 1 }
                used = word
            }
            word = 0
        }
        var wordIsEmpty = true
        for c in VisibleCharacters(text, keepingNewlines: true) {
            if c == "\n" || c == "\r\n" { placeWord(); wordIsEmpty = true; lines += 1; used = 0; continue }
            if c == " " { placeWord(); wordIsEmpty = true; continue }
            let w = DisplayWidth.of(c)
            if word + w > width && !wordIsEmpty {
                if used > 0 { lines += 1; used = 0 }
                lines += 1
                word = 0
            }
            word += w; wordIsEmpty = false
        }
        placeWord()
        return lines + 1
    }

    /// The column ranges (relative to the start of `text`) where `query` occurs, ignoring case,
    /// diacritics and width as the search does (`TextFold`). A match starts and ends on
    /// character boundaries.
    public static func occurrences(of query: String, in text: String) -> [Range<Int>] {
        let needle = Array(TextFold.fold(query).unicodeScalars)
        guard !needle.isEmpty, !text.isEmpty else { return [] }
        // Each character's folded scalars, where they start in the folded text, and its column.
        var folded: [Unicode.Scalar] = [], starts: [Int] = [], columns: [Int] = []
        var column = 0
        for character in text {
            starts.append(folded.count); columns.append(column)
            folded.append(contentsOf: TextFold.fold(character).unicodeScalars)
            column += DisplayWidth.of(character)
        }
        starts.append(folded.count); columns.append(column)
        var ranges: [Range<Int>] = []
        var i = 0
        while i < starts.count - 1 {
            let at = starts[i]
            if at + needle.count <= folded.count, folded[at] == needle[0], Array(folded[at..<(at + needle.count)]) == needle,
               let end = starts[(i + 1)...].firstIndex(where: { $0 >= at + needle.count }) {
                ranges.append(columns[i]..<columns[end])
                i = end
            } else {
                i += 1
            }
        }
        return ranges
    }

    /// Pads or truncates to exactly `width` columns.
    public static func fit(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }
}
