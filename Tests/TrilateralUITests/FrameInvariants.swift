import TrilateralModel
@testable import TrilateralUI

/// What every frame must satisfy, whatever the briefing and the size: the canvas is the size
/// asked for, no wide glyph is split, and no cell holds a character unsafe for a terminal.
enum FrameInvariants {
    /// What must hold of a frame; nil when it does.
    static func violation(_ c: Canvas, size: Size) -> String? {
        guard c.size == size, c.cells.count == size.width * size.height else { return "canvas \(c.size) for \(size)" }
        for y in 0..<size.height {
            for x in 0..<size.width {
                let cell = c[x, y]
                if cell.width == 2 && (x + 1 >= size.width || c[x + 1, y].width != 0) { return "wide glyph split at \(x),\(y)" }
                if cell.width == 0 && (x == 0 || c[x - 1, y].width != 2) { return "orphan continuation at \(x),\(y)" }
                if cell.grapheme.unicodeScalars.contains(where: String.isUnsafeForTerminal) { return "unsafe scalar at \(x),\(y)" }
            }
        }
        return nil
    }

}
