import TrilateralModel
import TrilateralUI
let b = BriefingLoader.builtIn()
print(CanvasText.plain(Dashboard.render(AppState(briefing: b, size: Size(width: 120, height: 40)))))
