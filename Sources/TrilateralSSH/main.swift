import ArgumentParser
import Dispatch
import Glibc
import NIOCore
import NIOPosix
import TrilateralDoor
import TrilateralDoorServer
import TrilateralStyle
import TrilateralUI

/// `trilateral-ssh`: the SSH door of a presenter's room, started by `trilateral present --ssh`
/// (see `CompanionMessage` for how the two talk). Not meant to be run by hand.
struct SSHDoor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trilateral-ssh",
        abstract: "The watch-only SSH door that `trilateral present --ssh` starts.",
        discussion: "The room code comes in the environment (\(RoomCode.environmentName)); standard input is held open by the presenter, and its end ends the room.")

    @Option(help: ArgumentHelp("Where to listen.", valueName: "addr:port"))
    var listen: String

    @Option(help: ArgumentHelp("The presenter's audience socket.", valueName: "path"))
    var socket: String

    @Option(help: ArgumentHelp("The presenter's session name (what a viewer's status bar says it follows).", valueName: "name"))
    var session: String

    @Option(help: ArgumentHelp("Keys admitted without the code (authorized_keys format).", valueName: "file"))
    var keys: String?

    @Flag(help: "Admit anyone (no code).")
    var open = false

    @Option(help: ArgumentHelp("The most viewers at once.", valueName: "n"))
    var max: Int = 500

    @Option(name: .customLong("host-key"), help: ArgumentHelp("The host key file (made if missing).", valueName: "file"))
    var hostKey: String?

    func run() throws {
        do { try serve() } catch let failure as DoorFailure {
            DoorProcess.standardError("trilateral-ssh: \(failure.message)\n")
            throw ExitCode(failure.status)
        }
    }

    private func serve() throws {
        let environment = DoorProcess.environment
        guard let address = DoorAddress(listen) else { throw DoorFailure("--listen \(listen.escapedForMessage): not [ADDR:]PORT", status: 64) }
        guard (1...10_000).contains(max) else { throw DoorFailure("--max \(max): give 1 to 10000", status: 64) }
        let code = environment[RoomCode.environmentName].flatMap(RoomCode.init)
        guard open || code != nil else { throw DoorFailure("no room code (\(RoomCode.environmentName)) and not --open", status: 64) }
        var authorized = AuthorizedKeys(keys: [])
        if let keys {
            guard let text = try? String(contentsOfFile: keys, encoding: .utf8) else {
                throw DoorFailure("\(keys): cannot read the keys file: \(String(cString: strerror(errno)))", status: 66)
            }
            authorized = try AuthorizedKeys(text: text, file: keys)
        }
        let key = try HostKey.loadOrCreate(at: try hostKey ?? HostKey.defaultPath(environment: environment))
        signal(SIGPIPE, SIG_IGN)
        DoorProcess.raiseFileLimit()
        // Viewers' terminals are UTF-8, and a cell's width is the C library's for that.
        setlocale(LC_ALL, "C.UTF-8")
        let (themes, theme) = Self.themes(environment)
        let room = Room(maximum: max, socket: socket, session: session, themes: themes, theme: theme,
                        rule: AdmissionRule(open: open, code: open ? nil : code, keys: authorized.keys, failures: FailedAttempts()),
                        hostKey: key.nioKey)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: Swift.max(1, System.coreCount))
        // The presenter's briefing first, so the first viewer sees it.
        do { try PresenterRelay.follow(socket, for: room, group: group, within: .seconds(10)) } catch {
            throw DoorFailure("cannot follow the presenter at \(socket.escapedForMessage): \(error)", status: 69)
        }
        let server: Channel
        do { server = try room.open(address, group: group) } catch {
            throw DoorFailure("cannot listen on \(address): \(error)", status: 69)
        }
        let bound = server.localAddress.flatMap { $0.port }.map { DoorAddress(host: address.host, port: $0) } ?? address
        DoorProcess.announce(CompanionMessage(listening: bound.description, fingerprint: key.fingerprint))
        // The room ends when the presenter does.
        DoorProcess.awaitTheEnd()
        _ = server.close(mode: .all)
        room.close(within: 3)
        try? group.syncShutdownGracefully()
    }
}

extension SSHDoor {
    /// The themes a viewer starts in and cycles with `T`: the built-in ones and the presenter's
    /// account's own (as a `trilateral follow` there would have), starting with the default.
    static func themes(_ environment: [String: String]) -> (ThemeLibrary, ThemeState) {
        var library = ThemeLibrary(userDirectory: ThemeLibrary.userDirectory(environment: environment))
        let current = library.use(ThemeLoader.defaultName) != nil ? ThemeLoader.defaultName : library.names.first ?? ThemeLoader.defaultName
        return (library, ThemeState(names: library.names, current: current))
    }
}

SSHDoor.main()
