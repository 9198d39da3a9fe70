/// Parses a key script for `snapshot --keys`: literal characters, and names in angle
/// brackets for the rest — `<Tab>`, `<S-Tab>`, `<Enter>`, `<Esc>`, `<Space>`, `<Up>`,
/// `<Down>`, `<Left>`, `<Right>`, `<PgUp>`, `<PgDn>`, `<Home>`, `<End>`, `<BS>`, `<C-c>`,
/// `<lt>` (a literal `<`), and `<resize:80x24>`.
public enum KeyScript {
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    static let names: [String: Key] = [
        "tab": .tab, "s-tab": .backTab, "backtab": .backTab, "enter": .enter, "cr": .enter, "return": .enter,
        "esc": .escape, "escape": .escape, "space": .char(" "), "up": .up, "down": .down, "left": .left,
        "right": .right, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "home": .home, "end": .end, "bs": .backspace, "backspace": .backspace, "del": .delete, "lt": .char("<"),
    ]

    public static func parse(_ script: String) -> Result<[Input], ParseError> {
        var inputs: [Input] = []
        var rest = Substring(script)
        while let c = rest.first {
            rest = rest.dropFirst()
            guard c == "<", let close = rest.firstIndex(of: ">") else {
                inputs.append(.key(.char(c)))
                continue
            }
            let name = rest[..<close].lowercased()
            rest = rest[rest.index(after: close)...]
            if let key = names[name] {
                inputs.append(.key(key))
            } else if name.hasPrefix("c-"), name.count == 3, let letter = name.last {
                inputs.append(.key(.ctrl(letter)))
            } else if name.hasPrefix("resize:"), let size = Size.parse(String(name.dropFirst(7))) {
                inputs.append(.resize(size))
            } else if name.hasPrefix("click:") {
                let parts = name.dropFirst(6).split(separator: ",").compactMap { Int($0) }
                guard parts.count == 2 else { return .failure(ParseError(description: "<\(name)> needs <click:X,Y>")) }
                inputs.append(.mouse(MouseEvent(x: parts[0], y: parts[1], kind: .press)))
            } else {
                return .failure(ParseError(description: "unknown key name <\(name)> (try <Tab>, <Enter>, <Esc>, <Up>, <C-c>, <lt>)"))
            }
        }
        return .success(inputs)
    }
}
