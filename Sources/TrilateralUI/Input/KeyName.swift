/// How the key table, the help and the messages name a key: "Space", "Ctrl-C", "↑", "PgDn",
/// "S-Tab", "F5"; and every key there is a name for.
extension Key {
    /// The key's name as the key table writes it.
    public var name: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-\(c.uppercased())"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .function(let n): "F\(n)"
        }
    }

    /// Every key a binding could take: the named keys, printable ASCII, Ctrl-A…Z, F1…F12.
    public static let universe: [Key] = {
        var keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab, .escape, .backspace, .delete]
        for v in 32...126 { keys.append(.char(Character(Unicode.Scalar(UInt8(v))))) }
        for c in "abcdefghijklmnopqrstuvwxyz" { keys.append(.ctrl(c)) }
        for n in 1...12 { keys.append(.function(n)) }
        return keys
    }()

    /// The key a name stands for ("Esc", "w", "S-Tab"), if it names one.
    static func named(_ name: String) -> Key? { byName[name] }
    private static let byName: [String: Key] = Dictionary(universe.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
}
