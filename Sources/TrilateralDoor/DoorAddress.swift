/// Where a door of the room listens: `--ssh [ADDR:]PORT`, `--web [ADDR:]PORT`. A port alone
/// means this host's loopback only (127.0.0.1): a room reaches other machines only when the
/// presenter names an address, such as 0.0.0.0 for every interface.
public struct DoorAddress: Equatable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) { self.host = host; self.port = port }

    /// `2222`, `127.0.0.1:2222`, `0.0.0.0:2222`, `[::1]:2222`; nil for anything else.
    public init?(_ text: String) {
        var host = "127.0.0.1", portText = Substring(text)
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = String(text[text.index(after: text.startIndex)..<close])
            portText = text[text.index(close, offsetBy: 2)...]
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".:-".contains($0)) }),
              portText.allSatisfy(\.isASCII), let port = Int(portText), (0...65535).contains(port) else { return nil }
        self.host = host
        self.port = port
    }

    /// `127.0.0.1:2222`, `[::1]:2222`.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
