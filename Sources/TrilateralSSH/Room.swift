import Dispatch
import Glibc
import NIOCore
import NIOPosix
import NIOSSH
import Synchronization
import TrilateralDoor
import TrilateralDoorServer
import TrilateralModel
import TrilateralRemote
import TrilateralUI

/// The SSH door: listens, admits viewers by the room's rule, follows the presenter once (its
/// relay) and hands each view to every viewer's own dashboard, counts the places, and ends
/// every session when the presenter goes.
///
/// Bounds: at most `maximum` viewers watch at once (the rest are told the room is full); at
/// most `maximum` + `waitingLimit` connections are open at all (more are closed at once); a
/// connection not admitted within `admissionTimeout` seconds is closed (a handshake cut
/// halfway, garbage before the banner); TCP keepalive and a user timeout drop a viewer whose
/// link has died.
final class Room: PresenterFeed {
    let maximum: Int
    /// The presenter's audience socket: the relay's, and each viewer's own connection.
    let socket: String
    let rule: AdmissionRule
    let hostKey: NIOSSHPrivateKey
    /// The themes a viewer's `T` cycles through (the presenter's account's, as `follow` has).
    let themes: ThemeLibrary
    /// Every viewer's frames, drawn once per state and encoded once per look.
    let frames = FrameCache()
    static let waitingLimit = 64
    static let admissionTimeout: TimeAmount = .seconds(30)

    private struct Places {
        var seats = 0
        var connections = 0
        var sessions: [ObjectIdentifier: (session: NIOLoopBound<ViewerSession>, loop: EventLoop)] = [:]
        var closing = false
        /// What the presenter shows, as a new viewer starts from it.
        var feed: RoomFeed
    }
    private let places: Mutex<Places>
    /// Entered by each running viewer, left as it ends: what `close` waits on.
    private let running = DispatchGroup()
    private let notices = Notices()

    /// A room for the presenter's session `session` at `socket`.
    init(maximum: Int, socket: String, session: String, themes: ThemeLibrary, theme: ThemeState, rule: AdmissionRule, hostKey: NIOSSHPrivateKey) {
        self.maximum = maximum
        self.socket = socket
        self.themes = themes
        self.rule = rule
        self.hostKey = hostKey
        places = Mutex(Places(feed: RoomFeed(session: session, theme: theme)))
    }

    // MARK: The presenter's side (the relay, on its event loop)

    func hello(_ briefing: Briefing) {
        let (generation, sessions) = places.withLock { p in
            p.feed.hello(briefing)
            return (p.feed.generation, Array(p.sessions.values))
        }
        for entry in sessions { entry.loop.execute { entry.session.value.rebased(briefing, generation: generation) } }
    }

    func view(_ view: SharedState) {
        let sessions = places.withLock { p in
            p.feed.view(view)
            return Array(p.sessions.values)
        }
        for entry in sessions { entry.loop.execute { entry.session.value.received(view) } }
    }

    func briefingDoesNotLoad(_ reason: String) {
        tell("ssh: the presenter's briefing does not load in the ssh room: \(reason)")
    }

    /// The presenter closed its socket: the room ends (and with it every session).
    func presenterLeft() { DoorProcess.end() }

    // MARK: The viewers' side

    /// A place for one more viewer, if there is one.
    func takeSeat() -> Bool {
        places.withLock { p in
            guard !p.closing, p.seats < maximum else { return false }
            p.seats += 1
            return true
        }
    }

    func leaveSeat() { places.withLock { $0.seats -= 1 } }

    /// A viewer's dashboard on `terminal`, which from now on gets every view and reload, and
    /// is ended when the presenter goes. Made and remembered at once, so no view falls between.
    func join(_ session: ViewerSession, on loop: EventLoop, terminal: ViewerTerminal) -> RemoteViewer? {
        let (viewer, closing) = places.withLock { p -> (RemoteViewer?, Bool) in
            guard let viewer = RemoteViewer(feed: p.feed, profile: terminal.profile, size: Size(width: terminal.columns, height: terminal.rows),
                                            themes: themes, cache: frames) else { return (nil, p.closing) }
            p.sessions[ObjectIdentifier(session)] = (NIOLoopBound(session, eventLoop: loop), loop)
            running.enter()
            return (viewer, p.closing)
        }
        if closing, viewer != nil {
            // After the caller has put the viewer on screen.
            let bound = NIOLoopBound(session, eventLoop: loop)
            loop.execute { bound.value.presenterEnded() }
        }
        return viewer
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

    /// The presenter has gone: every viewer is told why, its terminal put back, its session ended.
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
