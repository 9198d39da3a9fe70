import NIOCore
import NIOPosix
import NIOWebSocket
import TrilateralWebRoom

/// One browser viewer on `/live`: it passes the room's messages on, keeping only the newest of
/// each kind while the viewer reads slowly (so a viewer that never reads costs two messages),
/// and takes from the viewer nothing but small text frames saying browsing or following, a few
/// a second; anything else closes it. Its upstream follower is opened here and closed with it.
final class ViewerHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame
    let room: Room
    let socket: String
    var upstream: Channel?
    var pendingView: ByteBuffer?
    var pendingScenario: ByteBuffer?
    var browsing = false
    var tokens = 10.0
    var lastToken = NIODeadline.now()
    var closing = false

    /// The most status messages a viewer may send: 5 a second, 10 at once.
    static let rate = 5.0, burst = 10.0
    static let frameLimit = 64

    init(room: Room, socket: String) { self.room = room; self.socket = socket }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        _ = channel.setOption(.writeBufferWaterMark, value: .init(low: 4 << 10, high: 16 << 10))
        for message in room.join(channel) { offer(message, context: context) }
        ClientBootstrap(group: channel.eventLoop)
            .channelInitializer { up in up.eventLoop.makeCompletedFuture { try up.pipeline.syncOperations.addHandler(ViewerUpstream(viewer: channel)) } }
            .connect(unixDomainSocketPath: socket)
            .whenComplete { [self] result in
                switch result {
                case .success(let up): if closing { up.close(promise: nil) } else { upstream = up }
                case .failure: channel.close(promise: nil)
                }
            }
    }

    func channelInactive(context: ChannelHandlerContext) {
        closing = true
        room.leave(context.channel)
        upstream?.close(promise: nil)
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let delivery = event as? Delivery { offer(delivery.message, context: context) }
        else if let goodbye = event as? Goodbye { sayGoodbye(goodbye.text, context: context) }
        else { context.fireUserInboundEventTriggered(event) }
    }

    /// Sends now if the viewer keeps up; else keeps it as the newest of its kind.
    func offer(_ message: ByteBuffer, context: ChannelHandlerContext) {
        guard !closing else { return }
        if context.channel.isWritable { write(message, context: context); return }
        if message.readableBytesView.starts(with: Array(#"{"name""#.utf8)) || message.readableBytesView.contains(sequence: #""t":"scenario""#) {
            pendingScenario = message
        } else {
            pendingView = message
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        guard context.channel.isWritable else { return }
        if let s = pendingScenario { pendingScenario = nil; write(s, context: context) }
        if let v = pendingView { pendingView = nil; write(v, context: context) }
    }

    func write(_ message: ByteBuffer, context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .text, data: message)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text where frame.fin && frame.length <= Self.frameLimit:
            let now = NIODeadline.now()
            tokens = min(Self.burst, tokens + Double((now - lastToken).nanoseconds) / 1e9 * Self.rate)
            lastToken = now
            guard tokens >= 1 else { close(.policyViolation, context: context); return }
            tokens -= 1
            let text = String(buffer: frame.unmaskedData)
            let wants: Bool
            if text == #"{"browsing":true}"# { wants = true } else if text == #"{"browsing":false}"# { wants = false } else { close(.policyViolation, context: context); return }
            guard wants != browsing else { return }
            browsing = wants
            var out = context.channel.allocator.buffer(capacity: 64)
            out.writeBytes(ViewerUpstream.status(browsing: wants))
            upstream?.writeAndFlush(out, promise: nil)
        case .connectionClose:
            close(.normalClosure, context: context)
        case .ping:
            var data = frame.unmaskedData
            let pong = WebSocketFrame(fin: true, opcode: .pong, data: data.readSlice(length: min(data.readableBytes, 125)) ?? ByteBuffer())
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .pong:
            break
        default:
            // Binary, fragments, oversized text: more than a status.
            close(.policyViolation, context: context)
        }
    }

    func sayGoodbye(_ why: String, context: ChannelHandlerContext) {
        guard !closing else { return }
        write(ByteBuffer(string: LiveMessage.end(why)), context: context)
        close(.goingAway, context: context)
    }

    func close(_ code: WebSocketErrorCode, context: ChannelHandlerContext) {
        guard !closing else { return }
        closing = true
        var data = context.channel.allocator.buffer(capacity: 2)
        data.write(webSocketErrorCode: code)
        let frame = WebSocketFrame(fin: true, opcode: .connectionClose, data: data)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(frame)).whenComplete { _ in channel.close(promise: nil) }
    }
}

extension ByteBufferView {
    func contains(sequence: String) -> Bool {
        let needle = Array(sequence.utf8)
        guard count >= needle.count else { return false }
        var i = startIndex
        while i <= endIndex - needle.count {
            if self[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
