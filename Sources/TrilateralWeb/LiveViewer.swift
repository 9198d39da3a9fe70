import NIOCore
import NIOPosix
import NIOWebSocket
import TrilateralDoorServer
import TrilateralWebRoom

/// One browser viewer on `/live`: it passes the room's messages on, keeping only the newest of
/// each kind while the viewer reads slowly (a viewer that never reads costs two messages and
/// its socket's buffer), and takes from the viewer nothing but small text frames saying
/// browsing or following, and pings, a few a second in all; anything else closes it. Its own follower of the
/// presenter (`ViewerUpstream`) is opened here and closed with it.
final class LiveViewer: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    /// What a message from the room is, for keeping the newest of each.
    enum Kind: Sendable { case view, scenario, reload, end }

    let room: WebRoom
    private var context: ChannelHandlerContext?
    private var upstream: Channel?
    private var pending: (scenario: ByteBuffer?, view: ByteBuffer?, reload: ByteBuffer?) = (nil, nil, nil)
    private var browsing = false
    private var tokens = LiveViewer.burst
    private var lastToken = NIODeadline.now()
    private var lastHeard = NIODeadline.now()
    private var closing = false
    private var pinger: RepeatedTask?

    /// The most frames a viewer may send (statuses, pings, a close): 5 a second, 10 at once.
    static let rate = 5.0, burst = 10.0
    /// The largest frame a viewer may send (a status is 18 bytes).
    static let frameLimit = 64
    /// A ping this often; a viewer not heard from for `silenceLimit` is gone.
    static let pingInterval: TimeAmount = .seconds(20)
    static let silenceLimit: TimeAmount = .seconds(60)

    init(room: WebRoom) { self.room = room }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        let channel = context.channel
        _ = channel.setOption(.writeBufferWaterMark, value: .init(low: 4 << 10, high: 16 << 10))
        for (kind, message) in room.join(self, on: channel.eventLoop) { offer(kind, message) }
        let loop = channel.eventLoop
        let me = NIOLoopBound(self, eventLoop: loop)
        ViewerUpstream.open(room.socket, via: "web", on: loop, ended: { channel.close(promise: nil) })
            .whenComplete { result in
                let viewer = me.value
                switch result {
                case .success(let up): if viewer.closing { up.close(promise: nil) } else { viewer.upstream = up }
                case .failure: viewer.close(.unexpectedServerError)
                }
            }
        pinger = loop.scheduleRepeatedTask(initialDelay: Self.pingInterval, delay: Self.pingInterval) { _ in me.value.ping() }
    }

    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    func channelInactive(context: ChannelHandlerContext) {
        closing = true
        pinger?.cancel()
        room.leave(self)
        upstream?.close(promise: nil)
        context.fireChannelInactive()
    }

    /// A message from the room: sent now if the viewer keeps up, else kept as the newest of its
    /// kind (a reload makes older views moot; the end is sent regardless, then the close).
    func offer(_ kind: Kind, _ message: ByteBuffer) {
        guard !closing, let context else { return }
        switch kind {
        case .end:
            write(message, context: context)
            close(.goingAway)
        case _ where context.channel.isWritable && pending.reload == nil:
            write(message, context: context)
        case .reload: pending = (nil, nil, message)
        case .scenario: pending.scenario = message
        case .view: pending.view = message
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        guard context.channel.isWritable else { return }
        let waiting = pending
        pending = (nil, nil, nil)
        for message in [waiting.reload, waiting.scenario, waiting.view].compactMap({ $0 }) { write(message, context: context) }
        context.fireChannelWritabilityChanged()
    }

    private func write(_ message: ByteBuffer, context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .text, data: message)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Closing: what the viewer still sends is read and dropped (see `close`).
        guard !closing else { return }
        let frame = unwrapInboundIn(data)
        lastHeard = .now()
        // A client's frames are masked and use no extension bits (RFC 6455 §5.1, §5.2).
        guard frame.maskKey != nil, !frame.rsv1, !frame.rsv2, !frame.rsv3 else { close(.protocolError); return }
        // Every frame a viewer sends, pings too, spends from one allowance.
        guard frame.opcode == .pong || spend() else { close(.policyViolation); return }
        switch frame.opcode {
        case .text where frame.fin && frame.length <= Self.frameLimit:
            let text = String(buffer: frame.unmaskedData)
            let wants: Bool
            switch text {
            case #"{"browsing":true}"#: wants = true
            case #"{"browsing":false}"#: wants = false
            default: close(.policyViolation); return
            }
            guard wants != browsing else { return }
            browsing = wants
            var out = context.channel.allocator.buffer(capacity: 64)
            out.writeBytes(ViewerUpstream.status(browsing: wants, via: "web"))
            upstream?.writeAndFlush(out, promise: nil)
        case .connectionClose:
            // A close says why with a code RFC 6455 allows a peer to send (§7.4), or with none.
            var data = frame.unmaskedData
            let valid = data.readableBytes == 0 || (data.readableBytes >= 2 && data.readInteger(as: UInt16.self).map(Self.isSendable) == true)
            close(valid ? .normalClosure : .protocolError)
        case .ping:
            // Answered only while the viewer reads (a ping flood that never reads would pile up
            // pongs); RFC 6455 lets a pong answer just the latest ping.
            guard context.channel.isWritable else { return }
            var data = frame.unmaskedData
            let pong = WebSocketFrame(fin: true, opcode: .pong, data: data.readSlice(length: min(data.readableBytes, 125)) ?? ByteBuffer())
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .pong:
            break
        default:
            // Binary, fragments, oversized text: more than a status.
            close(.policyViolation)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) { context.close(promise: nil) }

    /// Whether a close code may be sent by a peer: 1000–1003, 1007–1014, or 3000–4999.
    static func isSendable(_ code: UInt16) -> Bool {
        (1000...1003).contains(code) || (1007...1014).contains(code) || (3000...4999).contains(code)
    }

    /// Takes one from the viewer's allowance (`rate` a second, `burst` at once); false when none is left.
    private func spend() -> Bool {
        let now = NIODeadline.now()
        tokens = min(Self.burst, tokens + Double((now - lastToken).nanoseconds) / 1e9 * Self.rate)
        lastToken = now
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    /// A ping, unless the viewer has been silent too long (then it is gone).
    private func ping() {
        guard !closing, let context else { return }
        guard NIODeadline.now() - lastHeard < Self.silenceLimit else { context.close(promise: nil); return }
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .ping, data: ByteBuffer())), promise: nil)
    }

    /// A close frame with why, then the connection closed.
    func close(_ code: WebSocketErrorCode) {
        guard !closing, let context else { return }
        closing = true
        var data = context.channel.allocator.buffer(capacity: 2)
        data.write(webSocketErrorCode: code)
        let channel = context.channel
        // The close frame, then our half of the connection (a FIN after it). Closing it whole
        // with the viewer's frames still unread would send a reset, and the viewer's system
        // would drop the close frame it had not yet read.
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: data))).whenComplete { _ in
            channel.close(mode: .output, promise: nil)
        }
        // A viewer that does not read gets no say in when it closes.
        channel.eventLoop.scheduleTask(in: .seconds(2)) { channel.close(promise: nil) }
    }
}
