import FoundationEssentials
import TrilateralModel

/// A small line chart of a data series in character cells: one marker shape per line
/// (filled for reported values, hollow for derived, medium-confidence ones), dotted segments
/// between points, a value axis with "nice" ticks labelled for any magnitude, a year axis
/// whose labels never collide, a legend and the source underneath. Work per frame follows
/// the plot's size and the number of points, never the range of the values.
struct ChartView: View {
    let series: Series
    let ascii: Bool

    static let markers: [(high: Character, derived: Character)] = [("●", "○"), ("■", "□"), ("▲", "△"), ("◆", "◇")]
    static let asciiMarkers: [(high: Character, derived: Character)] = [("A", "a"), ("B", "b"), ("C", "c"), ("D", "d")]
    static let roles: [StyleRole] = [.chartA, .chartB, .chartC, .chartD]

    /// Rows the chart wants at least (title, 5 plot rows, axis, labels, legend, source).
    static let minimumHeight = 12

    func marker(_ line: Int, _ confidence: Series.Point.Confidence) -> Character {
        let pair = (ascii ? Self.asciiMarkers : Self.markers)[line % 4]
        return confidence == .high ? pair.high : pair.derived
    }

    func draw(in rect: Rect, canvas: inout Canvas) {
        guard rect.width >= 24, rect.height >= Self.minimumHeight else { return }
        let points = series.lines.flatMap(\.points)
        guard let minY = points.map(\.y).min(), let maxY = points.map(\.y).max(),
              let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(), maxX > minX else {
            canvas.text("\(series.title): too few points to draw", x: rect.x, y: rect.y, width: rect.width, role: .muted)
            return
        }
        canvas.text(series.unit.isEmpty ? series.title : "\(series.title) (\(series.unit))", x: rect.x, y: rect.y, width: rect.width, role: .heading)
        let entries = series.lines.enumerated().map { "\(marker($0.offset, .high)) \($0.element.label)  " }
        var legendLines = [[Int]]()
        var used = rect.width
        for (n, entry) in entries.enumerated() {
            let w = min(DisplayWidth.of(entry), rect.width)
            if used + w > rect.width { legendLines.append([]); used = 0 }
            legendLines[legendLines.count - 1].append(n)
            used += w
        }
        let legendRows = min(legendLines.count, max(1, rect.height - Self.minimumHeight + 2)) + 1
        let plotHeight = rect.height - 3 - legendRows
        guard plotHeight >= 3 else { return }
        // The value axis: nice ticks over the data, labels as wide as the widest one needs.
        let ticks = ValueFormat.ticks(low: minY, high: maxY, count: min(6, max(2, plotHeight / 2 + 1)))
        let (low, high) = (ticks.low, ticks.high)
        let tickValues = stride(from: low, through: high + ticks.step / 2, by: ticks.step).map { $0 }
        let labels = tickValues.map { ValueFormat.axis($0, step: ticks.step) }
        let labelWidth = min(10, (labels.map { DisplayWidth.of($0) }.max() ?? 1) + 1)
        let plot = Rect(x: rect.x + labelWidth, y: rect.y + 1, width: rect.width - labelWidth, height: plotHeight)
        func row(_ v: Double) -> Int {
            let fraction = (v - low) / (high - low)
            return plot.maxY - 1 - Int((min(1, max(0, fraction)) * Double(plot.height - 1)).rounded())
        }
        func column(_ x: Int) -> Int { plot.x + 1 + (x - minX) * (plot.width - 3) / (maxX - minX) }
        var lastLabelRow = Int.max
        for (v, label) in zip(tickValues, labels) where row(v) < lastLabelRow {
            // Bottom-up, so the lowest tick keeps its label when rows are tight.
            let y = row(v)
            canvas.text(String(repeating: " ", count: max(0, labelWidth - 1 - DisplayWidth.of(label))) + label,
                        x: rect.x, y: y, width: labelWidth - 1, role: .axis)
            lastLabelRow = y
        }
        canvas.vline(x: plot.x, y: plot.y, height: plot.height, role: .axis)
        let axisY = plot.maxY
        canvas.hline(x: plot.x, y: axisY, width: plot.width, role: .axis)
        canvas.put("└", x: plot.x, y: axisY, role: .axis)
        // The year axis: a tick every `step` years, with the step chosen so labels fit.
        let yearsWide = maxX - minX
        let room = max(1, (plot.width - 3) / 5)
        let step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000].first { yearsWide / $0 <= room } ?? 10_000
        var nextFree = rect.x
        for year in stride(from: (minX + step - 1) / step * step, through: maxX, by: step) {
            let x = column(year)
            canvas.put("┴", x: x, y: axisY, role: .axis, clip: plot)
            let label = String(year)
            let lx = x - label.count / 2
            if lx >= nextFree, lx + label.count <= rect.maxX {
                nextFree = canvas.text(label, x: lx, y: axisY + 1, role: .axis, clip: rect) + 1
            }
        }
        // Lines: dotted segments first, markers on top.
        for (n, line) in series.lines.enumerated() {
            let role = Self.roles[n % 4]
            for (a, b) in zip(line.points, line.points.dropFirst()) {
                let x0 = column(a.x), x1 = column(b.x)
                guard abs(x1 - x0) > 1 else { continue }
                let (from, to) = (min(x0, x1), max(x0, x1))
                for x in (from + 1)..<to {
                    let v = a.y + (b.y - a.y) * Double(x - x0) / Double(x1 - x0)
                    if canvas[x, row(v)].grapheme == " " { canvas.put("·", x: x, y: row(v), role: role, clip: plot) }
                }
            }
        }
        for (n, line) in series.lines.enumerated() {
            for p in line.points { canvas.put(marker(n, p.confidence), x: column(p.x), y: row(p.y), role: Self.roles[n % 4], clip: plot) }
        }
        // Legend and source.
        var legendY = axisY + 2
        for row in legendLines.prefix(legendRows - 1) {
            var x = rect.x
            for n in row where x < rect.maxX { x = canvas.text(entries[n], x: x, y: legendY, width: rect.maxX - x, role: Self.roles[n % 4]) }
            legendY += 1
        }
        let derived = points.contains { $0.confidence != .high }
        let note = (derived ? "hollow \(ascii ? "a-d" : "○□△◇") = derived (medium confidence) · " : "") + "source: \(series.cite.reference)"
        canvas.text(note, x: rect.x, y: legendY, width: rect.width, role: .citation)
    }
}
