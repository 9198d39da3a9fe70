import NIOCore
import Synchronization
import TrilateralModel
import TrilateralShare
import TrilateralUI
import TrilateralWebRoom

/// What the browser viewers share: the presenter's briefing and page, the latest view and
/// scenario messages (worked out once for all viewers, as bytes ready to send), and the
/// viewers themselves, at most `max`. Thread-safe: the room's upstream and every viewer's
/// channel call it from their own event loops.
final class Room: Sendable {
    struct Latest: Sendable {
        var briefing: Briefing?
        var page: LivePage?
        var view: ByteBuffer?
        var scenario: ByteBuffer?
        var scenarioKey: String?
        var viewers: [ObjectIdentifier: Channel] = [:]
        var reserved = 0
        var ended: String?
    }
    let max: Int
    private let state = Mutex(Latest())

    init(max: Int) { self.max = max }

    var page: LivePage? { state.withLock { $0.page } }

    /// A place for one more viewer, if the room has one.
    func reserve() -> Bool {
        state.withLock { s in
            guard s.ended == nil, s.reserved < max else { return false }
            s.reserved += 1
            return true
        }
    }

    /// A viewer's channel, now open: it gets the latest view and scenario at once.
    func join(_ channel: Channel) -> [ByteBuffer] {
        state.withLock { s in
            s.viewers[ObjectIdentifier(channel)] = channel
            return [s.scenario, s.view].compactMap { $0 }
        }
    }

    func leave(_ channel: Channel) {
        state.withLock { s in
            if s.viewers.removeValue(forKey: ObjectIdentifier(channel)) != nil { s.reserved -= 1 }
        }
    }

    func release() { state.withLock { $0.reserved -= 1 } }

    /// The presenter's hello: a new briefing (at start, or a `--watch` reload).
    func hello(_ hello: Wire.Hello) {
        guard case .success(let loaded) = BriefingLoader.load(text: hello.briefingText, file: "presenter's \(hello.briefingFile)") else { return }
        var briefing = loaded.briefing
        for (id, text) in hello.sourceTexts ?? [:] {
            guard let i = briefing.sources.firstIndex(where: { $0.id == id && $0.textFile != nil }) else { continue }
            briefing.sources[i].text = text
        }
        let scenario = Scenario.baseline(of: briefing)
        let page = LivePage(briefing: briefing, scenario: scenario)
        let viewers = state.withLock { s -> [Channel] in
            let reloaded = s.briefing != nil
            s.briefing = briefing
            s.page = page
            s.view = nil
            s.scenario = nil
            s.scenarioKey = LiveMessage.scenarioKey(scenario)
            return reloaded ? Array(s.viewers.values) : []
        }
        send(ByteBuffer(string: LiveMessage.reload), to: viewers)
    }

    /// A view from the presenter: one message for every viewer, and the figures when the
    /// scenario changed; the page a newcomer loads shows this scenario.
    func view(_ view: SharedState) {
        guard let briefing = state.withLock({ $0.briefing }) else { return }
        let message = ByteBuffer(string: LiveMessage.view(view, briefing: briefing))
        let key = LiveMessage.scenarioKey(view.whatIf.scenario)
        let changed = state.withLock { $0.scenarioKey != key }
        let figures = changed ? ByteBuffer(string: LiveMessage.scenario(view.whatIf.scenario, briefing: briefing)) : nil
        let page = changed ? LivePage(briefing: briefing, scenario: view.whatIf.scenario) : nil
        let viewers = state.withLock { s -> [Channel] in
            s.view = message
            if let figures, let page { s.scenario = figures; s.scenarioKey = key; s.page = page }
            return Array(s.viewers.values)
        }
        if let figures { send(figures, to: viewers) }
        send(message, to: viewers)
    }

    /// The end: every viewer told why, then closed; no one joins after.
    func end(_ why: String) -> [Channel] {
        let viewers = state.withLock { s -> [Channel] in
            s.ended = why
            return Array(s.viewers.values)
        }
        for channel in viewers { channel.pipeline.fireUserInboundEventTriggered(Goodbye(text: why)) }
        return viewers
    }

    var ended: String? { state.withLock { $0.ended } }

    private func send(_ message: ByteBuffer, to viewers: [Channel]) {
        for channel in viewers { channel.pipeline.fireUserInboundEventTriggered(Delivery(message: message)) }
    }
}

/// A message for one viewer's channel (the room's bytes, shared, not copied).
struct Delivery: Sendable { let message: ByteBuffer }
/// The session is over: say why and close.
struct Goodbye: Sendable { let text: String }
