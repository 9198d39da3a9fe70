import TrilateralModel

/// One terminal cell: a grapheme, its display width and its style role.
///
/// A double-width glyph occupies its cell (width 2) and the next one, which holds an empty
/// `continuation` cell (width 0) so renderers skip it.
public struct Cell: Sendable, Hashable {
    public var grapheme: String
    public var width: UInt8
    public var role: StyleRole

    public static let blank = Cell(grapheme: " ", width: 1, role: .text)
    public static func continuation(_ role: StyleRole) -> Cell { Cell(grapheme: "", width: 0, role: role) }
}

/// A grid of cells that views draw into; the one drawing surface of the program.
///
/// Every write is clipped to the canvas and to an optional rectangle; text from briefings
/// has its control characters escaped here, the single place text enters the grid.
public struct Canvas: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Draw box lines and glyphs with ASCII only (for a non-UTF-8 locale).
    public var ascii: Bool

    public init(size: Size, ascii: Bool = false) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cells = Array(repeating: .blank, count: self.size.width * self.size.height)
        self.ascii = ascii
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
    }

    /// Writes one cell's worth of grapheme if it fits entirely inside `clip`; a wide glyph that
    /// would straddle the clip edge is replaced by a space, never half-drawn. A cluster a cell
    /// cannot show whole gets the fallback `CellGrapheme` documents.
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, role: StyleRole, clip: Rect? = nil) -> Int {
        let character = CellGrapheme.fitted(ascii ? Canvas.asciiFallback[character] ?? character : character)
        let area = (clip ?? bounds).intersection(bounds)
        let w = DisplayWidth.of(character)
        guard y >= area.y, y < area.maxY, x >= area.x, x < area.maxX else { return max(w, 0) }
        if w == 0 {
            // A lone combining mark or joiner: attach to the previous cell if there is one.
            if x > area.x { append(character, toCellBefore: x, y: y) }
            return 0
        }
        if w == 2 && x + 1 >= area.maxX {
            set(x, y, Cell(grapheme: " ", width: 1, role: role))
            return 1
        }
        set(x, y, Cell(grapheme: String(character), width: UInt8(w), role: role))
        if w == 2 { set(x + 1, y, .continuation(role)) }
        return w
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let i = y * size.width + x
        // Overwriting half of a wide glyph blanks the other half (unless this is the new wide
        // glyph's own continuation, written just after its head).
        if cells[i].width == 0, cell.width != 0, x > 0, cells[i - 1].width == 2 { cells[i - 1] = Cell(grapheme: " ", width: 1, role: cells[i - 1].role) }
        if cells[i].width == 2, x + 1 < size.width, cell.width != 2 { cells[i + 1] = Cell(grapheme: " ", width: 1, role: cells[i + 1].role) }
        cells[i] = cell
    }

    private mutating func append(_ character: Character, toCellBefore x: Int, y: Int) {
        var i = y * size.width + x - 1
        if cells[i].width == 0, x >= 2 { i -= 1 }
        // A cell holds at most `CellGrapheme.maximumScalars` code points; more marks are dropped.
        guard cells[i].grapheme.unicodeScalars.count + character.unicodeScalars.count <= CellGrapheme.maximumScalars else { return }
        cells[i].grapheme.append(character)
    }

    /// ASCII stand-ins for the punctuation and glyphs the views use, for a non-UTF-8 locale:
    /// the one table every glyph goes through (`put` looks it up), so views draw one way.
    static let asciiFallback: [Character: Character] = [
        "…": "~", "→": ">", "←": "<", "│": "|", "─": "-", "·": ".", "—": "-", "–": "-", "“": "\"", "”": "\"", "‘": "'", "’": "'",
        "•": "*", "×": "x", "▸": ">", "›": ">", "▶": ">", "▏": "|", "◉": "*", "○": "o", "●": "*",
        "■": "#", "□": "#", "▲": "^", "△": "^", "▼": "v", "◆": "@", "◇": "<", "▰": "#", "▱": ".",
        "▐": "#", "╎": "|", "┊": ":", "━": "=", "┄": "-", "═": "#", "┴": "+", "└": "+", "╵": "'", "¶": "P",
        "▤": "~", "»": ">", "◈": "%", "†": "+", "◌": "?", "✕": "x", "✓": "v", "✗": "x", "◐": "~",
    ]

    /// The grapheme a cell holds after `put(character)` (its ASCII stand-in on an ASCII canvas),
    /// for views that test what they drew.
    public func stored(_ character: Character) -> String {
        String(ascii ? Canvas.asciiFallback[character] ?? character : character)
    }

    /// Writes text on one row from `x`, clipped; returns the column after the last glyph.
    /// Control and invisible format characters are shown as visible escapes; a zero-width mark
    /// that starts a text sits on a dotted circle (`◌́`) rather than vanishing; on an ASCII
    /// canvas the program's own glyphs and punctuation get ASCII stand-ins. Only the part of
    /// the text that fits is looked at.
    @discardableResult
    public mutating func text<S: StringProtocol>(_ string: S, x: Int, y: Int, role: StyleRole, clip: Rect? = nil) -> Int {
        var column = x
        let limit = (clip ?? bounds).maxX
        var first = true
        for character in VisibleCharacters(string) {
            if column >= limit { break }
            if first, DisplayWidth.of(character) == 0 { column += put("◌", x: column, y: y, role: role, clip: clip) }
            first = false
            column += put(character, x: column, y: y, role: role, clip: clip)
        }
        return column
    }

    /// Writes text truncated with `…` to at most `width` columns.
    @discardableResult
    public mutating func text<S: StringProtocol>(_ string: S, x: Int, y: Int, width: Int, role: StyleRole) -> Int {
        guard width > 0 else { return x }
        let clip = Rect(x: x, y: y, width: width, height: 1)
        return text(TextLayout.truncate(VisibleCharacters(string), to: width), x: x, y: y, role: role, clip: clip)
    }

    /// Fills a rectangle with one character (default: blank).
    public mutating func fill(_ rect: Rect, with character: Character = " ", role: StyleRole) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            var x = area.x
            while x < area.maxX { x += max(1, put(character, x: x, y: y, role: role, clip: area)) }
        }
    }

    /// Changes the role of every cell in a rectangle, keeping the glyphs (for highlights).
    public mutating func restyle(_ rect: Rect, role: StyleRole) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY { for x in area.x..<area.maxX { cells[y * size.width + x].role = role } }
    }

    /// Marks every occurrence of `query` in `text`, drawn at (x, y), as a search match.
    public mutating func highlight(_ query: String, in text: String, x: Int, y: Int) {
        for range in TextLayout.occurrences(of: query, in: String(VisibleCharacters(text))) {
            restyle(Rect(x: x + range.lowerBound, y: y, width: range.count, height: 1), role: .searchMatch)
        }
    }

    /// The glyphs of one row, continuation cells skipped, trailing spaces kept.
    public func row(_ y: Int) -> String {
        var line = ""
        for x in 0..<size.width where self[x, y].width != 0 { line += self[x, y].grapheme }
        return line
    }
}
