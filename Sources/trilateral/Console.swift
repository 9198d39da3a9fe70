import Glibc
import SystemPackage
import TrilateralModel

/// Where the command line talks to people. Everything goes through `escaped`, so nothing that
/// came from a file, a theme or an argument reaches a terminal raw.
enum Console {
    /// The text with control and invisible characters shown as escapes, line breaks kept.
    static func escaped(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).escapingControls }.joined(separator: "\n")
    }

    /// A line on standard error (the one place left to report on, so its failures are not).
    static func error(_ text: String) {
        _ = try? FileDescriptor.standardError.writeAll((escaped(text) + "\n").utf8)
    }

    /// Text on standard output, as it is (callers pass text already made safe: a dump, a
    /// snapshot) or escaped with `escaped`. A write that fails (a full disk, a closed
    /// terminal) throws exit 74 naming where standard output goes.
    static func out(_ text: String) throws {
        do { _ = try FileDescriptor.standardOutput.writeAll(text.utf8) } catch let error as Errno {
            throw Failure.writing(standardOutputName, error)
        }
    }

    /// Closes standard output once a command is done: a file system that reports a failed write
    /// only at close (NFS, a quota) is heard too. Exit 74 then.
    static func finish() throws {
        guard close(STDOUT_FILENO) == 0 || errno == EBADF else {
            throw Failure.writing(standardOutputName, Errno(rawValue: errno))
        }
    }

    /// "standard output", with the file it is open on when it has a path (`/dev/full`, a file
    /// the shell redirected it to); a pipe or socket has none.
    static var standardOutputName: String {
        guard let file = readLink("/proc/self/fd/\(STDOUT_FILENO)"), file.hasPrefix("/") else { return "standard output" }
        return "standard output (\(file))"
    }
}

/// Why a command stops: the message for people and the exit status (sysexits: 64 usage,
/// 65 bad data, 66 unreadable input, 73 an output file that cannot be made, 74 a write that
/// failed; 1 otherwise). Thrown by commands, printed once by `main`.
struct Failure: Error {
    let message: String
    let status: Int32

    init(_ message: String, status: Int32) { self.message = message; self.status = status }

    /// A briefing or theme that could not be loaded: every located diagnostic.
    init(_ error: LoadError) { self.init(error.description, status: error.exitStatus) }

    /// Writing to `file` failed (exit 74, EX_IOERR).
    static func writing(_ file: String, _ error: Errno, _ consequence: String = "") -> Failure {
        Failure("trilateral: \(file): cannot write it: \(Errno.describe(error))\(consequence)", status: 74)
    }
}

extension Errno {
    /// The C library's words for an error ("No space left on device").
    static func describe(_ error: Errno) -> String { String(cString: strerror(error.rawValue)) }
}

/// What a symbolic link holds (readlink(2)), or nil with `errno` set when it is not one.
func readLink(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink(path, &buffer, buffer.count - 1)
    return count > 0 ? String(cChars: buffer.prefix(count)) : nil
}

extension String {
    /// Text from C characters (a path from the kernel), without a terminating NUL.
    init(cChars: some Collection<CChar>) { self.init(decoding: cChars.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
}
