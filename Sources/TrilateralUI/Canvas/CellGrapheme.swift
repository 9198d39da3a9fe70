/// What one cell may hold, the same on the live screen and in `snapshot`: the documented
/// fallback for grapheme clusters a terminal cell cannot show whole.
///
/// - A skin-tone modifier (U+1F3FB–U+1F3FF) after an emoji is dropped: 👍🏽 is drawn 👍. tmux
///   (3.3) and the C library count the modifier as a second two-column emoji, so 👍🏽 would
///   take four columns there and push the rest of the row right; without it every terminal
///   agrees on two.
/// - A cluster keeps at most `maximumScalars` code points, the most an ncurses cell holds
///   (`CCHARW_MAX`): a longer ZWJ sequence keeps its leading emoji that fit, whole
///   (👨‍👩‍👧‍👦 is drawn 👨‍👩‍👧); any other keeps its first five code points, tag characters
///   dropped (a subdivision flag 🏴󠁧󠁢󠁳󠁣󠁴󠁿 is drawn 🏴).
///
/// Flags (🇯🇵), ZWJ sequences of up to five code points and combining marks stay whole.
public enum CellGrapheme {
    /// The most code points one cell holds (ncurses' CCHARW_MAX).
    public static let maximumScalars = 5

    /// The cluster as a cell shows it; the same cluster when nothing needs to go.
    public static func fitted(_ character: Character) -> Character {
        // Four bytes hold neither a modifier after a base nor five code points.
        guard character.utf8.count > 4 else { return character }
        let scalars = Array(character.unicodeScalars)
        var kept = [scalars[0]] + scalars.dropFirst().filter { !(0x1F3FB...0x1F3FF).contains($0.value) }
        if kept.count > maximumScalars { kept = kept.contains(zeroWidthJoiner) ? leadingEmoji(kept) : untagged(kept) }
        guard kept.count < scalars.count else { return character }
        var text = ""
        text.unicodeScalars.append(contentsOf: kept)
        return text.count == 1 ? Character(text) : Character(kept[0])
    }

    static let zeroWidthJoiner: Unicode.Scalar = "\u{200D}"

    /// The ZWJ sequence's leading parts that fit whole (at least the first code point).
    static func leadingEmoji(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var kept: [Unicode.Scalar] = []
        for part in scalars.split(separator: zeroWidthJoiner, omittingEmptySubsequences: false) {
            let joined = kept.isEmpty ? Array(part) : kept + [zeroWidthJoiner] + part
            guard joined.count <= maximumScalars else { break }
            kept = joined
        }
        return kept.isEmpty ? [scalars[0]] : kept
    }

    /// The first code points that fit, tag characters (U+E0020–U+E007F) left out.
    static func untagged(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        Array(scalars.filter { !(0xE0020...0xE007F).contains($0.value) }.prefix(maximumScalars))
    }
}
