import CheckoutDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hands a remote command to `checkout-admin-remote` (the way git runs its remote helpers): the helper links the
/// HTTP client so that the read commands' start-up does not pay for it. It is looked for beside `checkout-admin`
/// (a build folder, a hand install), then in `../lib/checkout-admin/` (the Debian package, like git's
/// `/usr/lib/git-core`).
enum HelperLauncher {
    /// The helper's file name.
    static let helperName = "checkout-admin-remote"

    /// Replaces this process with the helper, same argv and environment; returns only by throwing.
    static func execute() throws -> Never {
        let path = helperPath()
        // The helper was built with the tool: a missing one is an installation problem the user can fix.
        execv(path, CommandLine.unsafeArgv)
        let reason = String(cString: strerror(errno))
        throw RemoteFailure(
            .unavailable, "cannot run '\(path)': \(reason)",
            hints: ["install \(helperName) beside checkout-admin, or in ../lib/checkout-admin/ from it"])
    }

    // /proc/self/exe names the running binary even when it was started through PATH or a symlink.
    private static func helperPath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let own = length > 0 ? String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        guard let slash = own.lastIndex(of: "/") else { return helperName }
        let folder = String(own[...slash])
        let beside = folder + helperName
        let libexec = folder + "../lib/checkout-admin/" + helperName
        return access(beside, X_OK) != 0 && access(libexec, X_OK) == 0 ? libexec : beside
    }
}
