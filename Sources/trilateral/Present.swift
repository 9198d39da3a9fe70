import ArgumentParser
import Dispatch
import FoundationEssentials
import Glibc
import Synchronization
import TrilateralDoor
import TrilateralModel
import TrilateralShare
import TrilateralTerminal
import TrilateralUI

/// `trilateral present`: the dashboard, with its view shared live on a Unix socket.
struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Open the dashboard and share what it shows with followers (trilateral follow).",
        discussion: """
        Publishes the view (pane, selection, scenario, tour step, search) on a Unix socket, \
        $XDG_RUNTIME_DIR/trilateral/NAME.sock by default. Speaker notes and the theme stay \
        private. The socket is owner-only unless --group opens it to one group.
        """)

    @Option(name: .long, help: ArgumentHelp("The session name followers join.", valueName: "name"))
    var session: String = SessionAddress.defaultName

    @Option(name: .long, help: ArgumentHelp("Let members of this group follow (socket mode 0660).", valueName: "group"))
    var group: String?

    @Option(name: .long, help: ArgumentHelp("How long the talk should take (25m, 1h30m, 90s): the status bar and the presenter view show the time left and the pace.", valueName: "time"))
    var duration: TalkDuration?

    @Flag(name: .long, help: "Polls (P in the what-if panel) show followers the tally only once they close.")
    var pollBlind = false

    @Option(name: .long, help: ArgumentHelp("Keep the session's closed polls in this JSON file (for export --polls), rewritten as each poll closes or is applied.", valueName: "file"))
    var record: String?

    @OptionGroup(title: "Room") var room: RoomDoorOptions
    @OptionGroup var place: SessionOptions
    @OptionGroup var dashboard: DashboardOptions

    func run() throws {
        try MainActor.assumeIsolated { try start() }
    }

    @MainActor
    private func start() throws {
        let (model, start) = try dashboard.load()
        let source = try dashboard.briefing.source()
        let address = try place.address(session)
        // The audience's hello carries the briefing without the speaker notes; only the
        // presenter view (owner-only) gets them.
        // Both carry the source texts the presenter read, so a follower can show a paragraph.
        func hellos(_ text: String, _ briefing: Briefing) throws -> (audience: Wire.Hello, presenter: Wire.Hello) {
            guard let withoutNotes = SpeakerNotes.removed(from: text) else {
                throw Failure("trilateral: \(source.file): cannot keep the speaker notes from followers (a note is an alias, an anchor or not a string); write each tour step's notes as a plain string", status: 65)
            }
            let app = "trilateral \(Trilateral.version)"
            let texts = Dictionary(briefing.sources.compactMap { s in s.text.map { (s.id, $0) } }, uniquingKeysWith: { first, _ in first })
            return (Wire.Hello(app: app, session: address.name, briefingFile: source.file, briefingText: withoutNotes, sourceTexts: texts),
                    Wire.Hello(app: app, session: address.name, briefingFile: source.file, briefingText: text, sourceTexts: texts))
        }
        let hello = try hellos(source.text, model)
        let publisher: Publisher, presenterView: Publisher
        // A door's viewers are each a follower here: room for them beyond the usual 1,024 files.
        if room.extraFollowers > 0 { DoorProcess.raiseFileLimit() }
        do {
            publisher = try Publisher(address: address, group: group, hello: hello.audience, privateDirectory: place.dir == nil,
                                      maximumFollowers: Publisher.defaultMaximumFollowers + room.extraFollowers)
            do { presenterView = try Publisher(address: address, group: nil, hello: hello.presenter, privateDirectory: place.dir == nil, maximumFollowers: 4, channel: .presenterView) }
            catch { publisher.stop(); throw error }
        } catch let error as SessionError { throw error.report() }
        var launch: Launch
        do { launch = try Launch(briefing: model, scenario: start, display: dashboard.display) }
        catch { publisher.stop(); presenterView.stop(); throw error }
        if let duration { AppReducer.reduce(&launch.state, .clock(.plan(seconds: duration.seconds))) }
        if pollBlind { AppReducer.reduce(&launch.state, .poll(.blind(true))) }
        // Poll ids of this run differ from an earlier presenter's on the same session, so a
        // follower's answer to that one's poll 2 is not counted for this one's.
        AppReducer.reduce(&launch.state, .poll(.salt(Int.random(in: 1..<2_000_000))))
        let recorder = try record.map { try PollRecorder(path: $0, briefing: model.title) }
        AppReducer.reduce(&launch.state, .app(.flash("presenting '\(address.name)': trilateral follow \(address.name)")))
        // The room's doors (SSH, browser) start before the dashboard takes the screen, so a
        // door that cannot open is reported on the terminal, and the host key is printed.
        let doors: [Companion]
        do {
            let opened = try room.open(for: address)
            doors = opened.doors
            for line in opened.report { Console.error("trilateral: \(line)") }
            AppReducer.reduce(&launch.state, .app(.doors(opened.status)))
            if let first = opened.report.first { AppReducer.reduce(&launch.state, .app(.flash(first))) }
        } catch { publisher.stop(); presenterView.stop(); throw error }
        let loop = launch.loop()
        for door in doors {
            door.listen { text in loop.send(.app(.flash(text))) }
        }
        var last: SharedState?
        var lastCue: TourClock?
        loop.onChange = { state in
            let viewChanged = state.shared != last
            if viewChanged {
                // The publisher counts answers to the open poll before any follower sees it.
                let poll = state.shared.poll.flatMap { p in p.open ? p : nil }
                if poll?.id != last?.poll.flatMap({ $0.open ? $0.id : nil }) {
                    if let poll, let factor = state.briefing.factors.first(where: { $0.id == poll.factor }) {
                        publisher.openPoll(id: poll.id, options: factor.options.count)
                    } else {
                        publisher.closePoll()
                    }
                }
                last = state.shared
                publisher.publish(Wire.frame(state.shared))
            }
            recorder?.keep(state.local.pollDesk.record)
            // The presenter view gets the view and the tour's clock together, as one frame pair.
            guard viewChanged || state.local.clock != lastCue else { return }
            lastCue = state.local.clock
            presenterView.publish(Wire.frame(state.shared) + Wire.frame(state.local.clock))
        }
        presenterView.observeCommands { command in
            DispatchQueue.main.async { MainActor.assumeIsolated { loop.send(.tour(.command(command))) } }
        }
        loop.onExit = {
            for door in doors { door.stop() }
            publisher.stop(); presenterView.stop()
        }
        // How many watch, how many browse on their own, and the poll's tally, in the status
        // bar. A burst of answers is one update: only the newest count waits for the loop.
        let newest = NewestAudience()
        publisher.observeAudience { audience in
            guard newest.hold(audience) else { return }
            DispatchQueue.main.async {
                MainActor.assumeIsolated { if let audience = newest.take() { loop.send(.app(.audience(audience))) } }
            }
        }
        // A reloaded file goes to every follower as a new hello, before the view that uses it.
        if dashboard.watch, let path = dashboard.briefing.briefing {
            loop.keep(try BriefingWatch(path: path, loop: loop) { briefing, text in
                // A version whose notes cannot be cut out is not sent: followers keep the last.
                guard let next = try? hellos(text, briefing) else { return }
                last = nil   // the followers rebase on the new hello, then need the view again
                lastCue = nil
                publisher.replaceBriefing(next.audience)
                presenterView.replaceBriefing(next.presenter)
            })
        }
        loop.keep(publisher)
        loop.keep(presenterView)
        loop.run()
    }
}

