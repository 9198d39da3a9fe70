import ArgumentParser
import Dispatch
import Glibc
import NIOCore
import NIOPosix
import TrilateralDoor
import TrilateralWebRoom

/// `trilateral-web`: the browser door of a presenter's room, started by `trilateral present
/// --web` (see `CompanionMessage` for how the two talk). Not meant to be run by hand.
struct WebDoor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trilateral-web",
        abstract: "The watch-only web door that `trilateral present --web` starts.",
        discussion: "The room code comes in the environment (\(RoomCode.environmentName)); standard input is held open by the presenter, and its end ends the room.")

    @Option(help: ArgumentHelp("Where to listen.", valueName: "addr:port"))
    var listen: String

    @Option(help: ArgumentHelp("The presenter's audience socket.", valueName: "path"))
    var socket: String

    @Flag(help: "Admit anyone (no code).")
    var open = false

    @Option(help: ArgumentHelp("The most viewers at once.", valueName: "n"))
    var max: Int = 1000

    func run() throws {
        do { try serve() } catch let failure as DoorFailure {
            DoorProcess.standardError("trilateral-web: \(failure.message)\n")
            throw ExitCode(failure.status)
        }
    }

    private func serve() throws {
        guard let address = DoorAddress(listen) else { throw DoorFailure("--listen \(listen.escapedForMessage): not [ADDR:]PORT", status: 64) }
        guard (1...10_000).contains(max) else { throw DoorFailure("--max \(max): give 1 to 10000", status: 64) }
        let code = DoorProcess.environment[RoomCode.environmentName].flatMap(RoomCode.init)
        guard open || code != nil else { throw DoorFailure("no room code (\(RoomCode.environmentName)) and not --open", status: 64) }
        signal(SIGPIPE, SIG_IGN)
        DoorProcess.raiseFileLimit()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: Swift.max(1, System.coreCount))
        let keeper = Doorkeeper(code: open ? nil : code, cookieName: "trilateral-room-\(address.port)")
        let room = WebRoom(maximum: max, socket: socket, keeper: keeper, listening: address)
        // The presenter's briefing first, so the first page served is the handout.
        do { try room.connect(group: group, within: .seconds(10)) } catch {
            throw DoorFailure("cannot follow the presenter at \(socket.escapedForMessage): \(error)", status: 69)
        }
        let server: Channel
        do { server = try WebServer(room: room).listen(on: address, group: group) } catch {
            throw DoorFailure("cannot listen on \(address): \(error)", status: 69)
        }
        let bound = server.localAddress.flatMap { $0.port }.map { DoorAddress(host: address.host, port: $0) } ?? address
        let host = bound.host.contains(":") ? "[\(bound.host)]" : bound.host
        DoorProcess.announce(CompanionMessage(listening: bound.description, url: "http://\(host):\(bound.port)/"))
        // The room ends when the presenter does (standard input, a signal, or its socket closing).
        DoorProcess.awaitTheEnd()
        _ = server.close(mode: .all)
        room.close(within: 3)
        try? group.syncShutdownGracefully()
    }
}

WebDoor.main()
