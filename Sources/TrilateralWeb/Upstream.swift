import FoundationEssentials
import NIOCore
import TrilateralShare

/// The room's own follower of the presenter (`Wire.Status.relay`, not counted as a viewer): it
/// reads the hello and every view, decodes each once, and hands them to the room. When the
/// presenter closes the socket, the room ends.
final class Relay: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    let room: WebRoom
    let greeted: EventLoopPromise<Void>
    var reader = FrameReader(accepting: Wire.Kind.toFollower)
    var digest: String?

    init(room: WebRoom, greeted: EventLoopPromise<Void>) { self.room = room; self.greeted = greeted }

    func channelActive(context: ChannelHandlerContext) {
        var out = context.channel.allocator.buffer(capacity: 64)
        out.writeBytes(Wire.preamble)
        out.writeBytes(Wire.frame(Wire.Status(browsing: false, via: Wire.Status.relay)))
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        let messages: [Wire.Message]
        do { messages = try reader.feed(Data(bytes.readBytes(length: bytes.readableBytes) ?? [])) } catch {
            greeted.fail(error)
            context.close(promise: nil)
            return
        }
        for message in messages {
            switch message {
            case .hello(let hello):
                guard hello.briefingDigest != digest else { continue }
                switch hello.briefing() {
                case .success(let briefing):
                    digest = hello.briefingDigest
                    room.hello(briefing)
                    greeted.succeed()
                case .failure(let error):
                    // A reload that does not load here keeps the last briefing.
                    room.tell("web: the presenter's briefing does not load in the web room: \(error.description.prefix { $0 != "\n" })")
                }
            case .view(let view): room.view(view)
            case .refused(let refusal):
                greeted.fail(Refused(reason: refusal.reason))
                context.close(promise: nil)
            default: break
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        greeted.fail(Refused(reason: "the presenter closed its socket"))
        room.presenterLeft()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) { context.close(promise: nil) }

    struct Refused: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }
}

/// One browser viewer's follower of the presenter: it says it came from the web and whether the
/// viewer is browsing, so the presenter counts browser viewers as it counts terminal ones.
/// What the presenter sends it is read and dropped (the relay decodes it once for all). It
/// lives and dies with its viewer.
final class ViewerUpstream: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    let viewer: Channel

    init(viewer: Channel) { self.viewer = viewer }

    func channelActive(context: ChannelHandlerContext) {
        var out = context.channel.allocator.buffer(capacity: 96)
        out.writeBytes(Wire.preamble)
        out.writeBytes(Self.following)
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

    func channelInactive(context: ChannelHandlerContext) { viewer.close(promise: nil) }

    func errorCaught(context: ChannelHandlerContext, error: Error) { context.close(promise: nil) }

    /// The two statuses a browser viewer sends, framed once.
    static let following = [UInt8](Wire.frame(Wire.Status(browsing: false, via: "web")))
    static let browsing = [UInt8](Wire.frame(Wire.Status(browsing: true, via: "web")))
}
