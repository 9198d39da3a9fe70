import TrilateralTerminal
import TrilateralUI

/// A remote terminal's keys as bytes (what an SSH channel carries): UTF-8 decoded into code
/// points — a character cut between two reads waits for its rest — and then read as the
/// dashboard's own terminal reads what ncurses passes through (`InputDecoder`): control keys,
/// escape sequences for the arrows and the other function keys (both the normal `ESC [` and
/// the keypad `ESC O` forms), SGR mouse reports. A lone Esc at the end of a read is the Esc key.
public struct KeyBytes: Sendable {
    private var decoder = InputDecoder()
    /// The start of a UTF-8 sequence whose rest has not come yet.
    private var partial: [UInt8] = []

    public init() {}

    /// The inputs in `bytes`, read as one burst.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [Input] where Bytes.Element == UInt8 {
        var inputs: [Input] = []
        for byte in bytes { take(byte, into: &inputs) }
        decoder.finish(into: &inputs)
        return inputs
    }

    private mutating func take(_ byte: UInt8, into inputs: inout [Input]) {
        if partial.isEmpty && byte < 0x80 {
            decoder.feed(code: Int(byte), isKeyCode: false, into: &inputs)
            return
        }
        partial.append(byte)
        switch Self.decode(partial) {
        case .incomplete: return
        case .scalar(let value):
            partial.removeAll(keepingCapacity: true)
            decoder.feed(code: Int(value), isKeyCode: false, into: &inputs)
        case .invalid:
            // What came before is dropped; a byte that could start something starts it.
            let started = partial.count > 1 && byte & 0xC0 != 0x80
            partial.removeAll(keepingCapacity: true)
            if started { take(byte, into: &inputs) }
        }
    }

    enum Decoded: Equatable { case incomplete, scalar(UInt32), invalid }

    /// One UTF-8 sequence: a code point, a prefix of one, or bytes that are none (dropped).
    static func decode(_ bytes: [UInt8]) -> Decoded {
        guard let lead = bytes.first else { return .incomplete }
        let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0
        guard length > 0, bytes.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else { return .invalid }
        guard bytes.count == length else { return .incomplete }
        var iterator = bytes.makeIterator()
        var utf8 = UTF8()
        guard case .scalarValue(let scalar) = utf8.decode(&iterator) else { return .invalid }
        return .scalar(scalar.value)
    }
}
