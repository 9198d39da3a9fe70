extension Layout {
    /// Where everything goes for `state`: the strips measured by the features that draw them
    /// (the reload banner, then the tour strip in the body left above it, then the poll's), then the shared
    /// geometry.
    public static func compute(_ state: AppState) -> Layout {
        let w = state.size.width
        var strips = Strips()
        if let text = state.local.reloadProblem { strips.problem = ReloadBanner.rows(text, width: w) }
        if let step = state.shared.tour.step {
            strips.tour = TourGeometry.rows(state, step: step, width: w, bodyHeight: state.size.height - 2 - strips.problem)
        }
        strips.poll = PollGeometry.rows(state, bodyHeight: state.size.height - 2 - strips.problem - strips.tour)
        return compute(state, strips: strips)
    }
}
