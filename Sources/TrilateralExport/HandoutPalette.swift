import TrilateralStyle
import TrilateralUI

/// The handout's colours, from the chosen theme where they read well: one set for paper and
/// light screens (on white), one for dark screens (on the dark theme's background). A theme
/// colour that falls short of 4.5:1 there (3:1 for lines and marks) is replaced by the built-in
/// light or dark theme's colour for the same role, which the test suite holds to those ratios.
public struct HandoutPalette {
    /// The CSS custom properties (`--text: #1f2430;`), for light and for dark.
    let light: [(String, String)]
    let dark: [(String, String)]

    static let paper: (Double, Double, Double) = (255, 255, 255)
    static let screen: (Double, Double, Double) = (16, 20, 24)

    /// The roles the handout draws with, and whether each is text (4.5:1) or a mark (3:1).
    static let roles: [(StyleRole, String, Bool)] = [
        (.text, "text", true), (.muted, "muted", true), (.heading, "heading", true), (.link, "link", true),
        (.quote, "quote", true), (.warning, "warning", true), (.hindsight, "hindsight", true),
        (.outlookStrong, "strong", true), (.outlookSteady, "steady", true), (.outlookStrained, "strained", true), (.outlookFaltering, "faltering", true),
        (.countryUS, "c1", true), (.countryJapan, "c2", true), (.countryKorea, "c3", true), (.countryChina, "c4", true),
        (.countryOther1, "c5", true), (.countryOther2, "c6", true), (.countryOther3, "c7", true), (.countryOther4, "c8", true),
        (.chartA, "chart-a", false), (.chartB, "chart-b", false), (.chartC, "chart-c", false), (.chartD, "chart-d", false),
        (.barPast, "bar-past", false), (.barFuture, "bar-future", false), (.asOfMarker, "as-of", false), (.axis, "axis", false),
        (.border, "rule", false),
    ]

    /// The CSS name of a country's role.
    public static func cssName(_ role: StyleRole) -> String { roles.first { $0.0 == role }?.1 ?? "text" }

    init(theme: Theme) {
        let lightTheme = ThemeLoader.builtIn("light") ?? theme, darkTheme = ThemeLoader.builtIn("dark") ?? theme
        func pick(_ role: StyleRole, text: Bool, on background: (Double, Double, Double), fallback: Theme) -> String {
            let need = text ? 4.5 : 3.0
            for candidate in [theme, fallback] {
                let style = candidate.style(role)
                guard style.fg != .default || candidate.foreground != .default else { continue }
                let rgb = Contrast.rgb(style.fg, default: candidate.foreground)
                if Contrast.ratio(rgb, background) >= need { return Self.hex(rgb) }
            }
            return background == Self.paper ? "#1f2430" : "#d8dee9"
        }
        light = Self.roles.map { ("--\($0.1)", pick($0.0, text: $0.2, on: Self.paper, fallback: lightTheme)) }
        dark = Self.roles.map { ("--\($0.1)", pick($0.0, text: $0.2, on: Self.screen, fallback: darkTheme)) }
    }

    static func hex(_ c: (Double, Double, Double)) -> String {
        func two(_ v: Double) -> String { let s = String(Int(v.rounded()), radix: 16); return s.count == 1 ? "0" + s : s }
        return "#" + two(c.0) + two(c.1) + two(c.2)
    }
}
