import CNcursesw
import FoundationEssentials
import Glibc
import TrilateralUI

/// Why the dashboard cannot open a screen; printed as one line on stderr, exit status 2.
public struct TerminalUnavailable: Error, CustomStringConvertible {
    public let description: String
}

/// The ncurses screen: set-up, one idempotent restore, and drawing a canvas. The only type
/// that talks to ncurses; everything it draws comes from a `Canvas`.
@MainActor
public final class TerminalScreen {
    private var screen: OpaquePointer?
    private(set) var active = false
    private var palette: ColorPalette
    /// Kept across reads: a mouse report split over two reads is still one report.
    private var decoder = InputDecoder()
    public private(set) var capability: ColorCapability
    public let ascii: Bool
    /// Where frames and mode sequences go (stdout).
    private let output: UnsafeMutablePointer<FILE>

    /// Checks that stdin and stdout are a terminal that terminfo knows, then opens the screen.
    public convenience init(colorPreference: ColorCapability.Preference, environment: [String: String]) throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw TerminalUnavailable(description: "trilateral: not a terminal (stdin or stdout is redirected); use `trilateral snapshot` or `trilateral dump` for text output")
        }
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw TerminalUnavailable(description: "trilateral: TERM is \(term.isEmpty ? "not set" : "'dumb'"); set it (e.g. TERM=xterm-256color) or use `trilateral snapshot`")
        }
        guard tri_terminal_known(term) == 1 else {
            throw TerminalUnavailable(description: "trilateral: TERM '\(term.escapingControls)' is unknown to terminfo; try TERM=xterm-256color or use `trilateral snapshot`")
        }
        try self.init(term: nil, output: tri_stdout(), input: tri_stdin(), colorPreference: colorPreference, environment: environment)
    }

    /// Opens the screen of terminal type `term` (TERM's when nil) on `output` and `input` (the
    /// tests give it a socket, to count the writes a frame takes).
    init(term: String?, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>,
         colorPreference: ColorCapability.Preference, environment: [String: String]) throws {
        self.output = output
        setlocale(LC_ALL, "")
        ascii = String(cString: tri_codeset()).uppercased().replacing("-", with: "") != "UTF8"
        if environment["ESCDELAY"] == nil { set_escdelay(25) }
        let opened = if let term { newterm(term, output, input) } else { newterm(nil, output, input) }
        guard let s = opened else {
            let name = term ?? environment["TERM"] ?? ""
            throw TerminalUnavailable(description: "trilateral: cannot open the terminal '\(name.escapingControls)'; use `trilateral snapshot`")
        }
        screen = s
        // ncurses 6.4 flushes its output at every cursor movement until the screen has been
        // through endwin once (its "initial" state, kept for low-level terminfo programs): a
        // first frame left in about eighty write() calls. One round trip, before colours are
        // started (so the resume sends no palette reset), puts it in the running state, where
        // a frame is buffered and flushed together.
        endwin()
        doupdate()
        var colors = 0
        if has_colors() {
            start_color()
            use_default_colors()
            colors = Int(tri_colors())
        }
        capability = ColorCapability.detect(preference: colorPreference, environment: environment, terminfoColors: colors)
        if !has_colors() { capability = .none }
        palette = ColorPalette(capability: capability, maxPairs: Int(tri_color_pairs()))
        active = true
        configure()
    }

    /// Terminal modes for the dashboard: raw keys (Ctrl-C and Ctrl-Z arrive as keys), no echo,
    /// keypad decoding, hidden cursor, and SGR mouse reports.
    private func configure() {
        raw()
        noecho()
        nonl()
        keypad(tri_stdscr(), true)
        nodelay(tri_stdscr(), true)
        intrflush(tri_stdscr(), false)
        leaveok(tri_stdscr(), true)
        curs_set(0)
        MouseMode.enable(output)
    }

    /// Restores the terminal; safe to call any number of times, from any exit path.
    public func restore() {
        guard active else { return }
        active = false
        MouseMode.disable(output)
        curs_set(1)
        endwin()
        fflush(output)
    }

    /// Comes back after a suspend: modes again and a full repaint on the next draw.
    public func resume() {
        guard !active else { return }
        active = true
        refresh()
        configure()
        clearok(tri_stdscr(), true)
    }

    /// The current size, read from the kernel (we own SIGWINCH), applied to ncurses.
    public func refreshSize() -> Size {
        var rows: Int32 = 0, cols: Int32 = 0
        if tri_window_size(1, &rows, &cols) == 0, rows > 0, cols > 0 {
            resizeterm(rows, cols)
        }
        clearok(tri_stdscr(), true)
        return size
    }

    public var size: Size { Size(width: Int(tri_cols()), height: Int(tri_lines())) }

    /// Swaps the theme: the palette is rebuilt and every cell repainted once.
    public func apply(_ theme: Theme) {
        palette.theme = theme
        clearok(tri_stdscr(), true)
    }

    /// Puts a frame in ncurses' screen and sends what changed, in one update. With `previous`
    /// (the frame ncurses holds now, same size and theme), only cells that differ from it are
    /// touched (`ScreenDiff` says which, and how a cluster fills ncurses' cells).
    public func draw(_ canvas: Canvas, over previous: Canvas? = nil) {
        guard active else { return }
        let window = tri_stdscr()
        let diff = ScreenDiff(canvas, over: previous, rows: Int(tri_lines()), columns: Int(tri_cols())) {
            Int(tri_wcwidth(wchar_t(bitPattern: $0.value)))
        }
        var wide = [wchar_t](repeating: 0, count: CellGrapheme.maximumScalars + 1)
        for step in diff.steps {
            switch step {
            case .write(let cell):
                var n = 0
                for scalar in cell.text.unicodeScalars { wide[n] = wchar_t(bitPattern: scalar.value); n += 1 }
                wide[n] = 0
                let (attrs, pair) = palette.attributes(for: cell.role)
                _ = tri_put_cell(window, Int32(cell.y), Int32(cell.x), wide, attrs, Int32(pair))
            case .redrawRow(let y):
                wredrawln(window, Int32(y), 1)
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Reads every key waiting on stdin without blocking.
    public func readInputs() -> [Input] {
        var inputs: [Input] = []
        var ch: wint_t = 0
        while true {
            let status = wget_wch(tri_stdscr(), &ch)
            if status == ERR { break }
            decoder.feed(code: Int(ch), isKeyCode: status == tri_key_code_yes(), into: &inputs)
        }
        decoder.finish(into: &inputs)
        return inputs
    }
}

/// Turns SGR (1006) mouse reporting on and off with the sequences xterm, tmux and most
/// emulators understand; reports are parsed by `InputDecoder`, so columns past 223 work.
public enum MouseMode {
    /// The sequences themselves (a server sends them to its viewers' terminals).
    public static let on = "\u{1B}[?1000h\u{1B}[?1006h"
    public static let off = "\u{1B}[?1006l\u{1B}[?1000l"
    static func enable(_ output: UnsafeMutablePointer<FILE>) { write(on, to: output) }
    static func disable(_ output: UnsafeMutablePointer<FILE>) { write(off, to: output) }
    /// Straight to the terminal, after anything stdio holds (ncurses' own buffer is empty
    /// between frames; `putp` would go through stdio and wait for the next fflush).
    private static func write(_ s: String, to output: UnsafeMutablePointer<FILE>) {
        fflush(output)
        _ = s.utf8CString.withUnsafeBufferPointer { Glibc.write(fileno(output), $0.baseAddress, $0.count - 1) }
    }
}
