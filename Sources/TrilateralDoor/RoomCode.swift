/// The room code a viewer gives to join (the SSH password, the web page's form): six digits
/// drawn at each presenter start unless the presenter sets one (`--room-code`).
public struct RoomCode: Sendable, Equatable, CustomStringConvertible {
    public let text: String

    /// A code the presenter chose: 4 to 64 printable ASCII characters, no spaces.
    public init?(_ text: String) {
        guard (4...64).contains(text.utf8.count), text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7f }) else { return nil }
        self.text = text
    }

    /// Six random digits (the system generator: getrandom(2) on Linux).
    public static func random() -> RoomCode {
        var generator = SystemRandomNumberGenerator()
        let digits = String(UInt32.random(in: 0..<1_000_000, using: &generator))
        return RoomCode(String(repeating: "0", count: 6 - digits.count) + digits)!
    }

    /// Whether `attempt` is this code, in time that does not depend on where they differ.
    public func admits(_ attempt: some Collection<UInt8>) -> Bool {
        let want = Array(text.utf8)
        var difference = UInt8(attempt.count == want.count ? 0 : 1)
        var i = 0
        for byte in attempt.prefix(256) {
            difference |= byte ^ want[i % want.count]
            i += 1
        }
        return difference == 0
    }

    public var description: String { text }

    /// The environment variable a door reads the code from (not an argument, which `ps` shows).
    public static let environmentName = "TRILATERAL_ROOM_CODE"
}
