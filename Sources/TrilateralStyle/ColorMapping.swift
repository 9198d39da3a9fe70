import Glibc

/// What a terminal can show, and how theme colours step down to it.
public enum ColorCapability: Int, Sendable, Comparable, CaseIterable {
    case none = 0, ansi8 = 8, ansi16 = 16, palette256 = 256, truecolor = 16_777_216

    public static func < (a: ColorCapability, b: ColorCapability) -> Bool { a.rawValue < b.rawValue }

    /// The `--color` flag's values.
    public enum Preference: String, Sendable, CaseIterable { case always, never, auto }

    /// Detection in order: the flag, then `NO_COLOR` (any non-empty value), then
    /// `COLORTERM=truecolor|24bit`, then terminfo's colour count. `always` without
    /// terminfo colours still gives 8 colours.
    public static func detect(preference: Preference, environment: [String: String], terminfoColors: Int) -> ColorCapability {
        let fromTerminfo: ColorCapability = terminfoColors >= 16_777_216 ? .truecolor
            : terminfoColors >= 256 ? .palette256 : terminfoColors >= 16 ? .ansi16 : terminfoColors >= 8 ? .ansi8 : .none
        switch preference {
        case .never: return .none
        case .always: return max(fromTerminfo, .ansi8)
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
            if fromTerminfo == .none { return .none }
            if let ct = environment["COLORTERM"]?.lowercased(), ct == "truecolor" || ct == "24bit" {
                // The terminal can, but ncurses only sends 24-bit colour with a direct-colour
                // terminfo entry; otherwise the best it can send is the 256-colour palette.
                return terminfoColors >= 16_777_216 ? .truecolor : max(fromTerminfo, .palette256)
            }
            return fromTerminfo
        }
    }
}

/// Nearest-colour mapping from 24-bit to the 256-colour palette and the 16 ANSI colours.
public enum ColorMapping {
    /// xterm's default values for the 16 ANSI colours.
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value of a 256-palette index.
    public static func rgb(ofIndex n: Int) -> (Int, Int, Int) {
        if n < 16 { return ansiRGB[n] }
        if n >= 232 { let v = 8 + (n - 232) * 10; return (v, v, v) }
        let i = n - 16
        return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
    }

    /// A perceptual distance ("redmean" weighting), good enough to pick palette entries.
    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let rMean = (a.0 + b.0) / 2
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return (((512 + rMean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rMean) * db * db) >> 8)
    }

    /// The nearest index 16–255: the colour cube, or the grey ramp for greys.
    public static func nearest256(_ r: Int, _ g: Int, _ b: Int) -> Int {
        func level(_ v: Int) -> Int { v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40 }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let grey = r == g && g == b ? r : (r + g + b) / 3
        let greyIndex = grey < 8 ? 232 : grey > 238 ? 255 : 232 + (grey - 8) / 10
        return distance((r, g, b), rgb(ofIndex: greyIndex)) < distance((r, g, b), rgb(ofIndex: cube)) ? greyIndex : cube
    }

    /// The nearest of the first `count` ANSI colours (8 or 16).
    public static func nearestANSI(_ r: Int, _ g: Int, _ b: Int, count: Int = 16) -> Int {
        (0..<count).min { distance((r, g, b), ansiRGB[$0]) < distance((r, g, b), ansiRGB[$1]) }!
    }

    /// A colour as the terminal can show it: -1 for the default, else a colour number.
    public static func number(for color: Color, capability: ColorCapability) -> Int {
        switch (color, capability) {
        case (.default, _), (_, .none): return -1
        // A direct-colour entry's setaf takes 0…7 as the ANSI colours and anything else as
        // RGB: a bright or palette colour goes as its RGB value.
        case (.ansi(let n), .truecolor) where n >= 8, (.indexed(let n), .truecolor) where n >= 8:
            let (r, g, b) = rgb(ofIndex: n)
            return r << 16 | g << 8 | b
        case (.ansi(let n), .ansi8): return n == 8 ? 7 : n % 8
        case (.ansi(let n), _): return n
        case (.indexed(let n), .palette256), (.indexed(let n), .truecolor): return n
        case (.indexed(let n), _):
            let (r, g, b) = rgb(ofIndex: n)
            return nearestANSI(r, g, b, count: capability == .ansi8 ? 8 : 16)
        case (.rgb(let r, let g, let b), .truecolor): return Int(r) << 16 | Int(g) << 8 | Int(b)
        case (.rgb(let r, let g, let b), .palette256): return nearest256(Int(r), Int(g), Int(b))
        case (.rgb(let r, let g, let b), _): return nearestANSI(Int(r), Int(g), Int(b), count: capability == .ansi8 ? 8 : 16)
        }
    }
}

/// WCAG 2 contrast between colours: what the themes are checked against, and what the handout
/// (`trilateral export`) uses to pick colours that read on paper and on dark screens.
public enum Contrast {
    /// A colour as RGB: `default` is `fallback` (the terminal's own colour), ANSI and 256-colour
    /// indices are their xterm values.
    public static func rgb(_ color: Color, default fallback: Color) -> (Double, Double, Double) {
        switch color {
        case .default: return fallback == .default ? (0, 0, 0) : rgb(fallback, default: .rgb(0, 0, 0))
        case .rgb(let r, let g, let b): return (Double(r), Double(g), Double(b))
        case .ansi(let n), .indexed(let n):
            let (r, g, b) = ColorMapping.rgb(ofIndex: n)
            return (Double(r), Double(g), Double(b))
        }
    }

    /// Relative luminance, 0 (black) to 1 (white).
    public static func luminance(_ c: (Double, Double, Double)) -> Double {
        func channel(_ v: Double) -> Double { let s = v / 255; return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4) }
        return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    /// The contrast ratio, 1 to 21.
    public static func ratio(_ a: (Double, Double, Double), _ b: (Double, Double, Double)) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}
