import Dispatch
import Glibc
import NIOCore
import NIOPosix
import NIOSSH
import Synchronization
import TrilateralDoor
import TrilateralDoorServer

/// The SSH door: listens, admits viewers by the room's rule, gives each a follower, counts
/// the places, and ends every session when the presenter goes.
///
/// Bounds: at most `maximum` viewers watch at once (the rest are told the room is full); at
/// most `maximum` + `waitingLimit` connections are open at all (more are closed at once); a
/// connection not admitted within `admissionTimeout` seconds is closed (a handshake cut
/// halfway, garbage before the banner); TCP keepalive and a user timeout drop a viewer whose
/// link has died.
final class Room: Sendable {
    let maximum: Int
    let followerCommand: [String]
    let followerEnvironment: [String: String]
    let rule: AdmissionRule
    let hostKey: NIOSSHPrivateKey
    static let waitingLimit = 64
    static let admissionTimeout: TimeAmount = .seconds(30)

    private struct Places {
        var seats = 0
        var connections = 0
        var sessions: [ObjectIdentifier: (session: NIOLoopBound<ViewerSession>, loop: EventLoop)] = [:]
        var closing = false
    }
    private let places = Mutex(Places())
    /// Entered by each running viewer, left as it ends: what `close` waits on.
    private let running = DispatchGroup()
    private let notices = Notices()

    init(maximum: Int, followerCommand: [String], followerEnvironment: [String: String], rule: AdmissionRule, hostKey: NIOSSHPrivateKey) {
        self.maximum = maximum
        self.followerCommand = followerCommand
        self.followerEnvironment = followerEnvironment
        self.rule = rule
        self.hostKey = hostKey
    }

    /// A place for one more viewer, if there is one.
    func takeSeat() -> Bool {
        places.withLock { p in
            guard !p.closing, p.seats < maximum else { return false }
            p.seats += 1
            return true
        }
    }

    func leaveSeat() { places.withLock { $0.seats -= 1 } }

    /// Remembers a running viewer, to end it when the presenter goes.
    func register(_ session: ViewerSession, on loop: EventLoop) {
        let closing = places.withLock { p in
            p.sessions[ObjectIdentifier(session)] = (NIOLoopBound(session, eventLoop: loop), loop)
            running.enter()
            return p.closing
        }
        if closing { session.presenterEnded() }
    }

    func unregister(_ session: ViewerSession) {
        places.withLock { p in
            if p.sessions.removeValue(forKey: ObjectIdentifier(session)) != nil { running.leave() }
        }
    }

    /// A notice for the presenter's status bar (at most one every few seconds of each kind).
    func tell(_ text: String) { notices.send(text) }

    /// Listens on `address`.
    func open(_ address: DoorAddress, group: EventLoopGroup) throws -> Channel {
        let room = self
        return try RoomListener.listen(on: address, group: group, backlog: 256) { channel in try room.welcome(channel) }
    }

    /// A new connection: counted, timed, and given an SSH handler whose authentication knows
    /// this peer's address.
    private func welcome(_ channel: Channel) throws {
        let admitted = places.withLock { p in
            guard !p.closing, p.connections < maximum + Self.waitingLimit else { return false }
            p.connections += 1
            return true
        }
        guard admitted else {
            channel.close(promise: nil)
            return
        }
        channel.closeFuture.whenComplete { [self] _ in places.withLock { $0.connections -= 1 } }
        let peer = channel.remoteAddress?.ipAddress ?? "?"
        let loop = channel.eventLoop
        let isAdmitted = NIOLoopBound(Box(false), eventLoop: loop)
        let admission = Admission(rule: rule, peer: peer, eventLoop: loop, admitted: { isAdmitted.value.value = true }, refused: { [self] peer in
            tell("ssh: a wrong room code from \(peer)")
        })
        loop.assumeIsolated().scheduleTask(in: Self.admissionTimeout) {
            if !isAdmitted.value.value { channel.close(promise: nil) }
        }
        var configuration = SSHServerConfiguration(hostKeys: [hostKey], userAuthDelegate: admission, globalRequestDelegate: NoForwarding(),
                                                   banner: .init(message: Self.banner(rule), languageTag: "en"))
        configuration.maxAuthAttempts = 12
        let room = self
        let handler = NIOSSHHandler(role: .server(configuration), allocator: channel.allocator) { child, type in
            guard case .session = type else {
                // No port forwarding of any kind (ssh -L, -D): the channel is refused.
                return child.eventLoop.makeFailedFuture(NotASession())
            }
            return child.eventLoop.makeCompletedFuture {
                try child.pipeline.syncOperations.addHandler(ViewerSession(room: room))
            }
        }
        try channel.pipeline.syncOperations.addHandler(handler)
        try channel.pipeline.syncOperations.addHandler(CloseOnError())
    }

    /// What a viewer's client shows before asking for the password.
    static func banner(_ rule: AdmissionRule) -> String {
        rule.code != nil
            ? "Trilateral: a watch-only room. The password is the room code on the presenter's screen.\r\n"
            : "Trilateral: a watch-only room.\r\n"
    }

    /// The presenter has gone: every follower is asked to leave, and each viewer told why.
    /// Returns when all have gone, or after `limit` seconds.
    func close(within limit: Double) {
        let sessions = places.withLock { p in
            p.closing = true
            return Array(p.sessions.values)
        }
        for entry in sessions {
            entry.loop.execute { entry.session.value.presenterEnded() }
        }
        _ = running.wait(timeout: .now() + limit)
    }
}

/// A mutable cell for state one event loop owns.
final class Box<T> {
    var value: T
    init(_ value: T) { self.value = value }
}

/// Closes a connection on any error in its pipeline (a malformed packet, garbage before the
/// banner): nothing of it is kept.
final class CloseOnError: ChannelInboundHandler, Sendable {
    typealias InboundIn = Any
    func errorCaught(context: ChannelHandlerContext, error: Error) { context.close(promise: nil) }
}
