import Testing
@testable import TrilateralRemote

@Suite struct TerminalProfileTests {
    @Test func xtermIsKnown() {
        #expect(TerminalProfile.named("xterm-256color")?.colors == 256)
        #expect(TerminalProfile.named("no-such-terminal-here") == nil)
    }
}
