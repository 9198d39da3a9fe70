import Foundation
import Testing
import TrilateralModel
@testable import TrilateralUI

@Suite("Themes and colour")
struct ThemeTests {
    @Test func builtInThemesParse() {
        let (themes, problems) = ThemeLoader.catalog(userDirectory: nil)
        #expect(problems.isEmpty)
        #expect(Set(themes.map(\.name)).isSuperset(of: ["dark", "light", "mono"]))
    }

    /// A built-in theme is found by its file name without parsing the others, so every file's
    /// `name` must be its file name, and each must resolve on its own.
    @Test(arguments: ThemeLoader.builtInNames)
    func builtInThemeIsNamedLikeItsFile(_ name: String) throws {
        let definition = try #require(ThemeLoader.builtInDefinition(name))
        #expect(definition.name == name)
        var library = ThemeLibrary(userDirectory: nil)
        #expect(library.use(name)?.name == name)
        // What the build compiled is what the loader makes of the file today.
        let resolved = try ThemeLoader.resolve(name, in: ThemeLoader.definitions()).get()
        #expect(ThemeLoader.builtIn(name) == resolved)
    }

    /// Countries beyond the four the built-in briefing names get roles of their own, and in
    /// the colour themes those roles are colours no other country has.
    @Test func everyCountryGetsItsOwnColour() throws {
        let ids = ["aq", "us", "br", "cv", "ds", "kr"]
        let roles = Glyphs.countryRoles(ids.map { Country(id: $0, name: $0, short: $0.uppercased()) })
        #expect(roles["us"] == .countryUS && roles["kr"] == .countryKorea)
        #expect(Set(roles.values).count == ids.count, "\(roles)")
        let nine = Glyphs.countryRoles((0..<9).map { Country(id: "c\($0)", name: "C", short: "C") })
        #expect(Set(nine.values).count == 8, "past eight countries the roles go round")
        for name in ["dark", "light", "high-contrast", "colorblind", "terminal"] {
            let theme = try #require(ThemeLoader.builtIn(name))
            let colours = [StyleRole.countryUS, .countryJapan, .countryKorea, .countryChina, .countryOther1, .countryOther2, .countryOther3, .countryOther4].map { theme.style($0).fg }
            #expect(Set(colours).count == 8, "\(name): \(colours)")
        }
    }

    @Test func nearestColours() {
        #expect(ColorMapping.nearest256(255, 0, 0) == 196)
        #expect(ColorMapping.nearest256(128, 128, 128) == 244)
        #expect(ColorMapping.nearestANSI(250, 10, 10) == 9)
        #expect(ColorMapping.number(for: .rgb(255, 0, 0), capability: .ansi8) == 1)
        #expect(ColorMapping.number(for: .default, capability: .palette256) == -1)
    }

    @Test func capabilityDetectionOrder() {
        #expect(ColorCapability.detect(preference: .never, environment: [:], terminfoColors: 256) == .none)
        #expect(ColorCapability.detect(preference: .auto, environment: ["NO_COLOR": "1"], terminfoColors: 256) == .none)
        #expect(ColorCapability.detect(preference: .auto, environment: ["NO_COLOR": ""], terminfoColors: 256) == .palette256)
        #expect(ColorCapability.detect(preference: .auto, environment: ["COLORTERM": "truecolor"], terminfoColors: 8) == .palette256)
        #expect(ColorCapability.detect(preference: .auto, environment: [:], terminfoColors: 16_777_216) == .truecolor)
        #expect(ColorCapability.detect(preference: .auto, environment: [:], terminfoColors: 8) == .ansi8)
        #expect(ColorCapability.detect(preference: .always, environment: ["NO_COLOR": "1"], terminfoColors: 0) == .ansi8)
    }
}

/// WCAG contrast of every role's text against its background, in the themes that promise it.
@Suite("Theme legibility")
struct ThemeContrastTests {
    static let graphics: Set<StyleRole> = [.border, .gauge, .gaugeEmpty, .axis, .chartA, .chartB, .chartC, .chartD,
                                           .barPast, .barFuture, .eventPast, .eventFuture, .asOfMarker]

