import ArgumentParser
import Dispatch
import Glibc
import NIOCore
import NIOPosix
import TrilateralDoor

/// `trilateral-ssh`: the SSH door of a presenter's room, started by `trilateral present --ssh`
/// (see `CompanionMessage` for how the two talk). Not meant to be run by hand.
struct SSHDoor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trilateral-ssh",
        abstract: "The watch-only SSH door that `trilateral present --ssh` starts.",
        discussion: "The room code comes in the environment (\(RoomCode.environmentName)); standard input is held open by the presenter, and its end ends the room.")

    @Option(help: ArgumentHelp("Where to listen.", valueName: "addr:port"))
    var listen: String

    @Option(help: ArgumentHelp("The follower to run for each viewer.", valueName: "path"))
    var follower: String

    @Option(name: .customLong("follower-arg"), parsing: .unconditionalSingleValue, help: ArgumentHelp("An argument for the follower (repeat).", valueName: "arg"))
    var followerArguments: [String] = []

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
        // Followers are reaped by the kernel; their signals are reset when they start.
        signal(SIGCHLD, SIG_IGN)
        signal(SIGPIPE, SIG_IGN)
        DoorProcess.raiseFileLimit()
        var followerEnvironment = ["LANG": "C.UTF-8"]
        for name in ["HOME", "PATH", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_STATE_HOME"] { followerEnvironment[name] = environment[name] }
        let room = Room(maximum: max, followerCommand: [follower] + followerArguments, followerEnvironment: followerEnvironment,
                        rule: AdmissionRule(open: open, code: open ? nil : code, keys: authorized.keys, failures: FailedAttempts()),
                        hostKey: key.nioKey)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: Swift.max(1, System.coreCount))
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

SSHDoor.main()
