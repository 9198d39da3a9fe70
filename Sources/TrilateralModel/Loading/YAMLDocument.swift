import Foundation

/// The guarded front half of every YAML loader: bytes to checked UTF-8 to a `YAMLTree`.
package enum YAMLDocument {
    /// Reads a file's bytes, refusing directories, missing files and files over `limit` bytes
    /// (`what` names the kind of file in the message: "briefing", "theme").
    package static func read(path: String, limit: Int, what: String) -> Result<[UInt8], LoadError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.unreadable(file: path, reason: "no such file"))
        }
        if isDirectory.boolValue { return .failure(.unreadable(file: path, reason: "is a directory")) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(.unreadable(file: path, reason: "permission denied"))
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: limit + 1) ?? Data() } catch {
            return .failure(.unreadable(file: path, reason: error.localizedDescription))
        }
        return checkSize([UInt8](data), file: path, limit: limit, what: what)
    }

    /// Refuses more than `limit` bytes with a message that names the limit.
    package static func checkSize(_ bytes: [UInt8], file: String, limit: Int, what: String) -> Result<[UInt8], LoadError> {
        guard bytes.count <= limit else {
            return .failure(.invalid([Diagnostic(.error, file: file, line: 1, column: 1, path: "(file)",
                message: "the file is larger than \(Limits.describe(bytes: limit)), the most a \(what) file may hold")]))
        }
        return .success(bytes)
    }

    /// Checks that the bytes are UTF-8 text without NUL, then parses them into a tree: with
    /// located errors for empty input, syntax errors, nesting past 1000 levels, and aliases that
    /// would expand past the file's own size.
    package static func parse(_ bytes: [UInt8], file: String, emptyHint: String) -> Result<YAMLTree, LoadError> {
        func fail(_ line: Int, _ column: Int, _ message: String) -> Result<YAMLTree, LoadError> {
            .failure(.invalid([Diagnostic(.error, file: file, line: line, column: column, path: "(file)", message: message)]))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column, offset) = firstInvalidUTF8(bytes)
            return fail(line, column, "not UTF-8 text (invalid byte at offset \(offset)); is this a binary file?")
        }
        if text.allSatisfy({ $0.isWhitespace || $0 == "\u{FEFF}" }) { return fail(1, 1, "file is empty; \(emptyHint)") }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: bytes)
            return fail(line, column, "contains a NUL byte; is this a binary file?")
        }
        do {
            return .success(try YAMLTree(parsing: bytes, expansionLimit: bytes.count + 10_000))
        } catch {
            return fail(error.line, error.column, error.message)
        }
    }

    /// Line, column and offset of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int, Int) {
        var offset = 0
        while offset < bytes.count {
            let b = bytes[offset]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            if length == 0 || offset + length > bytes.count { break }
            if String(validating: bytes[offset..<offset + length], as: UTF8.self) == nil { break }
            offset += length
        }
        let (line, column) = position(of: offset, in: bytes)
        return (line, column, offset)
    }

    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}
