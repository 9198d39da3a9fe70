@_spi(_Unicode) import Swift

/// Folding text for search: case-, diacritic- and width-insensitive, the way
/// `folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive])` would,
/// without Foundation's ICU tables (the binary links only FoundationEssentials).
///
/// Each scalar is decomposed canonically (the standard library's NFD, the same SPI
/// swift-foundation uses), combining marks are dropped, full-width ASCII and the ideographic
/// space become their ordinary forms, and what is left is lowercased. Folding works scalar by
/// scalar, so folding a string equals folding its characters one by one and joining them: the
/// search index and the highlighter agree.
public enum TextFold {
    /// The folded text.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var out = String.UnicodeScalarView()
        for scalar in text._nfd { append(scalar, to: &out) }
        return String(out)
    }

    /// The folded form of one character (empty for a lone combining mark).
    public static func fold(_ character: Character) -> String {
        if character.isASCII { return character.lowercased() }
        var out = String.UnicodeScalarView()
        for scalar in String(character)._nfd { append(scalar, to: &out) }
        return String(out)
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return
        default: break
        }
        var s = scalar
        if (0xFF01...0xFF5E).contains(s.value) { s = Unicode.Scalar(s.value - 0xFEE0)! }
        else if s.value == 0x3000 { s = " " }
        out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
    }
}
