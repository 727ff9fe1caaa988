import CheckoutDomain

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The JSON values of the history (`history_value`), each stored once: a change names its before and after by id.
/// A value that holds its account's id is stored with the id replaced by U+0001 (which JSON text never holds raw)
/// and named by the negative id, so values that differ only in their account (an added account's empty shell) are
/// stored once too. Recently used values are remembered in a bounded cache, so memory stays flat however long the
/// write.
final class HistoryValues {
    /// The connection.
    let database: Database
    private var nextID: Int64?
    private var ids: [String: Int64] = [:]
    private var texts: [Int64: String] = [:]
    private static let cacheLimit = 4096

    init(database: Database) {
        self.database = database
    }

    /// The character that stands for the account id in a value stored for any account.
    static let accountMark = "\u{01}"

    /// The reference of `json` as a value of `account`'s change, stored now if no change has used it; nil for nil.
    func reference(of json: String?, account: String) throws -> Int64? {
        guard let json else { return nil }
        guard !account.isEmpty, HistoryValues.bytes(of: json, contain: account),
            !HistoryValues.bytes(of: json, contain: HistoryValues.accountMark)
        else {
            return try id(of: json)
        }
        return -(try id(of: json.replacingOccurrences(of: account, with: HistoryValues.accountMark)))
    }

    /// The text `reference` names for a change of `account`; nil for nil, and for a reference with no value.
    func text(of reference: Int64?, account: String) throws -> String? {
        guard let reference else { return nil }
        let text = try self.text(of: abs(reference))
        return reference < 0 ? text?.replacingOccurrences(of: HistoryValues.accountMark, with: account) : text
    }

    private func id(of json: String) throws -> Int64 {
        if let known = ids[json] { return known }
        let digest = HistoryValues.digest(json)
        let found = try database.query(
            "SELECT id FROM history_value WHERE digest = ? AND json = ?", [.integer(digest), .text(json)]
        ) { $0.integer(0) }.first
        let id = try found ?? insert(json, digest: digest)
        remember(json, id)
        return id
    }

    private func text(of id: Int64) throws -> String? {
        if let known = texts[id] { return known }
        guard
            let json = try database.query("SELECT json FROM history_value WHERE id = ?", [.integer(id)], { $0.text(0) })
                .first
        else { return nil }
        remember(json, id)
        return json
    }

    private func insert(_ json: String, digest: Int64) throws -> Int64 {
        let id = try nextID ?? (database.scalarInteger("SELECT coalesce(max(id), 0) + 1 FROM history_value") ?? 1)
        try database.execute(
            "INSERT INTO history_value (id, digest, json) VALUES (?, ?, ?)",
            [.integer(id), .integer(digest), .text(json)])
        nextID = id + 1
        return id
    }

    private func remember(_ json: String, _ id: Int64) {
        if ids.count >= HistoryValues.cacheLimit {
            ids.removeAll(keepingCapacity: true)
            texts.removeAll(keepingCapacity: true)
        }
        ids[json] = id
        texts[id] = json
    }

    // A byte search over the strings' own UTF-8 (String.contains compares characters, which costs far more on
    // every change of a write).
    private static func bytes(of text: String, contain part: String) -> Bool {
        var text = text
        var part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard let first = needle.first, haystack.count >= needle.count else { return false }
                var index = 0
                while index + needle.count <= haystack.count {
                    if haystack[index] == first,
                        memcmp(haystack.baseAddress! + index, needle.baseAddress!, needle.count) == 0
                    {
                        return true
                    }
                    index += 1
                }
                return false
            }
        }
    }

    /// FNV-1a over the UTF-8 text: an index key, not a proof (equal digests are compared by text).
    static func digest(_ json: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in json.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}
