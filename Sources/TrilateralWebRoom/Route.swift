/// What a request asks for. Only these exist; everything else is refused by default.
public enum Route: Equatable, Sendable {
    /// `GET /`: the live page, or the code form without the cookie.
    case page
    /// `GET /live`: the WebSocket.
    case live
    /// `POST /join`: a room code from the form.
    case join
    case notAllowed     // 405: a method this path does not take
    case notFound       // 404

    /// The route of a method and a request target (query strings are ignored).
    public init(method: String, uri: String) {
        let path = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? uri
        switch (path, method) {
        case ("/", "GET"), ("/", "HEAD"): self = .page
        case ("/live", "GET"): self = .live
        case ("/join", "POST"): self = .join
        case ("/", _), ("/live", _), ("/join", _): self = .notAllowed
        default: self = .notFound
        }
    }

    /// The largest request head (request line and headers) and form body read.
    public static let headLimit = 8 << 10
    public static let bodyLimit = 256
}
