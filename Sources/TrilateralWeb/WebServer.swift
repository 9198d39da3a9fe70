import Glibc
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import TrilateralDoor
import TrilateralDoorServer
import TrilateralWebRoom

/// The web door's server: every connection is counted, guarded (`RequestGuard`) and given an
/// HTTP pipeline whose one upgrade is `GET /live` to a WebSocket, for a viewer the doorkeeper
/// admits, from this page's own origin, while a seat is free.
struct WebServer {
    let room: WebRoom

    /// Headers on every answer: nothing cached, nothing sniffed, no referrer, no framing.
    static let commonHeaders = [
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
    ]

    /// The largest WebSocket frame a viewer may send (the decoder refuses more, closing with 1009).
    static let maxFrameSize = 1 << 10

    func listen(on address: DoorAddress, group: EventLoopGroup) throws -> Channel {
        let room = room
        return try RoomListener.listen(on: address, group: group, backlog: 512) { channel in try Self.welcome(channel, room: room) }
    }

    /// A new connection: counted, guarded, and given the HTTP pipeline.
    static func welcome(_ channel: Channel, room: WebRoom) throws {
        let peer = channel.remoteAddress?.ipAddress ?? "?"
        guard room.admitConnection(from: peer) else {
            channel.close(promise: nil)
            return
        }
        let waiting = NIOLoopBound(StillWaiting(), eventLoop: channel.eventLoop)
        channel.closeFuture.whenComplete { _ in
            room.connectionClosed()
            if waiting.value.on { room.stoppedWaiting(peer) }
        }
        let page = PageHandler(room: room)
        let refused = NIOLoopBound(page, eventLoop: channel.eventLoop)
        let upgrader = NIOWebSocketServerUpgrader(
            maxFrameSize: maxFrameSize,
            automaticErrorHandling: true,
            shouldUpgrade: { channel, head in
                // A refused upgrade ends in an error, not in the page handler: it is told the
                // request first, to answer why (403, 503, 426).
                guard Route(method: head.method.rawValue, uri: head.uri) == .live else {
                    refused.value.upgradeRefused(head, status: nil)
                    return channel.eventLoop.makeSucceededFuture(nil)
                }
                if let status = Self.refusal(head, room: room, channel: channel) {
                    refused.value.upgradeRefused(head, status: status)
                    return channel.eventLoop.makeSucceededFuture(nil)
                }
                return channel.eventLoop.makeSucceededFuture(HTTPHeaders(commonHeaders))
            },
            upgradePipelineHandler: { channel, _ in
                channel.eventLoop.makeCompletedFuture {
                    waiting.value.on = false
                    room.stoppedWaiting(peer)
                    let sync = channel.pipeline.syncOperations
                    sync.removeHandler(name: RequestGuard.name, promise: nil)
                    try sync.addHandler(LiveViewer(room: room))
                }
            })
        let sync = channel.pipeline.syncOperations
        try sync.addHandler(RequestGuard(), name: RequestGuard.name)
        try sync.configureHTTPServerPipeline(withServerUpgrade: (upgraders: [upgrader], completionHandler: { context in
            context.pipeline.syncOperations.removeHandler(name: PageHandler.name, promise: nil)
        }))
        try sync.addHandler(page, name: PageHandler.name)
    }

    /// Why an upgrade of `GET /live` may not become a viewer: another name for a loopback door
    /// (421), not admitted or from another origin (403), every seat taken (503); nil when it
    /// may, its seat then taken here and given back when the connection closes.
    static func refusal(_ head: HTTPRequestHead, room: WebRoom, channel: Channel) -> HTTPResponseStatus? {
        guard hostAllowed(head, listening: room.listening) else { return .misdirectedRequest }
        guard room.keeper.admits(cookies: head.headers["cookie"]), sameOrigin(head) else { return .forbidden }
        guard room.takeSeat() else {
            room.tell("web: the room is full (\(room.maximum) viewers); one more was turned away")
            return .serviceUnavailable
        }
        channel.closeFuture.whenComplete { _ in room.leaveSeat() }
        return nil
    }

    /// Whether a request names this server: a door on a loopback address answers only to
    /// loopback names (`127.0.0.1`, `localhost`, `[::1]`), so a web page elsewhere cannot
    /// point a name of its own at it and read the room from the presenter's own browser (DNS
    /// rebinding). A door on the network answers to whatever name the room uses for it.
    static func hostAllowed(_ head: HTTPRequestHead, listening: DoorAddress) -> Bool {
        let loopback = listening.host.hasPrefix("127.") || listening.host == "::1" || listening.host == "localhost"
        guard loopback else { return true }
        let hosts = head.headers["host"]
        guard hosts.count == 1, let host = hosts.first else { return false }
        let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }.dropFirst()) : String(host.prefix { $0 != ":" })
        return name.hasPrefix("127.") || name == "localhost" || name == "::1"
    }

    /// A browser's WebSocket says where its page came from; only this server's own pages may
    /// open one (another site's script in the viewer's browser may not). No `Origin` is not
    /// a browser page, and is allowed.
    static func sameOrigin(_ head: HTTPRequestHead) -> Bool {
        guard let origin = head.headers.first(name: "origin") else { return true }
        guard let host = head.headers.first(name: "host") else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }
}

/// A yes/no one event loop owns (whether a connection is still waiting to be a viewer).
final class StillWaiting {
    var on = true
}
