import Dispatch
import Foundation

/// The presenter's side of a shared session: the listening socket and every follower on it.
///
/// All socket work happens on its own serial queue, never on the presenter's: `publish` only
/// hands over the newest frame. Each follower holds at most the frame being written and the
/// newest one waiting, so a slow follower skips to the latest view instead of falling behind,
/// and a stalled one costs two frames of memory. Followers are not expected to send anything;
/// a follower that sends more than `maximumInput` bytes, or errors, is dropped.
public final class Publisher: @unchecked Sendable {
    /// How many followers a presenter takes unless told otherwise.
    public static let defaultMaximumFollowers = 512
    /// How many followers this presenter takes; one more is told so and closed.
    public let maximumFollowers: Int
    static let maximumInput = 64 << 10

    public let address: SessionAddress
    private let queue = DispatchQueue(label: "trilateral.publisher")
    private let listener: Int32
    private var acceptSource: DispatchSourceRead?
    private var peers: [Int32: Peer] = [:]
    private let greeting: Data
    private var latest: Data?

    /// A connected follower and what is still to be written to it.
    private final class Peer {
        let fd: Int32
        var reader: DispatchSourceRead?
        var writer: DispatchSourceWrite?
        /// The rest of the frame being written, then the newest frame to write after it.
        var inFlight: Data
        var next: Data?
        var received = 0
        /// Sources whose cancel handler has not run yet: the descriptor closes after the last.
        var liveSources = 0
        init(fd: Int32, inFlight: Data) { self.fd = fd; self.inFlight = inFlight }

        func sourceEnded() {
            liveSources -= 1
            if liveSources == 0 { close(fd) }
        }
    }

    /// Opens the session's socket: an owner-only one (0600), or with `group` one that group's
    /// members can join too (0660). Refuses a name a live presenter holds; replaces a stale socket.
    public init(address: SessionAddress, group: String?, hello: Wire.Hello, privateDirectory: Bool,
                maximumFollowers: Int = Publisher.defaultMaximumFollowers) throws(SessionError) {
        self.address = address
        self.maximumFollowers = maximumFollowers
        try address.prepareDirectory(checkPrivate: privateDirectory)
        let path = address.socketPath
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
            case .failure(let e) where e.code == EAGAIN:
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
        greeting = data
        let source = DispatchSource.makeReadSource(fileDescriptor: listener, queue: queue)
        source.setCancelHandler { [listener] in close(listener) }
        source.setEventHandler { [weak self] in self?.acceptAll() }
        source.resume()
        acceptSource = source
    }

    /// Sends a view to every follower (and to each one that joins later), replacing any view
    /// not yet written. Returns at once.
    public func publish(_ view: Data) {
        queue.async { [self] in
            latest = view
            for peer in peers.values {
                peer.next = view
                flush(peer)
            }
        }
    }

    /// The number of followers connected now.
    public var followerCount: Int { queue.sync { peers.count } }

    /// Removes the socket so nobody joins a presenter that is gone, and lets every follower go.
    public func stop() {
        unlink(address.socketPath)
        queue.sync {
            acceptSource?.cancel()
            acceptSource = nil
            for peer in peers.values { drop(peer) }
        }
    }

    private func acceptAll() {
        while true {
            let fd = UnixSocket.accept(listener)
            guard fd >= 0 else { return }
            guard peers.count < maximumFollowers else {
                // Say why before closing, so the follower does not think the presenter left.
                var refusal = Data(Wire.preamble)
                refusal.append(Wire.frame(Wire.Refusal(reason: "The presenter already has \(maximumFollowers) followers.")))
                _ = refusal.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)) }
                close(fd)
                continue
            }
            let peer = Peer(fd: fd, inFlight: greeting)
            peer.next = latest
            peers[fd] = peer
            let reader = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            reader.setEventHandler { [weak self] in self?.drain(peer) }
            reader.setCancelHandler { peer.sourceEnded() }
            peer.liveSources += 1
            peer.reader = reader
            reader.resume()
            flush(peer)
        }
    }

    /// Reads and drops what a follower sends; drops the follower at EOF, on error or on a flood.
    private func drain(_ peer: Peer) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(peer.fd, &buffer, buffer.count)
            if n > 0 {
                peer.received += n
                if peer.received > Self.maximumInput { drop(peer); return }
                continue
            }
            if n < 0 && (errno == EAGAIN || errno == EINTR) { return }
            drop(peer)
            return
        }
    }

    /// Writes as much as the socket takes without blocking; waits for writability if it is full.
    private func flush(_ peer: Peer) {
        guard peers[peer.fd] === peer else { return }
        while true {
            if peer.inFlight.isEmpty {
                guard let next = peer.next else { break }
                peer.inFlight = next
                peer.next = nil
            }
            let sent = peer.inFlight.withUnsafeBytes { send(peer.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)) }
            if sent > 0 { peer.inFlight.removeFirst(sent); continue }
            if sent < 0 && errno == EINTR { continue }
            if sent < 0 && errno == EAGAIN {
                if peer.writer == nil {
                    let writer = DispatchSource.makeWriteSource(fileDescriptor: peer.fd, queue: queue)
                    writer.setEventHandler { [weak self] in self?.flush(peer) }
                    writer.setCancelHandler { peer.sourceEnded() }
                    peer.liveSources += 1
                    peer.writer = writer
                    writer.resume()
                }
                return
            }
            drop(peer)
            return
        }
        // Everything written: stop watching for writability until there is more.
        peer.writer?.cancel()
        peer.writer = nil
    }

    private func drop(_ peer: Peer) {
        guard peers.removeValue(forKey: peer.fd) != nil else { return }
        // The descriptor closes once both sources' cancel handlers have run (never before: a
        // reused descriptor number would confuse them).
        peer.writer?.cancel()
        peer.writer = nil
        peer.reader?.cancel()
        peer.reader = nil
    }
}
