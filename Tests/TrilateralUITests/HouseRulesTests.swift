import Foundation
import Testing

/// The house rules of TrilateralUI, read from its source: a feature writes only its own state,
/// and its folders depend on each other without a cycle except through App (the wiring). These
/// are the counts the architecture review made by hand (27 cross-slice writes, 1 cycle of 16
/// folders); a change that breaks a rule fails here with the file and line.
@Suite("House rules") struct HouseRulesTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Sources/TrilateralUI")

    /// One Swift file of TrilateralUI: its folder (`Features/Tour`, `Canvas`), path and lines
    /// with comments and string literals blanked, so neither counts as code.
    struct SourceFile {
        let folder: String
        let path: String
        let lines: [String]

        static func all() throws -> [SourceFile] {
            let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            return try files.map { url in
                let relative = String(url.path.dropFirst(sources.path.count + 1))
                let parts = relative.split(separator: "/").map(String.init)
                let folder = parts[0] == "Features" ? "Features/" + parts[1] : parts[0]
                let text = try String(contentsOf: url, encoding: .utf8)
                return SourceFile(folder: folder, path: relative, lines: text.split(separator: "\n", omittingEmptySubsequences: false).map { code(String($0)) })
            }.sorted { $0.path < $1.path }
        }

        /// A line without its comment and with the inside of its string literals blanked.
        static func code(_ line: String) -> String {
            var out = "", inString = false, previous: Character = " "
            for c in line {
                if c == "\"" && previous != "\\" { inString.toggle(); out.append(c) }
                else if !inString && c == "/" && previous == "/" { out.removeLast(); break }
                else { out.append(inString ? " " : c) }
                previous = c
            }
            return out
        }
    }

    /// A write into `AppState` from a feature's folder: a function that takes the whole state
    /// to change, or an assignment through `.shared.` / `.local.` (which only the root may make).
    static func crossSliceWrites(in files: [SourceFile]) -> [String] {
        let write = try! Regex(#"\.(shared|local)\.[A-Za-z_.\[\]0-9?]*\s*(=[^=]|\+=|-=|\.toggle\(\)|\.append\(|\.remove|\.pop)"#)
        var found: [String] = []
        for file in files where file.folder.hasPrefix("Features/") {
            for (n, line) in file.lines.enumerated() {
                if line.contains("inout AppState") || line.contains(write) { found.append("\(file.path):\(n + 1): \(line.trimmingCharacters(in: .whitespaces))") }
            }
        }
        return found
    }

    @Test("no feature writes another feature's state: each reduces its own slice and asks for the rest")
    func noCrossSliceWrites() throws {
        let writes = Self.crossSliceWrites(in: try SourceFile.all())
        #expect(writes.isEmpty, "\(writes.count) cross-slice writes:\n\(writes.joined(separator: "\n"))")
    }

    @Test("the count can fail: a feature that writes another's slice is found")
    func theCountFindsAWrite() {
        let planted = SourceFile(folder: "Features/Tour", path: "Features/Tour/Tour.swift", lines: [
            "    static func go(_ state: inout AppState) {",
            "        state.shared.panes.zoomed = false",
            "        state.local.helpVisible.toggle()",
            "        let zoomed = state.shared.panes.zoomed == true",
        ])
        #expect(Self.crossSliceWrites(in: [planted]).count == 3)
    }

    /// Which folders each folder uses: a folder uses another when its code names a type that
    /// the other declares at top level (extensions and nested types belong to their type's folder).
    static func uses(_ files: [SourceFile]) -> [String: Set<String>] {
        let declaration = try! Regex(#"^(?:public |private |fileprivate |internal )?(?:final )?(?:struct|enum|class|protocol|typealias|actor)\s+([A-Za-z_][A-Za-z0-9_]*)"#)
        var declaredIn: [String: String] = [:]
        for file in files {
            for line in file.lines {
                if let match = line.firstMatch(of: declaration), let name = match.output[1].substring { declaredIn[String(name)] = file.folder }
            }
        }
        var uses: [String: Set<String>] = [:]
        for file in files {
            for line in file.lines {
                for word in line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }) {
                    if let other = declaredIn[String(word)], other != file.folder { uses[file.folder, default: []].insert(other) }
                }
            }
        }
        return uses
    }

    /// The folders that reach each other without passing through `App`, as cycles (Tarjan's
    /// strongly connected components of more than one folder).
    static func cycles(_ uses: [String: Set<String>]) -> [[String]] {
        var index: [String: Int] = [:], low: [String: Int] = [:], stack: [String] = [], onStack: Set<String> = [], cycles: [[String]] = []
        func visit(_ v: String) {
            index[v] = index.count; low[v] = index[v]; stack.append(v); onStack.insert(v)
            for w in (uses[v] ?? []).sorted() where w != "App" {
                if index[w] == nil { visit(w); low[v] = min(low[v]!, low[w]!) }
                else if onStack.contains(w) { low[v] = min(low[v]!, index[w]!) }
            }
            guard low[v] == index[v] else { return }
            var component: [String] = []
            while let w = stack.popLast() { onStack.remove(w); component.append(w); if w == v { break } }
            if component.count > 1 { cycles.append(component.sorted()) }
        }
        for v in uses.keys.sorted() where v != "App" && index[v] == nil { visit(v) }
        return cycles
    }

    @Test("no folder cycle inside TrilateralUI except through App")
    func noFolderCycles() throws {
        let cycles = Self.cycles(Self.uses(try SourceFile.all()))
        #expect(cycles.isEmpty, "folders that use each other: \(cycles.map { $0.joined(separator: " ↔ ") }.joined(separator: "; "))")
    }

    @Test("the cycle finder can fail: two features that use each other are found, App is not")
    func theCycleFinderFindsACycle() {
        let uses: [String: Set<String>] = ["Features/Tour": ["Features/WhatIf", "App"], "Features/WhatIf": ["Features/Tour"], "App": ["Features/Tour"], "Canvas": []]
        #expect(Self.cycles(uses) == [["Features/Tour", "Features/WhatIf"]])
    }
}
