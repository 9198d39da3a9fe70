import TrilateralUI

/// What one frame hands ncurses: the cells of a canvas that differ from the frame before it
/// (every cell without one), each as the code points one ncurses cell gets, and the rows to be
/// sent whole. Pure, so it is tested the way ratatui tests its buffer diff;
/// `TerminalScreen.draw(_:over:)` performs it and sends the frame in one update, and
/// `TrilateralRemote.FrameEncoder` turns it into bytes for a terminal this process does not own.
///
/// A cell's whole grapheme cluster goes into one ncurses cell (ZWJ sequences, combining marks).
/// ncurses counts a cell's columns by the wcwidth of its first code point; where the canvas
/// gives two columns to what wcwidth counts as one, the second column gets its own cell: a
/// flag's second regional indicator (sent right after the first, so terminals that pair them
/// show one flag), or a blank. A row where a flag appears, changes or goes is sent again whole,
/// so the two indicators always leave together.
public struct ScreenDiff: Equatable {
    /// One ncurses cell written: its column and row, its code points, its role.
    public struct Write: Equatable {
        public var x: Int, y: Int
        public var text: String
        public var role: StyleRole
    }

    /// One thing done to the screen, in order.
    public enum Step: Equatable {
        case write(Write)
        /// The row is sent whole (`wredrawln`), after its writes.
        case redrawRow(Int)
    }

    public private(set) var steps: [Step] = []

    /// The diff of `canvas` against `previous` (ignored unless it has the same size), within the
    /// screen's `rows` and `columns`; `wcwidth` is the C library's width of one code point.
    public init(_ canvas: Canvas, over previous: Canvas?, rows: Int, columns: Int, wcwidth: (Unicode.Scalar) -> Int) {
        let rows = min(canvas.size.height, rows), columns = min(canvas.size.width, columns)
        let before = previous?.size == canvas.size ? previous : nil
        // A first frame writes every cell: room for them all at once.
        if before == nil { steps.reserveCapacity(max(0, rows) * max(0, columns)) }
        for y in 0..<max(0, rows) {
            var flagMoved = false
            for x in 0..<max(0, columns) {
                let cell = canvas[x, y]
                if cell.width == 0 { continue }
                // A wide glyph is always followed by its continuation cell, so an unchanged
                // cell never needs its neighbour redrawn.
                if let before {
                    if before[x, y] == cell { continue }
                    flagMoved = flagMoved || Self.isFlag(cell) || Self.isFlag(before[x, y])
                }
                if cell.width == 2 && x + 1 >= columns { continue }
                let scalars = cell.grapheme.unicodeScalars
                guard let first = scalars.first else {
                    steps.append(.write(Write(x: x, y: y, text: " ", role: cell.role)))
                    continue
                }
                if cell.width == 2 && wcwidth(first) == 1 {
                    let flag = Self.isFlag(cell)
                    let second: Unicode.Scalar = flag ? (scalars.dropFirst().first ?? "\0") : " "
                    steps.append(.write(Write(x: x, y: y, text: flag ? String(first) : Self.capped(cell.grapheme), role: cell.role)))
                    steps.append(.write(Write(x: x + 1, y: y, text: String(second), role: cell.role)))
                } else {
                    // Most cells are one scalar: the grapheme itself, no copy of its scalars.
                    steps.append(.write(Write(x: x, y: y, text: Self.capped(cell.grapheme), role: cell.role)))
                }
            }
            if flagMoved { steps.append(.redrawRow(y)) }
        }
    }

    /// A grapheme as one ncurses cell takes it: at most `CellGrapheme.maximumScalars` code
    /// points (the canvas already keeps to that; this is the backstop).
    static func capped(_ grapheme: String) -> String {
        let scalars = grapheme.unicodeScalars
        guard scalars.count > CellGrapheme.maximumScalars else { return grapheme }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars.prefix(CellGrapheme.maximumScalars))
        return text
    }

    /// The cells written, in order.
    public var writes: [Write] { steps.compactMap { if case .write(let w) = $0 { w } else { nil } } }

    /// The rows sent whole.
    var redrawnRows: [Int] { steps.compactMap { if case .redrawRow(let y) = $0 { y } else { nil } } }

    /// A flag: two regional indicators in one two-column cell.
    static func isFlag(_ cell: Cell) -> Bool {
        cell.width == 2 && cell.grapheme.unicodeScalars.first.map(DisplayWidth.isRegionalIndicator) == true
    }
}
