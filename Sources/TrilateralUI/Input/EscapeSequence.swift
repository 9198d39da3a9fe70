/// Decodes the escape sequences a terminal sends for keys and mouse reports that ncurses did
/// not recognise itself (its terminfo entry and the real terminal disagree, as under tmux or
/// screen with a borrowed TERM): CSI (`ESC [` params final) and SS3 (`ESC O` final).
///
/// A sequence is swallowed whole: a known key becomes that key, an unknown one becomes nothing,
/// never a stray Esc followed by `[1~` typed into the dashboard.
public enum EscapeSequence {
    public enum Result: Equatable, Sendable {
        /// A prefix of a sequence: wait for more bytes.
        case incomplete
        /// Not a sequence: the bytes are keys of their own (Esc, then characters).
        case notASequence
        /// A whole sequence, and the input it means (nil for one with no meaning here).
        case complete(Input?)
    }

    /// The longest sequence accepted; anything longer is dropped as garbage.
    static let maximumLength = 32

    /// Decodes `codes`, which start with ESC.
    public static func decode(_ codes: [Int]) -> Result {
        guard codes.first == 0x1B else { return .notASequence }
        guard codes.count >= 2 else { return .incomplete }
        switch codes[1] {
        case 0x5B: return csi(Array(codes.dropFirst(2)))
        case 0x4F:
            guard codes.count >= 3 else { return .incomplete }
            guard codes.count == 3 else { return .notASequence }
            return .complete(ss3(codes[2]).map(Input.key))
        default: return .notASequence
        }
    }

    /// `ESC [` then parameter bytes (0x30–0x3F), intermediate bytes (0x20–0x2F), a final byte.
    static func csi(_ body: [Int]) -> Result {
        for (i, c) in body.enumerated() {
            switch c {
            case 0x20...0x3F: continue
            case 0x40...0x7E:
                guard i == body.count - 1 else { return .notASequence }
                let params = String(decoding: body.dropLast().map { UInt8($0) }, as: UTF8.self)
                return .complete(meaning(params: params, final: UInt8(c)))
            default: return .notASequence
            }
        }
        return body.count + 2 >= maximumLength ? .complete(nil) : .incomplete
    }

    static func meaning(params: String, final: UInt8) -> Input? {
        if params.hasPrefix("<"), final == 0x4D || final == 0x6D { return mouse(params.dropFirst(), pressed: final == 0x4D) }
        let first = Int(params.split(separator: ";").first ?? "") ?? 1
        switch final {
        case 0x41: return .key(.up)
        case 0x42: return .key(.down)
        case 0x43: return .key(.right)
        case 0x44: return .key(.left)
        case 0x48: return .key(.home)
        case 0x46: return .key(.end)
        case 0x5A: return .key(.backTab)
        case 0x7E:
            switch first {
            case 1, 7: return .key(.home)
            case 4, 8: return .key(.end)
            case 3: return .key(.delete)
            case 5: return .key(.pageUp)
            case 6: return .key(.pageDown)
            default: return nil
            }
        default: return nil
        }
    }

    static func ss3(_ final: Int) -> Key? {
        switch final {
        case 0x41: .up
        case 0x42: .down
        case 0x43: .right
        case 0x44: .left
        case 0x48: .home
        case 0x46: .end
        case 0x4D: .enter
        default: nil
        }
    }

    /// An SGR (1006) mouse report body `b;x;y`: presses and the wheel; releases and motion are
    /// nothing.
    static func mouse(_ body: Substring, pressed: Bool) -> Input? {
        let numbers = body.split(separator: ";").compactMap { Int($0) }
        guard pressed, numbers.count == 3 else { return nil }
        let (button, x, y) = (numbers[0], numbers[1] - 1, numbers[2] - 1)
        switch button & ~0x1C {
        case 0: return .mouse(MouseEvent(x: x, y: y, kind: .press))
        case 64: return .mouse(MouseEvent(x: x, y: y, kind: .wheelUp))
        case 65: return .mouse(MouseEvent(x: x, y: y, kind: .wheelDown))
        default: return nil
        }
    }
}
