import Foundation
import Testing
@testable import TrilateralModel

/// Every file in `Malformed/` must be refused with the message in its `.expected` file.
@Suite("Malformed briefing corpus")
struct MalformedCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Malformed")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func corpusIsLargeEnough() { #expect(Self.files.count >= 25) }

    @Test(arguments: files)
    func refused(_ name: String) throws {
        let path = Self.folder.appending(path: name).path
        let expected = try String(contentsOfFile: path.replacingOccurrences(of: ".yaml", with: ".expected"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let started = Date()
        let result = BriefingLoader.load(path: path)
        #expect(Date().timeIntervalSince(started) < 2, "refusing must be quick")
        guard case .failure(let error) = result else { Issue.record("\(name) was accepted"); return }
        #expect(error.exitStatus == 65)
        #expect(error.description.contains(expected), "\(error.description)")
        #expect(error.description.hasPrefix(path + ":"), "errors name the file, line and column")
    }

    @Test func unreadableFileIs66() {
        guard case .failure(let error) = BriefingLoader.load(path: "/nonexistent/briefing.yaml") else { Issue.record("loaded"); return }
        #expect(error.exitStatus == 66)
    }

    @Test func reportsEveryErrorNotJustTheFirst() {
        let text = "title: T\nauthor: A\npublished: 2024-99\ncountries: []\npillars:\n  - { id: p, name: P, summary: S }\n"
        guard case .failure(.invalid(let diagnostics)) = BriefingLoader.load(text: text, file: "x.yaml") else { Issue.record("loaded"); return }
        #expect(diagnostics.count >= 2)
        #expect(diagnostics.contains { $0.path == "published" && $0.line == 3 })
    }

    @Test func unknownKeysAreWarnings() {
        let text = "title: T\nauthor: A\npublished: 2024\nflavour: mint\ncountries: []\npillars: []\n"
        guard case .success(let loaded) = BriefingLoader.load(text: text, file: "x.yaml") else { Issue.record("refused"); return }
        #expect(loaded.warnings.contains { $0.message.contains("unknown key 'flavour'") && $0.line == 4 })
    }

    @Test func controlCharactersAreEscapedInMessages() {
        let text = "title: T\nauthor: A\npublished: \"2024-\\e[31m\"\ncountries: []\npillars: []\n"
        guard case .failure(let error) = BriefingLoader.load(text: text, file: "x.yaml") else { Issue.record("loaded"); return }
        #expect(!error.description.contains("\u{1B}"))
        #expect(error.description.contains("\\e[31m"))
    }
}
