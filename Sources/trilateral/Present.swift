import ArgumentParser
import Dispatch
import FoundationEssentials
import Glibc
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
        let hello = Wire.Hello(app: "trilateral \(Trilateral.version)", session: address.name, briefingFile: source.file, briefingText: source.text)
        let publisher: Publisher
        do { publisher = try Publisher(address: address, group: group, hello: hello, privateDirectory: place.dir == nil) }
        catch { throw error.report() }
        var launch: Launch
        do { launch = try Launch(briefing: model, scenario: start, display: dashboard.display) }
        catch { publisher.stop(); throw error }
        AppReducer.reduce(&launch.state, .app(.notice("presenting '\(address.name)': trilateral follow \(address.name)")))
        let loop = launch.loop()
        var last: SharedState?
        loop.onChange = { state in
            guard state.shared != last else { return }
            last = state.shared
            publisher.publish(Wire.frame(state.shared))
        }
        loop.onExit = { publisher.stop() }
        // How many watch, and how many browse on their own, in the status bar.
        publisher.observeAudience { audience in
            DispatchQueue.main.async { MainActor.assumeIsolated { loop.send(.app(.audience(audience))) } }
        }
        // A reloaded file goes to every follower as a new hello, before the view that uses it.
        if dashboard.watch, let path = dashboard.briefing.briefing {
            loop.keep(try BriefingWatch(path: path, loop: loop) { text in
                last = nil   // the followers rebase on the new hello, then need the view again
                publisher.replaceBriefing(Wire.Hello(app: hello.app, session: hello.session, briefingFile: hello.briefingFile, briefingText: text))
            })
        }
        loop.keep(publisher)
        loop.run()
    }
}
