// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "checkout-admin",
    products: [
        .executable(name: "checkout-admin", targets: ["checkout-admin"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "CheckoutAdminKit",
            dependencies: ["CSQLite"]
        ),
        .executableTarget(
            name: "checkout-admin",
            dependencies: ["CheckoutAdminKit"],
            // Release: one static executable (Swift runtime, libsqlite3.a from libsqlite3-dev, glibc), linked with
            // lld. Start-up is most of a CLI's cost, and the dynamic loader's relocations of libstdc++ alone were
            // half of it: a read command went from 1.5x to 0.85x the sqlite3 shell (Scripts/bench.sh).
            linkerSettings: [.unsafeFlags(["-static-executable", "-use-ld=lld"], .when(configuration: .release))]
        ),
        .testTarget(
            name: "CheckoutAdminKitTests",
            dependencies: ["CheckoutAdminKit"],
            exclude: ["Support/validate_profiles.py"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
