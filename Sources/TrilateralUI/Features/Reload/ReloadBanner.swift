/// The rows above the status bar while the watched briefing's latest version does not load:
/// where the problem is, and that the screen shows the last version that did.
struct ReloadBanner: View {
    /// What stopped the latest version loading.
    let problem: String

    /// The text shown for a problem.
    static func message(_ problem: String) -> String {
        "⚠ not reloaded: \(problem) — showing the last version that loaded"
    }

    /// How many rows the message takes at `width` (one or two: the rest is cut with "…").
    static func rows(_ problem: String, width: Int) -> Int {
        min(2, max(1, TextLayout.lineCount(message(problem), width: max(1, width - 2))))
    }

    func draw(in rect: Rect, canvas: inout Canvas) {
        canvas.fill(rect, role: .warning)
        let lines = TextLayout.wrap(Self.message(problem), width: max(1, rect.width - 2), limit: rect.height)
        for (n, line) in lines.prefix(rect.height).enumerated() {
            canvas.text(line, x: rect.x + 1, y: rect.y + n, width: rect.width - 2, role: .warning)
        }
    }
}
