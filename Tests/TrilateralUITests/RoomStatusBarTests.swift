import Testing
import TrilateralModel
@testable import TrilateralUI

/// A presenter whose room's doors are open: the way in (each door and the code) is on the
/// status bar whole at every width a presenter uses, and what gives way is the rest.
@Suite("Status bar with the room's doors")
struct RoomStatusBarTests: DashboardTesting {
    /// The bottom line of a presenter at `width` with `doors` open and `audience` watching.
    func statusLine(width: Int, doors: [String], audience: Audience, keys: String = "") -> String {
        var s = fresh(width, 24)
        press(&s, keys)
        AppReducer.reduce(&s, .app(.doors(doors)))
        AppReducer.reduce(&s, .app(.audience(audience)))
        return CanvasText.plain(Dashboard.render(s)).split(separator: "\n", omittingEmptySubsequences: false).dropLast().last.map(String.init) ?? ""
    }

    @Test("at 80 columns both doors and the whole code show; the audience goes before them")
    func bothDoorsAt80() {
        let line = statusLine(width: 80, doors: ["ssh -p 2310 127.0.0.1", "http://127.0.0.1:8093/", "code 203145"], audience: Audience(watching: 12, browsing: 1))
        #expect(line.contains("ssh -p 2310 127.0.0.1 · http://127.0.0.1:8093/ · code 203145"), "\(line)")
        #expect(!line.contains("…"), "\(line)")
    }

    @Test("one door at 80 columns: the code and who is watching, the theme gives way first")
    func oneDoorAt80() {
        let line = statusLine(width: 80, doors: ["ssh -p 2310 127.0.0.1", "code 203145"], audience: Audience(watching: 3, browsing: 1, routes: [.ssh: 4]))
        #expect(line.contains("ssh -p 2310 127.0.0.1 · code 203145 · 3 watching"), "\(line)")
        #expect(line.contains("? help"), "the help hint stays: \(line)")
    }

    @Test("at 120 columns everything shows: doors, audience, pane and theme")
    func everythingAt120() {
        let line = statusLine(width: 120, doors: ["ssh -p 2310 127.0.0.1", "code 203145"], audience: Audience(watching: 3, browsing: 0, routes: [.ssh: 3]))
        #expect(line.contains("ssh -p 2310 127.0.0.1 · code 203145 · 3 watching · 3 over ssh · 1/"), "\(line)")
    }

    @Test("during the tour the step leads, the doors and the code still show whole, the audience's details give way")
    func duringTheTour() {
        let line = statusLine(width: 120, doors: ["ssh -p 2310 127.0.0.1", "http://127.0.0.1:8093/", "code 203145"],
                              audience: Audience(watching: 1, browsing: 0, routes: [.web: 1]), keys: "b")
        #expect(line.contains("step 1/"), "\(line)")
        #expect(line.hasSuffix("ssh -p 2310 127.0.0.1 · http://127.0.0.1:8093/ · code 203145 · 1 watching"), "\(line)")
        #expect(!line.contains("…"), "\(line)")
    }
}
