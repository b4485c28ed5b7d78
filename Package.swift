// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cdsboard",
    products: [
        .executable(name: "cdsboard", targets: ["cdsboard"]),
        .executable(name: "cdsboard-bench", targets: ["cdsboard-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The only target that knows ncurses' C API; also holds the async-signal-safe handler.
        .target(
            name: "CNcursesw",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        // SIMD byte scanning and an atomic insert for the CSV fast path (no dependencies).
        .target(name: "CByteScan"),
        // SHA-256 blocks with the x86 SHA extensions, for the manifest's file digests.
        .target(name: "CSHA256"),
        // A SIGBUS handler for mapped cache entries cut short under a viewer (see its header).
        .target(name: "CMapGuard"),
        // Data-provider layer: reads, validates and aggregates snapshots (sources, kinds, cache).
        .target(name: "SnapshotKit", dependencies: ["CByteScan", "CSHA256", "CMapGuard"]),
        // The only target that knows libpq's C API (libpq-dev from Debian's packages).
        .target(name: "CLibPQ", linkerSettings: [.linkedLibrary("pq")]),
        // Snapshots in PostgreSQL: the source that reads them (LISTEN for changes) and `publish`.
        .target(name: "PostgresSource", dependencies: ["SnapshotKit", "CLibPQ"]),
        // Synthetic snapshots (`cdsboard gen`, tests, benchmarks): out of the product library.
        .target(name: "SampleGeneration", dependencies: ["SnapshotKit"]),
        // Pure core: state, update, layout, rendering into a Canvas, themes, strings.
        .target(
            name: "DashboardCore",
            dependencies: ["SnapshotKit", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The thin terminal edge: ncurses, signals, poll loop.
        // A meeting room's sockets: a presenter's route to its followers (issue 31).
        .target(name: "MeetingRoom", dependencies: ["DashboardCore"]),
        .target(
            name: "TerminalUI",
            dependencies: ["CNcursesw", "DashboardCore", "SnapshotKit", "MeetingRoom", .product(name: "Logging", package: "swift-log")]
        ),
        // Import of the province's own exports (.xlsx, .csv) into a snapshot: the workbook reader
        // (ZIPFoundation, Foundation's XML parser), layouts as data, units by name. Kept out of the
        // kiosk's core targets: only the `cdsboard` executable links it, for `cdsboard import`.
        .target(
            name: "SnapshotImport",
            dependencies: [
                "SnapshotKit",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "cdsboard",
            dependencies: [
                "SnapshotKit", "SampleGeneration", "DashboardCore", "TerminalUI", "MeetingRoom", "SnapshotImport", "PostgresSource",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Benchmarks: print figures, never fail on timing (`swift run -c release cdsboard-bench`).
        .executableTarget(
            name: "cdsboard-bench",
            dependencies: [
                "SnapshotKit", "DashboardCore", "CNcursesw", "MeetingRoom",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "DashboardTestSupport", dependencies: ["DashboardCore", "SnapshotKit"]),
        .testTarget(name: "SnapshotKitTests", dependencies: ["SnapshotKit", "SampleGeneration", "CByteScan", "CSHA256", "DashboardTestSupport"]),
        .testTarget(
            name: "DashboardCoreTests",
            dependencies: ["DashboardCore", "SnapshotKit", "SampleGeneration", "DashboardTestSupport"],
            exclude: ["Goldens"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["DashboardTestSupport"]),
        .testTarget(name: "MeetingRoomTests", dependencies: ["MeetingRoom", "DashboardCore", "SnapshotKit"]),
        .testTarget(
            name: "SnapshotImportTests",
            dependencies: [
                "SnapshotImport", "SnapshotKit", "DashboardTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "PostgresSourceTests", dependencies: ["PostgresSource", "SnapshotKit", "DashboardTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
