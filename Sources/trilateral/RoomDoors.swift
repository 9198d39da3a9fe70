import ArgumentParser
import Glibc
import TrilateralDoor
import TrilateralShare

/// `present --ssh`, `--web`: the doors through which a room joins in one step, and who may
/// come in (the room code, keys, or anyone). Each door is its own server process
/// (`Companion`), so the dashboard loads none of their libraries.
struct RoomDoorOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Let viewers watch over SSH on this port (a port alone listens on 127.0.0.1; 0.0.0.0:PORT on every interface).", valueName: "[addr:]port"))
    var ssh: DoorAddress?

    @Option(name: [.customLong("room-code"), .customLong("ssh-code")], help: ArgumentHelp("The room code viewers give (default: six random digits, shown in the status bar).", valueName: "code"))
    var roomCode: String?

    @Option(name: .customLong("ssh-keys"), help: ArgumentHelp("Admit these SSH keys without the code (authorized_keys format; ed25519 or ecdsa).", valueName: "file"))
    var sshKeys: String?

    @Flag(name: .customLong("ssh-open"), help: "Admit anyone over SSH, with no code (the status bar says so).")
    var sshOpen = false

    @Option(name: .customLong("ssh-max"), help: ArgumentHelp("The most SSH viewers at once; the rest are told the room is full.", valueName: "n"))
    var sshMax = 500

    @Option(name: .long, help: ArgumentHelp("Let viewers follow in a browser on this port (a port alone listens on 127.0.0.1).", valueName: "[addr:]port"))
    var web: DoorAddress?

    @Flag(name: .customLong("web-open"), help: "Admit any browser, with no code.")
    var webOpen = false

    @Option(name: .customLong("web-max"), help: ArgumentHelp("The most browser viewers at once.", valueName: "n"))
    var webMax = 1000

    func validate() throws {
        if let roomCode, RoomCode(roomCode) == nil { throw ValidationError("--room-code: give 4 to 64 printable characters, no spaces") }
        guard (1...10_000).contains(sshMax), (1...10_000).contains(webMax) else { throw ValidationError("--ssh-max and --web-max: give 1 to 10000") }
        if ssh == nil, sshKeys != nil || sshOpen { throw ValidationError("--ssh-keys and --ssh-open need --ssh PORT") }
        if web == nil, webOpen { throw ValidationError("--web-open needs --web PORT") }
    }

    /// How many more followers the presenter's socket must take for the doors' viewers.
    var extraFollowers: Int { (ssh == nil ? 0 : sshMax) + (web == nil ? 0 : webMax) }

    /// Starts the doors asked for, for the session at `address`; returns them and the lines
    /// for the status bar.
    @MainActor
    func open(for address: SessionAddress) throws -> (doors: [Companion], status: [String], report: [String]) {
        let code = roomCode.flatMap(RoomCode.init) ?? RoomCode.random()
        var doors: [Companion] = [], status: [String] = [], report: [String] = []
        do {
            if let ssh {
                var arguments = ["--listen", ssh.description, "--socket", address.socketPath, "--session", address.name, "--max", String(sshMax)]
                if let sshKeys { arguments += ["--keys", sshKeys] }
                if sshOpen { arguments.append("--open") }
                let door = try Companion(door: "ssh", tool: "trilateral-ssh", arguments: arguments, code: sshOpen ? nil : code)
                doors.append(door)
                let port = door.ready.listening.flatMap { DoorAddress($0) }?.port ?? ssh.port
                status.append("ssh -p \(port) \(Self.hostName(ssh.host))" + (sshOpen ? " · open room" : ""))
                report.append("ssh door on \(door.ready.listening ?? ssh.description), host key \(door.ready.fingerprint ?? "?") (ED25519)")
            }
            if let web {
                var arguments = ["--listen", web.description, "--socket", address.socketPath, "--max", String(webMax)]
                if webOpen { arguments.append("--open") }
                let door = try Companion(door: "web", tool: "trilateral-web", arguments: arguments, code: webOpen ? nil : code)
                doors.append(door)
                let port = door.ready.listening.flatMap { DoorAddress($0) }?.port ?? web.port
                status.append("http://\(Self.hostName(web.host)):\(port)/" + (webOpen ? " · open" : ""))
                report.append("web door on \(door.ready.url ?? web.description)")
            }
        } catch {
            for door in doors { door.stop() }
            throw error
        }
        if (ssh != nil && !sshOpen) || (web != nil && !webOpen) { status.append("code \(code.text)") }
        return (doors, status, report)
    }

    /// What a viewer types to reach `host`: this machine's name when listening everywhere.
    static func hostName(_ host: String) -> String {
        guard host == "0.0.0.0" || host == "::" else { return host.contains(":") ? "[\(host)]" : host }
        var name = [CChar](repeating: 0, count: 256)
        return gethostname(&name, name.count - 1) == 0 ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : host
    }
}

extension DoorAddress: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
