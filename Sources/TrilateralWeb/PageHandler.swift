import NIOCore
import NIOHTTP1
import NIOWebSocket
import TrilateralWebRoom

/// Every HTTP request that is not a WebSocket upgrade: the live page (or the code form), a
/// code from the form, and the right status for anything else. One request per connection.
final class PageHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    static let name = "page"
    let room: WebRoom
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var answered = false

    init(room: WebRoom) { self.room = room }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body(var chunk):
            guard body.count + chunk.readableBytes <= Route.bodyLimit else { answer(Response(status: .payloadTooLarge), context: context); return }
            body += chunk.readBytes(length: chunk.readableBytes) ?? []
        case .end:
            guard let head else { return }
            answer(response(to: head, peer: context.channel.remoteAddress?.ipAddress ?? "?"), context: context)
        }
    }

    /// What a whole request gets.
    func response(to head: HTTPRequestHead, peer: String) -> Response {
        guard WebServer.hostAllowed(head, listening: room.listening) else { return Response(status: .misdirectedRequest) }
        let cookies = head.headers["cookie"]
        switch Route(method: head.method.rawValue, uri: head.uri) {
        case .page:
            guard room.keeper.admits(cookies: cookies) else { return Response.page(JoinPage.html(), policy: JoinPage.policy, head: head) }
            guard let page = room.page else { return Response(status: .serviceUnavailable) }
            return Response.page(page.html, policy: page.policy, head: head)
        case .join:
            switch room.keeper.join(form: body, from: peer) {
            case .admitted(let cookie):
                var response = Response(status: .seeOther)
                response.headers.add(name: "Location", value: "/")
                if !cookie.isEmpty { response.headers.add(name: "Set-Cookie", value: cookie) }
                return response
            case .wrong:
                room.tell("web: a wrong room code from \(peer)")
                return Response.page(JoinPage.html(problem: "That is not the room code. It is on the presenter's screen."), policy: JoinPage.policy, head: head, status: .forbidden)
            case .wait(let seconds):
                let everyone = room.keeper.everyoneWaits
                if everyone { room.tell("web: too many wrong room codes this minute; joining is paused for \(seconds) s") }
                let why = everyone ? "Too many wrong codes have been tried in the last minute, by anyone" : "Too many wrong codes from here"
                var response = Response.page(JoinPage.html(problem: "\(why): try again in \(seconds) s."), policy: JoinPage.policy, head: head, status: .tooManyRequests)
                response.headers.add(name: "Retry-After", value: String(seconds))
                return response
            }
        case .live:
            // A plain request: /live is only a WebSocket (a refused upgrade is answered in `errorCaught`).
            var response = Response(status: .upgradeRequired)
            response.headers.add(name: "Upgrade", value: "websocket")
            return response
        case .notAllowed:
            var response = Response(status: .methodNotAllowed)
            response.headers.add(name: "Allow", value: head.uri.hasPrefix("/join") ? "POST" : "GET, HEAD")
            return response
        case .notFound:
            return Response(status: .notFound)
        }
    }

    private func answer(_ response: Response, context: ChannelHandlerContext) {
        guard !answered else { return }
        answered = true
        var headers = response.headers
        for (name, value) in WebServer.commonHeaders { headers.replaceOrAdd(name: name, value: value) }
        headers.replaceOrAdd(name: "Content-Length", value: String(response.length))
        headers.replaceOrAdd(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: response.status, headers: headers))), promise: nil)
        if let body = response.body, head?.method != .HEAD { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }

    /// A WebSocket upgrade the server turned down: its request and, for `/live`, why
    /// (`WebServer.refusal`), for the answer to the error that follows.
    private var refusedUpgrade: (head: HTTPRequestHead, status: HTTPResponseStatus?)?
    func upgradeRefused(_ head: HTTPRequestHead, status: HTTPResponseStatus?) { refusedUpgrade = (head, status) }

    /// A refused upgrade is answered with why (another path, as a plain request); a request
    /// that does not parse has had NIO's own 400, and nothing more may be written (it would be
    /// taken for a second response).
    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if error is NIOWebSocketUpgradeError, let refused = refusedUpgrade {
            head = refused.head
            var reply = refused.status.map { Response(status: $0) } ?? response(to: refused.head, peer: context.channel.remoteAddress?.ipAddress ?? "?")
            if refused.status == .serviceUnavailable { reply.headers.add(name: "Retry-After", value: "30") }
            answer(reply, context: context)
            return
        }
        answered = true
        context.close(promise: nil)
    }
}

/// An answer: its status, headers and body (none for HEAD, but the length of GET's).
struct Response {
    var status: HTTPResponseStatus
    var headers = HTTPHeaders()
    var body: ByteBuffer?
    var length = 0

    init(status: HTTPResponseStatus) {
        self.status = status
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        let text = "\(status.code) \(status.reasonPhrase)\n"
        body = ByteBuffer(string: text)
        length = text.utf8.count
    }

    /// An HTML page with its policy.
    static func page(_ html: String, policy: String, head: HTTPRequestHead, status: HTTPResponseStatus = .ok) -> Response {
        var response = Response(status: status)
        response.headers.replaceOrAdd(name: "Content-Type", value: "text/html; charset=utf-8")
        response.headers.add(name: "Content-Security-Policy", value: policy)
        response.length = html.utf8.count
        response.body = head.method == .HEAD ? nil : ByteBuffer(string: html)
        return response
    }
}
