import Glibc

/// The loader's last step for a briefing read from a folder: it reads the text file each source
/// names, splits it into paragraphs, and checks every citation's `para` and `quote` against
/// them, reporting each problem where the citation is written.
package enum SourceTexts {
    /// What the check found: how many quotes it proved and how many it could not check.
    struct Tally { var checked = 0; var unchecked = 0 }

    /// Reads the texts (relative to `folder`) into `briefing`'s sources.
    static func read(into briefing: inout Briefing, folder: String, diagnostics: Diagnostics) {
        for named in diagnostics.textFiles {
            guard let index = briefing.sources.firstIndex(where: { $0.id == named.source }) else { continue }
            let path = named.file.hasPrefix("/") ? named.file : (folder.isEmpty ? "." : folder) + "/" + named.file
            func fail(_ why: String) { diagnostics.error(at: named.node, named.path, "'\(named.file)': \(why)") }
            switch text(at: path, named: named.file) {
            case .failure(let refused): fail(refused.reason)
            case .success(let text):
                let paragraphs = SourceText(file: named.file, text: text, rule: briefing.sources[index].paragraphRule)
                if paragraphs.paragraphs.isEmpty { fail("no paragraphs found (check the source's `paragraphs` rule)"); continue }
                briefing.sources[index].text = paragraphs
            }
        }
    }

    /// Why a file cannot be a source text; `unreadable` when it could not be read at all.
    package struct Refused: Error {
        package let reason: String
        package let unreadable: Bool
    }

    /// The text of the file at `path` (named `file` in the briefing), or why it cannot be a
    /// source text: its kind or place, its size, its encoding. `validate` and `new --from`
    /// both read texts through here.
    package static func text(at path: String, named file: String) -> Result<String, Refused> {
        if let why = refusal(file, resolved: resolved(path)) { return .failure(Refused(reason: why, unreadable: false)) }
        switch YAMLDocument.read(path: path, limit: Limits.sourceTextBytes, what: "source text") {
        case .failure(.unreadable(_, let reason)): return .failure(Refused(reason: "cannot read: \(reason)", unreadable: true))
        case .failure(.invalid):
            return .failure(Refused(reason: "the file is larger than \(Limits.describe(bytes: Limits.sourceTextBytes)), the most a source text may hold", unreadable: false))
        case .success(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                let (line, column, _) = YAMLDocument.firstInvalidUTF8(bytes)
                return .failure(Refused(reason: "not UTF-8 text (line \(line), column \(column))", unreadable: false))
            }
            if bytes.contains(0) { return .failure(Refused(reason: "contains a NUL byte; is this a binary file?", unreadable: false)) }
            return .success(text)
        }
    }

    /// The kinds of file a source text may be: a briefing's text travels to every follower of
    /// a presenter (and shows on screen), so a briefing from someone else must not be able to
    /// name a key, a password file or a config (`~/.ssh/id_ed25519`, `/etc/shadow`, `.env`).
    static let extensions: Set<String> = ["txt", "text", "md", "markdown"]

    /// Why `file` may not be a source text: not named `.txt` or `.md` (also where a symbolic
    /// link leads), or inside a hidden folder or hidden itself, as the briefing writes it.
    static func refusal(_ file: String, resolved: String?) -> String? {
        let parts = file.split(separator: "/")
        if parts.contains(where: { $0.hasPrefix(".") && $0 != "." && $0 != ".." }) {
            return "a source text may not be a hidden file or in a hidden folder"
        }
        func allowed(_ path: Substring) -> Bool {
            guard let name = path.split(separator: "/").last, let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
            return extensions.contains(name[name.index(after: dot)...].lowercased())
        }
        guard allowed(file[...]), resolved.map({ allowed($0[...]) }) ?? true else {
            return "a source text must be a .txt or .md file (or .text, .markdown), so that a briefing cannot name a key or a config file"
        }
        return nil
    }

    /// Where a path leads, symbolic links followed (nil if it leads nowhere).
    package static func resolved(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Checks every cited paragraph and quote against the texts read.
    @discardableResult
    static func check(_ briefing: Briefing, diagnostics: Diagnostics) -> Tally {
        var tally = Tally()
        // Built for a text's first misquote and kept for its others.
        var indexes: [String: QuoteMatch.Index] = [:]
        for site in diagnostics.citedParagraphs {
            guard let n = site.cite.paragraph, let source = briefing.paragraphSource(of: site.cite), let text = source.text else {
                if site.cite.quote != nil { tally.unchecked += 1 }
                continue
            }
            let paragraphs = text.paragraphs
            guard paragraphs.indices.contains(n - 1) else {
                diagnostics.error(at: site.paraNode, site.path + ".para", "\(text.file) has \(paragraphs.count) paragraph\(paragraphs.count == 1 ? "" : "s"); there is no ¶\(n)")
                continue
            }
            guard let quote = site.cite.quote, let quotePath = site.quotePath else { continue }
            if QuoteMatch.contains(paragraphs[n - 1], quote) { tally.checked += 1; continue }
            let index = indexes[source.id] ?? QuoteMatch.Index(paragraphs)
            indexes[source.id] = index
            diagnostics.error(at: site.quoteNode, quotePath, misquote(quote, paragraph: n, in: text, index: index))
        }
        return tally
    }

    /// Why a quote is not in its paragraph: where it is verbatim instead, or the passage most
    /// like it.
    static func misquote(_ quote: String, paragraph n: Int, in text: SourceText, index: QuoteMatch.Index) -> String {
        let head = "not in ¶\(n) of \(text.file)"
        if let other = index.paragraph(holding: quote) {
            return "\(head) but verbatim in ¶\(other); cite para: \(other)"
        }
        guard let passage = index.closest(to: quote, preferring: n) else {
            return "\(head), and no passage of it shares a word with the quote"
        }
        // A passage with every word but not verbatim (another order, other punctuation) is not 100% alike.
        let percent = min(99, Int((passage.likeness * 100).rounded(.down)))
        return "\(head); closest (¶\(passage.paragraph), \(percent)% alike): \"\(passage.text.prefixed(240))\""
    }
}

private extension String {
    /// At most `limit` characters, ending in … when cut.
    func prefixed(_ limit: Int) -> String { count <= limit ? self : String(prefix(limit - 1)) + "…" }
}
