import FoundationEssentials
import NIOCore
import TrilateralShare

/// The room's own follower of the presenter: it reads the hello and every view, decodes each
/// once, and hands them to the room. When the presenter closes the socket, the session is over.
final class RoomUpstream: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    let room: Room
    let ended: @Sendable (String) -> Void
    var reader = FrameReader(accepting: Wire.Kind.toFollower)

    init(room: Room, ended: @escaping @Sendable (String) -> Void) { self.room = room; self.ended = ended }

    func channelActive(context: ChannelHandlerContext) {
        var out = context.channel.allocator.buffer(capacity: 64)
        out.writeBytes(Wire.preamble)
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        do {
            for message in try reader.feed(Data(bytes.readBytes(length: bytes.readableBytes) ?? [])) {
                switch message {
                case .hello(let hello): room.hello(hello)
                case .view(let view): room.view(view)
                case .refused(let refusal): ended("the presenter refused the web room: \(refusal.reason)"); context.close(promise: nil)
                default: break
                }
            }
        } catch {
            ended("the presenter's socket: \(error)")
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) { ended("the presenter has ended the session") }
}

/// One browser viewer's follower of the presenter: it says "web" and whether the viewer is
/// browsing, so the presenter counts browser viewers; what the presenter sends it is dropped
/// unread (the room's upstream decodes it once for all). It lives and dies with its viewer.
final class ViewerUpstream: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    let viewer: Channel

    init(viewer: Channel) { self.viewer = viewer }

    func channelActive(context: ChannelHandlerContext) {
        var out = context.channel.allocator.buffer(capacity: 96)
        out.writeBytes(Wire.preamble)
        out.writeBytes(Self.status(browsing: false))
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

    func channelInactive(context: ChannelHandlerContext) { viewer.close(promise: nil) }

    /// A status frame (two, computed once: following and browsing).
    static func status(browsing: Bool) -> [UInt8] { browsing ? browsingFrame : followingFrame }
    static let followingFrame = [UInt8](Wire.frame(Wire.Status(browsing: false, via: "web")))
    static let browsingFrame = [UInt8](Wire.frame(Wire.Status(browsing: true, via: "web")))
}
