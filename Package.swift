// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Lede",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lede", targets: ["lede"]),
        .library(name: "LedeModel", targets: ["LedeModel"]),
        .library(name: "LedeExtraction", targets: ["LedeExtraction"]),
        .library(name: "LedeWire", targets: ["LedeWire"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // libzmq through pkg-config; Debian's libzmq3-dev provides it.
        .systemLibrary(
            name: "CZeroMQ",
            pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]
        ),
        // glibc's malloc tuning (the C library's own header; no package needed).
        .systemLibrary(name: "CMalloc"),
        // The compiler's prefetch hint, for the tagger's weight look-ups (header only).
        .systemLibrary(name: "CPrefetch"),
        // A thin, owned wrapper over libzmq: sockets, messages, poller, one error path.
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"]),
        // The result types every module shares (articles, mentions, entities, events, topics) and the
        // calendar: value types only, so the wire, the store and clients need not link the extractor.
        .target(name: "LedeModel"),
        // Pure Swift extraction: text in, entities and events out. No I/O.
        .target(
            name: "LedeExtraction",
            dependencies: ["LedeModel", "CPrefetch"],
            resources: [.copy("Resources")]
        ),
        // Wire formats: a strict JSON reader/writer, article decoding with limits, result encoding.
        .target(name: "LedeWire", dependencies: ["LedeModel", .product(name: "Crypto", package: "swift-crypto")]),
        // SQLite persistence (GRDB): articles, results with seq, rejects, replay queries.
        .target(
            name: "LedeStore",
            dependencies: [
                "LedeModel", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // PostgreSQL persistence (postgres-nio): the same `ResultStore` for several nodes on one database,
        // with a global seq committed in order. Only the executable links it: the service takes any store.
        .target(
            name: "LedePostgres",
            dependencies: [
                "LedeModel", "LedeStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The running service: ingest, worker pool, committer/publisher, API.
        .target(
            name: "LedeService",
            dependencies: [
                "ZeroMQ", "CMalloc", "LedeModel", "LedeExtraction", "LedeWire", "LedeStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The HTTP side port for people and orchestrators: health, readiness, Prometheus metrics, replay,
        // Server-Sent Events and the live page (Hummingbird).
        .target(
            name: "LedeHTTP",
            dependencies: [
                "LedeService", "LedeStore", "LedeWire", "LedeModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Client side of the protocol: push, subscribe (gap-free), replay, request/reply with retries.
        .target(name: "LedeClient", dependencies: ["ZeroMQ", "LedeWire", "LedeModel"]),
        // Offline measurement: NER and event evaluation, tagger training drivers, extraction benchmarks.
        .target(name: "LedeEvaluation", dependencies: ["LedeModel", "LedeExtraction"]),
        .executableTarget(
            name: "lede",
            dependencies: [
                "LedeService", "LedeHTTP", "LedeClient", "LedeEvaluation", "LedeModel", "LedeExtraction", "LedeWire",
                "LedeStore", "LedePostgres", "ZeroMQ",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"]),
        .testTarget(name: "LedeExtractionTests", dependencies: ["LedeModel", "LedeExtraction", "LedeEvaluation"]),
        .testTarget(name: "LedeWireTests", dependencies: ["LedeModel", "LedeWire"]),
        .testTarget(name: "LedeStoreTests", dependencies: ["LedeModel", "LedeStore"]),
        // Hot-path micro-benchmarks (XCTest measure blocks; nothing asserted on time). Meaningful in
        // release: LEDE_BENCHMARKS=1 swift test -c release --filter LedePerformanceTests
        .testTarget(name: "LedePerformanceTests", dependencies: ["LedeModel", "LedeExtraction", "LedeWire", "LedeStore"]),
        .testTarget(
            name: "LedeServiceTests",
            dependencies: [
                "LedeService", "LedeHTTP", "LedeClient", "LedeStore", "LedePostgres", "LedeWire", "LedeModel", "LedeExtraction", "ZeroMQ",
                // Only to break the store from outside in a failure test.
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
