import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `history` in text: a header line per write (time, actor, command line), then one indented line per change
/// with what changed field by field, as `ChangeText.differenceLine` writes it:
///
///     2026-11-01T09:05:00Z  alice  checkout-admin profile add-method T12345678 web vipps
///       ~ profile T12345678 web: + vipps
enum HistoryText {
    /// The rows (newest first) as text: the newest write first, each write's changes in the order they were made.
    static func render(_ records: [HistoryRecord], style: Style) -> String {
        writes(records).map { write in
            // Actor and command are free text (an --actor value, typed words): never raw control characters.
            let first = write[0]
            let header = "\(first.at)  \(first.actor.debugEscaped)  \(first.command.debugEscaped)"
            return style.bold(header) + "\n" + write.map { "  " + line($0, in: write, style: style) + "\n" }.joined()
        }.joined()
    }

    /// Runs of rows one command wrote (the same time, actor and command line), oldest row first within each.
    private static func writes(_ records: [HistoryRecord]) -> [[HistoryEntry]] {
        var writes: [[HistoryEntry]] = []
        for entry in records.map(\.entry) {
            if let last = writes.last?.last, last.at == entry.at, last.actor == entry.actor,
                last.command == entry.command
            {
                writes[writes.count - 1].append(entry)
            } else {
                writes.append([entry])
            }
        }
        return writes.map { $0.reversed() }
    }

    private static func line(_ entry: HistoryEntry, in write: [HistoryEntry], style: Style) -> String {
        guard let action = Change.Action(rawValue: entry.action), let kind = Change.Kind(rawValue: entry.kind) else {
            return "\(entry.action) \(entry.kind) \(entry.account) \(entry.objectID)".debugEscaped + stored(entry)
        }
        let bare = Change(
            action: action, account: entry.account, kind: kind, id: entry.objectID, before: nil, after: nil)
        if kind == .account { return ChangeText.subject(bare, style: style) + " (\(contents(entry, in: write)))" }
        let before = entry.before.map { ChangeDocument.value(kind: kind, id: entry.objectID, json: $0) }
        let after = entry.after.map { ChangeDocument.value(kind: kind, id: entry.objectID, json: $0) }
        // A side stored in a shape this version does not read back is shown as stored.
        if case .some(.none) = before { return ChangeText.subject(bare, style: style) + stored(entry) }
        if case .some(.none) = after { return ChangeText.subject(bare, style: style) + stored(entry) }
        return ChangeText.differenceLine(
            Change(
                action: action, account: entry.account, kind: kind, id: entry.objectID, before: before ?? nil,
                after: after ?? nil),
            style: style)
    }

    /// What an added or removed account held: `3 settings, 4 methods, 2 profiles`. A removal stores the whole
    /// account as before; an addition stores an empty one, and its contents are the rows the same write added.
    private static func contents(_ entry: HistoryEntry, in write: [HistoryEntry]) -> String {
        var counts = ["settings": 0, "method": 0, "profile": 0]
        if entry.action == Change.Action.remove.rawValue, let text = entry.before,
            let account = try? JSONValue(parsing: text)
        {
            counts["settings"] = account["settings"]?.objectValue?.count ?? 0
            counts["method"] = account["payment_methods"]?.arrayValue?.count ?? 0
            counts["profile"] = account["profiles"]?.arrayValue?.count ?? 0
        } else {
            for row in write where row.account == entry.account && row.action == Change.Action.add.rawValue {
                counts[row.kind]? += 1
            }
        }
        return [("settings", "setting"), ("method", "method"), ("profile", "profile")].map {
            AuditText.plural(counts[$0.0] ?? 0, $0.1)
        }.joined(separator: ", ")
    }

    /// `: <before> → <after>` as stored, shortened, for rows whose values do not read back.
    private static func stored(_ entry: HistoryEntry) -> String {
        ": \((entry.before ?? "∅").excerpt(marksCut: true)) → \((entry.after ?? "∅").excerpt(marksCut: true))"
    }
}
