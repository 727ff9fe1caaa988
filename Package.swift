// swift-tools-version:6.0
import PackageDescription

// One target per layer; SwiftPM refuses an import that points the wrong way.
//   CheckoutDomain   pure values and rules (depends on nothing)
//   CheckoutFormats  JSON text and the documents (Dintero's bodies, the state document)
//   CheckoutStore    SQLite, the schema, the repository, and every file the tool touches
//   CheckoutApp      parser, help, completion, commands, the write service, rendering, exit codes
//   CheckoutRemote   Dintero's admin API over AsyncHTTPClient: tokens, requests, retries, pagination
//   checkout-admin   main.swift: hands argv and the streams to the app
//   checkout-admin-remote  the helper checkout-admin executes for pull/diff/push (like git's remote helpers),
//                    so the read commands never link or load the HTTP stack
let strictWarnings: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "checkout-admin",
    products: [
        .executable(name: "checkout-admin", targets: ["checkout-admin"]),
        .executable(name: "checkout-admin-remote", targets: ["checkout-admin-remote"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0")
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "CheckoutDomain", swiftSettings: strictWarnings),
        .target(name: "CheckoutFormats", dependencies: ["CheckoutDomain"], swiftSettings: strictWarnings),
        .target(
            name: "CheckoutStore",
            dependencies: ["CSQLite", "CheckoutDomain", "CheckoutFormats"],
            swiftSettings: strictWarnings
        ),
        .target(
            name: "CheckoutApp",
            dependencies: ["CheckoutDomain", "CheckoutFormats", "CheckoutStore"],
            swiftSettings: strictWarnings,
            plugins: ["VersionPlugin"]
        ),
        // The version is written once, in CHANGELOG.md's latest release heading (`## [x.y.z] - YYYY-MM-DD`),
        // not taken from git tags: the CHANGELOG is edited in the same commit as the release it describes, is
        // in every source archive (tags are not), and a build from a shallow or tagless clone gets it right.
        // A prebuild command runs before every build (a manifest value would be cached until Package.swift
        // changes; a build command would not rerun after a commit, as no input file changes). It runs /bin/sh,
        // because a prebuild command may not run an executable built from source, and writes
        // `BuildVersion.current` (version, release date, `git rev-parse --short HEAD`, dirty or not) into
        // CheckoutApp. The plugin lives under Sources/ (`path:`); the script is not a plugin source (`exclude:`).
        .plugin(
            name: "VersionPlugin",
            capability: .buildTool(),
            path: "Sources/VersionPlugin",
            exclude: ["version.sh"]
        ),
        .target(
            name: "CheckoutRemote",
            dependencies: [
                "CheckoutDomain", "CheckoutFormats",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strictWarnings
        ),
        .executableTarget(
            name: "checkout-admin-remote",
            dependencies: ["CheckoutApp", "CheckoutDomain", "CheckoutFormats", "CheckoutRemote"],
            swiftSettings: strictWarnings,
            // Release: static like checkout-admin. Foundation's static archives must be named for the linker
            // to resolve what swift-nio and AsyncHTTPClient pull in; glibc's resolver still answers for
            // localhost and numeric hosts without NSS modules.
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-static-executable", "-use-ld=lld", "-Xlinker", "-l_FoundationCollections", "-Xlinker",
                        "-l_FoundationCShims",
                    ],
                    .when(configuration: .release)
                )
            ]
        ),
        .executableTarget(
            name: "checkout-admin",
            dependencies: ["CheckoutApp"],
            swiftSettings: strictWarnings,
            // Release: one static executable (Swift runtime, libsqlite3.a from libsqlite3-dev, glibc), linked with
            // lld. Start-up is most of a CLI's cost, and the dynamic loader's relocations of libstdc++ alone were
            // half of it: a read command went from 1.5x to 0.85x the sqlite3 shell (Scripts/bench.sh).
            linkerSettings: [.unsafeFlags(["-static-executable", "-use-ld=lld"], .when(configuration: .release))]
        ),
        .testTarget(
            name: "CheckoutAdminTests",
            dependencies: [
                "CheckoutApp", "CheckoutDomain", "CheckoutFormats", "CheckoutStore", "CheckoutRemote",
            ],
            exclude: [
                "Support/schema_check.py", "Support/test_schema_fixtures.py", "Support/dintero_emulator.py",
                "Support/test_dintero_emulator.py", "Support/run_python_tests.sh",
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictWarnings
        ),
    ]
)
