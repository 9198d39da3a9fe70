import TrilateralModel

/// The view: draws a whole state onto a fresh canvas, each part by its feature's view. Pure;
/// the terminal backend, the snapshot command, followers and the tests all call this one
/// function.
public enum Dashboard {
    public static func render(_ state: AppState) -> Canvas {
        var canvas = Canvas(size: state.size, ascii: state.ascii)
        if let following = state.local.following, case .waiting(let reason) = following.link {
            WaitingScreen.draw(state, following: following, reason: reason, canvas: &canvas)
            if state.local.helpVisible { HelpOverlay.draw(state, canvas: &canvas) }
            return canvas
        }
        if state.local.following?.presenterView == true, state.size.height >= 3 {
            var body = Rect(x: 0, y: 0, width: state.size.width, height: state.size.height - 1)
            canvas.fill(body, role: .panel)
            body.y += 1; body.height -= 1
            canvas.text(" Presenter view │ \(state.briefing.title)", x: 0, y: 0, width: state.size.width, role: .titleBar)
            PresenterView.draw(state, rect: body, canvas: &canvas)
            StatusBar.draw(state, rect: Rect(x: 0, y: state.size.height - 1, width: state.size.width, height: 1), canvas: &canvas)
            if state.local.helpVisible { HelpOverlay.draw(state, canvas: &canvas) }
            return canvas
        }
        let layout = Layout.compute(state)
        if layout.mode == .tooSmall {
            Chrome.tooSmall(state, canvas: &canvas)
            return canvas
        }
        Chrome.titleBar(state, rect: layout.titleBar, canvas: &canvas)
        if let tabs = layout.tabRow { Chrome.tabRow(state, rect: tabs, canvas: &canvas) }
        for (pane, rect) in layout.panes.sorted(by: { $0.key < $1.key }) {
            switch state.panes[pane] {
            case .pillar(let p): PillarPaneView(state: state, pane: pane, pillarIndex: p).draw(in: rect, canvas: &canvas)
            case .timeline: TimelineView(state: state, pane: pane).draw(in: rect, canvas: &canvas)
            case .detail: DetailView(state: state, pane: pane).draw(in: rect, canvas: &canvas)
            }
        }
        if let rect = layout.panel {
            switch state.shared.panel {
            case .whatIf?: WhatIfView(state: state).draw(in: rect, canvas: &canvas)
            case .scorecard?: ScorecardView(state: state).draw(in: rect, canvas: &canvas)
            case nil: break
            }
        }
        if let strip = layout.tour { TourStrip.draw(state, rect: strip, canvas: &canvas) }
        if let strip = layout.poll { PollStrip(state: state).draw(in: strip, canvas: &canvas) }
        if let rect = layout.problem, let problem = state.local.reloadProblem { ReloadBanner.draw(problem, rect: rect, canvas: &canvas) }
        StatusBar.draw(state, rect: layout.statusBar, canvas: &canvas)
        if state.local.helpVisible { HelpOverlay.draw(state, canvas: &canvas) }
        return canvas
    }
}
