/// The change of an outlook against the baseline, as a glyph *and* a number: ▲ +2, ▼ −1, = 0.
struct ChangeGlyph {
    let delta: Int
    let ascii: Bool
    var text: String {
        delta > 0 ? "\(ascii ? "^" : "▲") +\(delta)" : delta < 0 ? "\(ascii ? "v" : "▼") \(delta)" : "= same"
    }
    var role: StyleRole { delta > 0 ? .changeUp : delta < 0 ? .changeDown : .muted }
}
