import Dispatch
import FoundationEssentials
import Glibc
import Synchronization
import TrilateralUI

/// The presenter's side of a shared session: the listening socket and every follower on it.
///
/// All socket work happens on its own serial queue, never on the presenter's: `publish` only
/// hands over the newest frame. Each follower holds at most the frame being written and the
/// newest one waiting, so a slow follower skips to the latest view instead of falling behind,
/// and a stalled one costs two frames of memory. A follower sends only its status (following or
/// browsing on its own), whose counts `observeAudience` hears; one that sends anything else, a frame
/// over the status's size, or statuses faster than `statusRate` allows, is dropped.
///
/// Isolation is the compiler's to check: everything mutable sits in a `Mutex`, taken by the
/// queue's handlers and by `followerCount`.
public final class Publisher: Sendable {
    /// How many followers a presenter takes unless told otherwise.
    public static let defaultMaximumFollowers = 512
    /// How many followers this presenter takes; one more is told so and closed.
    public let maximumFollowers: Int
    /// How many statuses a follower may send: a burst of `statusBurst`, then `statusRate` a second.
    static let statusBurst = 10.0
    static let statusRate = 5.0

    /// Which socket of the session this is: the audience's, or the presenter view's (owner-only,
    /// served only to the presenter's own account, and the one place tour commands come from).
    public enum Channel: Sendable {
        case audience
        case presenterView
    }

    public let address: SessionAddress
    public let channel: Channel
    /// The socket's path.
    public let path: String
    private let queue = DispatchQueue(label: "trilateral.publisher")
    private let listener: Int32
    private let state = Mutex(State())

    /// What changes while the session runs.
    private struct State: ~Copyable {
        var acceptSource: DispatchSourceRead?
        var peers: [Int32: Peer] = [:]
        /// The newest view, for followers that join later.
        var latest: Data?
        /// What a follower gets first: the preamble and the hello (it changes when the
        /// presenter's briefing file is reloaded).
        var greeting = Data()
        /// The audience last reported, and who hears it (on the publisher's queue).
        var audience = Audience(watching: 0, browsing: 0)
        var observer: (@Sendable (Audience) -> Void)?
        /// Who hears the presenter view's tour commands (on the publisher's queue).
        var commands: (@Sendable (PresenterCommand) -> Void)?
        /// The open poll (its wire id and how many options it has): the answers counted.
        var poll: (id: Int, options: Int)?
    }

    /// A connected follower and what is still to be written to it.
    private final class Peer {
        let fd: Int32
        var reader: DispatchSourceRead?
        var writer: DispatchSourceWrite?
        /// The rest of the frame being written, then a new hello that must not be skipped (a
        /// reloaded briefing), then the newest view to write after it.
        var inFlight: Data
        var hello: Data?
        var next: Data?
        /// The follower's messages, and what they say.
        var messages: FrameReader
        var browsing = false
        /// How this follower came (`Wire.Status.via`), if by a route the presenter counts.
        var route: Audience.Route?
        /// A door's own reader of the views (`Wire.Status.relay`), not a viewer: not counted.
        var relay = false
        /// Its answer to the open poll (an answer to another poll, or to an option it does not
        /// have, is not kept).
        var answer: PollAnswer?
        /// Statuses it may still send now (refilled at `statusRate` a second).
        var allowance = Publisher.statusBurst
        var lastStatus = DispatchTime.now()
        /// Sources whose cancel handler has not run yet: the descriptor closes after the last
        /// (never before: a reused descriptor number would confuse a source still watching it).
        var liveSources = 0
        init(fd: Int32, inFlight: Data, accepting: Set<Wire.Kind>) {
            self.fd = fd; self.inFlight = inFlight; messages = FrameReader(accepting: accepting)
        }

        func sourceEnded() {
            liveSources -= 1
            if liveSources == 0 { close(fd) }
        }
    }

