import NIOCore
import TrilateralWebRoom

/// The first handler of every connection until it becomes a viewer: at most
/// `Route.headLimit` + `Route.bodyLimit` bytes of request, within `timeLimit`, else a
/// status line and the connection closed (431, 408). A connection serves one request (every
/// answer says `Connection: close`), so the count never resets; the WebSocket upgrade removes
/// the guard, after which frames are bounded by the decoder's own limit.
final class RequestGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    static let timeLimit: TimeAmount = .seconds(10)
    static let name = "request-guard"
    private var received = 0
    private var timer: Scheduled<Void>?

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        timer = channel.eventLoop.scheduleTask(in: Self.timeLimit) { Self.refuse(channel, "408 Request Timeout") }
    }

    func handlerRemoved(context: ChannelHandlerContext) { timer?.cancel() }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        received += unwrapInboundIn(data).readableBytes
        guard received <= Route.headLimit + Route.bodyLimit else {
            timer?.cancel()
            Self.refuse(context.channel, "431 Request Header Fields Too Large")
            return
        }
        context.fireChannelRead(data)
    }

    /// A bare status answer, then the end of the connection.
    static func refuse(_ channel: Channel, _ status: String) {
        var out = channel.allocator.buffer(capacity: 128)
        out.writeString("HTTP/1.1 \(status)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        channel.writeAndFlush(out).whenComplete { _ in channel.close(promise: nil) }
    }
}
