import Testing
import TrilateralModel
import TrilateralStyle
import TrilateralUI
@testable import TrilateralRemote

/// Each role's style as the terminal gets it: in the `dark` theme, every role's cell is
/// written with the attributes and the colours `ColorMapping` gives for the capability, and
/// with no colour capability with the role's mono attributes and no colour sequence at all.
@Suite("Colours and attributes")
struct ColourTests {
    init() { Fixture.utf8Locale() }

    static let roles = StyleRole.allCases

    /// One cell per role on the first row, in `StyleRole.allCases` order.
    static var swatch: Canvas {
        var canvas = Canvas(size: Size(width: roles.count, height: 2))
        for (x, role) in roles.enumerated() { canvas.put("x", x: x, y: 0, role: role) }
        return canvas
    }

    /// SGR numbers of attributes, as a terminal reads them.
    static func numbers(_ attributes: Attributes, terminal: TerminalProfile) -> Set<Int> {
        var out: Set<Int> = []
        if attributes.contains(.bold) { out.insert(1) }
        if attributes.contains(.dim) && !terminal.dim.isEmpty { out.insert(2) }
        if attributes.contains(.italic) && !terminal.italic.isEmpty { out.insert(3) }
        if attributes.contains(.underline) { out.insert(4) }
        if attributes.contains(.reverse) { out.insert(7) }
        return out
    }

    func screen(_ profile: TerminalProfile, _ capability: ColorCapability) -> Screen {
        var encoder = Fixture.encoder(profile, capability)
        var screen = Screen(width: Self.roles.count, height: 2, wrapsAtOnce: profile.wrapsAtOnce)
        screen.feed(encoder.encode(Self.swatch, over: nil))
        return screen
    }

    @Test("the dark theme has colours and attributes to check")
    func themeIsNotBlank() {
        let styles = Self.roles.map { Fixture.dark.style($0) }
        #expect(styles.contains { ColorMapping.number(for: $0.fg, capability: .palette256) >= 16 }, "some 256-palette foreground")
        #expect(styles.contains { $0.bg != .default })
        #expect(styles.contains { !$0.attributes.isEmpty })
        #expect(styles.contains { !$0.mono.isEmpty })
    }

    @Test("with colour, every role is its theme's style in the terminal's colours",
          arguments: [ColorCapability.palette256, .ansi16, .ansi8])
    func coloured(_ capability: ColorCapability) {
        let screen = screen(Fixture.xterm, capability)
        for (x, role) in Self.roles.enumerated() {
            let style = Fixture.dark.style(role)
            let fg = ColorMapping.number(for: style.fg, capability: capability)
            let bg = ColorMapping.number(for: style.bg, capability: capability)
            let expected = Screen.Pen(attributes: Self.numbers(style.attributes, terminal: Fixture.xterm),
                                      fg: fg >= 0 ? fg : nil, bg: bg >= 0 ? bg : nil)
            #expect(screen.pen(x, 0) == expected, "\(role) at \(capability)")
        }
    }

    @Test("an 8-colour terminal without dim or italic (ansi) gets what it has")
    func ansiTerminal() {
        let screen = screen(Fixture.ansi, .ansi8)
        for (x, role) in Self.roles.enumerated() {
            let style = Fixture.dark.style(role)
            let fg = ColorMapping.number(for: style.fg, capability: .ansi8)
            let bg = ColorMapping.number(for: style.bg, capability: .ansi8)
            #expect(fg < 8 && bg < 8)
            let expected = Screen.Pen(attributes: Self.numbers(style.attributes, terminal: Fixture.ansi),
                                      fg: fg >= 0 ? fg : nil, bg: bg >= 0 ? bg : nil)
            #expect(screen.pen(x, 0) == expected, "\(role)")
        }
    }

    @Test("without colour: mono attributes, and no colour sequence at all", arguments: ["xterm-256color", "ansi"])
    func none(_ terminal: String) throws {
        let profile = try #require(TerminalProfile.named(terminal))
        let screen = screen(profile, .none)
        var encoder = Fixture.encoder(profile, .none)
        let bytes = encoder.encode(Dashboard.render(Fixture.dashboard(120, 40)), over: nil)
        var seen: Set<Int> = []
        for (x, role) in Self.roles.enumerated() {
            #expect(screen.pen(x, 0) == Screen.Pen(attributes: Self.numbers(Fixture.dark.style(role).mono, terminal: profile)), "\(role)")
        }
        // Every SGR parameter sent for a whole dashboard.
        let text = String(decoding: bytes, as: UTF8.self)
        for part in text.split(separator: "\u{1B}[").dropFirst() {
            guard let m = part.firstIndex(where: { $0.isLetter }), part[m] == "m" else { continue }
            for n in part[..<m].split(separator: ";").compactMap({ Int($0) }) { seen.insert(n) }
        }
        let colours = seen.filter { (30...49).contains($0) || (90...107).contains($0) }
        #expect(colours.isEmpty, "colour parameters \(colours.sorted()) with no colour capability")
    }

    @Test("a style is sent once per run of cells of one role, not once per cell")
    func styleRuns() {
        var canvas = Canvas(size: Size(width: 20, height: 2))
        _ = canvas.text("aaaaaaaaaa", x: 0, y: 0, role: .title)
        _ = canvas.text("bbbbbbbbbb", x: 10, y: 0, role: .text)
        var encoder = Fixture.encoder()
        let text = String(decoding: encoder.encode(canvas, over: nil), as: UTF8.self)
        // The clear, then one pen and one cursor address per row at most, then the pens of row 0.
        let pens = text.components(separatedBy: "\u{1B}(B\u{1B}[m").count - 1
        #expect(pens <= 3, "\(pens) resets in \(text.debugDescription)")
    }
}