    /// Opens the session's socket: an owner-only one (0600), or with `group` one that group's
    /// members can join too (0660); the presenter view's is owner-only whatever `group` says.
    /// Refuses a name a live presenter holds; replaces a stale socket.
    public init(address: SessionAddress, group: String?, hello: Wire.Hello, privateDirectory: Bool,
                maximumFollowers: Int = Publisher.defaultMaximumFollowers, channel: Channel = .audience) throws(SessionError) {
        self.address = address
        self.channel = channel
        self.maximumFollowers = maximumFollowers
        try address.prepareDirectory(checkPrivate: privateDirectory)
        let path = channel == .audience ? address.socketPath : address.presenterViewPath
        self.path = path
        let group = channel == .audience ? group : nil
        var gid: gid_t?
        if let group {
            guard let entry = getgrnam(group) else { throw .unknownGroup(group) }
            gid = entry.pointee.gr_gid
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFSOCK else { throw .notASocket(path) }
            switch UnixSocket.connect(path) {
            case .success(let fd):
                close(fd)
                throw .alreadyPresenting(path)
            case .failure(let e) where e == .resourceTemporarilyUnavailable:
                throw .alreadyPresenting(path)
            case .failure:
                unlink(path)   // stale: nobody listens there any more
            }
        }
        switch UnixSocket.listen(path, mode: group == nil ? 0o600 : 0o660, group: gid) {
        case .success(let fd): listener = fd
        case .failure(let e): throw .socket(path, e.description)
        }
        var data = Data(Wire.preamble)
        data.append(Wire.frame(hello))
        let (fd, queue) = (listener, queue)
        state.withLock { state in
            state.greeting = data
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            source.setCancelHandler { close(fd) }
            source.setEventHandler { [weak self] in self?.acceptAll() }
            source.resume()
            state.acceptSource = source
        }
    }

    /// Sends a view to every follower (and to each one that joins later), replacing any view
    /// not yet written. Returns at once.
    public func publish(_ view: Data) {
        queue.async { [self] in
            state.withLock { state in
                state.latest = view
                for peer in state.peers.values {
                    peer.next = view
                    flush(peer, in: &state)
                }
                reportAudience(&state)
            }
        }
    }

    /// A new briefing (the presenter's file was reloaded): every follower gets the new hello
    /// before any later view, and followers that join from now on get it first. Returns at once.
    public func replaceBriefing(_ hello: Wire.Hello) {
        let frame = Wire.frame(hello)
        queue.async { [self] in
            state.withLock { state in
                var greeting = Data(Wire.preamble)
                greeting.append(frame)
                state.greeting = greeting
                // A view for the old briefing must not follow the new hello.
                state.latest = nil
                for peer in state.peers.values {
                    peer.hello = frame
                    peer.next = nil
                    flush(peer, in: &state)
                }
            }
        }
    }

    /// The number of followers connected now.
    public var followerCount: Int { state.withLock { $0.peers.count } }

    /// Removes the socket so nobody joins a presenter that is gone, and lets every follower go.
    public func stop() {
        unlink(path)
        queue.sync {
            state.withLock { state in
                state.acceptSource?.cancel()
                state.acceptSource = nil
                for peer in state.peers.values { Self.drop(peer, from: &state) }
                // A stopped session holds no view: nobody can join it to be sent one.
                state.latest = nil
            }
        }
    }

