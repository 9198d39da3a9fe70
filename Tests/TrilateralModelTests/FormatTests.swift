import BuiltInBriefings
import Foundation
import TestSupport
import Testing
@testable import TrilateralModel

/// The format table (`BriefingFormat`) is the one source for the loader's keys, the JSON
/// Schema and FORMAT.md: these tests keep the three, the example and the template in step.
@Suite("Briefing format, schema and reference")
struct FormatTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let example = "example-harbour-pact.yaml"

    @Test func theCommittedSchemaIsTheGeneratedOne() throws {
        let file = Self.root.appending(path: BriefingSchema.path)
        if SnapshotFile.recording {
            try BriefingSchema.json.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(BriefingSchema.path); run again without RECORD_SNAPSHOTS")
            return
        }
        let committed = try String(contentsOf: file, encoding: .utf8)
        if let difference = SnapshotFile.firstDifference(expected: committed, actual: BriefingSchema.json) {
            Issue.record("\(BriefingSchema.path) differs from `trilateral schema` (RECORD_SNAPSHOTS=1 rewrites it):\n\(difference)")
        }
    }

    @Test func formatTablesInFormatMDAreTheGeneratedOnes() throws {
        let file = Self.root.appending(path: "Sources/BuiltInBriefings/FORMAT.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let begin = "<!-- keys: generated from BriefingFormat; RECORD_SNAPSHOTS=1 swift test --filter FormatTests rewrites -->\n", end = "<!-- /keys -->"
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex) else {
            Issue.record("FORMAT.md has no generated key tables between the markers"); return
        }
        let generated = BriefingFormat.markdown
        if SnapshotFile.recording {
            try (text[..<start.upperBound] + generated + text[stop.lowerBound...]).write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded FORMAT.md's key tables; run again without RECORD_SNAPSHOTS")
        } else if let difference = SnapshotFile.firstDifference(expected: String(text[start.upperBound..<stop.lowerBound]), actual: generated) {
            Issue.record("FORMAT.md's key tables differ from the format (RECORD_SNAPSHOTS=1 rewrites them):\n\(difference)")
        }
    }

    /// The shipped briefings, the starting template and the example validate against the
    /// schema with a real JSON Schema validator (python3-jsonschema, draft 2020-12) ...
    @Test func shippedBriefingsValidateAgainstTheSchema() throws {
        let dir = try Self.scratch()
        let template = dir.appending(path: "new.yaml")
        try BriefingTemplate.text(schema: "x").write(to: template, atomically: true, encoding: .utf8)
        let files = BuiltInBriefings.names.map { Self.root.appending(path: "Sources/BuiltInBriefings/\($0)").path } + [template.path]
        let (status, out) = try Self.checkSchema(files)
        #expect(status == 0, "\(out)")
        #expect(out.split(separator: "\n").count == files.count)
    }

    /// ... and the validator really objects: mistakes a person makes are flagged at their path.
    @Test(arguments: [
        ("tittle: Typo\n", "(top level)"),
        ("countries:\n  - { id: US, name: Upper, short: US }\n", "countries.0.id"),
        ("events:\n  - { id: e, date: 2024-13-01, title: T, kind: summit, cite: { para: 1 } }\n", "events.0.date"),
        ("events:\n  - { id: e, date: 2024, title: T, kind: party, cite: { para: 1 } }\n", "events.0.kind"),
        ("events:\n  - { id: e, date: 2024, title: T, kind: summit, cite: { quote: only words } }\n", "events.0.cite"),
        ("rules:\n  - { id: r, all: [a=b], effects: { whole: 11 }, summary: S, because: { para: 1 } }\n", "rules.0.effects.whole"),
        ("tour:\n  - { show: timeline, caption: C }\n", "tour.0"),
    ])
    func theSchemaFlagsMistakes(_ mistake: String, _ path: String) throws {
        let dir = try Self.scratch()
        let file = dir.appending(path: "bad.yaml")
        let base = "title: T\nauthor: A\npublished: 2024\ncountries: []\npillars: []\n"
        try (base + mistake).write(to: file, atomically: true, encoding: .utf8)
        let (status, out) = try Self.checkSchema([file.path])
        #expect(status == 1)
        #expect(out.contains(": \(path): "), "\(out)")
    }

    @Test func theTemplateIsValidWithoutWarnings() throws {
        let loaded = try BriefingLoader.load(text: BriefingTemplate.text(schema: "briefing.schema.json"), file: "new.yaml").get()
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.briefing.pillars.count == 2 && loaded.briefing.factors.count == 1 && loaded.briefing.rules.count == 1)
        #expect(loaded.briefing.tour.count == 2)
    }

    /// Every key of every kind of mapping appears in the example.
    @Test func theExampleUsesEveryKey() throws {
        let document = try Self.document(BuiltInBriefings.text(named: Self.example)!)
        var used: Set<String> = []
        Self.walk(document, object: "briefing", path: []) { object, key, _ in used.insert("\(object).\(key)") }
        let all = Set(BriefingFormat.objects.flatMap { o in o.keys.map { "\(o.name).\($0.name)" } })
        #expect(all.subtracting(used).sorted() == [], "keys the example does not use")
    }

    /// Every key the format lists is read by the loader: taking any one out of the example
    /// makes the file invalid (always, for a required key; or because something referred to
    /// it) or changes the briefing it loads to.
    @Test func theLoaderReadsEveryKey() throws {
        let text = BuiltInBriefings.text(named: Self.example)!
        let document = try Self.document(text)
        let original = try BriefingLoader.load(text: document.json, file: "example").get().briefing
        #expect(original == BuiltInBriefings.briefing(named: Self.example))
        var seen: Set<String> = []
        var places: [(String, Bool, [Doc.Step])] = []
        Self.walk(document, object: "briefing", path: []) { object, key, path in
            guard seen.insert("\(object).\(key)").inserted else { return }
            let required = BriefingFormat.object(object).keys.first { $0.name == key }!.required
            places.append(("\(object).\(key)", required, path))
        }
        for (name, required, path) in places {
            let without = document.removing(path)
            switch BriefingLoader.load(text: without.json, file: "example") {
            case .failure: break
            case .success(let loaded):
                #expect(!required, "\(name) is required, but the example loads without it")
                #expect(loaded.briefing != original, "\(name): the loaded briefing is the same without it")
            }
        }
    }

    // MARK: helpers

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appending(path: "trilateral-format-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs Tests/Schema/check.py (Debian's python3 with python3-yaml and python3-jsonschema).
    static func checkSchema(_ files: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [root.appending(path: "Tests/Schema/check.py").path, root.appending(path: BriefingSchema.path).path] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func document(_ text: String) throws -> Doc {
        let tree = try YAMLTree(parsing: Array(text.utf8), expansionLimit: 1 << 20)
        return Doc(tree, tree.root)
    }

    /// Calls `visit` for every key of every mapping, knowing from the format which kind of
    /// mapping each is.
    static func walk(_ doc: Doc, object: String, path: [Doc.Step], visit: (String, String, [Doc.Step]) -> Void) {
        guard case .map(let pairs) = doc else { return }
        let format = BriefingFormat.object(object)
        for (key, value) in pairs {
            let here = path + [.key(key)]
            visit(object, key, here)
            guard let k = format.keys.first(where: { $0.name == key }) else { continue }
            walkValue(value, k.value, path: here, visit: visit)
        }
    }

    static func walkValue(_ doc: Doc, _ value: BriefingFormat.Value, path: [Doc.Step], visit: (String, String, [Doc.Step]) -> Void) {
        switch value {
        case .object(let name): walk(doc, object: name, path: path, visit: visit)
        case .list(let item), .boundedList(let item, _):
            if case .list(let items) = doc {
                for (i, element) in items.enumerated() { walkValue(element, item, path: path + [.index(i)], visit: visit) }
            }
        default: break
        }
    }
}

/// A YAML document as plain values, to edit and write back as JSON (which YAML reads).
indirect enum Doc {
    case scalar(String), list([Doc]), map([(String, Doc)])
    enum Step { case key(String), index(Int) }

    init(_ tree: YAMLTree, _ node: Int32) {
        switch tree.nodes[Int(node)].kind {
        case .scalar: self = .scalar(tree.string(node))
        case .sequence: self = .list(tree.children(of: node).map { Doc(tree, $0) })
        case .mapping:
            let kids = Array(tree.children(of: node))
            self = .map(stride(from: 0, to: kids.count - 1, by: 2).map { (tree.string(kids[$0]), Doc(tree, kids[$0 + 1])) })
        }
    }

    /// The document without what `path` leads to.
    func removing(_ path: [Step]) -> Doc {
        guard let first = path.first else { return self }
        let rest = Array(path.dropFirst())
        switch (self, first) {
        case (.map(let pairs), .key(let key)):
            return .map(rest.isEmpty ? pairs.filter { $0.0 != key } : pairs.map { $0.0 == key ? ($0.0, $0.1.removing(rest)) : $0 })
        case (.list(let items), .index(let i)):
            return .list(rest.isEmpty ? items.enumerated().filter { $0.offset != i }.map(\.element)
                                      : items.enumerated().map { $0.offset == i ? $0.element.removing(rest) : $0.element })
        default: return self
        }
    }

    var json: String {
        switch self {
        case .scalar(let s): return JSON.quoted(s)
        case .list(let items): return "[" + items.map(\.json).joined(separator: ", ") + "]"
        case .map(let pairs): return "{" + pairs.map { JSON.quoted($0.0) + ": " + $0.1.json }.joined(separator: ", ") + "}"
        }
    }
}
