/// Box and separator drawing, in Unicode line characters or an ASCII fallback.
public struct BoxStyle: Sendable {
    public let topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: Character

    public static let light = BoxStyle(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│")
    public static let heavy = BoxStyle(topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛", horizontal: "━", vertical: "┃")
    public static let asciiLight = BoxStyle(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|")
    public static let asciiHeavy = BoxStyle(topLeft: "#", topRight: "#", bottomLeft: "#", bottomRight: "#", horizontal: "=", vertical: "#")
}

extension Canvas {
    /// Draws a box border around `rect`, with an optional title in the top edge. A focused
    /// box uses heavy lines *and* a `▶` marker before its title, so focus never rests on colour.
    public mutating func box(_ rect: Rect, title: String = "", focused: Bool = false, role: StyleRole? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let style = ascii ? (focused ? BoxStyle.asciiHeavy : .asciiLight) : (focused ? .heavy : .light)
        let borderRole = role ?? (focused ? .focusBorder : .border)
        put(style.topLeft, x: rect.x, y: rect.y, role: borderRole)
        put(style.topRight, x: rect.maxX - 1, y: rect.y, role: borderRole)
        put(style.bottomLeft, x: rect.x, y: rect.maxY - 1, role: borderRole)
        put(style.bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, role: borderRole)
        hline(x: rect.x + 1, y: rect.y, width: rect.width - 2, character: style.horizontal, role: borderRole)
        hline(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, character: style.horizontal, role: borderRole)
        for y in (rect.y + 1)..<max(rect.y + 1, rect.maxY - 1) {
            put(style.vertical, x: rect.x, y: y, role: borderRole)
            put(style.vertical, x: rect.maxX - 1, y: y, role: borderRole)
        }
        guard !title.isEmpty, rect.width > 6 else { return }
        let marker = focused ? (ascii ? ">" : "▶") : ""
        let label = marker.isEmpty ? " \(title) " : " \(marker) \(title) "
        text(label, x: rect.x + 1, y: rect.y, width: rect.width - 3, role: focused ? .focusTitle : .title)
    }

    /// A horizontal run of one character.
    public mutating func hline(x: Int, y: Int, width: Int, character: Character? = nil, role: StyleRole) {
        guard width > 0 else { return }
        let c = character ?? "─"
        for i in 0..<width { put(c, x: x + i, y: y, role: role) }
    }

    /// A vertical run of one character.
    public mutating func vline(x: Int, y: Int, height: Int, character: Character? = nil, role: StyleRole) {
        guard height > 0 else { return }
        let c = character ?? "│"
        for i in 0..<height { put(c, x: x, y: y + i, role: role) }
    }
}
