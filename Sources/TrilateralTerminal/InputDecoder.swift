import CNcursesw
import TrilateralUI

/// Decodes what `wget_wch` returns into `Input`: function keys from ncurses' keypad
/// decoding, control characters, and escape sequences ncurses passes through as plain
/// characters — SGR mouse reports (`ESC [ < b ; x ; y M`) and keys its terminfo entry does
/// not know (see `EscapeSequence`).
public struct InputDecoder: Sendable {
    public init() {}

    private var pending: [Int] = []
    /// ncurses matched the terminfo `kmous` prefix (`ESC [ <` for xterm-256color, `ESC [` for
    /// others) and returned KEY_MOUSE; the rest of the SGR report follows as characters.
    private var afterKeypadMouse = false

    public mutating func feed(code: Int, isKeyCode: Bool, into inputs: inout [Input]) {
        if isKeyCode && Int32(code) == KEY_MOUSE {
            flush(into: &inputs)
            pending = [0x1B, 0x5B]
            afterKeypadMouse = true
            return
        }
        if afterKeypadMouse {
            afterKeypadMouse = false
            if (0x30...0x39).contains(code) { pending.append(0x3C) }   // the '<' went with the prefix
        }
        if isKeyCode {
            flush(into: &inputs)
            if let key = Self.functionKey(code) { inputs.append(.key(key)) }
            return
        }
        // A new Esc ends what was pending: a lone Esc was the key; a cut-off sequence is dropped.
        if code == 0x1B && !pending.isEmpty {
            if pending.count == 1 { flush(into: &inputs) } else { pending.removeAll() }
        }
        if !pending.isEmpty || code == 0x1B {
            pending.append(code)
            switch EscapeSequence.decode(pending) {
            case .incomplete: break
            case .complete(let input):
                if let input { inputs.append(input) }
                pending.removeAll()
            case .notASequence:
                flush(into: &inputs)
            }
            return
        }
        if let key = Self.character(code) { inputs.append(.key(key)) }
    }

    /// The end of what was waiting to be read. A lone Esc is the Esc key (ncurses already waited
    /// ESCDELAY for more); a started sequence (`ESC [` …) waits for the rest.
    public mutating func finish(into inputs: inout [Input]) {
        if pending.count >= 2 && EscapeSequence.decode(pending) == .incomplete { return }
        flush(into: &inputs)
    }

    /// Emits pending characters as keys (an Esc that started no sequence is Esc).
    private mutating func flush(into inputs: inout [Input]) {
        for code in pending { if let key = Self.character(code) { inputs.append(.key(key)) } }
        pending.removeAll()
    }

    static func character(_ code: Int) -> Key? {
        switch code {
        case 0x1B: return .escape
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A: return .ctrl(Character(UnicodeScalar(UInt8(code + 0x60))))
        case 0x20...: return UnicodeScalar(code).map { .char(Character($0)) }
        default: return nil
        }
    }

    static func functionKey(_ code: Int) -> Key? {
        switch Int32(code) {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_BTAB: .backTab
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        default: nil
        }
    }
}
