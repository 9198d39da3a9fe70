import CNcursesw
import Synchronization
import TrilateralTerminal

/// What one terminal type's terminfo entry says about drawing on it: the strings for moving,
/// styling, clearing and the screen modes, its colour count, and how its right margin
/// behaves. Read once per type (`TerminalProfile.named`) and then shared by every terminal of
/// that type this process writes to — a server's viewers, not the process's own terminal.
///
/// ncurses draws one terminal per process (its `SCREEN` and `cur_term` are global), so a room
/// of viewers gets its bytes from terminfo itself: `tigetstr` for the capabilities and
/// `tiparm` for the two that take parameters (the cursor address and the colours).
public struct TerminalProfile: Sendable, Hashable {
    /// The terminfo name.
    public let name: String
    /// Colours terminfo says it has (0 without `setaf`).
    public let colors: Int
    /// Writing in the last column wraps at once (`am` without `xenl`): the bottom-right cell
    /// would scroll the screen, so it is never written.
    public let wrapsAtOnce: Bool
    let cursorAddress: String
    let reset: String
    let defaultColors: String
    let bold: String, dim: String, reverse: String, underline: String, italic: String
    let foreground: String?, background: String?
    let clear: String
    let enterScreen: String, exitScreen: String
    let hideCursor: String, showCursor: String

    /// The profile of the terminfo entry `name`, nil when this host has none (or it cannot
    /// address the cursor, which every screen needs). Kept once found (a name that is not
    /// found is looked up again next time, so names a client makes up are not stored).
    public static func named(_ name: String) -> TerminalProfile? {
        // A NUL would end the C string early: "xterm\0…" would load xterm and be kept under a
        // name of the client's making.
        guard !name.utf8.contains(0) else { return nil }
        return Self.loaded.withLock { loaded in
            if let known = loaded[name] { return known }
            let profile = name.withCString { tri_terminfo_load($0) }.flatMap { entry -> TerminalProfile? in
                defer { tri_terminfo_free(entry) }
                return TerminalProfile(name: name, entry: entry)
            }
            if let profile { loaded[name] = profile }
            return profile
        }
    }

    /// The profiles found. Its lock is also terminfo's: loading an entry moves terminfo's
    /// current-terminal pointer, and `tiparm` expands into one static buffer, so one thing at a
    /// time, process-wide.
    private static let loaded = Mutex<[String: TerminalProfile]>([:])

    private init?(name: String, entry: UnsafeMutablePointer<TERMINAL>) {
        func string(_ capability: String) -> String? {
            capability.withCString { tri_terminfo_string(entry, $0) }.map { Self.withoutPadding(String(cString: $0)) }
        }
        guard let cup = string("cup") else { return nil }
        self.name = name
        cursorAddress = cup
        reset = string("sgr0") ?? ""
        defaultColors = string("op") ?? ""
        bold = string("bold") ?? ""
        dim = string("dim") ?? ""
        reverse = string("rev") ?? ""
        underline = string("smul") ?? ""
        italic = string("sitm") ?? ""
        foreground = string("setaf")
        background = string("setab")
        colors = foreground == nil ? 0 : max(0, Int("colors".withCString { tri_terminfo_number(entry, $0) }))
        clear = string("clear") ?? "\u{1B}[H\u{1B}[2J"
        enterScreen = string("smcup") ?? ""
        exitScreen = string("rmcup") ?? ""
        hideCursor = string("civis") ?? ""
        showCursor = string("cnorm") ?? ""
        let am = "am".withCString { tri_terminfo_flag(entry, $0) } != 0
        let xenl = "xenl".withCString { tri_terminfo_flag(entry, $0) } != 0
        wrapsAtOnce = am && !xenl
    }

    /// The bytes that put the cursor at column `x`, row `y` (both from 0).
    func moveTo(x: Int, y: Int) -> String { Self.expand(cursorAddress, y, x) }

    /// The bytes for foreground colour `n` (a palette index, or 24-bit RGB on a direct-colour
    /// entry).
    func foreground(_ n: Int) -> String { foreground.map { Self.expand($0, n, 0) } ?? "" }
    func background(_ n: Int) -> String { background.map { Self.expand($0, n, 0) } ?? "" }

    private static func expand(_ capability: String, _ a: Int, _ b: Int) -> String {
        loaded.withLock { _ in
            capability.withCString { tri_tiparm2($0, Int32(clamping: a), Int32(clamping: b)) }.map { String(cString: $0) } ?? ""
        }
    }

    /// `string` without terminfo's padding (`$<5>`, `$<2*/>`): delays for real serial
    /// terminals, which `tputs` turns into waits or NULs and would otherwise reach the screen as
    /// text. No terminal at the end of an SSH channel needs them.
    static func withoutPadding(_ string: String) -> String {
        let bytes = Array(string.utf8)
        var out: [UInt8] = [], i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<") {
                var j = i + 2
                while j < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]) || "./*".utf8.contains(bytes[j]) { j += 1 }
                if j > i + 2, j < bytes.count, bytes[j] == UInt8(ascii: ">") {
                    i = j + 1
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What a viewer's terminal is set to on arrival: the alternate screen, no cursor, SGR
    /// mouse reports (as `TerminalScreen` sets the dashboard's own terminal), a clear screen.
    public var opening: String { enterScreen + hideCursor + MouseMode.on + clear }
    /// What puts it back on the way out.
    public var closing: String { reset + MouseMode.off + showCursor + exitScreen }

    public static func == (a: TerminalProfile, b: TerminalProfile) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