    private func acceptAll() {
        while true {
            let fd = UnixSocket.accept(listener)
            guard fd >= 0 else { return }
            state.withLock { state in
                // Say why before closing, so the follower does not think the presenter left.
                func refuse(_ reason: String) {
                    var refusal = Data(Wire.preamble)
                    refusal.append(Wire.frame(Wire.Refusal(reason: reason)))
                    _ = refusal.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)) }
                    close(fd)
                }
                // The socket's mode keeps other accounts out; root is not kept out by a mode.
                if channel == .presenterView, UnixSocket.peerUser(fd) != geteuid() {
                    return refuse("The presenter view is only for the presenter's own account.")
                }
                guard state.peers.count < maximumFollowers else {
                    return refuse("The presenter already has \(maximumFollowers) followers.")
                }
                let accepting = channel == .audience ? Wire.Kind.toPresenter : Wire.Kind.fromPresenterView
                let peer = Peer(fd: fd, inFlight: state.greeting, accepting: accepting)
                peer.next = state.latest
                state.peers[fd] = peer
                let reader = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
                reader.setEventHandler { [weak self] in self?.drain(fd) }
                reader.setCancelHandler { peer.sourceEnded() }
                peer.liveSources += 1
                peer.reader = reader
                reader.resume()
                flush(peer, in: &state)
                reportAudience(&state)
            }
        }
    }

    /// Tells `onAudience` if the counts changed.
    private func reportAudience(_ state: inout State) {
        let viewers = state.peers.values.filter { !$0.relay }
        let browsing = viewers.filter(\.browsing).count
        var routes: [Audience.Route: Int] = [:]
        for peer in viewers { if let route = peer.route { routes[route, default: 0] += 1 } }
        var now = Audience(watching: viewers.count - browsing, browsing: browsing, routes: routes)
        if let poll = state.poll {
            var counts = Array(repeating: 0, count: poll.options)
            for peer in viewers {
                if let answer = peer.answer, answer.poll == poll.id, counts.indices.contains(answer.option) { counts[answer.option] += 1 }
            }
            now.poll = PollCount(poll: poll.id, counts: counts, notAnswered: viewers.count - counts.reduce(0, +))
        }
        guard now != state.audience else { return }
        state.audience = now
        state.observer?(now)
    }

    /// Calls `observer` (on the publisher's queue) with the audience now and whenever it changes.
    public func observeAudience(_ observer: @escaping @Sendable (Audience) -> Void) {
        queue.async { [self] in
            state.withLock { state in
                state.observer = observer
                observer(state.audience)
            }
        }
    }

    /// Counts the followers' answers to the poll `id` from now on. Answers to an earlier poll
    /// stop counting; if this poll's options changed (a reloaded briefing), the answers given
    /// so far are forgotten rather than moved to whatever option now has their index.
    public func openPoll(id: Int, options: Int) {
        queue.async { [self] in
            state.withLock { state in
                if let open = state.poll, open.id == id, open.options != options {
                    for peer in state.peers.values { peer.answer = nil }
                }
                state.poll = (id, options)
                reportAudience(&state)
            }
        }
    }

    /// Stops counting answers: the poll closed.
    public func closePoll() {
        queue.async { [self] in
            state.withLock { state in
                state.poll = nil
                reportAudience(&state)
            }
        }
    }

    /// Calls `handler` (on the publisher's queue) with each tour command the presenter view sends.
    public func observeCommands(_ handler: @escaping @Sendable (PresenterCommand) -> Void) {
        queue.async { [self] in state.withLock { $0.commands = handler } }
    }

    /// Reads a follower's statuses; drops the follower at EOF, on error, on anything that is
    /// not a well-formed status, or on statuses faster than the allowance.
    private func drain(_ fd: Int32) {
        state.withLock { state in
            guard let peer = state.peers[fd] else { return }
            defer { reportAudience(&state) }
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n > 0 {
                    guard let messages = try? peer.messages.feed(Data(buffer[0..<n])) else { Self.drop(peer, from: &state); return }
                    for message in messages {
                        let now = DispatchTime.now()
                        let seconds = Double(now.uptimeNanoseconds - peer.lastStatus.uptimeNanoseconds) / 1e9
                        peer.allowance = min(Self.statusBurst, peer.allowance + seconds * Self.statusRate) - 1
                        peer.lastStatus = now
                        guard peer.allowance >= 0 else { Self.drop(peer, from: &state); return }
                        switch message {
                        case .status(let status):
                            peer.browsing = status.browsing
                            peer.route = status.via.flatMap(Audience.Route.init(rawValue:))
                            peer.relay = status.via == Wire.Status.relay
                            if let answer = status.answer, let poll = state.poll, answer.poll == poll.id, (0..<poll.options).contains(answer.option) {
                                peer.answer = answer
                            }
                        case .command(let command): state.commands?(command)   // only the presenter view's reader takes one
                        default: break
                        }
                    }
                    continue
                }
                if n < 0 && (errno == EAGAIN || errno == EINTR) { return }
                Self.drop(peer, from: &state)
                return
            }
        }
    }

    /// Writes as much as the socket takes without blocking; waits for writability if it is full.
    private func flush(_ peer: Peer, in state: inout State) {
        guard state.peers[peer.fd] === peer else { return }
        while true {
            if peer.inFlight.isEmpty {
                if let hello = peer.hello {
                    peer.inFlight = hello
                    peer.hello = nil
                } else if let next = peer.next {
                    peer.inFlight = next
                    peer.next = nil
                } else {
                    break
                }
            }
            let sent = peer.inFlight.withUnsafeBytes { send(peer.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)) }
            if sent > 0 { peer.inFlight.removeFirst(sent); continue }
            if sent < 0 && errno == EINTR { continue }
            if sent < 0 && errno == EAGAIN {
                if peer.writer == nil {
                    let fd = peer.fd
                    let writer = DispatchSource.makeWriteSource(fileDescriptor: fd, queue: queue)
                    writer.setEventHandler { [weak self] in self?.writable(fd) }
                    writer.setCancelHandler { peer.sourceEnded() }
                    peer.liveSources += 1
                    peer.writer = writer
                    writer.resume()
                }
                return
            }
            Self.drop(peer, from: &state)
            return
        }
        // Everything written: stop watching for writability until there is more.
        peer.writer?.cancel()
        peer.writer = nil
    }

    /// A full follower's socket has room again.
    private func writable(_ fd: Int32) {
        state.withLock { state in
            if let peer = state.peers[fd] { flush(peer, in: &state) }
            reportAudience(&state)
        }
    }

    private static func drop(_ peer: Peer, from state: inout State) {
        guard state.peers.removeValue(forKey: peer.fd) != nil else { return }
        peer.writer?.cancel()
        peer.writer = nil
        peer.reader?.cancel()
        peer.reader = nil
    }
}

