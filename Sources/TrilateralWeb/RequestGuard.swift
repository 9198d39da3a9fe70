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
    typealias OutboundOut = ByteBuffer
    static let timeLimit: TimeAmount = .seconds(10)
    static let name = "request-guard"
    private var received = 0
    private var timer: Scheduled<Void>?

    func handlerAdded(context: ChannelHandlerContext) {
        let me = NIOLoopBound(self, eventLoop: context.eventLoop)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: Self.timeLimit) { me.value.refuse(bound.value, "408 Request Timeout") }
    }

    func handlerRemoved(context: ChannelHandlerContext) { timer?.cancel() }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        received += unwrapInboundIn(data).readableBytes
        guard received <= Route.headLimit + Route.bodyLimit else {
            timer?.cancel()
            refuse(context, "431 Request Header Fields Too Large")
            return
        }
        context.fireChannelRead(data)
    }

    /// A bare status answer, then the end of the connection. Written from this handler, the
    /// first, so it goes to the socket as bytes, past none of the HTTP handlers.
    private func refuse(_ context: ChannelHandlerContext, _ status: String) {
        var out = context.channel.allocator.buffer(capacity: 128)
        out.writeString("HTTP/1.1 \(status)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        let channel = context.channel
        context.writeAndFlush(NIOAny(out)).whenComplete { _ in channel.close(promise: nil) }
    }
}
