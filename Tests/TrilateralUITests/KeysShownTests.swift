import BuiltInBriefings
import Testing
import TrilateralModel
@testable import TrilateralUI

/// The keys a binding shows (help, status bar, README) are the keys it takes: every key its
/// matcher accepts is named in its `keys` text (bindings that take any key or typed text say
/// so in words and are left out).
@Suite("Keys shown are keys taken")
struct KeysShownTests {
    /// The key as `keys` texts name it.
    static func name(_ key: Key) -> String {
        switch key {
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

    /// The names a `keys` text gives: words, arrows one by one, and ranges such as `1-9`.
    static func names(in keys: String) -> Set<String> {
        var out: Set<String> = []
        for word in keys.split(separator: " ") {
            let w = String(word)
            out.insert(w)
            if w.allSatisfy({ "↑↓←→".contains($0) }) { for c in w { out.insert(String(c)) } }
            let ends = w.split(separator: "-")
            if ends.count == 2, let a = Int(ends[0]), let b = Int(ends[1]), a <= b { for n in a...b { out.insert(String(n)) } }
        }
        return out
    }

    static let universe: [Key] = {
        var keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab, .escape, .backspace, .delete]
        for v in 32...126 { keys.append(.char(Character(Unicode.Scalar(UInt8(v))))) }
        for c in "abcdefghijklmnopqrstuvwxyz" { keys.append(.ctrl(c)) }
        for n in 1...12 { keys.append(.function(n)) }
        return keys
    }()

    @Test func everyKeyABindingTakesIsNamed() {
        let state = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 120, height: 40))
        var unnamed: [String] = []
        for binding in Keymap.table where !["any key", "text", "mouse"].contains(binding.keys) {
            let shown = Self.names(in: binding.keys)
            for key in Self.universe where binding.action(for: key, in: state) != nil && !shown.contains(Self.name(key)) {
                unnamed.append("\(binding.mode.rawValue) “\(binding.keys)” takes \(Self.name(key))")
            }
        }
        #expect(unnamed == [])
    }

    @Test func theCheckCanFail() {
        let hidden = Binding(.dashboard, "x", "a binding that also takes y", on: [.char("x"), .char("y")], .app(.quit))
        let state = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 80, height: 24))
        #expect(Self.universe.filter { hidden.action(for: $0, in: state) != nil && !Self.names(in: hidden.keys).contains(Self.name($0)) }.map(Self.name) == ["y"])
    }
}
