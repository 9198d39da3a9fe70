/// Escaping of text that comes from briefing files, so that it can never reach a terminal
/// raw: C0 and C1 controls, DEL, and bidirectional overrides become visible escapes.
extension String {
    /// Whether a scalar must not be written to a terminal as it is.
    public static func isUnsafeForTerminal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true   // bidi marks, overrides, isolates
        default: false
        }
    }

    /// The escape shown in place of an unsafe scalar: `␛` style for a few, `\u{…}` otherwise.
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
