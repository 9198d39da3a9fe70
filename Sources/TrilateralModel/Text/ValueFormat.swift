import Glibc

/// How numbers from a briefing's data are written for people, at any magnitude: in full for
/// tables and text (`234,567`, `0.000456`, `19.8`), compactly for chart axes (`234.6k`, `100B`,
/// `4.6e-4`), never by converting to an integer type (a value beyond `Int` must not trap).
public enum ValueFormat {
    /// A value in full: whole numbers with thousands separators, others as their shortest
    /// exact decimal, very large or small ones in scientific notation.
    public static func full(_ v: Double) -> String {
        guard v.isFinite else { return "\(v)" }
        let magnitude = abs(v)
        if magnitude >= 1e15 || (magnitude > 0 && magnitude < 1e-6) { return scientific(v, digits: 6) }
        if v == v.rounded() { return grouped(v) }
        return "\(v)"
    }

    /// A value for an axis label whose ticks are `step` apart: short (at most 7 characters),
    /// with k, M, B, T for large numbers and just enough decimals to tell ticks apart.
    public static func axis(_ v: Double, step: Double) -> String {
        guard v.isFinite, step.isFinite, step > 0 else { return "\(v)" }
        if v == 0 { return "0" }
        let magnitude = max(abs(v), step)
        if magnitude < 1e-3 { return scientific(v, digits: 2) }
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]
        if magnitude >= 1e4, let (scale, suffix) = units.first(where: { magnitude >= $0.0 }) {
            return trimmed(v / scale, decimals: decimals(for: step / scale)) + suffix
        }
        return trimmed(v, decimals: decimals(for: step))
    }

    /// Tick positions for an axis from `low` to `high` with about `count` ticks: multiples of a
    /// "nice" step (1, 2, 2.5 or 5 times a power of ten) covering the range.
    public static func ticks(low: Double, high: Double, count: Int) -> (low: Double, high: Double, step: Double) {
        var low = low, high = high
        if !(high > low) {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad; high += pad
        }
        let raw = (high - low) / Double(max(1, count - 1))
        let power = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        return ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step, step)
    }

    /// The decimals that tell ticks `step` apart: those of the step itself (2.5 needs one).
    static func decimals(for step: Double) -> Int {
        for d in 0...6 where abs((step * pow(10, Double(d))).rounded() - step * pow(10, Double(d))) < 1e-6 * max(1, step * pow(10, Double(d))) {
            return d
        }
        return 6
    }

    static func trimmed(_ v: Double, decimals: Int) -> String {
        var text = CFormat.format("%.\(decimals)f", v)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// `4.6e-4`, `1.5e15`: a mantissa of up to `digits` significant digits, trailing zeros cut.
    static func scientific(_ v: Double, digits: Int) -> String {
        let text = CFormat.format("%.\(max(0, digits - 1))e", v)
        guard let e = text.firstIndex(of: "e") else { return text }
        var mantissa = String(text[..<e])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        return "\(mantissa)e\(exponent)"
    }

    static func grouped(_ v: Double) -> String {
        let digits = CFormat.format("%.0f", abs(v))
        var out = ""
        for (n, c) in digits.reversed().enumerated() {
            if n > 0 && n % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (v < 0 ? "-" : "") + String(out.reversed())
    }
}
