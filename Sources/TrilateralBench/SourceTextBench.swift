import Foundation
import TrilateralModel

/// Quote checking against a large source text: a 5 MB article of 8,000-odd paragraphs, a
/// briefing citing 200 quotes from it (the verbatim path), and the same with 20 misquotes
/// (each one searches the whole text for its closest passage). The peer is `grep -F -f` over
/// the same text with the same 200 quotes, its fairest configuration (fixed strings, no regex,
/// one pass for all patterns, C locale).
enum SourceTextBench {
    static func run() {
        let folder = FileManager.default.temporaryDirectory.appending(path: "trilateral-bench-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let words = ["trilateral", "economic", "security", "supply", "chain", "resilience", "leaders", "summit", "Camp", "David",
                     "semiconductor", "alliance", "coercion", "tariffs", "partnership", "Tokyo", "Seoul", "Washington", "policy",
                     "—", "“cooperation”", "the", "of", "and", "to", "in", "a", "that", "will", "could", "may", "future"]
        var rng = SplitMix(seed: 29)
        var paragraphs: [String] = []
        var size = 0
        while size < 5_000_000 {
            let p = (0..<100).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ") + "."
            paragraphs.append(p); size += p.utf8.count + 2
        }
        try? paragraphs.joined(separator: "\n\n").write(to: folder.appending(path: "article.txt"), atomically: true, encoding: .utf8)
        var quotes: [(Int, String)] = []
        for i in 0..<200 {
            let n = (i * 7919) % paragraphs.count
            let w = paragraphs[n].split(separator: " ")
            quotes.append((n + 1, w[40..<52].joined(separator: " ")))
        }
        func yaml(misquotes: Int) -> String {
            var out = "title: T\nauthor: A\npublished: 2024\ncountries: [{ id: us, name: US, short: US }]\n"
            out += "sources: [{ id: article, title: Article, text: article.txt }]\npillars:\n  - id: p\n    name: P\n    summary: S\n    cite: { para: 1 }\n    commitments:\n"
            for (i, (n, q)) in quotes.enumerated() {
                let quote = i < misquotes ? q.replacing("the", with: "teh") + " zebra" : q
                out += "      - { id: c\(i), title: C, text: T, countries: [us], status: agreed, cite: { para: \(n), quote: \"\(quote.replacing("\"", with: "\\\""))\" } }\n"
            }
            return out
        }
        let good = folder.appending(path: "good.yaml").path, bad = folder.appending(path: "bad.yaml").path
        let one = folder.appending(path: "one.yaml").path
        try? yaml(misquotes: 0).write(toFile: good, atomically: true, encoding: .utf8)
        try? yaml(misquotes: 1).write(toFile: one, atomically: true, encoding: .utf8)
        try? yaml(misquotes: 20).write(toFile: bad, atomically: true, encoding: .utf8)
        try? quotes.map(\.1).joined(separator: "\n").write(to: folder.appending(path: "quotes.txt"), atomically: true, encoding: .utf8)

        let ours = measure(5) {
            guard case .success(let l) = BriefingLoader.load(path: good), l.quotesChecked == 200 else { print("the 200 quotes did not check"); return }
        }
        let single = measure(5) {
            guard case .failure(.invalid(let errors)) = BriefingLoader.load(path: one), errors.count == 1 else { print("the misquote was not found"); return }
        }
        let misquoted = measure(5) {
            guard case .failure(.invalid(let errors)) = BriefingLoader.load(path: bad), errors.count == 20 else { print("the 20 misquotes were not all found"); return }
        }
        let grep = measure(5) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["grep", "-c", "-F", "-f", folder.appending(path: "quotes.txt").path, folder.appending(path: "article.txt").path]
            p.environment = ["LC_ALL": "C", "PATH": "/usr/bin:/bin"]
            p.standardOutput = FileHandle.nullDevice
            try? p.run(); p.waitUntilExit()
        }
        report("validate 200 quotes against a \(size / 1_000_000) MB text", ours)
        report("validate with 1 misquote (its closest passage)", single)
        report("validate with 20 misquotes (closest passage each)", misquoted)
        report("peer: grep -F -f, the 200 quotes over the same text", grep)
        print(CFormat.format("ratio to grep -F: %.2f× (verbatim), %.2f× (1 misquote), %.2f× (20 misquotes)", ours / grep, single / grep, misquoted / grep))
    }

    /// A small deterministic generator, so every run measures the same text.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
