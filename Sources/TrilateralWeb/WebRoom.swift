import Dispatch
import NIOCore
import NIOPosix
import Synchronization
import TrilateralDoor
import TrilateralDoorServer
import TrilateralModel
import TrilateralShare
import TrilateralUI
import TrilateralWebRoom

/// The browser room: the presenter's briefing and its live page, the newest view and figures
/// (worked out once for every viewer, as bytes ready to send), and the viewers, at most
/// `maximum` at once. Thread-safe: the room's relay and every viewer's channel call it from
/// their own event loops.
final class WebRoom: PresenterFeed {
    let maximum: Int
    /// The presenter's audience socket.
    let socket: String
    let keeper: Doorkeeper
    let notices = Notices()
    /// Connections not yet watching (loading the page, typing the code) allowed beside the
    /// viewers, and from any one address (room for a crowd behind one NAT or tunnel reloading at
    /// once, not for one address holding them all); more are closed at once.
    static let waitingLimit = 256
    static let waitingPerAddress = 128

    /// A viewer's handler, reachable from any thread through its event loop.
    struct Link: Sendable {
        let loop: EventLoop
        let viewer: NIOLoopBound<LiveViewer>
    }

    private struct State {
        var briefing: Briefing?
        var page: LivePage?
        var view: ByteBuffer?
        /// The newest figures message, and the scenario and layers the page was built for.
        var figures: ByteBuffer?
        var scenario: Scenario?
        var hindsight = false
        var viewers: [ObjectIdentifier: Link] = [:]
        var seats = 0
        var connections = 0
        /// Connections not (yet) viewers, by address.
        var waiting: [String: Int] = [:]
        var ended: String?
    }
    private let state = Mutex(State())
    /// Entered by each viewer as it joins, left as it goes: what `close` waits on.
    private let watching = DispatchGroup()

    /// Where the door listens (a loopback door answers only to loopback names).
    let listening: DoorAddress

    init(maximum: Int, socket: String, keeper: Doorkeeper, listening: DoorAddress) {
        self.maximum = maximum; self.socket = socket; self.keeper = keeper; self.listening = listening
    }

    // MARK: The presenter's side

    /// Follows the presenter (the relay) and waits for its briefing.
    func connect(group: EventLoopGroup, within limit: TimeAmount) throws {
        try PresenterRelay.follow(socket, for: self, group: group, within: limit)
    }

    func briefingDoesNotLoad(_ reason: String) {
        tell("web: the presenter's briefing does not load in the web room: \(reason)")
    }

    /// The presenter's hello: a briefing at start, or a `--watch` reload (every page reloads,
    /// in the scenario and layers it had, as the presenter keeps them across a reload).
    func hello(_ briefing: Briefing) {
        let (kept, hindsight) = state.withLock { ($0.scenario?.mapped(onto: briefing), $0.hindsight) }
        let scenario = kept ?? Scenario.baseline(of: briefing)
        let page = LivePage(briefing: briefing, scenario: scenario, hindsight: hindsight)
        let viewers = state.withLock { s -> [Link] in
            let reloaded = s.briefing != nil
            s.briefing = briefing
            s.page = page
            s.view = nil
            s.figures = nil
            s.scenario = scenario
            return reloaded ? Array(s.viewers.values) : []
        }
        send(.reload, ByteBuffer(string: LiveMessage.reload), to: viewers)
    }

