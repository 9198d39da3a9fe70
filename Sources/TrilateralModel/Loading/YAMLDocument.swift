import Foundation
import Yams

/// The guarded front half of every YAML loader: bytes to text to a composed node tree.
package enum YAMLDocument {
    /// Reads a file's bytes, refusing directories, missing files and oversized files.
    package static func read(path: String, limit: Int = BriefingLoader.maximumBytes) -> Result<Data, LoadError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.unreadable(file: path, reason: "no such file"))
        }
        if isDirectory.boolValue { return .failure(.unreadable(file: path, reason: "is a directory")) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(.unreadable(file: path, reason: "permission denied"))
        }
        defer { try? handle.close() }
        do { return .success(try handle.read(upToCount: limit + 1) ?? Data()) } catch {
            return .failure(.unreadable(file: path, reason: error.localizedDescription))
        }
    }

    /// Decodes UTF-8, locating the first invalid byte.
    package static func text(of data: Data, file: String) -> Result<String, LoadError> {
        if data.count > BriefingLoader.maximumBytes {
            return .failure(.invalid([Diagnostic(.error, file: file, line: 1, column: 1, path: "(file)",
                message: "file is larger than \(BriefingLoader.maximumBytes >> 20) MiB")]))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, column, offset) = firstInvalidUTF8(data)
            return .failure(.invalid([Diagnostic(.error, file: file, line: line, column: column, path: "(file)",
                message: "not UTF-8 text (invalid byte at offset \(offset)); is this a binary file?")]))
        }
        return .success(text)
    }

    /// Parses one YAML document, with located errors for empty input, NUL bytes, syntax errors,
    /// nesting past 1000 levels, and alias expansion past the file's own size.
    package static func compose(text: String, file: String, emptyHint: String) -> Result<Node, LoadError> {
        func fail(_ line: Int, _ column: Int, _ message: String) -> Result<Node, LoadError> {
            .failure(.invalid([Diagnostic(.error, file: file, line: line, column: column, path: "(file)", message: message)]))
        }
        if text.allSatisfy(\.isWhitespace) { return fail(1, 1, "file is empty; \(emptyHint)") }
        if let nul = text.utf8.firstIndex(of: 0) {
            let (line, column) = position(of: text.utf8.distance(from: text.utf8.startIndex, to: nul), in: Data(text.utf8))
            return fail(line, column, "contains a NUL byte; is this a binary file?")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text, .basic) else { return fail(1, 1, "file holds no YAML document") }
            root = node
        } catch let error as YamlError {
            let (mark, problem) = describe(error)
            let message = problem.contains("nesting level") ? "nested more than 1000 levels deep; refusing" : "not valid YAML: \(problem)"
            return fail(mark?.line ?? 1, mark?.column ?? 1, message)
        } catch {
            return fail(1, 1, "not valid YAML: \(error)")
        }
        // Every node of a file without aliases takes at least one byte, so more nodes than
        // bytes means aliases are being expanded: refuse before decoding.
        let limit = text.utf8.count + 10_000
        if YAMLReader.nodeCount(root, limit: limit) >= limit {
            return fail(root.mark?.line ?? 1, root.mark?.column ?? 1,
                        "aliases expand to more than \(limit) nodes (an alias bomb?); refusing")
        }
        return .success(root)
    }

    private static func describe(_ error: YamlError) -> (Mark?, String) {
        let (mark, problem): (Mark?, String)
        switch error {
        case .scanner(_, let p, let m, _), .parser(_, let p, let m, _), .composer(_, let p, let m, _):
            (mark, problem) = (m, p)
        case .reader(let p, _, _, _): (mark, problem) = (nil, p)
        default:
            // e.g. duplicated keys: keep the first sentence, not Yams' echo of the whole file.
            let text = "\(error)"
            (mark, problem) = (nil, String(text.split(separator: "\n").first ?? Substring(text)).replacingOccurrences(of: "Parser: ", with: ""))
        }
        return (mark, problem)
    }

    /// Line, column and offset of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(_ data: Data) -> (Int, Int, Int) {
        var offset = 0
        let bytes = [UInt8](data)
        while offset < bytes.count {
            let b = bytes[offset]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            if length == 0 || offset + length > bytes.count { break }
            if String(validating: bytes[offset..<offset + length], as: UTF8.self) == nil { break }
            offset += length
        }
        let (line, column) = position(of: offset, in: data)
        return (line, column, offset)
    }

    static func position(of offset: Int, in data: Data) -> (Int, Int) {
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}
