// swift-tools-version: 6.0
import PackageDescription

// The targets follow the pipeline, one stage each:
// DuetSource (load + parse) -> DuetModel (site graph) -> DuetRender (theme) -> DuetBuild (write).
let package = Package(
    name: "Duet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "duet", targets: ["duet"]),
        .library(name: "DuetBuild", targets: ["DuetBuild"]),
        // libFuzzer target: scripts/fuzz builds it with -sanitize=fuzzer; a plain build replays inputs.
        .executable(name: "duet-fuzz", targets: ["DuetFuzz"]),
        // The preview server's request path under libFuzzer: scripts/fuzz-serve.
        .executable(name: "duet-serve-fuzz", targets: ["DuetServerFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // zlib, for the EPUBs: deflate at a level of our choosing and CRC-32 (EpubArchive).
        .systemLibrary(name: "CDuetZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "DuetModel"),
        .target(name: "DuetMarkdown", dependencies: ["CCmarkGFM", "DuetModel"]),
        .target(name: "DuetLiquid", dependencies: ["DuetModel"]),
        // Duet's Mustache engine: templates parsed once, rendered into bytes; no other Duet module.
        .target(name: "DuetTemplate"),
        .target(name: "DuetSource", dependencies: ["DuetModel", "DuetMarkdown", "DuetLiquid", "Yams"]),
        .target(name: "DuetRender", dependencies: [
            "DuetModel",
            "DuetTemplate",
            "CDuetZlib",
        ]),
        .target(name: "DuetAuthoring", dependencies: ["DuetModel", "DuetSource"]),
        // The default theme and the version inside the binary, generated from themes/default/ and VERSION.
        .executableTarget(name: "duet-embed", path: "Sources/DuetEmbedTool"),
        .plugin(name: "EmbedDefaultTheme", capability: .buildTool(), dependencies: ["duet-embed"]),
        .target(name: "DuetEmbedded", plugins: ["EmbedDefaultTheme"]),
        .target(name: "DuetBuild", dependencies: ["DuetModel", "DuetMarkdown", "DuetSource", "DuetRender", "DuetEmbedded"]),
        .target(name: "DuetServer", dependencies: [
            "DuetBuild",
            .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
        .target(name: "DuetCheck", dependencies: ["DuetBuild", "DuetModel", "DuetSource"]),
        // libcurl, loaded only if URLSession is called (never, in Duet): see its loader.c.
        .target(name: "CDuetCurlLoader", linkerSettings: [.linkedLibrary("dl")]),
        .executableTarget(name: "duet", dependencies: [
            "DuetAuthoring",
            "DuetEmbedded",
            "DuetBuild",
            "DuetCheck",
            "DuetServer",
            "CDuetCurlLoader",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [
            // With the loader's definitions, nothing needs libcurl at start: it is left out.
            .unsafeFlags(["-Xlinker", "--as-needed"], .when(platforms: [.linux])),
        ]),
        .executableTarget(name: "DuetFuzz", dependencies: [
            "DuetBuild", "DuetModel", "DuetSource", "DuetRender",
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "DuetServerFuzz", dependencies: ["DuetServer"]),
        .testTarget(name: "DuetModelTests", dependencies: ["DuetModel"]),
        .testTarget(name: "DuetMarkdownTests", dependencies: ["DuetMarkdown"]),
        .testTarget(name: "DuetSourceTests", dependencies: ["DuetSource", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "DuetLiquidTests", dependencies: ["DuetLiquid", "DuetModel"]),
        .testTarget(name: "DuetRenderTests", dependencies: ["DuetRender", "DuetModel", "DuetTemplate"]),
        .testTarget(name: "DuetTemplateTests", dependencies: ["DuetTemplate"]),
        .testTarget(name: "DuetBuildTests", dependencies: [
            "DuetBuild",
            "DuetEmbedded",
            "DuetRender",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: []),
        .testTarget(name: "DuetAuthoringTests", dependencies: ["DuetAuthoring"]),
        .testTarget(name: "DuetServerTests", dependencies: ["DuetServer", "DuetBuild"]),
        .testTarget(name: "DuetCheckTests", dependencies: ["DuetCheck", "DuetBuild", "DuetModel"]),
    ],
    swiftLanguageModes: [.v6]
)
