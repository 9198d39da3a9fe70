// swift-tools-version: 6.1
import PackageDescription

/// Trilateral: a terminal dashboard for policy briefings. Linux only: the terminal and socket
/// code call Glibc directly (SOCK_NONBLOCK, MSG_NOSIGNAL, /proc in the tests).
///
/// Layers, from pure to impure: `TrilateralModel` (briefing data, YAML, what-if engine) →
/// `TrilateralUI` (state, reducer, views onto a cell canvas; no terminal) →
/// `TrilateralTerminal` (the only importer of ncursesw) → `trilateral` (command line wiring).
/// `TRILATERAL_SANITIZE=address` builds the first-party code with AddressSanitizer (and
/// LeakSanitizer) for the memory check; `TRILATERAL_SANITIZE=fuzzer,address` also makes
/// `trilateral-fuzz` a libFuzzer binary (Tests/Fuzz/run.sh). Use a separate --scratch-path.
let sanitize = Context.environment["TRILATERAL_SANITIZE"].flatMap { $0.isEmpty ? nil : $0 }
let fuzzing = sanitize?.contains("fuzzer") == true
let instrumented: [SwiftSetting] = sanitize.map { [.unsafeFlags(["-sanitize=\($0)"])] } ?? []
let instrumentedLink: [LinkerSetting] = sanitize.map { [.unsafeFlags(["-sanitize=\($0)"])] } ?? []
/// The doors (trilateral-ssh, trilateral-web) link the Swift runtime and Foundation statically,
/// so they run beside a `trilateral` installed alone (sanitizer builds link them as usual).
let doorLink: [LinkerSetting] = instrumentedLink + (sanitize == nil ? [.unsafeFlags(["-static-stdlib", "-Xlinker", "-lCoreFoundation", "-Xlinker", "-l_FoundationICU", "-Xlinker", "-l_FoundationCollections", "-Xlinker", "-l_FoundationCShims", "-Xlinker", "-lstdc++"])] : [])
/// The build tool links the instrumented libraries it uses with the AddressSanitizer runtime
/// only: libFuzzer's own `main` must not replace the tool's.
let toolLink: [LinkerSetting] = sanitize == nil ? [] : [.unsafeFlags(["-sanitize=address"])]
/// The product carries the Swift runtime (and FoundationEssentials, never ICU: no target of the
/// product imports full Foundation) so it runs on a host without a toolchain and starts without
/// loading a dozen shared libraries. Sanitizer builds stay dynamic, as the sanitizers expect.
let selfContained: [LinkerSetting] = sanitize == nil ? [.unsafeFlags(["-static-stdlib", "-Xlinker", "-l_FoundationCollections", "-Xlinker", "-l_FoundationCShims", "-Xclang-linker", "-no-pie"])] : []

