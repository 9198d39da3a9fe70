import TrilateralUI

/// A small terminal for the tests: what a viewer's emulator makes of the bytes the door sends,
/// for what xterm-256color's (and `ansi`'s) terminfo emits: cursor address, clear (`ESC [ 2 J`
/// and `ESC [ J`), SGR, the charset and mode sequences. Text advances the cursor by the width
/// the canvas gives it, as a terminal does; it keeps each cell's text and the SGR in force when
/// it was written, both as written (`styles`) and read (`pens`).
///
/// The right margin behaves as a real terminal's: with `xenl` (xterm, the default) writing the
/// last column leaves the cursor there and the next character wraps first; without it
/// (`wrapsAtOnce`, `am` alone) the cursor wraps at once. Wrapping past the last row scrolls
/// the screen. `wraps`, `scrolls` and `bottomRightWrites` count what a frame must never do.
struct Screen {
    let width: Int, height: Int
    let wrapsAtOnce: Bool
    private(set) var cells: [String]
    private(set) var styles: [String]
    private(set) var pens: [Pen]
    /// Each cell's columns: 1, 2 for a wide glyph's head, 0 for its second column.
    private var widths: [Int]
    private(set) var x = 0, y = 0
    private var sgr = ""
    private var pen = Pen()
    private var pendingWrap = false
    /// The cell written last, which a combining mark joins.
    private var last: Int?
    /// How many cell writes and cursor moves the last `feed` had.
    private(set) var writes = 0, moves = 0
    /// Since the screen was made: how often text ran past the right margin onto the next
    /// row, how often the screen scrolled, how often the bottom-right cell was written.
    private(set) var wraps = 0, scrolls = 0, bottomRightWrites = 0

    /// What an SGR sequence leaves in force: attributes by SGR number (1 bold, 2 dim, 3 italic,
    /// 4 underline, 7 reverse) and palette colours.
    struct Pen: Equatable, CustomStringConvertible {
        var attributes: Set<Int> = []
        var fg: Int?, bg: Int?
        var description: String { "attributes \(attributes.sorted()) fg \(fg.map(String.init) ?? "default") bg \(bg.map(String.init) ?? "default")" }
    }

    init(width: Int, height: Int, wrapsAtOnce: Bool = false) {
        self.width = width; self.height = height; self.wrapsAtOnce = wrapsAtOnce
        cells = Array(repeating: " ", count: width * height)
        styles = Array(repeating: "", count: width * height)
        pens = Array(repeating: Pen(), count: width * height)
        widths = Array(repeating: 1, count: width * height)
    }

    mutating func feed(_ bytes: [UInt8]) {
        writes = 0; moves = 0
        let text = String(decoding: bytes, as: UTF8.self)
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "\u{1B}" {
                let next = text.index(after: i)
                guard next < text.endIndex else { break }
                if text[next] == "(" {   // ESC ( B: a character set
                    i = text.index(next, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
                    continue
                }
                if text[next] == "[" {
                    var j = text.index(after: next), params = ""
                    while j < text.endIndex, let a = text[j].asciiValue, (0x20...0x3F).contains(a) { params.append(text[j]); j = text.index(after: j) }
                    guard j < text.endIndex else { break }
                    csi(params, final: text[j])
                    i = text.index(after: j)
                    continue
                }
                i = text.index(after: next)   // ESC and one character (ESC 7, ESC =, …)
                continue
            }
            put(c)
            i = text.index(after: i)
        }
    }

    private mutating func csi(_ params: String, final: Character) {
        let numbers = params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        switch final {
        case "H":
            y = min(height - 1, max(1, numbers.first ?? 1) - 1)
            x = min(width - 1, max(1, numbers.count > 1 ? numbers[1] : 1) - 1)
            pendingWrap = false
            last = nil
            moves += 1
        case "J" where params == "2":
            erase(0..<width * height)
        case "J" where params == "" || params == "0":
            erase((y * width + x)..<width * height)
        case "m":
            sgr = params == "" || params == "0" ? "" : sgr + ";" + params
            select(params.isEmpty ? [0] : numbers)
        default: break
        }
    }

