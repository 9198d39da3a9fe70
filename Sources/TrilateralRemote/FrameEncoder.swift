import CNcursesw
import Glibc
import TrilateralStyle
import TrilateralTerminal
import TrilateralUI

/// Frames for a terminal this process does not own (a viewer at the end of an SSH channel):
/// a canvas, against the one on that screen, as the bytes that bring the screen there. Only the
/// cells that changed are sent (`ScreenDiff`, as for the dashboard's own terminal); the cursor
/// is moved only where a run of writes breaks; a style is sent only when it changes.
public struct FrameEncoder: Sendable {
    public let profile: TerminalProfile
    public let capability: ColorCapability
    public let theme: Theme
    /// Each role's style as bytes, made on first use.
    private var pens: [StyleRole: String] = [:]

    public init(profile: TerminalProfile, capability: ColorCapability, theme: Theme) {
        self.profile = profile
        self.capability = capability
        self.theme = theme
    }

    /// What decides the bytes of a frame besides the two canvases: viewers with the same look
    /// share their encodings.
    public struct Look: Hashable, Sendable {
        public let terminal: String
        public let capability: ColorCapability
        public let theme: String
    }
    public var look: Look { Look(terminal: profile.name, capability: capability, theme: theme.name) }

    /// The bytes that turn a screen showing `previous` into one showing `canvas`; with no
    /// previous frame, or one of another size, the screen is cleared and drawn whole.
    public mutating func encode(_ canvas: Canvas, over previous: Canvas?) -> [UInt8] {
        let before = previous?.size == canvas.size ? previous : nil
        let rows = canvas.size.height, columns = canvas.size.width
        var out = ""
        if before == nil { out += profile.clear }
        let diff = ScreenDiff(canvas, over: before, rows: rows, columns: columns, wcwidth: Self.width)
        var cursor: (x: Int, y: Int)?
        var pen: StyleRole?
        func put(_ write: ScreenDiff.Write) {
            var write = write
            // The bottom-right cell of a terminal that wraps at once would scroll the screen:
            // never written, nor reached by a wide glyph in the column before it (a blank there).
            if profile.wrapsAtOnce && write.y == rows - 1 {
                if write.x >= columns - 1 { return }
                if let first = write.text.unicodeScalars.first, !first.isASCII, write.x + Self.width(first) >= columns { write.text = " " }
            }
            if cursor.map({ $0.x != write.x || $0.y != write.y }) ?? true { out += profile.moveTo(x: write.x, y: write.y) }
            if pen != write.role {
                out += self.pen(write.role)
                pen = write.role
            }
            out += write.text
            // Where the terminal's cursor is now is known only for one code point the C
            // library gives a width (a cluster's width is the terminal's own business), and
            // never past the margin (a terminal may wrap there or wait).
            let scalars = write.text.unicodeScalars
            if let first = scalars.first, scalars.count == 1 {
                let width = first.isASCII ? 1 : Self.width(first)
                cursor = width > 0 && write.x + width < columns ? (write.x + width, write.y) : nil
            } else {
                cursor = nil
            }
        }
        var whole: ScreenDiff?
        for step in diff.steps {
            switch step {
            case .write(let write): put(write)
            case .redrawRow(let y):
                // A flag came, changed or went: the row again, whole (as `wredrawln` does).
                if whole == nil { whole = ScreenDiff(canvas, over: nil, rows: rows, columns: columns, wcwidth: Self.width) }
                for write in whole?.writes ?? [] where write.y == y { put(write) }
            }
        }
        return Array(out.utf8)
    }

    /// A role's attributes and colours, from a reset (so nothing of the last style lingers).
    private mutating func pen(_ role: StyleRole) -> String {
        if let known = pens[role] { return known }
        let style = theme.style(role)
        let colour = capability != .none
        let attributes = colour ? style.attributes : style.mono
        var bytes = profile.reset + (colour ? profile.defaultColors : "")
        if attributes.contains(.bold) { bytes += profile.bold }
        if attributes.contains(.dim) { bytes += profile.dim }
        if attributes.contains(.reverse) { bytes += profile.reverse }
        if attributes.contains(.underline) { bytes += profile.underline }
        if attributes.contains(.italic) { bytes += profile.italic }
        if colour {
            let fg = ColorMapping.number(for: style.fg, capability: capability)
            let bg = ColorMapping.number(for: style.bg, capability: capability)
            if fg >= 0 { bytes += profile.foreground(fg) }
            if bg >= 0 { bytes += profile.background(bg) }
        }
        pens[role] = bytes
        return bytes
    }

    /// The C library's width of one code point (the process runs in a UTF-8 locale).
    static func width(_ scalar: Unicode.Scalar) -> Int { Int(tri_wcwidth(wchar_t(bitPattern: scalar.value))) }
}
