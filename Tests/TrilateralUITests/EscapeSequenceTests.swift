import Testing
import TrilateralUI

@Suite("Escape sequences")
struct EscapeSequenceTests {
    func decode(_ text: String) -> EscapeSequence.Result {
        EscapeSequence.decode(text.unicodeScalars.map { Int($0.value) })
    }

    @Test("keys tmux and other terminals send that terminfo may not list")
    func keys() {
        let cases: [(String, Key)] = [
            ("\u{1B}[1~", .home), ("\u{1B}[4~", .end), ("\u{1B}[7~", .home), ("\u{1B}[8~", .end), ("\u{1B}[H", .home), ("\u{1B}[F", .end),
            ("\u{1B}OH", .home), ("\u{1B}OF", .end), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[3~", .delete),
            ("\u{1B}[A", .up), ("\u{1B}OB", .down), ("\u{1B}[1;5C", .right), ("\u{1B}[D", .left), ("\u{1B}[Z", .backTab), ("\u{1B}OM", .enter),
        ]
        for (text, key) in cases { #expect(decode(text) == .complete(.key(key)), "\(text.debugDescription)") }
    }

    @Test("unknown sequences are swallowed whole; prefixes wait; other Esc pairs are not sequences")
    func others() {
        #expect(decode("\u{1B}[15~") == .complete(nil))      // F5
        #expect(decode("\u{1B}[?1;2c") == .complete(nil))    // a device attributes reply
        #expect(decode("\u{1B}") == .incomplete)
        #expect(decode("\u{1B}[") == .incomplete)
        #expect(decode("\u{1B}[1;5") == .incomplete)
        #expect(decode("\u{1B}O") == .incomplete)
        #expect(decode("\u{1B}j") == .notASequence)
        #expect(decode("\u{1B}[\u{7}") == .notASequence)
        #expect(decode("\u{1B}[" + String(repeating: "1", count: 40)) == .complete(nil))
    }

    @Test("SGR mouse reports: presses and the wheel; releases are nothing")
    func mouse() {
        #expect(decode("\u{1B}[<0;10;5M") == .complete(.mouse(MouseEvent(x: 9, y: 4, kind: .press))))
        #expect(decode("\u{1B}[<64;300;2M") == .complete(.mouse(MouseEvent(x: 299, y: 1, kind: .wheelUp))))
        #expect(decode("\u{1B}[<65;1;1M") == .complete(.mouse(MouseEvent(x: 0, y: 0, kind: .wheelDown))))
        #expect(decode("\u{1B}[<0;10;5m") == .complete(nil))
        #expect(decode("\u{1B}[<0;10") == .incomplete)
    }
}
