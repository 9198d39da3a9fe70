import CNcursesw
import Testing
@testable import TrilateralTerminal
import TrilateralUI

/// `InputDecoder`: what `wget_wch` returns (code points it decoded from UTF-8, and key codes
/// from ncurses' keypad decoding), read by read, turned into `Input`. A read ends with
/// `finish`, as `TerminalScreen.readInputs` does when nothing more waits on stdin.
@Suite("Input decoder")
struct InputDecoderTests {
    /// A decoder kept across reads, as the terminal screen keeps it.
    struct Reader {
        /// One value `wget_wch` returns: a character (OK) or a key code (KEY_CODE_YES).
        enum Code {
            case char(Int)
            case keyCode(Int32)
        }

        var decoder = InputDecoder()

        /// One read: every code fed, then its end.
        mutating func read(_ codes: [Code]) -> [Input] {
            var inputs: [Input] = []
            for code in codes {
                switch code {
                case .char(let c): decoder.feed(code: c, isKeyCode: false, into: &inputs)
                case .keyCode(let k): decoder.feed(code: Int(k), isKeyCode: true, into: &inputs)
                }
            }
            decoder.finish(into: &inputs)
            return inputs
        }

        /// One read of plain characters.
        mutating func read(_ text: String) -> [Input] { read(Self.chars(text)) }

        static func chars(_ text: String) -> [Code] { text.unicodeScalars.map { .char(Int($0.value)) } }
    }

    func keys(_ keys: Key...) -> [Input] { keys.map(Input.key) }

    func press(_ x: Int, _ y: Int, _ kind: MouseEvent.Kind = .press) -> [Input] {
        [.mouse(MouseEvent(x: x, y: y, kind: kind))]
    }

    @Test("characters come decoded from UTF-8 by wget_wch: each code point is one key, wide and astral ones too")
    func characters() {
        var r = Reader()
        #expect(r.read("aZ 9") == keys(.char("a"), .char("Z"), .char(" "), .char("9")))
        #expect(r.read("é世😀") == keys(.char("é"), .char("世"), .char("😀")))
        // A combining mark arrives as its own code point, after its base.
        #expect(r.read("e\u{301}") == keys(.char("e"), .char("\u{301}")))
        // What is not a Unicode scalar (a lone surrogate) and NUL are nothing.
        #expect(r.read([.char(0xD800), .char(0)]) == [])
    }

    @Test("control characters: Tab, Enter (CR and LF), Backspace (DEL and ^H), Ctrl-letters; ^\\ ^] ^^ ^_ are nothing")
    func controls() {
        var r = Reader()
        #expect(r.read("\t\r\n") == keys(.tab, .enter, .enter))
        #expect(r.read([.char(0x7F), .char(0x08)]) == keys(.backspace, .backspace))
        #expect(r.read([.char(0x01), .char(0x03), .char(0x1A)]) == keys(.ctrl("a"), .ctrl("c"), .ctrl("z")))
        #expect(r.read([.char(0x1C), .char(0x1D), .char(0x1E), .char(0x1F)]) == [])
    }

    @Test("ncurses' key codes: the keys terminfo names; others are nothing")
    func keyCodes() {
        var r = Reader()
        let codes: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right), (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
            (KEY_HOME, .home), (KEY_END, .end), (KEY_BTAB, .backTab), (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete),
        ]
        for (code, key) in codes { #expect(r.read([.keyCode(code)]) == keys(key), "key code \(code)") }
        #expect(r.read([.keyCode(KEY_F0 + 5), .keyCode(KEY_IC)]) == [])
    }

    @Test("escape sequences ncurses passes through as characters become their keys, swallowed whole")
    func escapeSequences() {
        var r = Reader()
        #expect(r.read("\u{1B}[A\u{1B}OB\u{1B}[5~\u{1B}[3~\u{1B}[Z") == keys(.up, .down, .pageUp, .delete, .backTab))
        #expect(r.read("\u{1B}[1;5Cj") == keys(.right, .char("j")))
        // Unknown: F5 and a device attributes reply leave nothing behind, not "[15~".
        #expect(r.read("\u{1B}[15~\u{1B}[?1;2cq") == keys(.char("q")))
        // Longer than any sequence: its first 32 codes are dropped as garbage; what follows reads as keys.
        #expect(r.read("\u{1B}[" + String(repeating: "1", count: 40) + "k") == Array(repeating: .key(.char("1")), count: 10) + keys(.char("k")))
    }

    @Test("Esc: alone at the end of a read it is the key; before a character that starts no sequence it is Esc and the character (Alt-x)")
    func escape() {
        var r = Reader()
        #expect(r.read("\u{1B}") == keys(.escape))
        #expect(r.read("\u{1B}x") == keys(.escape, .char("x")))
        #expect(r.read("\u{1B}\u{1B}[A") == keys(.escape, .up))
        #expect(r.read([.char(0x1B), .keyCode(KEY_UP)]) == keys(.escape, .up))
        #expect(r.read("\u{1B}[\u{7}") == keys(.escape, .char("["), .ctrl("g")))
    }

    @Test("a sequence cut by the end of a read waits for the rest; one cut by a new Esc is dropped")
    func partialSequences() {
        var r = Reader()
        #expect(r.read("\u{1B}[") == [])
        #expect(r.read("1;5") == [])
        #expect(r.read("D") == keys(.left))
        #expect(r.read("\u{1B}O") == [])
        #expect(r.read("H") == keys(.home))
        #expect(r.read("\u{1B}[1\u{1B}[B") == keys(.down))
        // A key code ends what was pending too: its codes are keys of their own.
        #expect(r.read([.char(0x1B), .char(0x5B), .keyCode(KEY_DOWN)]) == keys(.escape, .char("["), .down))
    }

    @Test("SGR mouse reports as characters: presses and the wheel, 1-based to 0-based, past column 223; releases, drags and other buttons are nothing")
    func mouseAsCharacters() {
        var r = Reader()
        #expect(r.read("\u{1B}[<0;10;5M") == press(9, 4))
        #expect(r.read("\u{1B}[<64;300;2M") == press(299, 1, .wheelUp))
        #expect(r.read("\u{1B}[<65;1;1M") == press(0, 0, .wheelDown))
        // Shift, Alt and Ctrl with a press are still a press.
        #expect(r.read("\u{1B}[<16;3;3M") == press(2, 2))
        #expect(r.read("\u{1B}[<0;10;5m\u{1B}[<32;11;5M\u{1B}[<2;1;1M") == [])
    }

    @Test("a mouse report whose prefix ncurses matched (KEY_MOUSE): the rest follows as characters, with or without the '<'")
    func mouseAfterKeypad() {
        var r = Reader()
        // xterm-256color's kmous is ESC [ < : the '<' went with the key code.
        #expect(r.read([.keyCode(KEY_MOUSE)] + Reader.chars("0;10;5M")) == press(9, 4))
        // Other entries' kmous is ESC [ : the '<' comes as a character.
        #expect(r.read([.keyCode(KEY_MOUSE)] + Reader.chars("<64;2;3M")) == press(1, 2, .wheelUp))
        // Split over two reads, it is still one report.
        #expect(r.read([.keyCode(KEY_MOUSE), .char(0x30)]) == [])
        #expect(r.read(";7;8M") == press(6, 7))
    }

    @Test("bracketed paste is not turned on; should a terminal bracket a paste anyway, the markers are swallowed and the text arrives as typed keys")
    func bracketedPaste() {
        var r = Reader()
        #expect(r.read("\u{1B}[200~hi there\u{1B}[201~") == "hi there".map { .key(.char($0)) })
    }
}
