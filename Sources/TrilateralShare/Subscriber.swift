import Dispatch
import FoundationEssentials
import Glibc
import TrilateralUI

/// The follower's side of a shared session: connects to the presenter's socket, turns what
/// arrives into events on the main queue, and, whenever the presenter is not there or goes
/// away, says why and tries again (every `retryLimit` seconds at the slowest).
@MainActor
public final class Subscriber {
    /// What the follower hears.
    public enum Event: Sendable {
        case hello(Wire.Hello)
        case view(SharedState)
        /// Not connected, with the reason for people.
        case waiting(String)
    }

    public let address: SessionAddress
    private let onEvent: @MainActor (Event) -> Void
    private var fd: Int32 = -1
    private var source: DispatchSourceRead?
    private var reader = FrameReader()
    private var delay = Subscriber.retryStart
    /// Whether a presenter has been seen on this session (changes how its absence is told).
    private var joined = false
    /// Whether this connection has been greeted (a presenter that closes before greeting did
    /// not leave: it turned the follower away).
    private var greeted = false
    static let retryStart = 0.1
    static let retryLimit = 1.0
    /// What this follower tells the presenter about itself (sent on connecting and on change).
    private var status = Wire.Status(browsing: false)

    public init(address: SessionAddress, onEvent: @escaping @MainActor (Event) -> Void) {
        self.address = address
        self.onEvent = onEvent
    }

    public func start() { connect() }

    private func connect() {
        let path = address.socketPath
        switch UnixSocket.connect(path) {
        case .success(let descriptor):
            fd = descriptor
            reader = FrameReader()
            greeted = false
            let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: .main)
            source.setEventHandler { @Sendable in MainActor.assumeIsolated { self.readable() } }
            source.setCancelHandler { close(descriptor) }
            source.resume()
            self.source = source
            // This side's preamble and where it stands, for the presenter's counts.
            var greeting = Data(Wire.preamble)
            greeting.append(Wire.frame(status))
            write(greeting)
        case .failure(let e):
            let reason = switch e.rawValue {
            case ENOENT where joined: "The presenter has left (\(path) is gone)."
            case ENOENT: "No session is running at \(path) yet."
            case ECONNREFUSED: "The presenter at \(path) has stopped."
            case EACCES: "Not allowed to join \(path): ask the presenter for --group."
            case EAGAIN: "The presenter at \(path) is busy."
            default: "Cannot join \(path): \(e)."
            }
            retry(reason)
        }
    }

    private var buffer = [UInt8](repeating: 0, count: 64 << 10)

    private func readable() {
        let n = read(fd, &buffer, buffer.count)
        if n < 0 && (errno == EAGAIN || errno == EINTR) { return }
        guard n > 0 else {
            disconnect(greeted ? "The presenter left." : "The presenter closed the connection before greeting; trying again.")
            return
        }
        do {
            for message in try reader.feed(Data(buffer[0..<n])) {
                switch message {
                case .hello(let hello):
                    delay = Self.retryStart
                    joined = true
                    greeted = true
                    onEvent(.hello(hello))
                case .view(let view):
                    onEvent(.view(view))
                case .refused(let refusal):
                    disconnect("\(refusal.reason.escapingControls) Trying again…", slow: true)
                    return
                case .status:
                    break   // a presenter never sends one (the reader refuses it)
                }
            }
        } catch {
            disconnect(error.description.prefix(1).uppercased() + error.description.dropFirst() + ".", slow: true)
        }
    }

    /// Tells the presenter whether this follower is browsing on its own (when it changes).
    public func report(browsing: Bool) {
        guard browsing != status.browsing else { return }
        status.browsing = browsing
        if fd >= 0 { write(Wire.frame(status)) }
    }

    /// A few bytes to the presenter, without blocking. A full socket (a presenter not reading)
    /// loses the message; the next change, or the next connection, says it again.
    private func write(_ data: Data) {
        _ = data.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)) }
    }

    /// Ends this connection (the presenter left, or a message was refused) and tries again.
    public func disconnect(_ reason: String, slow: Bool = false) {
        source?.cancel()
        source = nil
        fd = -1
        if slow { delay = Self.retryLimit }
        retry(reason)
    }

    private func retry(_ reason: String) {
        onEvent(.waiting(reason))
        let wait = delay
        delay = min(Self.retryLimit, delay * 2)
        DispatchQueue.main.asyncAfter(deadline: .now() + wait) { @Sendable in
            MainActor.assumeIsolated { self.connect() }
        }
    }
}
