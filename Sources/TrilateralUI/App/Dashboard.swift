import TrilateralModel

/// The view: draws a whole state onto a fresh canvas, each part by its feature's view. Pure;
/// the terminal backend, the snapshot command, followers and the tests all call this one
/// function.
public enum Dashboard {
    /// The full-screen panels and the view that draws each: the one line a new panel adds here.
    static let panels: [(panel: Panel, view: @Sendable (AppState) -> any View)] = [
        (.whatIf, { WhatIfView(state: $0) }),
        (.scorecard, { ScorecardView(state: $0) }),
    ]

    public static func render(_ state: AppState) -> Canvas {
        var canvas = Canvas(size: state.size, ascii: state.ascii)
        let screen = canvas.bounds
        if let following = state.local.following, case .waiting(let reason) = following.link {
            WaitingScreen(state: state, following: following, reason: reason).draw(in: screen, canvas: &canvas)
            help(state, over: &canvas)
            return canvas
        }
        if state.local.following?.presenterView == true, state.size.height >= 3 {
            let (body, status) = screen.splitTop(screen.height - 1)
            PresenterView(state: state).draw(in: body, canvas: &canvas)
            StatusBar(state: state).draw(in: status, canvas: &canvas)
            help(state, over: &canvas)
            return canvas
        }
        let layout = Layout.compute(state)
        if layout.mode == .tooSmall {
            TooSmallScreen(state: state).draw(in: screen, canvas: &canvas)
            return canvas
        }
        TitleBar(state: state).draw(in: layout.titleBar, canvas: &canvas)
        if let tabs = layout.tabRow { TabRow(state: state).draw(in: tabs, canvas: &canvas) }
        for (pane, rect) in layout.panes.sorted(by: { $0.key < $1.key }) {
            switch state.panes[pane] {
            case .pillar(let p): PillarPaneView(state: state, pane: pane, pillarIndex: p).draw(in: rect, canvas: &canvas)
            case .timeline: TimelineView(state: state, pane: pane).draw(in: rect, canvas: &canvas)
            case .detail: DetailView(state: state, pane: pane).draw(in: rect, canvas: &canvas)
            }
        }
        if let rect = layout.panel, let panel = panels.first(where: { $0.panel == state.shared.panel }) {
            panel.view(state).draw(in: rect, canvas: &canvas)
        }
        if let strip = layout.tour { TourStrip(state: state).draw(in: strip, canvas: &canvas) }
        if let strip = layout.poll { PollStrip(state: state).draw(in: strip, canvas: &canvas) }
        if let rect = layout.problem, let problem = state.local.reloadProblem { ReloadBanner(problem: problem).draw(in: rect, canvas: &canvas) }
        StatusBar(state: state).draw(in: layout.statusBar, canvas: &canvas)
        help(state, over: &canvas)
        return canvas
    }

    /// The help overlay over everything else, while it is open.
    private static func help(_ state: AppState, over canvas: inout Canvas) {
        guard state.local.helpVisible else { return }
        let help = HelpOverlay(state: state)
        help.draw(in: help.box, canvas: &canvas)
    }
}
