import CPty
import Dispatch
import FoundationEssentials
import Glibc
import TrilateralDoor

/// A door server beside the presenter (`trilateral-ssh`, `trilateral-web`): the executable
/// next to this one, started in its own session with pipes for its standard descriptors. The
/// presenter waits for its `ready` line (where it listens, its host key), then hears its
/// notices; it holds the server's standard input, whose end (this process gone, or `stop`)
/// ends the server. See `CompanionMessage`.
@MainActor
final class Companion {
    /// "ssh", "web": the door's name in messages.
    let door: String
    let ready: CompanionMessage
    private let pid: pid_t
    private var input: Int32
    private var output: DispatchSourceRead?
    private var errorOutput: DispatchSourceRead?
    private var pending = Data()
    private var lastError = ""
    private var stopped = false

    /// Starts `tool` with `arguments` (and the room code in its environment); returns once it
    /// listens, or throws what it said when it could not (with its exit status).
    init(door: String, tool: String, arguments: [String], code: RoomCode?) throws {
        self.door = door
        let path = Self.besideSelf(tool)
        guard access(path, X_OK) == 0 else {
            throw Failure("trilateral: --\(door) needs \(tool) beside trilateral (\(path)); install both from the same build", status: 69)
        }
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        guard cpty_pipe(&toChild) == 0, cpty_pipe(&fromChild) == 0, cpty_pipe(&errors) == 0 else {
            throw Failure("trilateral: cannot start \(tool): \(String(cString: strerror(errno)))", status: 71)
        }
        var environment = ProcessInfo.processInfo.environment
        environment[RoomCode.environmentName] = code?.text
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let pid = cpty_spawn_piped(path, argv, envp, toChild[0], fromChild[1], errors[1])
        for p in argv + envp { free(p) }
        close(toChild[0]); close(fromChild[1]); close(errors[1])
        guard pid > 0 else {
            close(toChild[1]); close(fromChild[0]); close(errors[0])
            throw Failure("trilateral: cannot start \(tool): \(String(cString: strerror(errno)))", status: 71)
        }
        self.pid = pid
        input = toChild[1]
        // Until it is ready, the presenter waits (a bounded wait at start, not a poll when idle).
        var line = Data(), said = Data()
        var fds = [pollfd(fd: fromChild[0], events: Int16(POLLIN), revents: 0), pollfd(fd: errors[0], events: Int16(POLLIN), revents: 0)]
        let deadline = DispatchTime.now() + 20
        var open = 2
        while !line.contains(0x0a), open > 0, DispatchTime.now() < deadline {
            guard poll(&fds, 2, 1000) >= 0 || errno == EINTR else { break }
            for i in 0..<2 where fds[i].fd >= 0 && fds[i].revents != 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = read(fds[i].fd, &buffer, buffer.count)
                if n > 0 { if i == 0 { line.append(contentsOf: buffer[0..<n]) } else { said.append(contentsOf: buffer[0..<n]) } }
                else if n == 0 || errno != EINTR { fds[i].fd = -1; open -= 1 }
            }
        }
        let first = line.prefix { $0 != 0x0a }
        guard line.contains(0x0a), let message = try? JSONDecoder().decode(CompanionMessage.self, from: first), message.listening != nil else {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            close(input); close(fromChild[0]); close(errors[0])
            let reason = String(decoding: said.prefix(2000), as: UTF8.self).escapingControlsExceptNewlines.trimmed
            let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 70
            throw Failure(reason.isEmpty ? "trilateral: \(tool) did not start" : reason, status: exit == 0 ? 70 : exit)
        }
        ready = message
        pending = Data(line.drop { $0 != 0x0a }.dropFirst())
        output = Self.watch(fromChild[0])
        errorOutput = Self.watch(errors[0])
    }

    /// The executable `tool` in this one's folder.
    static func besideSelf(_ tool: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let me = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        return String(me[..<(me.lastIndex(of: "/") ?? me.startIndex)]) + "/" + tool
    }

    private static func watch(_ fd: Int32) -> DispatchSourceRead {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: .main)
        source.setCancelHandler { close(fd) }
        return source
    }

    /// Calls `notice` on the main queue with each notice the server sends, and with why it
    /// stopped if it stops before `stop`.
    func listen(_ notice: @escaping @MainActor (String) -> Void) {
        output?.setEventHandler { @Sendable in
            MainActor.assumeIsolated { self.drain(notice) }
        }
        errorOutput?.setEventHandler { @Sendable in
            MainActor.assumeIsolated { self.drainErrors() }
        }
        output?.resume()
        errorOutput?.resume()
        if !pending.isEmpty { flushLines(notice) }
    }

    private func drain(_ notice: @MainActor (String) -> Void) {
        guard let output else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(Int32(output.handle), &buffer, buffer.count)
        if n > 0 {
            pending.append(contentsOf: buffer[0..<n])
            if pending.count > CompanionMessage.lineLimit * 4 { pending.removeFirst(pending.count - CompanionMessage.lineLimit) }
            flushLines(notice)
            return
        }
        if n < 0 && (errno == EAGAIN || errno == EINTR) { return }
        output.cancel()
        self.output = nil
        if !stopped {
            let why = lastError.isEmpty ? "" : ": " + lastError
            notice("the \(door) door has closed\(why)")
        }
    }

    private func flushLines(_ notice: @MainActor (String) -> Void) {
        while let end = pending.firstIndex(of: 0x0a) {
            let line = pending[pending.startIndex..<end]
            pending.removeSubrange(pending.startIndex...end)
            if let message = try? JSONDecoder().decode(CompanionMessage.self, from: Data(line.prefix(CompanionMessage.lineLimit))), let text = message.notice {
                notice(String(text.prefix(200)).escapingControls)
            }
        }
    }

    private func drainErrors() {
        guard let errorOutput else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(Int32(errorOutput.handle), &buffer, buffer.count)
        if n > 0 {
            let text = String(decoding: buffer[0..<n], as: UTF8.self)
            if let last = text.split(separator: "\n").last { lastError = String(last.prefix(200)).escapingControls }
            return
        }
        if n < 0 && (errno == EAGAIN || errno == EINTR) { return }
        errorOutput.cancel()
        self.errorOutput = nil
    }

    /// Ends the server: its viewers are told goodbye; waits for it (3 s at most, then kills it).
    func stop() {
        guard !stopped else { return }
        stopped = true
        close(input)
        kill(pid, SIGTERM)
        var status: Int32 = 0
        let deadline = DispatchTime.now() + 4
        while waitpid(pid, &status, WNOHANG) == 0 {
            guard DispatchTime.now() < deadline else { kill(pid, SIGKILL); waitpid(pid, &status, 0); break }
            usleep(10_000)
        }
        output?.cancel(); errorOutput?.cancel()
    }
}

private extension String {
    var trimmed: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
    var escapingControlsExceptNewlines: String {
        String(unicodeScalars.map { $0 == "\n" || $0.value >= 0x20 && $0.value != 0x7f ? Character($0) : "?" })
    }
}
