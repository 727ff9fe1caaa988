import CheckoutDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hands a remote command to `checkout-admin-remote`, installed beside `checkout-admin` (the way git runs its
/// remote helpers): the helper links the HTTP client so that the read commands' start-up does not pay for it.
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
            hints: ["install \(helperName) in the same folder as checkout-admin"])
    }

    // /proc/self/exe names the running binary even when it was started through PATH or a symlink.
    private static func helperPath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let own = length > 0 ? String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        guard let slash = own.lastIndex(of: "/") else { return helperName }
        return String(own[...slash]) + helperName
    }
}
