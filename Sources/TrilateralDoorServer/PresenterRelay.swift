import FoundationEssentials
import NIOCore
import NIOPosix
import TrilateralModel
import TrilateralShare
import TrilateralUI

/// What a door does with what its relay reads from the presenter.
public protocol PresenterFeed: AnyObject, Sendable {
    /// The presenter's briefing: at the start, and again after a `--watch` reload.
    func hello(_ briefing: Briefing)
    /// The presenter's newest view.
    func view(_ view: SharedState)
    /// A reload whose briefing does not load here (the last one stays).
    func briefingDoesNotLoad(_ reason: String)
    /// The presenter closed its socket: the room ends.
    func presenterLeft()
}

/// A door's own follower of the presenter (`Wire.Status.relay`, not counted as a viewer): it
/// reads the hello and every view, decodes each once, and hands them to the door's room, which
/// serves them to every viewer. When the presenter closes the socket, the room ends.
public final class PresenterRelay: ChannelInboundHandler {
    public typealias InboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer
    let feed: PresenterFeed
    let greeted: EventLoopPromise<Void>
    var reader = FrameReader(accepting: Wire.Kind.toFollower)
    var digest: String?

    init(feed: PresenterFeed, greeted: EventLoopPromise<Void>) { self.feed = feed; self.greeted = greeted }

    /// Follows the presenter at `socket` for `feed`, and returns once its briefing has come
    /// (throws if it does not within `limit`, or the presenter turns the relay away).
    public static func follow(_ socket: String, for feed: PresenterFeed, group: EventLoopGroup, within limit: TimeAmount) throws {
        let greeted = group.next().makePromise(of: Void.self)
        let relay = try ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(PresenterRelay(feed: feed, greeted: greeted)) }
            }
            .connect(unixDomainSocketPath: socket).wait()
        let timeout = relay.eventLoop.scheduleTask(in: limit) { greeted.fail(Refused(reason: "no briefing from the presenter within \(limit.nanoseconds / 1_000_000_000) s")) }
        defer { timeout.cancel() }
        try greeted.futureResult.wait()
    }

    public func channelActive(context: ChannelHandlerContext) {
        var out = context.channel.allocator.buffer(capacity: 64)
        out.writeBytes(Wire.preamble)
        out.writeBytes(Wire.frame(Wire.Status(browsing: false, via: Wire.Status.relay)))
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
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
                    feed.hello(briefing)
                    greeted.succeed()
                case .failure(let error):
                    feed.briefingDoesNotLoad(String(error.description.prefix { $0 != "\n" }))
                }
            case .view(let view): feed.view(view)
            case .refused(let refusal):
                greeted.fail(Refused(reason: refusal.reason))
                context.close(promise: nil)
            default: break
            }
        }
    }

    public func channelInactive(context: ChannelHandlerContext) {
        greeted.fail(Refused(reason: "the presenter closed its socket"))
        feed.presenterLeft()
    }

    public func errorCaught(context: ChannelHandlerContext, error: Error) { context.close(promise: nil) }

    struct Refused: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }
}

/// One door viewer's own connection to the presenter, so the presenter counts it as it counts
/// a follower at a terminal: it says how the viewer came (`ssh`, `web`) and whether it follows
/// along or browses, and its poll answer. What the presenter sends it is read and dropped (the
/// relay decodes it once for all). It lives and dies with its viewer: when the presenter
/// closes it, `ended` runs on the viewer's event loop.
public final class ViewerUpstream: ChannelInboundHandler {
    public typealias InboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer
    let via: String
    let ended: () -> Void

    init(via: String, ended: @escaping () -> Void) { self.via = via; self.ended = ended }

    /// Opens the connection for a viewer on `loop`, which came by `via`.
    public static func open(_ socket: String, via: String, on loop: EventLoop, ended: @escaping @Sendable () -> Void) -> EventLoopFuture<Channel> {
        ClientBootstrap(group: loop)
            .channelInitializer { up in up.eventLoop.makeCompletedFuture { try up.pipeline.syncOperations.addHandler(ViewerUpstream(via: via, ended: ended)) } }
            .connect(unixDomainSocketPath: socket)
    }

    public func channelActive(context: ChannelHandlerContext) {
        var out = context.channel.allocator.buffer(capacity: 96)
        out.writeBytes(Wire.preamble)
        out.writeBytes(Self.status(browsing: false, via: via))
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

    public func channelInactive(context: ChannelHandlerContext) { ended() }

    public func errorCaught(context: ChannelHandlerContext, error: Error) { context.close(promise: nil) }

    /// A viewer's status, framed for the presenter.
    public static func status(browsing: Bool, answer: PollAnswer? = nil, via: String) -> [UInt8] {
        [UInt8](Wire.frame(Wire.Status(browsing: browsing, answer: answer, via: via)))
    }
}