    static func ratio(_ theme: Theme, _ role: StyleRole) -> Double {
        let style = theme.style(role)
        var fg = Contrast.rgb(style.fg, default: theme.foreground), bg = Contrast.rgb(style.bg, default: theme.background)
        if style.attributes.contains(.reverse) { swap(&fg, &bg) }
        return Contrast.ratio(fg, bg)
    }

    @Test(arguments: [("dark", 4.5), ("light", 4.5), ("high-contrast", 7.0), ("colorblind", 4.5)])
    func textMeetsContrast(_ name: String, _ minimum: Double) throws {
        let theme = try #require(ThemeLoader.catalog(userDirectory: nil).themes.first { $0.name == name })
        for role in StyleRole.allCases {
            let needed = Self.graphics.contains(role) ? 3.0 : minimum
            let r = Self.ratio(theme, role)
            #expect(r >= needed, "\(name).\(role.rawValue): \(String(format: "%.2f", r)):1 < \(needed):1")
        }
    }

    @Test func terminalThemeUsesOnlyANSIColours() throws {
        let theme = try #require(ThemeLoader.catalog(userDirectory: nil).themes.first { $0.name == "terminal" })
        for style in theme.styles.values {
            for color in [style.fg, style.bg] {
                if case .ansi = color { continue }
                #expect(color == .default)
            }
        }
    }

    @Test func monoThemeHasNoColour() throws {
        let theme = try #require(ThemeLoader.catalog(userDirectory: nil).themes.first { $0.name == "mono" })
        #expect(theme.styles.values.allSatisfy { $0.fg == .default && $0.bg == .default })
    }

    @Test func badThemeFilesAreLocated() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "trilateral-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appending(path: "bad.yaml")
        try "name: bad\nroles:\n  text: { fg: \"#zzzzzz\" }\n  sparkle: { fg: red }\n".write(to: file, atomically: true, encoding: .utf8)
        guard case .failure(let error) = ThemeLoader.load(path: file.path) else { Issue.record("accepted"); return }
        #expect(error.exitStatus == 65)
        #expect(error.description.contains("bad.yaml:3:"))
        #expect(error.description.contains("'#zzzzzz' is not a colour"))
        let (themes, problems) = ThemeLoader.catalog(userDirectory: dir.path)
        #expect(!themes.contains { $0.name == "bad" })
        #expect(problems.count == 1)
    }

    /// A broken user theme named like a built-in one is reported, and the built-in stays.
    @Test func aBrokenUserThemeNeverHidesTheBuiltIn() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "trilateral-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "name: dark\nextends: nowhere\nroles: {}\n".write(to: dir.appending(path: "dark.yaml"), atomically: true, encoding: .utf8)
        let (themes, problems) = ThemeLoader.catalog(userDirectory: dir.path)
        #expect(themes.contains { $0.name == "dark" && $0.description.contains("Default dark") })
        #expect(problems.count == 1)
        #expect(problems.first?.description.contains("'nowhere' that does not exist") == true)
    }

    @Test func anOversizedThemeIsRefusedByName() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "huge-\(UUID().uuidString).yaml")
        try Data(repeating: 0x23, count: Limits.themeBytes + 10).write(to: file)
        guard case .failure(let error) = ThemeLoader.load(path: file.path) else { Issue.record("accepted"); return }
        #expect(error.description.contains("larger than 1 MiB, the most a theme file may hold"))
    }

    /// A loop of `extends` reads the same however it is reached.
    @Test func anExtendsLoopIsOneMessage() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "trilateral-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "name: a\nextends: b\nroles: {}\n".write(to: dir.appending(path: "a.yaml"), atomically: true, encoding: .utf8)
        try "name: b\nextends: a\nroles: {}\n".write(to: dir.appending(path: "b.yaml"), atomically: true, encoding: .utf8)
        guard case .failure(let direct) = ThemeLoader.load(path: dir.appending(path: "a.yaml").path, userDirectory: dir.path) else { Issue.record("accepted"); return }
        let inCatalog = ThemeLoader.catalog(userDirectory: dir.path).problems.map(\.description)
        #expect(direct.description.contains("'extends' goes round in a loop: a → b → a"))
        #expect(inCatalog.contains(direct.description))
    }
}
