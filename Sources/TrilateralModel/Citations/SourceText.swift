/// Which blocks of a source's text count as paragraphs, so that `para: N` means the Nth of them
/// (the `paragraphs` rule of a source in the briefing file).
public struct ParagraphRule: Sendable, Hashable {
    /// Kinds of block a rule can leave out.
    public enum Skip: String, Sendable, Hashable, CaseIterable {
        /// Markdown headings: `# Title` lines, or a line underlined with `===` or `---`.
        case headings
        /// Blocks whose every line is a list item (`•`, `►`, `-`, `*`, `+`, `1.`, `1)`…): the
        /// key points many articles open with.
        case bullets
    }

    /// The kinds of block left out; by default Markdown headings.
    public var skip: Set<Skip>
    /// If set, paragraphs are counted from the first block that starts with these words.
    public var from: String?
    /// If set, the block that starts with these words and all after it are left out (an
    /// author's biography, a footer).
    public var until: String?

    public init(skip: Set<Skip> = [.headings], from: String? = nil, until: String? = nil) {
        self.skip = skip; self.from = from; self.until = until
    }

    /// The rule when a source gives none.
    public static let standard = ParagraphRule()
}

/// A source's own text, split into the paragraphs its citations count: what a quote is checked
/// against and what the paragraph view shows.
public struct SourceText: Sendable, Hashable, Codable {
    /// The file as the briefing names it (relative to the briefing's folder).
    public var file: String
    /// The paragraphs, ¶1 first, each one block of the text with its lines joined by a space.
    public var paragraphs: [String]

    public init(file: String, paragraphs: [String]) { self.file = file; self.paragraphs = paragraphs }

    /// Splits `text` into blocks at blank lines (lines of spaces, tabs or no-break spaces
    /// only), after dropping a byte-order mark and turning CRLF and CR into LF, then keeps the
    /// blocks `rule` counts. Runs in time linear in the text's length.
    public init(file: String, text: String, rule: ParagraphRule = .standard) {
        self.file = file
        self.paragraphs = Self.paragraphs(of: text, rule: rule)
    }

    /// The blocks of `text` that `rule` counts as paragraphs.
    public static func paragraphs(of text: String, rule: ParagraphRule) -> [String] {
        var blocks: [[Substring]] = []
        var current: [Substring] = []
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        // Swift treats "\r\n" as one Character, so splitting on any newline handles CRLF too.
        for line in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.allSatisfy(Self.isBlank) {
                if !current.isEmpty { blocks.append(current); current = [] }
            } else if Self.isATXHeading(line) {
                // A `#` heading is a block of its own, as in Markdown, blank line or not.
                if !current.isEmpty { blocks.append(current) }
                blocks.append([line]); current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }

        var out: [String] = []
        var started = rule.from == nil
        for block in blocks {
            let joined = block.map { Self.trimmed($0) }.joined(separator: " ")
            if !started {
                guard let from = rule.from, joined.hasPrefix(from) else { continue }
                started = true
            }
            if let until = rule.until, joined.hasPrefix(until) { break }
            if rule.skip.contains(.headings), Self.isHeading(block) { continue }
            if rule.skip.contains(.bullets), block.allSatisfy(Self.isListItem) { continue }
            out.append(joined)
        }
        return out
    }

    static func isBlank(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{A0}" || c == "\u{FEFF}" }

    static func trimmed(_ line: Substring) -> Substring {
        var s = line
        while let c = s.first, isBlank(c) { s = s.dropFirst() }
        while let c = s.last, isBlank(c) { s = s.dropLast() }
        return s
    }

    /// A Markdown heading: an ATX line (`#` to `######` and a space), or text underlined with
    /// `===` or `---` (setext).
    static func isHeading(_ block: [Substring]) -> Bool {
        if isATXHeading(block[0]) { return true }
        if block.count == 2 {
            let rule = trimmed(block[1])
            return !rule.isEmpty && (rule.allSatisfy { $0 == "=" } || rule.allSatisfy { $0 == "-" })
        }
        return false
    }

    /// An ATX heading line: one to six `#`, then a space or nothing.
    static func isATXHeading(_ line: Substring) -> Bool {
        let first = trimmed(line)
        let hashes = first.prefix { $0 == "#" }.count
        return (1...6).contains(hashes) && (first.dropFirst(hashes).first.map(isBlank) ?? true)
    }

    /// A list item: a bullet mark (`•`, `►`, `▪`, `‣`, `◦`, `-`, `*`, `+`) or a number with `.`
    /// or `)`, then a space.
    static func isListItem(_ line: Substring) -> Bool {
        let s = trimmed(line)
        guard let first = s.first else { return false }
        if "•►▪‣◦▸-*+".contains(first) { return s.dropFirst().first.map(isBlank) ?? false }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return false }
        let rest = s.dropFirst(digits.count)
        return (rest.first == "." || rest.first == ")") && (rest.dropFirst().first.map(isBlank) ?? false)
    }
}
