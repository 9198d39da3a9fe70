import Dispatch
import FoundationEssentials
import Glibc
import TrilateralUI

/// The follower's side of a shared session: connects to the presenter's socket, turns what
/// arrives into events on the main queue, and, whenever the presenter is not there or goes
/// away, says why and tries again.
///
/// When no presenter is there (no socket, or a stale one nobody listens on), the follower waits
/// for `presenterMayHaveStarted()`, which a watch on the socket's folder (or, until a presenter
/// makes that folder, on its parent) calls when a socket may have appeared, so a waiting
/// follower costs nothing. Without such a watch (`watched` false: a folder this account may
/// not read), and for a presenter that is there but turns it away, it tries again on a timer
/// (every `retryLimit` seconds at the slowest).
@MainActor
public final class Subscriber {
    /// What the follower hears.
    public enum Event: Sendable {
        case hello(Wire.Hello)
        case view(SharedState)
        /// The tour's clock (on the presenter view's channel only).
        case cue(TourClock)
        /// Not connected, with the reason for people.
        case waiting(String)
    }

    public let address: SessionAddress
    /// The audience's socket, or the presenter view's.
    public let channel: Publisher.Channel
    /// The socket this subscriber joins.
    public var path: String { channel == .audience ? address.socketPath : address.presenterViewPath }
    private let onEvent: @MainActor (Event) -> Void
    private var fd: Int32 = -1
    private var source: DispatchSourceRead?
    private var reader: FrameReader
    private var delay = Subscriber.retryStart
    /// Whether a presenter has been seen on this session (changes how its absence is told).
    private var joined = false
    /// Whether this connection has been greeted (a presenter that closes before greeting did
    /// not leave: it turned the follower away).
    private var greeted = false
    static let retryStart = 0.1
    static let retryLimit = 1.0
    /// Whether `presenterMayHaveStarted()` will be called when a presenter binds the socket.
    public var watched = false
    /// Timed tries left after a wake-up: a presenter binds its socket a moment before it listens.
    private var triesAfterWake = 0
    static let triesPerWake = 5
    /// The retry the follower is waiting for; a newer retry or a wake-up replaces it.
    private var ticket = 0
    /// What this follower tells the presenter about itself (sent on connecting and on change).
    private var status = Wire.Status(browsing: false)
    /// When a status was last written, and whether a newer one waits for its turn: a follower
    /// writes at most `statusInterval` apart, well inside the presenter's allowance, so a held
    /// digit key does not get it dropped; the latest status always goes.
    private var lastStatus: DispatchTime?
    private var statusWaiting = false
    static let statusInterval = 0.25

    /// `via`: how this viewer reached the presenter (`Wire.Status.via`), told on connecting.
    public init(address: SessionAddress, channel: Publisher.Channel = .audience, via: Audience.Route? = nil, onEvent: @escaping @MainActor (Event) -> Void) {
        self.address = address
        self.channel = channel
        status.via = via?.rawValue
        self.onEvent = onEvent
        reader = FrameReader(accepting: Self.accepting(channel))
    }

    static func accepting(_ channel: Publisher.Channel) -> Set<Wire.Kind> {
        channel == .audience ? Wire.Kind.toFollower : Wire.Kind.toPresenterView
    }

    public func start() { connect() }

    /// A socket appeared where the presenter's should be: try at once, and a few more times
    /// while it starts listening.
    public func presenterMayHaveStarted() {
        guard fd < 0 else { return }
        ticket += 1
        triesAfterWake = Self.triesPerWake
        delay = Self.retryStart
        connect()
    }

    private func connect() {
        guard fd < 0 else { return }
        let path = path
        switch UnixSocket.connect(path) {
        case .success(let descriptor):
            fd = descriptor
            reader = FrameReader(accepting: Self.accepting(channel))
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
            case EACCES where channel == .presenterView: "Not allowed to open the presenter view at \(path): it is only for the presenter's own account."
            case EACCES: "Not allowed to join \(path): ask the presenter for --group."
            case EAGAIN: "The presenter at \(path) is busy."
            default: "Cannot join \(path): \(e)."
            }
            retry(reason, absent: e.rawValue == ENOENT || e.rawValue == ECONNREFUSED)
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
                    triesAfterWake = 0
                    joined = true
                    greeted = true
                    onEvent(.hello(hello))
                case .view(let view):
                    onEvent(.view(view))
                case .refused(let refusal):
                    disconnect("\(refusal.reason.escapingControls) Trying again…", slow: true)
                    return
                case .cue(let clock):
                    onEvent(.cue(clock))
                case .status, .command:
                    break   // a presenter never sends these (the reader refuses them)
                }
            }
        } catch {
            disconnect(error.description.prefix(1).uppercased() + error.description.dropFirst() + ".", slow: true)
        }
    }

    /// Tells the presenter whether this follower is browsing on its own, and its answer to the
    /// poll (when either changes).
    public func report(browsing: Bool, answer: PollAnswer? = nil) {
        let now = Wire.Status(browsing: browsing, answer: answer, via: status.via)
        guard now != status else { return }
        status = now
        sendStatus()
    }

    /// Writes the status now, or once `statusInterval` has passed since the last one.
    private func sendStatus() {
        guard fd >= 0, !statusWaiting else { return }
        let due = lastStatus.map { $0 + Self.statusInterval } ?? .now()
        guard due <= .now() else {
            statusWaiting = true
            DispatchQueue.main.asyncAfter(deadline: due) { @Sendable in
                MainActor.assumeIsolated { [weak self] in
                    self?.statusWaiting = false
                    self?.sendStatus()
                }
            }
            return
        }
        lastStatus = .now()
        write(Wire.frame(status))
    }

    /// A presenter view's tour key, for the presenter (dropped while not connected).
    public func send(_ command: PresenterCommand) {
        if fd >= 0 { write(Wire.frame(command)) }
    }

    /// A few bytes to the presenter, without blocking. A full socket (a presenter not reading)
    /// loses the message; the next change, or the next connection, says it again.
    private func write(_ data: Data) {
        _ = data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)) }
    }

    /// Ends this connection (the presenter left, or a message was refused) and tries again.
    public func disconnect(_ reason: String, slow: Bool = false) {
        source?.cancel()
        source = nil
        fd = -1
        if slow { delay = Self.retryLimit }
        retry(reason)
    }

    /// Says why the follower waits, and tries again: on a timer, unless no presenter is there
    /// (`absent`) and the watch will say when one starts.
    private func retry(_ reason: String, absent: Bool = false) {
        onEvent(.waiting(reason))
        ticket += 1
        let plan = Self.plan(absent: absent, watched: watched, triesAfterWake: triesAfterWake, delay: delay)
        guard case .after(let wait) = plan else { return }
        if absent && watched { triesAfterWake -= 1 }
        let expected = ticket
        delay = min(Self.retryLimit, delay * 2)
        DispatchQueue.main.asyncAfter(deadline: .now() + wait) { @Sendable in
            MainActor.assumeIsolated { if self.ticket == expected { self.connect() } }
        }
    }

    /// When to try again.
    enum Retry: Equatable {
        /// Not on a timer: when the watch says a socket appeared.
        case onWake
        /// After this many seconds.
        case after(Double)
    }

    /// When to try again after a failure: an absent presenter (no socket, or a stale one) is
    /// waited for through the watch, except for the few timed tries that follow a wake-up;
    /// anything else, or no watch, tries again after `delay`.
    nonisolated static func plan(absent: Bool, watched: Bool, triesAfterWake: Int, delay: Double) -> Retry {
        absent && watched && triesAfterWake <= 0 ? .onWake : .after(delay)
    }
}
