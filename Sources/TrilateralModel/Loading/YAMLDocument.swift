import SystemPackage

/// The guarded front half of every YAML loader: bytes to checked UTF-8 to a `YAMLTree`.
package enum YAMLDocument {
    /// Reads a file's bytes, refusing directories, missing files and files over `limit` bytes
    /// (`what` names the kind of file in the message: "briefing", "theme").
    package static func read(path: String, limit: Int, what: String) -> Result<[UInt8], LoadError> {
        func refuse(_ reason: String) -> Result<[UInt8], LoadError> { .failure(.unreadable(file: path, reason: reason)) }
        let file: FileDescriptor
        do { file = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec]) } catch let error as Errno {
            return refuse(Self.reason(error))
        } catch { return refuse("\(error)") }
        defer { try? file.close() }
        // One more byte than the limit tells "too large" from "exactly the limit".
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limit {
            let count: Int
            do { count = try chunk.withUnsafeMutableBytes { try file.read(into: $0, retryOnInterrupt: true) } } catch let error as Errno {
                return refuse(Self.reason(error))
            } catch { return refuse("\(error)") }
            if count == 0 { break }
            bytes.append(contentsOf: chunk.prefix(min(count, limit + 1 - bytes.count)))
        }
        return checkSize(bytes, file: path, limit: limit, what: what)
    }

    /// Why a file could not be read, in words (reading a directory fails with EISDIR).
    static func reason(_ error: Errno) -> String {
        switch error {
        case .noSuchFileOrDirectory: "no such file"
        case .isDirectory: "is a directory"
        case .permissionDenied: "permission denied"
        default: "\(error)"
        }
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
