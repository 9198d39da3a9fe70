import TrilateralModel

/// A series as an inline SVG line chart: years along, values up (nice ticks, compact labels),
/// a line per series line, and each point as a dot — hollow where the value is derived
/// (medium or low confidence), as on screen. A legend names the lines; the page's table holds
/// every value.
struct ChartSVG {
    let series: Series
    let id: String
    let width = 640.0, height = 300.0
    let left = 56.0, right = 120.0, top = 16.0, bottom = 30.0

    /// The CSS colour of line `n` (four chart colours, round again after).
    static func colour(_ n: Int) -> String { ["chart-a", "chart-b", "chart-c", "chart-d"][n % 4] }

    var svg: String {
        let points = series.lines.flatMap(\.points)
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max() else { return "" }
        let ys = points.map(\.y)
        let ticks = ValueFormat.ticks(low: min(0, ys.min()!), high: ys.max()!, count: 5)
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ year: Int) -> Double { left + (maxX == minX ? plotW / 2 : plotW * Double(year - minX) / Double(maxX - minX)) }
        func y(_ v: Double) -> Double { top + plotH * (1 - (v - ticks.low) / max(ticks.high - ticks.low, .leastNonzeroMagnitude)) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(format1(width)) \(format1(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        out += "<title id=\"\(id)-title\">\(Markup.html(series.title))</title>\n"
        out += "<desc id=\"\(id)-desc\">\(Markup.html(description(minX, maxX)))</desc>\n"
        // Value gridlines and labels.
        var v = ticks.low
        var guardCount = 0
        while v <= ticks.high + ticks.step / 2, guardCount < 50 {
            out += "<line class=\"grid\" x1=\"\(format1(left))\" x2=\"\(format1(left + plotW))\" y1=\"\(format1(y(v)))\" y2=\"\(format1(y(v)))\"/>"
            out += "<text class=\"value\" x=\"\(format1(left - 6))\" y=\"\(format1(y(v) + 4))\" text-anchor=\"end\">\(Markup.html(ValueFormat.axis(v, step: ticks.step)))</text>\n"
            v += ticks.step
            guardCount += 1
        }
        // Years along the bottom, at most about eight labels.
        let yearStep = max(1, (maxX - minX + 7) / 8)
        for year in stride(from: minX, through: maxX, by: yearStep) {
            out += "<text class=\"year\" x=\"\(format1(x(year)))\" y=\"\(format1(height - 10))\" text-anchor=\"middle\">\(year)</text>\n"
        }
        // The lines, their points, and a legend entry each.
        for (n, line) in series.lines.enumerated() {
            let colour = Self.colour(n)
            let sorted = line.points.sorted { $0.x < $1.x }
            let path = sorted.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(format1(x($0.element.x))) \(format1(y($0.element.y)))" }.joined(separator: " ")
            out += "<path class=\"series-line\" style=\"stroke: var(--\(colour))\" d=\"\(path)\"/>\n"
            for p in sorted {
                let derived = p.confidence != .high
                let tip = "\(line.label), \(p.x): \(ValueFormat.full(p.y))\(series.unit)\(derived ? " (\(p.confidence.rawValue) confidence: derived)" : "")"
                out += "<circle class=\"\(derived ? "point-derived" : "point")\" style=\"stroke: var(--\(colour)); \(derived ? "" : "fill: var(--\(colour))")\" cx=\"\(format1(x(p.x)))\" cy=\"\(format1(y(p.y)))\" r=\"4\"><title>\(Markup.html(tip))</title></circle>\n"
            }
            let ly = top + 14 + Double(n) * 18
            out += "<line style=\"stroke: var(--\(colour))\" class=\"series-line\" x1=\"\(format1(width - right + 10))\" x2=\"\(format1(width - right + 28))\" y1=\"\(format1(ly - 4))\" y2=\"\(format1(ly - 4))\"/>"
            out += "<text class=\"legend\" x=\"\(format1(width - right + 32))\" y=\"\(format1(ly))\">\(Markup.html(line.label))</text>\n"
        }
        return out + "</svg>"
    }

    func description(_ minX: Int, _ maxX: Int) -> String {
        let lines = series.lines.map(\.label).joined(separator: ", ")
        let derived = series.lines.contains { $0.points.contains { $0.confidence != .high } }
        return "Line chart of \(series.title)\(series.unit.isEmpty ? "" : " (\(series.unit))"), \(minX) to \(maxX): \(lines)."
            + (derived ? " Hollow dots are derived values." : "") + " Every value is in the table below."
    }
}
