import BuiltInBriefings
import Testing
import TrilateralModel
@testable import TrilateralUI

/// The keys a binding shows (help, status bar, README) are the keys it takes: every key its
/// matcher accepts is named in its `keys` text (bindings that take any key or typed text say
/// so in words and are left out).
@Suite("Keys shown are keys taken")
struct KeysShownTests {
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

    @Test func everyKeyABindingTakesIsNamed() {
        let state = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 120, height: 40))
        var unnamed: [String] = []
        for binding in Keymap.table where !["any key", "text", "mouse"].contains(binding.keys) {
            let shown = Self.names(in: binding.keys)
            for key in Key.universe where binding.action(for: key, in: state) != nil && !shown.contains(key.name) {
                unnamed.append("\(binding.mode.rawValue) “\(binding.keys)” takes \(key.name)")
            }
        }
        #expect(unnamed == [])
    }

    @Test func theCheckCanFail() {
        let hidden = Binding(.dashboard, "x", "a binding that also takes y", on: [.char("x"), .char("y")], .app(.quit))
        let state = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 80, height: 24))
        #expect(Key.universe.filter { hidden.action(for: $0, in: state) != nil && !Self.names(in: hidden.keys).contains($0.name) }.map(\.name) == ["y"])
    }
}

/// Messages name keys from the table (`Keymap.key(for:in:)`), so a message cannot name a key
/// that does something else.
@Suite("Keys messages name")
struct KeysMessagesNameTests {
    @Test func theKeyAMessageNamesIsTheKeyThatDoesIt() {
        let state = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 120, height: 40))
        #expect(Keymap.key(for: .help(.toggle), in: state) == "?")
        #expect(Keymap.key(for: .search(.start), in: state) == "/")
        #expect(Keymap.key(for: .whatIf(.toggle), in: state) == "w")
        #expect(Keymap.key(for: .panes(.open), in: state) == "Enter")
        var inPanel = state
        AppReducer.reduce(&inPanel, .whatIf(.toggle))
        #expect(Keymap.key(for: .whatIf(.toggle), in: inPanel) == "w", "the panel's own binding lists w before Esc")
        #expect(Keymap.key(for: .app(.escape), in: state) == "Esc")
    }

    @Test func anUnboundKeySaysWhichKeyListsTheKeys() {
        var state = AppState(briefing: BuiltInBriefings.standard, size: Size(width: 120, height: 40))
        AppReducer.handle(&state, .key(.char("Y")))
        #expect(state.local.flash == "'Y' does nothing here — ? lists the keys")
    }
}
