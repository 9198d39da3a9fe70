import Glibc
import NIOCore
import NIOPosix
import TrilateralDoor

/// How both doors listen: a TCP server on a room address whose every connection has keepalive
/// (30 s idle, then 3 probes 10 s apart) and a 60 s user timeout, so a viewer whose link died
/// (a closed laptop, a phone out of range) is dropped by the kernel, and no Nagle delay.
public enum RoomListener {
    /// Binds `address`; each new connection goes to `welcome` on its own event loop.
    public static func listen(on address: DoorAddress, group: EventLoopGroup, backlog: Int32,
                              welcome: @escaping @Sendable (Channel) throws -> Void) throws -> Channel {
        try ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: backlog)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.so_keepalive), value: 1)
            .childChannelOption(ChannelOptions.socket(SocketOptionLevel(IPPROTO_TCP), TCP_KEEPIDLE), value: 30)
            .childChannelOption(ChannelOptions.socket(SocketOptionLevel(IPPROTO_TCP), TCP_KEEPINTVL), value: 10)
            .childChannelOption(ChannelOptions.socket(SocketOptionLevel(IPPROTO_TCP), TCP_KEEPCNT), value: 3)
            .childChannelOption(ChannelOptions.socket(SocketOptionLevel(IPPROTO_TCP), TCP_USER_TIMEOUT), value: 60_000)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try welcome(channel) }
            }
            .bind(host: address.host, port: address.port).wait()
    }
}
