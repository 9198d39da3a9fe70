import TrilateralUI

/// A small terminal for the tests: what a viewer's emulator makes of the bytes the door sends,
/// for what xterm-256color's terminfo emits (cursor address, clear, SGR, the charset and mode
/// sequences). Text advances the cursor by its display width, as a terminal does; it keeps
/// each cell's text and the SGR in force when it was written.
struct Screen {
    let width: Int, height: Int
    private(set) var cells: [String]
    private(set) var styles: [String]
    private(set) var x = 0, y = 0
    private var sgr = ""
    /// How many cell writes and cursor moves the last `feed` had.
    private(set) var writes = 0, moves = 0

    init(width: Int, height: Int) {
        self.width = width; self.height = height
        cells = Array(repeating: " ", count: width * height)
        styles = Array(repeating: "", count: width * height)
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
                if text[next] == "(" { i = text.index(next, offsetBy: 2); continue }   // ESC ( B
                if text[next] == "[" {
                    var j = text.index(after: next), params = ""
                    while j < text.endIndex, let a = text[j].asciiValue, (0x20...0x3F).contains(a) { params.append(text[j]); j = text.index(after: j) }
                    guard j < text.endIndex else { break }
                    csi(params, final: text[j])
                    i = text.index(after: j)
                    continue
                }
                i = next
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
            y = max(1, numbers.first ?? 1) - 1
            x = max(1, numbers.count > 1 ? numbers[1] : 1) - 1
            moves += 1
        case "J" where params == "2":
            cells = Array(repeating: " ", count: width * height)
            styles = Array(repeating: "", count: width * height)
        case "m":
            sgr = params == "" || params == "0" ? "" : sgr + ";" + params
        default: break
        }
    }

    private mutating func put(_ c: Character) {
        let w = DisplayWidth.of(c)
        if w == 0, x > 0 {   // a combining mark joins the cell before
            cells[y * width + x - 1].append(c)
            return
        }
        guard y < height, x < width else { return }
        cells[y * width + x] = String(c)
        styles[y * width + x] = sgr
        writes += 1
        if w == 2, x + 1 < width { cells[y * width + x + 1] = "" }
        x += max(1, w)
    }

    /// Row `row` as text (a wide character's second column is empty).
    func line(_ row: Int) -> String { cells[row * width..<(row + 1) * width].joined() }

    /// The canvas's rows as the same text.
    static func lines(of canvas: Canvas) -> [String] {
        (0..<canvas.size.height).map { y in
            (0..<canvas.size.width).map { x in canvas[x, y].width == 0 ? "" : canvas[x, y].grapheme.isEmpty ? " " : canvas[x, y].grapheme }.joined()
        }
    }
}
