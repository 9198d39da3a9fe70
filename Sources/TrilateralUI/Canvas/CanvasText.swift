/// Turns a canvas into text for snapshots, reports and tests: plain, or with ANSI colours
/// from a theme (24-bit SGR). Same view code as the terminal; only the output differs.
public enum CanvasText {
    /// The canvas as plain lines, trailing spaces trimmed.
    public static func plain(_ canvas: Canvas) -> String {
        (0..<canvas.size.height).map { y in
            var line = canvas.row(y)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }

    /// The canvas with SGR colour and attribute sequences from `theme`.
    public static func ansi(_ canvas: Canvas, theme: Theme) -> String {
        var out = ""
        for y in 0..<canvas.size.height {
            var current: StyleRole?
            for x in 0..<canvas.size.width {
                let cell = canvas[x, y]
                if cell.width == 0 { continue }
                if cell.role != current {
                    out += sgr(theme.style(cell.role))
                    current = cell.role
                }
                out += cell.grapheme
            }
            out += "\u{1B}[0m\n"
        }
        return out
    }

    public static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        let a = style.attributes
        if a.contains(.bold) { codes.append("1") }
        if a.contains(.dim) { codes.append("2") }
        if a.contains(.italic) { codes.append("3") }
        if a.contains(.underline) { codes.append("4") }
        if a.contains(.reverse) { codes.append("7") }
        codes += colorCodes(style.fg, foreground: true) + colorCodes(style.bg, foreground: false)
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    static func colorCodes(_ color: Color, foreground: Bool) -> [String] {
        switch color {
        case .default: return []
        case .ansi(let n): return [String((foreground ? 30 : 40) + (n < 8 ? n : n - 8 + 60))]
        case .indexed(let n): return [foreground ? "38" : "48", "5", String(n)]
        case .rgb(let r, let g, let b): return [foreground ? "38" : "48", "2", String(r), String(g), String(b)]
        }
    }
}
