/// What a cell means, not what colour it is. Views draw with roles; a `Theme` maps each role
/// to colours and attributes at the edge, so meaning never lives in a raw colour.
public enum StyleRole: String, Sendable, CaseIterable, Hashable {
    case text, muted, panel, border, focusBorder, title, focusTitle, heading
    case titleBar, statusBar, statusKey, selection, searchMatch, quote, citation, link, warning
    case countryUS, countryJapan, countryKorea, countryChina
    /// Other countries a briefing names, in the order it lists them.
    case countryOther1, countryOther2, countryOther3, countryOther4
    case outlookStrong, outlookSteady, outlookStrained, outlookFaltering
    case changeUp, changeDown
    case barPast, barFuture, eventPast, eventFuture, asOfMarker, axis
    /// The "as it happened" layer: actual tenures and events after the briefing.
    case hindsight
    case chartA, chartB, chartC, chartD, gauge, gaugeEmpty
    case overlay, overlayBorder, tabActive, tabInactive
}
