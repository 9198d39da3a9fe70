/// Where everything goes at a given size. Steps down with width: a grid at ≥ 120 columns,
/// two columns at 80–119, one pane at a time with a tab row below 80, and a "too small"
/// screen below `minimum`. Pure geometry: the reducer uses it for scrolling and mouse hits,
/// the views to draw.
public struct Layout: Sendable, Equatable {
    public enum Mode: Sendable, Equatable { case tooSmall, narrow, columns, grid }

    public static let minimum = Size(width: 40, height: 12)

    public var mode: Mode
    public var titleBar: Rect
    public var statusBar: Rect
    public var tabRow: Rect?
    /// The rectangle of each visible pane, by pane index.
    public var panes: [Int: Rect]
    /// A full-body panel (what-if or scorecard), when one is open.
    public var panel: Rect? = nil
    /// The tour's caption strip (with the speaker notes above it when shown).
    public var tour: Rect? = nil
    /// The watched file's problem, above the status bar (`--watch`).
    public var problem: Rect? = nil
    /// The poll's strip, above the tour strip.
    public var poll: Rect? = nil

    /// The rows the strips above the status bar take, which their features measure (the
    /// watched file's problem, the tour's caption with its notes): Layout itself knows no
    /// feature, so it takes them as inputs (`Layout.compute(_:)` in App measures them).
    public struct Strips: Sendable, Equatable {
        /// The watched file's problem, just above the status bar.
        public var problem = 0
        /// The tour strip, above the problem (0 when no tour runs).
        public var tour = 0
        /// The poll strip, above the tour strip (0 when no poll is on screen).
        public var poll = 0
        public init(problem: Int = 0, tour: Int = 0, poll: Int = 0) { self.problem = problem; self.tour = tour; self.poll = poll }
    }

    public static func compute(_ state: AppState, strips: Strips) -> Layout {
        let w = state.size.width, h = state.size.height
        let titleBar = Rect(x: 0, y: 0, width: w, height: 1)
        let statusBar = Rect(x: 0, y: h - 1, width: w, height: 1)
        if w < minimum.width || h < minimum.height {
            return Layout(mode: .tooSmall, titleBar: titleBar, statusBar: statusBar, tabRow: nil, panes: [:])
        }
        var body = Rect(x: 0, y: 1, width: w, height: h - 2)
        var problem: Rect?
        if strips.problem > 0 {
            let rows = strips.problem
            body.height -= rows
            problem = Rect(x: 0, y: body.maxY, width: w, height: rows)
        }
        // The tour's caption (and the presenter's notes) take rows at the bottom of the body.
        var tour: Rect?
        if state.shared.tour.step != nil {
            let rows = strips.tour
            tour = Rect(x: 0, y: body.maxY - rows, width: w, height: rows)
            body.height -= rows
        }
        var poll: Rect?
        if strips.poll > 0 {
            poll = Rect(x: 0, y: body.maxY - strips.poll, width: w, height: strips.poll)
            body.height -= strips.poll
        }
        func finish(_ layout: Layout) -> Layout { var l = layout; l.tour = tour; l.problem = problem; l.poll = poll; return l }
        let mode: Mode = w >= 120 ? .grid : (w >= 80 ? .columns : .narrow)
        if mode == .narrow && state.shared.panel == nil {
            let (tabs, rest) = body.splitTop(1)
            return finish(Layout(mode: mode, titleBar: titleBar, statusBar: statusBar, tabRow: tabs, panes: [state.shared.panes.focus: rest]))
        }
        if state.shared.panel != nil {
            return finish(Layout(mode: mode, titleBar: titleBar, statusBar: statusBar, tabRow: nil, panes: [:], panel: body))
        }
        if state.shared.panes.zoomed {
            return finish(Layout(mode: mode, titleBar: titleBar, statusBar: statusBar, tabRow: nil, panes: [state.shared.panes.focus: body]))
        }
        var panes: [Int: Rect] = [:]
        let timelineHeight = body.height >= 34 ? 12 : 7
        let (top, timeline) = body.splitTop(body.height - timelineHeight)
        panes[state.timelinePane] = timeline
        let pillarPanes = state.panes.indices.filter { if case .pillar = state.panes[$0] { true } else { false } }
        if mode == .grid {
            let detailWidth = min(max(36, w / 3), 72)
            let (grid, detail) = top.splitLeft(w - detailWidth)
            panes[state.detailPane] = detail
            let columns = min(2, max(1, pillarPanes.count)), rows = (pillarPanes.count + columns - 1) / columns
            for (n, pane) in pillarPanes.enumerated() {
                let col = n % columns, row = n / columns
                let x0 = grid.x + grid.width * col / columns, x1 = grid.x + grid.width * (col + 1) / columns
                let y0 = grid.y + grid.height * row / rows, y1 = grid.y + grid.height * (row + 1) / rows
                panes[pane] = Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
            }
        } else {
            let (left, detail) = top.splitLeft(w * 11 / 20)
            panes[state.detailPane] = detail
            // An accordion: the focused pillar (or the last one focused) gets the spare rows.
            let focus = state.shared.panes.focus
            let expanded = pillarPanes.contains(focus) ? focus : (state.shared.panes.lastPillar ?? pillarPanes.first ?? 0)
            // Collapsed panes keep their title and one line; when rows are short, only the title.
            let collapsed = left.height >= 3 * pillarPanes.count ? 3 : 2
            let spare = max(collapsed, left.height - collapsed * (pillarPanes.count - 1))
            var y = left.y
            for pane in pillarPanes {
                let height = min(pane == expanded ? spare : collapsed, left.maxY - y)
                panes[pane] = Rect(x: left.x, y: y, width: left.width, height: height)
                y += height
            }
        }
        return finish(Layout(mode: mode, titleBar: titleBar, statusBar: statusBar, tabRow: nil, panes: panes))
    }

    /// The pane under a screen cell, if any.
    public func pane(atX x: Int, y: Int) -> Int? {
        panes.first { $0.value.contains(x: x, y: y) }?.key
    }
}
