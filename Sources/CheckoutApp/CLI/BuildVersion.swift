import CheckoutDomain

/// The release and commit this executable was built from, for `--version` and the man page.
///
/// `BuildVersion.current` is generated before every build by the VersionPlugin (Sources/VersionPlugin)
/// from CHANGELOG.md's first release heading and `git rev-parse --short HEAD`, so the version is written
/// in one place only: the CHANGELOG.
package struct BuildVersion: Equatable, Sendable {
    /// The semantic version, `x.y.z`.
    package let version: String
    /// The release date from the CHANGELOG heading, `2026-12-01`.
    package let releaseDate: String
    /// The abbreviated commit hash, or nil when built outside a git repository.
    package let commit: String?
    /// Whether tracked files differed from the commit when it was built.
    package let isDirty: Bool

    /// `85d9d3d`, `85d9d3d-dirty`, or nil when the commit is unknown.
    package var commitLabel: String? {
        commit.map { isDirty ? $0 + "-dirty" : $0 }
    }

    /// The `--version` line: `checkout-admin x.y.z (85d9d3d)`, `(85d9d3d-dirty)` or `(unknown commit)`.
    package var text: String {
        "checkout-admin \(version) (\(commitLabel ?? "unknown commit"))\n"
    }

    /// The `--version --json` fields (`commit` is null when unknown); `format_version` is added on output.
    package var fields: [String: JSONValue] {
        ["version": .string(version), "commit": commitLabel.map(JSONValue.string) ?? .null]
    }
}
