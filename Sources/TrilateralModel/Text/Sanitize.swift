/// Escaping of text that comes from files and arguments, so that it can never reach a terminal
/// raw: C0 and C1 controls, DEL, bidirectional marks and overrides, and invisible format
/// characters (zero-width space, byte-order mark, word joiner …) become visible escapes.
/// Zero-width joiners stay, since scripts and emoji need them.
extension String {
    /// Whether a scalar must not be written to a terminal as it is.
    public static func isUnsafeForTerminal(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0xA0 { return v >= 0x80 }
        switch v {
        case 0x00AD, 0x0600...0x0605, 0x061C, 0x06DD, 0x070F, 0x08E2, 0x180E,
             0x200B, 0x200E, 0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x206F,
             0xFEFF, 0xFFF9...0xFFFB, 0x110BD, 0x110CD, 0x13430...0x1343F, 0x1BCA0...0x1BCA3,
             0x1D173...0x1D17A, 0xE0001, 0xE0020...0xE007F:
            return true
        default:
            return false
        }
    }

    /// The escape shown in place of an unsafe scalar: `\e` style for a few, `\u{…}` otherwise.
    public static func visibleEscape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: "\\e"
        case 0x07: "\\a"
        case 0x00: "\\0"
        case 0x09: "\\t"
        case 0x0A: "\\n"
        case 0x0D: "\\r"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// This text with every unsafe scalar replaced by its visible escape.
    public var escapingControls: String {
        guard unicodeScalars.contains(where: String.isUnsafeForTerminal) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if String.isUnsafeForTerminal(scalar) { out += String.visibleEscape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}

/// The characters of a text as a terminal may show them, made lazily: unsafe scalars come out
/// as their visible escapes, everything else as it is. A view that shows the first 80 columns
/// of a 300 KB title looks at the first 80-odd characters only.
public struct VisibleCharacters<Base: StringProtocol>: Sequence {
    let base: Base
    let keepingNewlines: Bool
    /// With `keepingNewlines`, line breaks come through as they are (for text that is wrapped
    /// into lines); everything else unsafe is escaped.
    public init(_ base: Base, keepingNewlines: Bool = false) { self.base = base; self.keepingNewlines = keepingNewlines }

    public struct Iterator: IteratorProtocol {
        var characters: Base.Iterator
        let keepingNewlines: Bool
        var pending: [Character] = []
        var position = 0

        public mutating func next() -> Character? {
            if position < pending.count { position += 1; return pending[position - 1] }
            guard let c = characters.next() else { return nil }
            if c.isPrintableASCII { return c }
            if keepingNewlines && (c == "\n" || c == "\r\n") { return c }
            guard c.unicodeScalars.contains(where: String.isUnsafeForTerminal) else { return c }
            var escaped = ""
            for scalar in c.unicodeScalars {
                if String.isUnsafeForTerminal(scalar) { escaped += String.visibleEscape(scalar) } else { escaped.unicodeScalars.append(scalar) }
            }
            pending = Array(escaped)
            position = 1
            return pending.first
        }
    }

    public func makeIterator() -> Iterator { Iterator(characters: base.makeIterator(), keepingNewlines: keepingNewlines) }
}

extension Character {
    /// A single printable ASCII byte (space to `~`): safe, one column, nothing to look up.
    /// Read from the UTF-8 view (`asciiValue` first compares with "\r\n", which costs more).
    @inlinable public var isPrintableASCII: Bool {
        let utf8 = self.utf8
        guard utf8.count == 1, let b = utf8.first else { return false }
        return b >= 0x20 && b < 0x7F
    }
}
