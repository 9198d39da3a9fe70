import CNcursesw
import TrilateralUI

/// Decodes what `wget_wch` returns into `Input`: function keys from ncurses' keypad
/// decoding, control characters, and SGR mouse reports (`ESC [ < b ; x ; y M`), which
/// ncurses passes through as plain characters.
struct InputDecoder {
    private var pending: [Int] = []
    /// ncurses matched the terminfo `kmous` prefix (`ESC [ <` for xterm-256color, `ESC [` for
    /// others) and returned KEY_MOUSE; the rest of the SGR report follows as characters.
    private var afterKeypadMouse = false

    mutating func feed(code: Int, isKeyCode: Bool, into inputs: inout [Input]) {
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
        if !pending.isEmpty || code == 0x1B {
            pending.append(code)
            if let done = parseMouse() {
                if let event = done { inputs.append(.mouse(event)) }
                pending.removeAll()
            } else if !Self.couldBeMouse(pending) {
                flush(into: &inputs)
            }
            return
        }
        if let key = Self.character(code) { inputs.append(.key(key)) }
    }

    /// The end of what was waiting to be read. A lone Esc is the Esc key (ncurses already waited
    /// ESCDELAY for more); a started mouse report (`ESC [` …) waits for the rest.
    mutating func finish(into inputs: inout [Input]) {
        if pending.count >= 2 && Self.couldBeMouse(pending) { return }
        flush(into: &inputs)
    }

    /// Emits pending characters as keys (an Esc that started no mouse report is Esc).
    private mutating func flush(into inputs: inout [Input]) {
        for code in pending { if let key = Self.character(code) { inputs.append(.key(key)) } }
        pending.removeAll()
    }

    static func couldBeMouse(_ codes: [Int]) -> Bool {
        let prefix: [Int] = [0x1B, 0x5B, 0x3C]
        for (i, c) in codes.enumerated() {
            if i < 3 { if c != prefix[i] { return false } } else if !(c == 0x3B || (0x30...0x39).contains(c)) { return false }
        }
        return true
    }

    /// nil: not finished; .some(nil): a report we ignore (release, motion); .some(event).
    private func parseMouse() -> MouseEvent?? {
        guard pending.count > 3, Self.couldBeMouse(Array(pending.dropLast())),
              let last = pending.last, last == 0x4D || last == 0x6D else { return nil }
        let body = String(decoding: pending.dropFirst(3).dropLast().map { UInt8($0) }, as: UTF8.self)
        let numbers = body.split(separator: ";").compactMap { Int($0) }
        guard numbers.count == 3, last == 0x4D else { return .some(nil) }
        let (button, x, y) = (numbers[0], numbers[1] - 1, numbers[2] - 1)
        switch button & ~0x1C {
        case 0: return .some(MouseEvent(x: x, y: y, kind: .press))
        case 64: return .some(MouseEvent(x: x, y: y, kind: .wheelUp))
        case 65: return .some(MouseEvent(x: x, y: y, kind: .wheelDown))
        default: return .some(nil)
        }
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
