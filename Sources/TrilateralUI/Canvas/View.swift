/// What draws a part of the screen: a value built from what it shows (usually the `AppState`),
/// drawn into the rectangle it is given. A view only draws; it never changes state, so the
/// terminal, the snapshot command and a follower draw the same state alike.
protocol View {
    func draw(in rect: Rect, canvas: inout Canvas)
}
