import Testing
@testable import TrilateralUI

@Suite("Themes and colour")
struct ThemeTests {
    @Test func builtInThemesParse() {
        let (themes, problems) = ThemeLoader.catalog(userDirectory: nil)
        #expect(problems.isEmpty)
        #expect(Set(themes.map(\.name)).isSuperset(of: ["dark", "light", "mono"]))
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
