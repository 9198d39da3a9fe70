import Dispatch
import Glibc
import Synchronization

/// What every door server (`trilateral-ssh`, `trilateral-web`) does as a process: read its
/// environment, say it is ready on standard output, pass notices to the presenter without ever
/// blocking, and wait for the end (end of file on standard input, which the presenter holds
/// open, or SIGTERM, SIGINT, SIGHUP).
public enum DoorProcess {
    /// The process environment as a dictionary.
    public static var environment: [String: String] {
        var result: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") { result[String(text[..<eq])] = String(text[text.index(after: eq)...]) }
            p += 1
        }
        return result
    }

    /// Raises this process's limit on open files to the most it may have: a room of a
    /// thousand viewers needs more descriptors than the usual 1,024 (two for each web viewer).
    public static func raiseFileLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    /// Writes a line to standard error as it is.
    public static func standardError(_ text: String) { _ = text.withCString { write(2, $0, strlen($0)) } }

    /// The ready line, after which standard output never blocks (a presenter that stops reading
    /// loses notices, not the door).
    public static func announce(_ ready: CompanionMessage) {
        _ = fcntl(1, F_SETFL, fcntl(1, F_GETFL) | O_NONBLOCK)
        let line = ready.line
        _ = line.withCString { write(1, $0, strlen($0)) }
    }

    /// Signalled when the door should end.
    private static let ended = DispatchSemaphore(value: 0)

    /// Ends the wait in `awaitTheEnd` from inside the door (the presenter's socket closed).
    public static func end() { ended.signal() }

    /// Blocks until the presenter has gone: end of file (or an error) on standard input, one
    /// of the stopping signals, or `end()`.
    public static func awaitTheEnd() {
        let input = DispatchSource.makeReadSource(fileDescriptor: 0, queue: .global())
        input.setEventHandler {
            var bytes = [UInt8](repeating: 0, count: 64)
            if read(0, &bytes, bytes.count) <= 0 { ended.signal() }
        }
        input.resume()
        var stops: [DispatchSourceSignal] = []
        for s in [SIGTERM, SIGINT, SIGHUP] {
            signal(s, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: s, queue: .global())
            source.setEventHandler { ended.signal() }
            source.resume()
            stops.append(source)
        }
        ended.wait()
        input.cancel()
        for source in stops { source.cancel() }
    }
}

/// Why a door server cannot start: a message for standard error and the exit status
/// (sysexits: 64 usage, 65 data, 66 no input, 69 unavailable, 73/74 I/O, 77 permission).
public struct DoorFailure: Error {
    public let message: String
    public let status: Int32
    public init(_ message: String, status: Int32) { self.message = message; self.status = status }
}

/// Notices for the presenter, one JSON line each on standard output, at most one of each kind
/// (the text before its first colon) every `interval` seconds; the rest are counted into the
/// next one. Never blocks: a line the pipe has no room for is dropped.
public final class Notices: Sendable {
    public static let interval = 5.0
    private let last = Mutex<[String: (time: Double, skipped: Int)]>([:])

    public init() {}

    public func send(_ text: String) {
        let kind = String(text.prefix { $0 != ":" })
        let now = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        let line: String? = last.withLock { last in
            if let previous = last[kind], now - previous.time < Self.interval {
                last[kind] = (previous.time, previous.skipped + 1)
                return nil
            }
            let skipped = last[kind]?.skipped ?? 0
            last[kind] = (now, 0)
            return CompanionMessage(notice: skipped > 0 ? "\(text) (and \(skipped) more)" : text).line
        }
        guard let line else { return }
        _ = line.withCString { write(1, $0, strlen($0)) }
    }
}

extension String {
    /// The text with control characters shown as `\u{…}`, cut to 80 characters: safe to print.
    public var escapedForMessage: String {
        var out = ""
        for scalar in unicodeScalars.prefix(80) {
            if scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) { out += "\\u{\(String(scalar.value, radix: 16))}" }
            else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
