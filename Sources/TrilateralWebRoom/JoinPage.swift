/// The room-code form (`GET /` without the cookie): a plain form that posts to `/join`, no
/// script, and the same line on why when a code was wrong or must wait.
public enum JoinPage {
    public static func html(problem: String? = nil) -> String {
        let why = problem.map { "<p role=\"alert\">\(escape($0))</p>\n" } ?? ""
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Join the briefing</title><style>\(style)</style></head>
        <body><main><h1>Join the briefing</h1>
        \(why)<form method="post" action="/join"><label for="code">Room code</label>
        <input id="code" name="code" autocomplete="off" inputmode="text" maxlength="64" required autofocus>
        <button type="submit">Join</button></form></main></body></html>

        """
    }

    static let style = "body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:30rem;padding:1rem}input,button{font:inherit;padding:.4rem;margin:.3rem 0;display:block;width:100%}@media (prefers-color-scheme:dark){body{background:#101418;color:#e6e6e6}}"
    public static var policy: String { "default-src 'none'; style-src \(LivePage.hash(style)); form-action 'self'; base-uri 'none'; frame-ancestors 'none'" }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c { case "&": out += "&amp;"; case "<": out += "&lt;"; case ">": out += "&gt;"; case "\"": out += "&quot;"; case "'": out += "&#39;"; default: out.append(c) }
        }
        return out
    }
}
