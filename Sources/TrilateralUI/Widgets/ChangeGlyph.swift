import TrilateralModel

/// The change of an outlook against the baseline, as a mark *and* a number (`Wording.change`:
/// ▲ +2, ▼ −1, = same), with the colour role that goes with it.
struct ChangeGlyph {
    let delta: Int
    let ascii: Bool
    var text: String { Wording.change(delta, ascii: ascii) }
    var role: StyleRole { delta > 0 ? .changeUp : delta < 0 ? .changeDown : .muted }
}
