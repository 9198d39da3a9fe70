import Testing
import TrilateralModel
import TrilateralStyle
import TrilateralUI
@testable import TrilateralRemote

/// Terminal types whose terminfo strings are not xterm's: a cursor address made of raw
/// character codes (`%c`, vt52), and a direct-colour entry (`xterm-direct`), whose `setaf`
/// takes a 24-bit RGB value for every number from 8 up. The bytes sent must be the ones
/// terminfo means.
@Suite("Terminfo beyond xterm")
struct TerminfoEdgeTests {
    init() { Fixture.utf8Locale() }

    @Test("names a client makes up find nothing: paths, dots, empty, huge, and a type with no cursor address")
    func hostileNames() {
        for name in ["", ".", "..", "../xterm-256color", "/usr/share/terminfo/x/xterm-256color", "x/xterm-256color",
                     String(repeating: "x", count: 5000), "xterm-256color\u{0}", "dumb"] {
            #expect(TerminalProfile.named(name) == nil, "\(name.prefix(40).debugDescription)")
        }
        #expect(TerminalProfile.named("xterm-256color") == Fixture.xterm)
    }

    @Test("vt52: a cursor address is ESC Y, then row and column plus 32, as bytes")
    func vt52Address() throws {
        let vt52 = try #require(TerminalProfile.named("vt52"))
        #expect(Array(vt52.moveTo(x: 3, y: 4).utf8) == [0x1B, 0x59, 32 + 4, 32 + 3])
        #expect(Array(vt52.moveTo(x: 94, y: 0).utf8) == [0x1B, 0x59, 32, 32 + 94])
        // From column 96 on (a 120-column window) the column byte is 0x80 or more: not UTF-8.
        withKnownIssue("terminfo output is kept as a String: a byte ≥ 0x80 from %c becomes U+FFFD (EF BF BD)") {
            #expect(Array(vt52.moveTo(x: 100, y: 0).utf8) == [0x1B, 0x59, 32, 32 + 100])
        }
    }

    /// The colours of SGR parameters `params` as a direct-colour terminal reads them: palette
    /// 0–7 for 30–37, else the RGB of `38:2::r:g:b` (or `38:2:r:g:b`).
    enum Read: Equatable { case palette(Int), rgb(Int, Int, Int), none }
    static func foreground(_ bytes: [UInt8]) -> Read {
        var read = Read.none
        for part in String(decoding: bytes, as: UTF8.self).split(separator: "\u{1B}[").dropFirst() {
            guard let m = part.firstIndex(where: { $0.isLetter }), part[m] == "m" else { continue }
            for item in part[..<m].split(separator: ";") {
                if let n = Int(item), (30...37).contains(n) { read = .palette(n - 30) }
                if Int(item) == 39 { read = .none }
                if item.hasPrefix("38:2") {
                    let v = item.split(separator: ":").dropFirst(2).compactMap { Int($0) }
                    if v.count == 3 { read = .rgb(v[0], v[1], v[2]) }
                }
            }
        }
        return read
    }

    /// What the theme's colour is on a direct-colour terminal.
    static func expected(_ color: Color) -> Read {
        switch color {
        case .default: return .none
        case .ansi(let n) where n < 8: return .palette(n)
        case .ansi(let n), .indexed(let n):
            let (r, g, b) = ColorMapping.rgb(ofIndex: n)
            return .rgb(r, g, b)
        case .rgb(let r, let g, let b): return .rgb(Int(r), Int(g), Int(b))
        }
    }

    func mismatches(theme name: String) throws -> [String] {
        let direct = try #require(TerminalProfile.named("xterm-direct"))
        #expect(direct.colors >= 16_777_216)
        var library = ThemeLibrary(userDirectory: nil)
        let found = library.use(name)
        let theme = try #require(found)
        var out: [String] = []
        for role in StyleRole.allCases {
            var canvas = Canvas(size: Size(width: 2, height: 1))
            canvas.put("x", x: 0, y: 0, role: role)
            var encoder = FrameEncoder(profile: direct, capability: .truecolor, theme: theme)
            let bytes = encoder.encode(canvas, over: nil)
            // The pen of the first cell only: up to the x.
            let first = Array(bytes.prefix { $0 != UInt8(ascii: "x") })
            let want = Self.expected(theme.style(role).fg), got = Self.foreground(first)
            if want != got { out.append("\(role): \(theme.style(role).fg) sent as \(got), not \(want)") }
        }
        return out
    }

    @Test("xterm-direct, dark theme (24-bit colours): every role's foreground is its RGB")
    func directDark() throws {
        let wrong = try mismatches(theme: "dark")
        #expect(wrong == [])
    }

    @Test("xterm-direct, terminal theme (bright ANSI colours): every role's foreground is its colour")
    func directTerminal() throws {
        let wrong = try mismatches(theme: "terminal")
        #expect(wrong == [])
    }
}
