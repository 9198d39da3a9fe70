/// The scroll position of a long list, drawn in its right column.
enum ScrollIndicator {
    static func draw(x: Int, area: Rect, top: Int, total: Int, ascii: Bool, canvas: inout Canvas) {
        guard area.height > 0, total > area.height else { return }
        let thumb = max(1, area.height * area.height / total)
        let start = min(area.height - thumb, (area.height - thumb) * top / max(1, total - area.height))
        for row in 0..<area.height {
            let on = row >= start && row < start + thumb
            canvas.put(on ? "▐" : "╎", x: x, y: area.y + row, role: on ? .focusBorder : .gaugeEmpty)
        }
    }
}
