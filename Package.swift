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
            // The Swift runtime linked in statically: start-up is most of a CLI's cost.
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        .testTarget(
            name: "CheckoutAdminKitTests",
            dependencies: ["CheckoutAdminKit"],
            exclude: ["Support/validate_profiles.py"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