    private mutating func erase(_ range: Range<Int>) {
        for i in range { cells[i] = " "; styles[i] = ""; pens[i] = Pen(); widths[i] = 1 }
    }

    /// SGR parameters, as xterm reads them (10, a font, and anything else unknown is ignored).
    private mutating func select(_ numbers: [Int]) {
        var k = 0
        while k < numbers.count {
            let n = numbers[k]
            switch n {
            case 0: pen = Pen()
            case 1, 2, 3, 4, 7: pen.attributes.insert(n)
            case 22: pen.attributes.subtract([1, 2])
            case 23, 24, 27: pen.attributes.remove(n - 20)
            case 30...37: pen.fg = n - 30
            case 90...97: pen.fg = n - 90 + 8
            case 39: pen.fg = nil
            case 40...47: pen.bg = n - 40
            case 100...107: pen.bg = n - 100 + 8
            case 49: pen.bg = nil
            case 38, 48:
                if k + 2 < numbers.count, numbers[k + 1] == 5 {
                    if n == 38 { pen.fg = numbers[k + 2] } else { pen.bg = numbers[k + 2] }
                    k += 2
                }
            default: break
            }
            k += 1
        }
    }

    /// The cursor to the start of the next row, the screen scrolled up at the bottom.
    private mutating func newline() {
        wraps += 1
        x = 0
        if y < height - 1 { y += 1; return }
        scrolls += 1
        cells.removeFirst(width); cells += Array(repeating: " ", count: width)
        styles.removeFirst(width); styles += Array(repeating: "", count: width)
        pens.removeFirst(width); pens += Array(repeating: Pen(), count: width)
        widths.removeFirst(width); widths += Array(repeating: 1, count: width)
    }

    private mutating func put(_ c: Character) {
        let w = DisplayWidth.of(c)
        if w <= 0 {   // a combining mark joins the cell before
            if let last { cells[last].append(c) }
            return
        }
        if pendingWrap { pendingWrap = false; newline() }
        if w == 2 && x == width - 1 { newline() }   // a wide glyph that does not fit wraps first
        let i = y * width + x
        // Half of a wide glyph overwritten: the other half goes blank (as xterm does).
        if widths[i] == 0, x > 0 { cells[i - 1] = " "; widths[i - 1] = 1 }
        if widths[i] == 2, w == 1, x + 1 < width { cells[i + 1] = " "; widths[i + 1] = 1 }
        if w == 2, widths[i + 1] == 2, x + 2 < width { cells[i + 2] = " "; widths[i + 2] = 1 }
        cells[i] = String(c); styles[i] = sgr; pens[i] = pen; widths[i] = w
        if w == 2 { cells[i + 1] = ""; pens[i + 1] = pen; widths[i + 1] = 0 }
        if i + w == width * height { bottomRightWrites += 1 }
        writes += 1
        last = i
        x += w
        if x >= width {
            if wrapsAtOnce { newline() } else { x = width - 1; pendingWrap = true }
        }
    }

    /// Row `row` as text (a wide character's second column is empty).
    func line(_ row: Int) -> String { cells[row * width..<(row + 1) * width].joined() }

    /// The pen cell (`column`, `row`) was written with.
    func pen(_ column: Int, _ row: Int) -> Pen { pens[row * width + column] }

    /// The canvas's rows as the same text.
    static func lines(of canvas: Canvas) -> [String] {
        (0..<canvas.size.height).map { y in
            (0..<canvas.size.width).map { x in canvas[x, y].width == 0 ? "" : canvas[x, y].grapheme.isEmpty ? " " : canvas[x, y].grapheme }.joined()
        }
    }
}
