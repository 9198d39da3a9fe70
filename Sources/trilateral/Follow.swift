import BuiltInBriefings
import ArgumentParser
import FoundationEssentials
import Dispatch
import Glibc
import TrilateralModel
import TrilateralShare
import TrilateralTerminal
import TrilateralUI

/// `trilateral follow`: watch a presenter's session at this terminal's size, in its own theme.
struct Follow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Follow a presenter's session (trilateral present) in this terminal.",
        discussion: """
        Shows what the presenter shows, laid out for this terminal, in this terminal's theme. \
        Waits for the presenter, and reconnects by itself when it comes back. Over SSH: \
        ssh -t HOST trilateral follow NAME.

        The keys a follower has (the presenter drives everything else): \(KeyDocs.followerSummary).
        """)

    @Argument(help: ArgumentHelp("The session to follow.", valueName: "name"))
    var session: String = SessionAddress.defaultName

    @Flag(name: .long, help: "The presenter's own second screen: the tour step's notes, the next step and the clock; Space/→ and ← step the presenter's tour. Only the presenter's account may open it.")
    var presenterView = false

    /// Set by `present --ssh` and `--web` for the viewers they start, so the presenter can count
    /// them by route.
    @Option(name: .long, help: .hidden)
    var via: Audience.Route?

    @OptionGroup var place: SessionOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        try MainActor.assumeIsolated { try start() }
    }

    @MainActor
    private func start() throws {
        let address = try place.address(session)
        var launch = try Launch(briefing: BuiltInBriefings.standard, display: display)
        AppReducer.reduce(&launch.state, .follow(.start(session: address.name, presenterView: presenterView)))
        let session = FollowSession(loop: launch.loop(), address: address, channel: presenterView ? .presenterView : .audience, via: via)
        // The presenter hears whether this viewer follows along or browses on its own, and its
        // answer to the open poll.
        session.loop.onChange = { [weak session] state in
            session?.subscriber.report(browsing: state.local.following?.browsing == true, answer: state.pollAnswer)
        }
        session.loop.onCommand = { [weak session] command in session?.subscriber.send(command) }
        DispatchQueue.main.async { session.subscriber.start() }
        // The session's handlers hold it weakly: the loop owns it.
        let loop = session.loop
        loop.keep(session)
        loop.run()
    }
}

/// A follower at work: what the presenter says, put on this terminal's state.
@MainActor
final class FollowSession {
    let loop: EventLoop
    private(set) var subscriber: Subscriber!
    /// Wakes the subscriber when the presenter's socket appears (inotify on its folder, or on
    /// the folder's parent until a presenter makes it).
    private var socketWatch: FileWatcher?
    /// The digest of the briefing on screen, so a reconnect to the same one keeps it.
    private var digest: String?

    init(loop: EventLoop, address: SessionAddress, channel: Publisher.Channel, via: Audience.Route? = nil) {
        self.loop = loop
        subscriber = Subscriber(address: address, channel: channel, via: via) { [weak self] in self?.handle($0) }
        // Set up before the first try, so a presenter that starts in between is not missed.
        socketWatch = FileWatcher(path: subscriber.path, on: .appeared) { [weak self] in
            self?.subscriber.presenterMayHaveStarted()
        }
        subscriber.watched = socketWatch != nil
    }

    private func handle(_ event: Subscriber.Event) {
        switch event {
        case .hello(let hello):
            if hello.briefingDigest != digest {
                switch hello.briefing() {
                case .success(let briefing):
                    digest = hello.briefingDigest
                    loop.send(.follow(.rebase(briefing)))
                case .failure(let error):
                    let first = error.description.split(separator: "\n").first.map(String.init) ?? "\(error)"
                    subscriber.disconnect("The presenter's briefing does not load here: \(first)", slow: true)
                    return
                }
            }
            loop.send(.follow(.link(.live)))
        case .view(let view):
            loop.send(.follow(.received(view)))
        case .cue(let clock):
            loop.send(.follow(.cue(clock)))
        case .waiting(let reason):
            loop.send(.follow(.link(.waiting(reason))))
        }
    }
}

extension Audience.Route: ExpressibleByArgument {}