/// `--duration`: how long a talk should take, as `25m`, `1h30m`, `90s` or plain minutes (`25`).
struct TalkDuration: ExpressibleByArgument {
    let seconds: Double

    init?(argument: String) {
        let text = argument.lowercased()
        if let minutes = Double(text), minutes > 0 { seconds = minutes * 60; return }
        var total = 0.0, number = ""
        for c in text {
            if c.isNumber { number.append(c); continue }
            guard let n = Double(number), let unit = ["h": 3600.0, "m": 60, "s": 1][String(c)] else { return nil }
            total += n * unit
            number = ""
        }
        guard number.isEmpty, total > 0, total <= 24 * 3600 else { return nil }
        seconds = total
    }
}

/// The audience count waiting for the presenter's loop: a burst of answers (the publisher
/// reports each) becomes one update with the newest count, not a queue of stale ones.
final class NewestAudience: Sendable {
    private let pending = Mutex<Audience?>(nil)

    /// Keeps `audience` as the newest; true when the loop must be woken (nothing was waiting).
    func hold(_ audience: Audience) -> Bool {
        pending.withLock { waiting in
            defer { waiting = audience }
            return waiting == nil
        }
    }

    /// The newest count, once.
    func take() -> Audience? {
        pending.withLock { waiting in
            defer { waiting = nil }
            return waiting
        }
    }
}
