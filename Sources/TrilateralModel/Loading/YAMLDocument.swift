import Glibc
import SystemPackage

/// The guarded front half of every YAML loader: bytes to checked UTF-8 to a `YAMLTree`.
package enum YAMLDocument {
    /// Reads a file's bytes, refusing missing files, anything but a regular file, and files
    /// over `limit` bytes (`what` names the kind of file in the message: "briefing", "theme").
    ///
    /// Nothing is waited on: the path is checked with stat(2) before it is opened, so a FIFO,
    /// socket or device (which could block an open or a read forever, or never end) is refused
    /// without being opened; it is then opened with O_NONBLOCK and checked again with fstat(2),
    /// so a FIFO put in its place in between cannot block either. A file whose size is already
    /// past the limit is refused before any of it is read.
    package static func read(path: String, limit: Int, what: String) -> Result<[UInt8], LoadError> {
        func refuse(_ reason: String) -> Result<[UInt8], LoadError> { .failure(.unreadable(file: path, reason: reason)) }
        var status = stat()
        guard stat(path, &status) == 0 else { return refuse(reason(Errno(rawValue: errno))) }
        if let kind = notRegular(status) { return refuse(kind) }
        let file: FileDescriptor
        do { file = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec, .nonBlocking]) } catch let error as Errno {
            return refuse(Self.reason(error))
        } catch { return refuse("\(error)") }
        defer { try? file.close() }
        guard fstat(file.rawValue, &status) == 0 else { return refuse(reason(Errno(rawValue: errno))) }
        if let kind = notRegular(status) { return refuse(kind) }
        if status.st_size > limit { return .failure(tooLarge(file: path, limit: limit, what: what)) }
        // One more byte than the limit tells "too large" from "exactly the limit" (a file
        // that grows while it is read).
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

    /// Why a file of this kind is not read, or nil for a regular file.
    static func notRegular(_ status: stat) -> String? {
        switch status.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "is a directory"
        case S_IFIFO: "is a FIFO (named pipe), not a file; save the text to a file and name that"
        case S_IFSOCK: "is a socket, not a file"
        case S_IFCHR, S_IFBLK: "is a device, not a file"
        default: "is not a regular file"
        }
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
        bytes.count <= limit ? .success(bytes) : .failure(tooLarge(file: file, limit: limit, what: what))
    }

    static func tooLarge(file: String, limit: Int, what: String) -> LoadError {
        .invalid([Diagnostic(.error, file: file, line: 1, column: 1, path: "(file)",
                             message: "the file is larger than \(Limits.describe(bytes: limit)), the most a \(what) file may hold")])
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
