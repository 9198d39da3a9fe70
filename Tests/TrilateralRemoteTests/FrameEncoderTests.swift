import BuiltInBriefings
import Glibc
import Testing
import TrilateralModel
import TrilateralStyle
import TrilateralUI
@testable import TrilateralRemote

/// `FrameEncoder`: the bytes for a remote terminal, replayed through a small emulator, give
/// back the canvas; a second frame sends only what changed; styles are the theme's.
@Suite struct FrameEncoderTests {
    init() { setlocale(LC_ALL, "C.UTF-8") }

    static let xterm = TerminalProfile.named("xterm-256color")!
    static var dark: Theme { var library = ThemeLibrary(userDirectory: nil); return library.use("dark")! }

    static func encoder(_ capability: ColorCapability = .palette256) -> FrameEncoder {
        FrameEncoder(profile: xterm, capability: capability, theme: dark)
    }

    static func dashboard(_ width: Int, _ height: Int) -> AppState {
        AppState(briefing: BuiltInBriefings.standard, size: Size(width: width, height: height))
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func aWholeFrameReplaysToTheCanvas(width: Int, height: Int) {
        let canvas = Dashboard.render(Self.dashboard(width, height))
        var encoder = Self.encoder()
        var screen = Screen(width: width, height: height)
        screen.feed(encoder.encode(canvas, over: nil))
        let expected = Screen.lines(of: canvas)
        for row in 0..<height { #expect(screen.line(row) == expected[row], "row \(row)") }
    }

    @Test func aSecondFrameSendsOnlyWhatChanged() {
        var state = Self.dashboard(120, 40)
        let first = Dashboard.render(state)
        _ = AppReducer.handle(&state, .key(.tab))
        _ = AppReducer.handle(&state, .key(.down))
        let second = Dashboard.render(state)
        #expect(first != second)
        var encoder = Self.encoder()
        var screen = Screen(width: 120, height: 40)
        let whole = encoder.encode(first, over: nil)
        screen.feed(whole)
        let diff = encoder.encode(second, over: first)
        screen.feed(diff)
        let expected = Screen.lines(of: second)
        for row in 0..<40 { #expect(screen.line(row) == expected[row], "row \(row)") }
        #expect(diff.count * 4 < whole.count, "a diff of \(diff.count) bytes against a whole frame of \(whole.count)")
        #expect(!String(decoding: diff, as: UTF8.self).contains("\u{1B}[2J"), "a diff does not clear the screen")
    }

    @Test func theSameFrameAgainSendsNothing() {
        let canvas = Dashboard.render(Self.dashboard(80, 24))
        var encoder = Self.encoder()
        #expect(encoder.encode(canvas, over: canvas).isEmpty)
    }

    @Test func anotherSizeIsDrawnWholeOnAClearScreen() {
        var encoder = Self.encoder()
        let small = Dashboard.render(Self.dashboard(80, 24)), large = Dashboard.render(Self.dashboard(100, 30))
        let bytes = String(decoding: encoder.encode(large, over: small), as: UTF8.self)
        #expect(bytes.hasPrefix("\u{1B}[H\u{1B}[2J"))
    }

    @Test func wideCharactersAndCombiningMarksLandInTheirCells() {
        var canvas = Canvas(size: Size(width: 20, height: 3))
        _ = canvas.text("日本語 ok", x: 1, y: 0, role: .text)
        _ = canvas.text("Cafe\u{301} x", x: 2, y: 1, role: .text)
        _ = canvas.text("🇯🇵 flag", x: 0, y: 2, role: .text)
        var encoder = Self.encoder()
        var screen = Screen(width: 20, height: 3)
        screen.feed(encoder.encode(canvas, over: nil))
        #expect(screen.line(0) == " 日本語 ok" + String(repeating: " ", count: 10))
        #expect(screen.line(1).hasPrefix("  Café x"))
        #expect(screen.line(2).contains("🇯🇵 flag"))
        // The text after a wide character starts where the canvas puts it.
        var changed = canvas
        _ = changed.text("Z", x: 8, y: 0, role: .text)
        screen.feed(encoder.encode(changed, over: canvas))
        #expect(screen.line(0).hasPrefix(" 日本語 Zk"))
    }

    @Test func stylesAreTheThemesInTheTerminalsColours() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        _ = canvas.text("title", x: 0, y: 0, role: .title)
        let style = Self.dark.style(.title)
        var colour = Self.encoder(.palette256)
        let bytes = String(decoding: colour.encode(canvas, over: nil), as: UTF8.self)
        let fg = ColorMapping.number(for: style.fg, capability: .palette256)
        if fg >= 0 { #expect(bytes.contains(fg < 8 ? "\u{1B}[3\(fg)m" : fg < 16 ? "\u{1B}[9\(fg - 8)m" : "\u{1B}[38;5;\(fg)m")) }
        if style.attributes.contains(.bold) { #expect(bytes.contains("\u{1B}[1m")) }

        var mono = Self.encoder(.none)
        let plain = String(decoding: mono.encode(canvas, over: nil), as: UTF8.self)
        #expect(!plain.contains("38;5;") && !plain.contains("\u{1B}[3") && !plain.contains("\u{1B}[39;49m"), "no colour at all: \(plain.debugDescription)")
        if style.mono.contains(.bold) { #expect(plain.contains("\u{1B}[1m")) }
    }

    @Test func aTerminalThatWrapsAtOnceNeverGetsItsLastCell() throws {
        // Terminals with automatic margins and no "eat newline" glitch scroll when the
        // bottom-right cell is written.
        let candidates = ["vt52", "ansi", "cons25", "pcansi", "dumb-emacs-ansi", "vt100-am", "wy50"]
        let profile = try #require(candidates.lazy.compactMap { TerminalProfile.named($0) }.first { $0.wrapsAtOnce }, "a terminfo entry with am and no xenl")
        var canvas = Canvas(size: Size(width: 10, height: 2))
        _ = canvas.text("abcdefghij", x: 0, y: 1, role: .text)
        var encoder = FrameEncoder(profile: profile, capability: .none, theme: Self.dark)
        let bytes = String(decoding: encoder.encode(canvas, over: nil), as: UTF8.self)
        #expect(bytes.contains("abcdefghi") && !bytes.contains("abcdefghij"))
        #expect(Self.xterm.wrapsAtOnce == false)
    }
}

/// `TerminalProfile`: what a terminfo entry gives, and what it must not send.
@Suite struct TerminalProfileTests {
    @Test func knownAndUnknownTypes() {
        #expect(TerminalProfile.named("xterm-256color")?.colors == 256)
        #expect(TerminalProfile.named("no-such-terminal-here") == nil)
    }

    @Test func paddingIsNotSent() throws {
        #expect(TerminalProfile.withoutPadding("\u{1B}[H$<5>\u{1B}[2J$<2*/>x") == "\u{1B}[H\u{1B}[2Jx")
        #expect(TerminalProfile.withoutPadding("cost $<x> and $5") == "cost $<x> and $5")
        let vt100 = try #require(TerminalProfile.named("vt100"))
        #expect(!vt100.opening.contains("$<") && !vt100.moveTo(x: 3, y: 4).contains("$<"), "vt100's padding is stripped")
        #expect(vt100.moveTo(x: 3, y: 4) == "\u{1B}[5;4H")
    }

    @Test func openingAndClosingSetAndRestoreTheTerminal() {
        let xterm = TerminalProfile.named("xterm-256color")!
        #expect(xterm.opening.contains("\u{1B}[?1049h") && xterm.opening.contains("\u{1B}[?1006h") && xterm.opening.contains("\u{1B}[?25l"))
        #expect(xterm.closing.contains("\u{1B}[?1049l") && xterm.closing.contains("\u{1B}[?1006l") && xterm.closing.contains("\u{1B}[?25h"))
    }
}