    /// A view from the presenter: one message for every viewer, the figures before it when the
    /// scenario changed, and the page a newcomer loads shows that scenario. When the presenter
    /// shows or hides what happened after the briefing, the page itself changes (the events, the
    /// scorecard): every viewer loads it again.
    func view(_ view: SharedState) {
        guard let briefing = state.withLock({ $0.briefing }) else { return }
        let message = ByteBuffer(string: LiveMessage.view(view, briefing: briefing))
        let scenario = view.whatIf.scenario, hindsight = PresenterPlace.showsHindsight(view)
        let (scenarioChanged, layerChanged) = state.withLock { ($0.scenario != scenario, $0.hindsight != hindsight) }
        let figures = scenarioChanged ? ByteBuffer(string: LiveMessage.scenario(scenario, briefing: briefing)) : nil
        let page = scenarioChanged || layerChanged ? LivePage(briefing: briefing, scenario: scenario, hindsight: hindsight) : nil
        let viewers = state.withLock { s -> [Link] in
            s.view = message
            if let page { s.page = page; s.scenario = scenario; s.hindsight = hindsight }
            if let figures { s.figures = figures }
            return Array(s.viewers.values)
        }
        if layerChanged {
            send(.reload, ByteBuffer(string: LiveMessage.reload), to: viewers)
            return
        }
        if let figures { send(.scenario, figures, to: viewers) }
        send(.view, message, to: viewers)
    }

    /// The presenter has gone (its socket closed): the room ends.
    func presenterLeft() { DoorProcess.end() }

    // MARK: The viewers' side

    /// The live page now, once the presenter's briefing has come.
    var page: LivePage? { state.withLock { $0.page } }

    /// A new connection from `peer`, if the room has room for it (viewers and `waitingLimit`
    /// more, at most `waitingPerAddress` waiting from one address).
    func admitConnection(from peer: String) -> Bool {
        state.withLock { s in
            guard s.ended == nil, s.connections < maximum + Self.waitingLimit, s.waiting[peer, default: 0] < Self.waitingPerAddress else { return false }
            s.connections += 1
            s.waiting[peer, default: 0] += 1
            return true
        }
    }

    /// A connection from `peer` is a viewer now, or has closed while still waiting.
    func stoppedWaiting(_ peer: String) {
        state.withLock { s in
            let n = s.waiting[peer, default: 1] - 1
            s.waiting[peer] = n > 0 ? n : nil
        }
    }

    func connectionClosed() { state.withLock { $0.connections -= 1 } }

    /// A seat for one more viewer, if there is one.
    func takeSeat() -> Bool {
        state.withLock { s in
            guard s.ended == nil, s.seats < maximum else { return false }
            s.seats += 1
            return true
        }
    }

    func leaveSeat() { state.withLock { $0.seats -= 1 } }

    /// A viewer now on `/live`: remembered, and given the newest figures and view at once.
    func join(_ viewer: LiveViewer, on loop: EventLoop) -> [(LiveViewer.Kind, ByteBuffer)] {
        let (ended, latest) = state.withLock { s -> (String?, [(LiveViewer.Kind, ByteBuffer)]) in
            s.viewers[ObjectIdentifier(viewer)] = Link(loop: loop, viewer: NIOLoopBound(viewer, eventLoop: loop))
            watching.enter()
            return (s.ended, [s.figures.map { (.scenario, $0) }, s.view.map { (.view, $0) }].compactMap { $0 })
        }
        if let ended { return [(.end, ByteBuffer(string: LiveMessage.end(ended)))] }
        return latest
    }

    func leave(_ viewer: LiveViewer) {
        state.withLock { s in
            if s.viewers.removeValue(forKey: ObjectIdentifier(viewer)) != nil { watching.leave() }
        }
    }

    /// A notice for the presenter's status bar (at most one every few seconds of each kind).
    func tell(_ text: String) { notices.send(text) }

    /// The end: every viewer told the presenter has ended the session, then closed; no one
    /// joins after. Returns when all have gone, or after `limit` seconds.
    func close(within limit: Double) {
        let why = "the presenter has ended the session. Goodbye."
        let viewers = state.withLock { s -> [Link] in
            s.ended = why
            return Array(s.viewers.values)
        }
        send(.end, ByteBuffer(string: LiveMessage.end(why)), to: viewers)
        _ = watching.wait(timeout: .now() + limit)
    }

    private func send(_ kind: LiveViewer.Kind, _ message: ByteBuffer, to viewers: [Link]) {
        for link in viewers { link.loop.execute { link.viewer.value.offer(kind, message) } }
    }
}
