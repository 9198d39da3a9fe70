import Glibc
import TrilateralDoor

/// The command line `present --web` gives: `--listen HOST:PORT --socket PATH [--open] [--max N]`,
/// and the room code in `TRILATERAL_ROOM_CODE` unless `--open`.
struct Arguments {
    var listen: DoorAddress
    var socket: String
    var code: RoomCode?
    var max = 1000

    /// The arguments, or exits 64 with why.
    static func parse(_ list: [String]) -> Arguments {
        var listen: DoorAddress?, socket: String?, open = false, max = 1000
        var i = 0
        func value() -> String {
            i += 1
            guard i < list.count else { usage("\(list[i - 1]) needs a value") }
            return list[i]
        }
        while i < list.count {
            switch list[i] {
            case "--listen": guard let a = DoorAddress(value()) else { usage("--listen takes [ADDR:]PORT") }; listen = a
            case "--socket": socket = value()
            case "--open": open = true
            case "--max": guard let n = Int(value()), (1...100_000).contains(n) else { usage("--max takes a number from 1 to 100000") }; max = n
            default: usage("unknown argument \(list[i])")
            }
            i += 1
        }
        guard let listen, let socket else { usage("--listen and --socket are required") }
        var code: RoomCode?
        if !open {
            guard let text = getenv(RoomCode.environmentName).map({ String(cString: $0) }), let c = RoomCode(text) else {
                usage("no room code: set \(RoomCode.environmentName) (4 to 64 printable characters) or pass --open")
            }
            code = c
        }
        return Arguments(listen: listen, socket: socket, code: code, max: max)
    }

    static func usage(_ why: String) -> Never {
        fail("\(why)\nusage: trilateral-web --listen [ADDR:]PORT --socket PATH [--open] [--max N]", status: 64)
    }
}

/// One line on standard error, then exit.
func fail(_ message: String, status: Int32 = 1) -> Never {
    let line = "trilateral-web: \(message)\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    exit(status)
}
