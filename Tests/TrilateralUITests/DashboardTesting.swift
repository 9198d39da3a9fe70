import BuiltInBriefings
import TrilateralModel
@testable import TrilateralUI

/// What a reducer test needs: a dashboard on the built-in briefing, and keys pressed on it the
/// way a user presses them (through the key table, `AppReducer.handle`).
protocol DashboardTesting {}

extension DashboardTesting {
    /// A fresh dashboard at a size (120×40 unless told).
    func fresh(_ w: Int = 120, _ h: Int = 40) -> AppState {
        AppState(briefing: BuiltInBriefings.standard, size: Size(width: w, height: h))
    }

    /// Presses the keys of a script (`KeyScript`: "j<Enter>", "<C-c>") on a state.
    func press(_ state: inout AppState, _ script: String) {
        for input in try! KeyScript.parse(script).get() { AppReducer.handle(&state, input) }
    }

    /// A fresh dashboard after the keys of a script.
    func run(_ script: String, size: Size = Size(width: 120, height: 40)) -> AppState {
        var s = fresh(size.width, size.height)
        press(&s, script)
        return s
    }
}
