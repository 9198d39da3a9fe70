import CNcursesw
import Dispatch
import FoundationEssentials
import Glibc
import TrilateralUI

/// The interactive loop: input → `AppReducer` → `Dashboard.render` → screen, and the effects
/// the reducer returns (quit, suspend, a new theme) performed here. Blocks in `dispatchMain()`;
/// wakes only for input or a signal (no timers, no polling while idle).
///
/// Signals, each with one owner (these dispatch sources): SIGINT, SIGTERM and SIGHUP restore
/// the terminal and exit 128+signal; SIGTSTP (and Ctrl-Z) restore, stop, and repaint on
/// return; SIGCONT repaints; SIGWINCH resizes.
@MainActor
public final class EventLoop {
    private var state: AppState
    private let screen: TerminalScreen
    private var themes: ThemeLibrary
    /// The theme on screen (kept if a theme fails to resolve, which the reducer prevents).
    private var currentTheme: Theme
    private var sources: [DispatchSourceProtocol] = []
    private var lastCanvas: Canvas?
    /// What feeds the loop from outside — a file watcher, a follower's session — owned here
    /// beside the loop's own sources, so it lives exactly as long as the loop does (until the
    /// process exits). Not a scope's lifetime: `run()` never returns, and an optimised build
    /// ends a local's lifetime at its last use, before the loop starts.
    private var companions: [AnyObject] = []
    /// Called with the state after every change it draws (a presenter publishes from here).
    public var onChange: (@MainActor (AppState) -> Void)?
    /// Called just before the process exits, after the terminal is restored.
    public var onExit: (@MainActor () -> Void)?
    /// Hears a presenter view's tour keys (`Effect.toPresenter`), for its presenter.
    public var onCommand: (@MainActor (PresenterCommand) -> Void)?
    /// Ticks each second while the tour's clock runs, and not at all otherwise.
    private var ticker: DispatchSourceTimer?

    /// `themes` resolves every theme `state.local.theme.names` can name (the current one at
    /// least; the others when `T` first reaches them).
    public init(state: AppState, screen: TerminalScreen, themes: ThemeLibrary) {
        self.state = state
        self.screen = screen
        self.themes = themes
        currentTheme = self.themes.use(state.local.theme.current) ?? Theme.fallback
    }

    /// Keeps `companion` alive for as long as the loop runs.
    public func keep(_ companion: AnyObject) {
        companions.append(companion)
    }

    public func run() -> Never {
        screen.apply(currentTheme)
        send(.app(.resize(screen.size)))
        let input = DispatchSource.makeReadSource(fileDescriptor: 0, queue: .main)
        input.setEventHandler { @Sendable in MainActor.assumeIsolated { self.readInput() } }
        input.resume()
        sources.append(input)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { watch(sig) { $0.finish(128 + sig) } }
        watch(SIGTSTP) { $0.suspend() }
        watch(SIGCONT) { $0.repaint() }
        watch(SIGWINCH) { $0.resized() }
        dispatchMain()
    }

    private func watch(_ sig: Int32, _ handler: @escaping @MainActor (EventLoop) -> Void) {
        signal(sig, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: sig, queue: .main)
        source.setEventHandler { @Sendable in MainActor.assumeIsolated { handler(self) } }
        source.resume()
        sources.append(source)
    }

    private func readInput() {
        let inputs = screen.readInputs()
        if inputs.isEmpty {
            // Readable with nothing to read: the terminal is gone (hang-up).
            if !isatty(0).boolValue { finish(128 + SIGHUP) }
            return
        }
        for input in inputs { perform(AppReducer.handle(&state, input)) }
        tick()
        render()
    }

    /// An action from outside the keyboard (a follower's presenter, the launch), through the
    /// reducer like any key, then a redraw.
    public func send(_ action: Action) {
        perform(AppReducer.reduce(&state, action))
        tick()
        render()
    }

    /// The time now into the state (a tour that started or moved is stamped), and the
    /// one-second ticker on while the tour's clock runs, off otherwise.
    private func tick() {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var local = tm()
        var seconds = now.tv_sec
        localtime_r(&seconds, &local)
        let wall = (local.tm_hour < 10 ? "0" : "") + "\(local.tm_hour):" + (local.tm_min < 10 ? "0" : "") + "\(local.tm_min)"
        AppReducer.reduce(&state, .clock(.tick(now: Double(now.tv_sec) + Double(now.tv_nsec) / 1e9, wallClock: wall)))
        switch (state.local.clock.running, ticker) {
        case (true, nil):
            let timer = DispatchSource.makeTimerSource(queue: .main)
            timer.schedule(deadline: .now() + 1, repeating: 1, leeway: .milliseconds(50))
            timer.setEventHandler { @Sendable in MainActor.assumeIsolated { self.tick(); self.render() } }
            timer.resume()
            ticker = timer
        case (false, let timer?):
            timer.cancel()
            ticker = nil
        default: break
        }
    }

    /// Does what the reducer asked for.
    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .quit: finish(0)
            case .suspend: suspend()
            case .toPresenter(let command): onCommand?(command)
            case .themeChanged:
                // New colours for every role: the whole frame is drawn again.
                currentTheme = themes.use(state.local.theme.current) ?? currentTheme
                screen.apply(currentTheme)
                lastCanvas = nil
            }
        }
    }

    private func render() {
        let canvas = Dashboard.render(state)
        // Same frame as before (e.g. a key that changed nothing): nothing to send.
        if canvas != lastCanvas {
            screen.draw(canvas, over: lastCanvas)
            lastCanvas = canvas
        }
        // The room hears of the change once this screen's frame is out: a presenter's own
        // screen never waits while its view is sent to a thousand viewers.
        onChange?(state)
    }

    private func resized() {
        perform(AppReducer.reduce(&state, .app(.resize(screen.refreshSize()))))
        lastCanvas = nil
        render()
    }

    private func repaint() {
        screen.resume()
        perform(AppReducer.reduce(&state, .app(.resize(screen.refreshSize()))))
        lastCanvas = nil
        render()
    }

    /// Ctrl-Z or SIGTSTP: the terminal restored, the process stopped; `fg` continues here with
    /// a repaint. SIGSTOP, because libdispatch blocks the signals it watches (a re-raised
    /// SIGTSTP would stay pending instead of stopping us).
    private func suspend() {
        screen.restore()
        kill(getpid(), SIGSTOP)
        repaint()
    }

    /// Restores the terminal and exits with `status`.
    public func finish(_ status: Int32) -> Never {
        screen.restore()
        onExit?()
        exit(status)
    }
}

extension Int32 {
    var boolValue: Bool { self != 0 }
}
