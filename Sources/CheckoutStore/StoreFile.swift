import CheckoutDomain
import CheckoutFormats

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the first 100 bytes of a file say about it, read without SQLite so a foreign file is never touched.
package enum StoreFileVerdict: Equatable {
    /// A checkout-admin store at this schema version.
    case ours(version: Int)
    /// Not usable, with the reason (the message names the cause; the caller adds the path).
    case foreign(reason: String)
}

/// Checks the SQLite header of an existing store file.
package enum StoreFile {
    /// Reads the header of `path` and classifies the file.
    package static func inspect(_ path: String) -> StoreFileVerdict {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .foreign(reason: "cannot be read: \(FileError.current(path).reason)") }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 100)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 100) }
        if count == 0 { return .foreign(reason: "is empty (0 bytes), not a checkout-admin store") }
        return classify(Array(header.prefix(max(count, 0))))
    }

    /// Classifies a header (the file's first bytes).
    package static func classify(_ header: [UInt8]) -> StoreFileVerdict {
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            return .foreign(reason: "is not an SQLite database (damaged, or another kind of file)")
        }
        let applicationID = bigEndian(header[68..<72])
        let version = Int(bigEndian(header[60..<64]))
        guard applicationID == Schema.applicationID else {
            return .foreign(reason: "is an SQLite database of another application, not a checkout-admin store")
        }
        guard version >= 0 else {
            return .foreign(reason: "is damaged: its schema version \(version) is not valid")
        }
        guard version <= Schema.currentVersion else {
            return .foreign(
                reason:
                    "was written by a newer checkout-admin (schema \(version); this one knows up to \(Schema.currentVersion))"
            )
        }
        return .ours(version: version)
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int32 {
        Int32(bitPattern: bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    }
}
