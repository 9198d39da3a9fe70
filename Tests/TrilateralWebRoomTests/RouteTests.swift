import Testing
import TrilateralWebRoom

/// The door's routes: the page, the WebSocket and the form, each by its one method (HEAD for
/// the page too); query strings ignored; another method on a known path is 405, any other
/// path 404, with no normalising of `..` or doubled slashes.
@Suite("Routes")
struct RouteTests {
    @Test(arguments: [
        ("GET", "/", Route.page), ("HEAD", "/", .page), ("GET", "/?from=qr", .page), ("GET", "/?", .page),
        ("GET", "/live", .live), ("GET", "/live?x=1", .live),
        ("POST", "/join", .join), ("POST", "/join?next=/", .join),
    ])
    func known(_ method: String, _ uri: String, _ route: Route) {
        #expect(Route(method: method, uri: uri) == route)
    }

    @Test(arguments: [("POST", "/"), ("PUT", "/"), ("DELETE", "/"), ("POST", "/live"), ("HEAD", "/live"), ("GET", "/join"), ("OPTIONS", "/join")])
    func wrongMethod(_ method: String, _ uri: String) {
        #expect(Route(method: method, uri: uri) == .notAllowed)
    }

    @Test(arguments: ["/x", "/live/..", "//", "/live/", "/join/", "", "?/", "/index.html", "/LIVE", "live", "/%6Cive", "/../", "/live/../live"])
    func unknownPaths(_ uri: String) {
        #expect(Route(method: "GET", uri: uri) == .notFound)
        #expect(Route(method: "POST", uri: uri) == .notFound)
    }
}
