import Foundation
import TrilateralShare

/// A bare client of a presenter's socket, for tests and benchmarks: sends raw bytes (good or
/// bad), reads and decodes frames. Blocking with timeouts; not for the follower itself.
public final class SessionProbe {
    public let fd: Int32

    /// Connects to `path`, reading the frames `accepting` allows (a follower's by default).
    public init(_ path: String, accepting: Set<Wire.Kind> = Wire.Kind.toFollower) throws {
        reader = FrameReader(accepting: accepting)
        switch UnixSocket.connect(path) {
        case .success(let fd): self.fd = fd
        case .failure(let e): throw ProbeError("connect \(path): \(e)")
        }
    }

    deinit { close(fd) }

    public func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n > 0 { offset += n; continue }
            if n < 0 && errno == EAGAIN { var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0); if poll(&p, 1, 200) == 0 { return }; continue }
            return
        }
    }

    private var reader: FrameReader
    private var received: [Wire.Message] = []

    /// Reads until `done` holds for everything received so far (10 s at most).
    public func messages(timeout: Double = 10, until done: ([Wire.Message]) -> Bool) throws -> [Wire.Message] {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !done(received) {
            guard Date() < deadline else { throw ProbeError("timed out after \(received.count) messages") }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 200) > 0 else { continue }
            let n = read(fd, &buffer, buffer.count)
            guard n > 0 else { throw ProbeError("the presenter closed the connection") }
            received += try reader.feed(Data(buffer[0..<n]))
        }
        return received
    }

    /// Whether the presenter has closed this connection (reads drain to EOF within 5 s).
    public func isClosedByPeer() -> Bool {
        let deadline = Date().addingTimeInterval(5)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 200) > 0 else { continue }
            let n = read(fd, &buffer, buffer.count)
            if n == 0 || (n < 0 && errno == ECONNRESET) { return true }
        }
        return false
    }
}

/// A probe that gave up: what it was waiting for.
public struct ProbeError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}
