import Foundation
import TrilateralModel

/// A small line chart of a data series in character cells: one marker shape per line
/// (filled for reported values, hollow for derived, medium-confidence ones), dotted segments
/// between years, labelled axes, a legend and the source underneath.
struct ChartView {
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
              let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(), maxX > minX else { return }
        let low = floor(minY) - 1, high = ceil(maxY) + 1
        canvas.text("\(series.title) (\(series.unit))", x: rect.x, y: rect.y, width: rect.width, role: .heading)
        let entries = series.lines.enumerated().map { "\(marker($0.offset, .high)) \($0.element.label)  " }
        var legendLines = [[Int]]()
        var used = rect.width
        for (n, entry) in entries.enumerated() {
            if used + DisplayWidth.of(entry) > rect.width { legendLines.append([]); used = 0 }
            legendLines[legendLines.count - 1].append(n)
            used += DisplayWidth.of(entry)
        }
        let legendRows = legendLines.count + 1, labelWidth = 5
        let plot = Rect(x: rect.x + labelWidth, y: rect.y + 1, width: rect.width - labelWidth, height: rect.height - 3 - legendRows)
        func row(_ v: Double) -> Int { plot.maxY - 1 - Int(((v - low) / (high - low) * Double(plot.height - 1)).rounded()) }
        func column(_ x: Int) -> Int { plot.x + 1 + (x - minX) * (plot.width - 3) / (maxX - minX) }
        // Axes: value labels at top, middle and bottom; a tick row of years.
        for v in [low, (low + high) / 2, high] {
            canvas.text(String(format: "%4.0f", v), x: rect.x, y: row(v), role: .axis)
        }
        canvas.vline(x: plot.x, y: plot.y, height: plot.height, role: .axis)
        let axisY = plot.maxY
        canvas.hline(x: plot.x, y: axisY, width: plot.width, role: .axis)
        canvas.put(ascii ? "+" : "└", x: plot.x, y: axisY, role: .axis)
        var nextFree = rect.x
        for year in minX...maxX {
            let x = column(year)
            canvas.put(ascii ? "+" : "┴", x: x, y: axisY, role: .axis)
            let label = String(year)
            let lx = x - label.count / 2
            if lx >= nextFree { nextFree = canvas.text(label, x: lx, y: axisY + 1, role: .axis) + 1 }
        }
        // Lines: dotted segments first, markers on top.
        for (n, line) in series.lines.enumerated() {
            let role = Self.roles[n % 4]
            for (a, b) in zip(line.points, line.points.dropFirst()) {
                let x0 = column(a.x), x1 = column(b.x)
                guard x1 - x0 > 1 else { continue }
                for x in (x0 + 1)..<x1 {
                    let v = a.y + (b.y - a.y) * Double(x - x0) / Double(x1 - x0)
                    if canvas[x, row(v)].grapheme == " " { canvas.put(ascii ? "." : "·", x: x, y: row(v), role: role) }
                }
            }
        }
        for (n, line) in series.lines.enumerated() {
            for p in line.points { canvas.put(marker(n, p.confidence), x: column(p.x), y: row(p.y), role: Self.roles[n % 4]) }
        }
        // Legend and source.
        var legendY = axisY + 2
        for row in legendLines {
            var x = rect.x
            for n in row { x = canvas.text(entries[n], x: x, y: legendY, width: rect.maxX - x, role: Self.roles[n % 4]) }
            legendY += 1
        }
        let note = "hollow \(ascii ? "a-d" : "○□△◇") = derived (medium confidence) · source: \(series.cite.reference)"
        canvas.text(note, x: rect.x, y: legendY, width: rect.width, role: .citation)
    }
}
