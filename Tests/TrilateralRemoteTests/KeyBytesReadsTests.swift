import Testing
import TrilateralUI
@testable import TrilateralRemote

/// `KeyBytes` on what SSH clients send, in the forms and cuts `KeyBytesTests` does not try:
/// every function key in its CSI, `~` and SS3 forms, control keys, Esc against a following
/// sequence, mouse reports cut between reads, UTF-8 of every length cut anywhere, and invalid
/// bytes dropped without losing the keys around them.
@Suite("Key bytes, more forms and cuts")
struct KeyBytesReadsTests {
    func keys(_ reads: [UInt8]...) -> [Input] {
        var decoder = KeyBytes()
        return reads.flatMap { decoder.feed($0) }
    }
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test("Home, End, PageUp, PageDown in every form a terminal sends them")
    func navigation() {
        let forms: [(String, Key)] = [
            ("\u{1B}[H", .home), ("\u{1B}OH", .home), ("\u{1B}[1~", .home), ("\u{1B}[7~", .home),
            ("\u{1B}[F", .end), ("\u{1B}OF", .end), ("\u{1B}[4~", .end), ("\u{1B}[8~", .end),
            ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[Z", .backTab),
            ("\u{1B}[1;5A", .up), ("\u{1B}[1;2D", .left),   // with modifiers: still the arrow
        ]
        for (sequence, key) in forms { #expect(keys(bytes(sequence)) == [.key(key)], "\(sequence.debugDescription)") }
        // All of them in one read, too.
        #expect(keys(bytes(forms.map(\.0).joined())) == forms.map { .key($0.1) })
    }

    @Test("Enter is CR (and keypad Enter, ESC O M); Ctrl keys are their letters")
    func controlKeys() {
        #expect(keys(bytes("\r")) == [.key(.enter)])
        #expect(keys(bytes("\u{1B}OM")) == [.key(.enter)])
        #expect(keys([0x01, 0x04, 0x0C, 0x1A]) == [.key(.ctrl("a")), .key(.ctrl("d")), .key(.ctrl("l")), .key(.ctrl("z"))])
        #expect(keys([0x08]) == [.key(.backspace)])
    }

    @Test("Esc: alone at the end of a read, twice, and before a sequence in the same read")
    func escape() {
        #expect(keys(bytes("\u{1B}")) == [.key(.escape)])
        #expect(keys(bytes("\u{1B}\u{1B}")) == [.key(.escape), .key(.escape)])
        #expect(keys(bytes("\u{1B}\u{1B}[A")) == [.key(.escape), .key(.up)])
        #expect(keys(bytes("\u{1B}"), bytes("[A")) == [.key(.escape), .key(.char("[")), .key(.char("A"))],
                "an Esc that ended a read was the key; what follows is typed")
        #expect(keys(bytes("\u{1B}x")) == [.key(.escape), .key(.char("x"))], "Alt-x: Esc, then x")
    }

    @Test("an SGR mouse report: press, wheel, release, and cut between reads")
    func mouse() {
        #expect(keys(bytes("\u{1B}[<0;1;1M")) == [.mouse(MouseEvent(x: 0, y: 0, kind: .press))])
        #expect(keys(bytes("\u{1B}[<65;30;12M")) == [.mouse(MouseEvent(x: 29, y: 11, kind: .wheelDown))])
        #expect(keys(bytes("\u{1B}[<0;5;5m")) == [], "a release is nothing")
        #expect(keys(bytes("\u{1B}[<0;1"), bytes("2;7M"), bytes("j")) == [.mouse(MouseEvent(x: 11, y: 6, kind: .press)), .key(.char("j"))])
    }

    @Test("UTF-8 of two, three and four bytes, cut at every place between two feeds",
          arguments: ["é", "日", "€", "😀"])
    func utf8Cut(_ character: String) {
        let all = bytes(character)
        for cut in 1..<all.count {
            #expect(keys(Array(all[..<cut]), Array(all[cut...]) + bytes("j")) == [.key(.char(Character(character))), .key(.char("j"))], "cut at \(cut)")
        }
        // One byte per feed.
        var decoder = KeyBytes()
        var got: [Input] = []
        for byte in all { got += decoder.feed([byte]) }
        #expect(got == [.key(.char(Character(character)))])
    }

    @Test("invalid UTF-8 is dropped, and the keys around it are not")
    func invalid() {
        let q = bytes("q"), up = bytes("\u{1B}[A")
        let bad: [[UInt8]] = [[0x80], [0xBF, 0x80], [0xC0, 0xAF], [0xFE], [0xFF], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80]]
        for junk in bad {
            #expect(keys(bytes("a") + junk + q) == [.key(.char("a")), .key(.char("q"))], "\(junk)")
            #expect(keys(junk + up) == [.key(.up)], "\(junk) before an arrow")
        }
        // A lead byte cut short by a key: the key is kept.
        #expect(keys([0xE6, 0x97] + q) == [.key(.char("q"))])
        #expect(keys([0xE6] + up) == [.key(.up)])
        #expect(keys([0xF0, 0x9F], bytes("é")) == [.key(.char("é"))], "a cut-off lead, then a whole character in the next read")
    }
}