let package = Package(
    name: "trilateral",
    products: [
        .executable(name: "trilateral", targets: ["trilateral"]),
        // The room's doors, each its own executable that `present --ssh` / `--web` starts, so
        // the dashboard never loads SwiftNIO (nor the full Foundation it brings).
        .executable(name: "trilateral-ssh", targets: ["trilateral-ssh"]),
        .executable(name: "trilateral-web", targets: ["trilateral-web"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // libyaml's event API: the loaders build their own compact tree from it.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Turns the top-level themes/ folder into Swift string literals at build time, so the
        // binary carries them and no copy can drift.
        .executableTarget(name: "EmbedTool", dependencies: ["TrilateralModel", "TrilateralStyle"], linkerSettings: toolLink),
        .plugin(
            name: "EmbedPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedTool"],
            path: "Sources/EmbedPlugin"
        ),
        .target(
            name: "TrilateralModel",
            dependencies: ["CLibYAML", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: instrumented
        ),
        // The built-in briefings, validated and compiled into Swift at build time (EmbedPlugin).
        .target(
            name: "BuiltInBriefings",
            dependencies: ["TrilateralModel"],
            exclude: ["FORMAT.md", "briefing.schema.json", "capistrano-2024.yaml", "example-harbour-pact.yaml", "example-harbour-pact.md"],
            swiftSettings: instrumented,
            plugins: ["EmbedPlugin"]
        ),
        // Themes: colours, roles, and the theme file format.
        .target(name: "TrilateralStyle", dependencies: ["TrilateralModel"], swiftSettings: instrumented),
        .target(
            name: "TrilateralUI",
            dependencies: ["TrilateralModel", "TrilateralStyle"],
            swiftSettings: instrumented,
            plugins: ["EmbedPlugin"]
        ),
        // Handouts: the briefing as a self-contained HTML page or Markdown (trilateral export).
        .target(name: "TrilateralExport", dependencies: ["TrilateralModel", "TrilateralStyle", "TrilateralUI"], swiftSettings: instrumented),
        .target(
            name: "TrilateralTerminal",
            dependencies: ["TrilateralUI", "CNcursesw"],
            swiftSettings: instrumented
        ),
        // Shared sessions: the presenter's socket, the followers, and the wire protocol.
        .target(name: "TrilateralShare", dependencies: ["TrilateralModel", "TrilateralUI", .product(name: "SystemPackage", package: "swift-system")],
                swiftSettings: instrumented),
        .executableTarget(
            name: "trilateral",
            dependencies: [
                "TrilateralModel", "BuiltInBriefings", "TrilateralUI", "TrilateralTerminal", "TrilateralShare", "TrilateralExport", "TrilateralDoor", "CPty",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: instrumented,
            linkerSettings: instrumentedLink + selfContained
        ),
        // What the room's door servers share with the presenter: the room code, the limit on
        // wrong guesses, `[ADDR:]PORT`, and the lines a server tells its presenter. No NIO.
        .target(name: "TrilateralDoor", swiftSettings: instrumented),
        // What both doors' servers share on NIO (how they listen, how they follow the
        // presenter); not linked by the dashboard.
        .target(name: "TrilateralDoorServer", dependencies: ["TrilateralDoor", "TrilateralShare", "TrilateralModel", "TrilateralUI",
                                                             .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")],
                swiftSettings: instrumented),
        // The dashboard on terminals this process does not own (the SSH door's viewers): frames
        // as bytes from terminfo, keys from bytes, one viewer's state, frames shared. No NIO.
        .target(name: "TrilateralRemote", dependencies: ["TrilateralUI", "TrilateralStyle", "TrilateralModel", "TrilateralTerminal", "CNcursesw"],
                swiftSettings: instrumented),
        // `present --ssh`: a watch-only SSH server (swift-nio-ssh) that draws every viewer's
        // dashboard itself (TrilateralRemote), fed by one relay of the presenter's views.
        .executableTarget(
            name: "trilateral-ssh",
            dependencies: [
                "TrilateralDoor", "TrilateralDoorServer", "TrilateralRemote", "TrilateralShare", "TrilateralUI", "TrilateralModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/TrilateralSSH",
            swiftSettings: instrumented,
            linkerSettings: doorLink
        ),
        // `present --web`: what the live page is (the handout, its script, its headers, the view
        // messages), without NIO, so it is tested in the fast tier.
        .target(name: "TrilateralWebRoom", dependencies: ["TrilateralDoor", "TrilateralModel", "TrilateralUI", "TrilateralExport", "TrilateralStyle",
                                                          .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: instrumented),
        // `present --web`: a watch-only HTTP and WebSocket server (NIOHTTP1, NIOWebSocket) whose every
        // viewer is one follower of the presenter's audience socket.
        .executableTarget(
            name: "trilateral-web",
            dependencies: [
                "TrilateralWebRoom", "TrilateralDoor", "TrilateralDoorServer", "TrilateralShare", "TrilateralModel", "TrilateralUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            path: "Sources/TrilateralWeb",
            swiftSettings: instrumented,
            linkerSettings: doorLink
        ),
        // A session-leading spawn for the room's doors, with pipes for their standard
        // descriptors (C, because Swift cannot set POSIX_SPAWN_SETSID's flag portably).
        .target(name: "CPty", path: "Sources/CPty"),
        // The loaders under libFuzzer (Tests/Fuzz/run.sh); built normally, it replays inputs.
        .executableTarget(name: "trilateral-fuzz", dependencies: ["TrilateralModel", "TrilateralUI"],
                          path: "Sources/TrilateralFuzz",
                          swiftSettings: instrumented + (fuzzing ? [.unsafeFlags(["-parse-as-library"]), .define("FUZZING")] : []),
                          linkerSettings: instrumentedLink),
        // In-process benchmarks: `swift run -c release trilateral-bench`.
        .executableTarget(name: "trilateral-bench", dependencies: ["TrilateralModel", "BuiltInBriefings", "TrilateralUI", "TrilateralShare"],
                          path: "Sources/TrilateralBench"),
        // Helpers the test targets share (snapshot files); never linked into the product.
        .target(name: "TestSupport", dependencies: ["TrilateralShare"], path: "Tests/TestSupport"),
        .testTarget(name: "TrilateralModelTests", dependencies: ["TrilateralModel", "BuiltInBriefings", "TestSupport"],
                    exclude: ["Malformed", "Snapshots", "Fixtures"]),
        .testTarget(name: "TrilateralUITests", dependencies: ["TrilateralUI", "TrilateralModel", "BuiltInBriefings", "TestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "TrilateralShareTests", dependencies: ["TrilateralShare", "TrilateralUI", "TrilateralModel", "BuiltInBriefings", "TestSupport"]),
        .testTarget(name: "TrilateralExportTests", dependencies: ["TrilateralExport", "TrilateralModel", "BuiltInBriefings", "TrilateralUI", "TestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "TrilateralTerminalTests", dependencies: ["TrilateralTerminal"]),
        .testTarget(name: "TrilateralDoorTests", dependencies: ["TrilateralDoor"]),
        .testTarget(name: "TrilateralRemoteTests", dependencies: ["TrilateralRemote", "TrilateralUI", "TrilateralStyle", "TrilateralModel", "BuiltInBriefings"]),
        .testTarget(name: "TrilateralWebRoomTests", dependencies: ["TrilateralWebRoom", "TrilateralModel", "TrilateralUI", "TrilateralExport", "TrilateralDoor", "BuiltInBriefings", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "EndToEndTests", dependencies: ["TrilateralShare", "TrilateralUI", "BuiltInBriefings", "TrilateralModel", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
