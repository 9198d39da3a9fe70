/// How many terminal columns text occupies, independent of the process locale.
///
/// One table for the whole program: East Asian wide and fullwidth characters (CJK, kana,
/// Hangul) and emoji-presentation characters take 2 columns; combining marks, zero-width
/// joiners and variation selectors take 0 on their own; everything else takes 1.
///
/// A grapheme cluster takes the columns of its first code point, as the C library's wcwidth
/// counts them: that is what ncurses counts for a cell and what tmux shows, so the live
/// screen lines up with `snapshot`. A ZWJ sequence (👨‍👩‍👧) and a skin-toned emoji take 2,
/// as their first emoji does; a text symbol made emoji by U+FE0F (❤️, 1️⃣) takes 1, as in
/// tmux. A flag, a pair of regional indicators (1 column each), takes 2; a lone one takes 1.
public enum DisplayWidth {
    /// The columns of one grapheme cluster (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        // Printable ASCII, most of any briefing, without looking at scalars at all.
        if character.isPrintableASCII { return 1 }
        // Fast path for what most cells hold: ASCII, Latin text and box-drawing / block /
        // geometric glyphs (the few wide emoji among those, U+25FD and U+25FE, excluded).
        if character.utf8.count <= 3, character.unicodeScalars.count == 1, let v = character.unicodeScalars.first?.value {
            if v < 0x300 && v != 0xAD { return 1 }
            if (0x2500...0x25FC).contains(v) { return 1 }
        }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if isRegionalIndicator(first) { return scalars.dropFirst().first.map(isRegionalIndicator) == true ? 2 : 1 }
        if isZeroWidth(first) { return 0 }
        return isWide(first) ? 2 : 1
    }

    /// One of the 26 letters that make flags in pairs (🇯 🇵).
    public static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(scalar.value) }

    /// The columns of a string.
    public static func of<S: StringProtocol>(_ text: S) -> Int { text.reduce(0) { $0 + of($1) } }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return scalar.value == 0x200B || (0xFE00...0xFE0F).contains(scalar.value)
        }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DFF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE4F, 0xFE50...0xFE6B, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x18CFF, 0x18D00...0x18D08, 0x1AFF0...0x1B2FF,
             0x1F200...0x1F265, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return scalar.properties.isEmojiPresentation
        }
    }
}
