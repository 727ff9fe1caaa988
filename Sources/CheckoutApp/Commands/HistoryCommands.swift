import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `history`: every committed change, newest first.
enum HistoryCommands {
    private static let account = ArgumentSpec(
        name: "account", arity: .optional, help: "only this account's changes", completion: .account)
    private static let limit = Option.value("limit", "N", "at most N entries")
    private static let since = Option.value("since", "ISO8601", "only changes at or after this time, e.g. 2026-11-01")

    /// The family's commands.
    static let all: [CommandSpec] = [history]

    static let history = CommandSpec(
        path: ["history"], summary: "Show every committed change, newest first",
        arguments: [account], options: [limit, since],
        examples: [Example(command: "history T12345678 --limit 20", explanation: "the last 20 changes of one account")],
        discussion: """
            Each command that wrote is a line with its time, actor and command line, then one line per change with
            what changed field by field (name: 'A' → 'B', + vipps, - NOK); an added or removed account says how many
            settings, methods and profiles it had. --json lists every row with its whole before and after.
            """,
        run: { context in
            let account = try context.arguments.optionalWord(account).map { try AccountID(parsing: $0).rawValue }
            let records = try context.readStore().history(
                account: account, since: try sinceTime(context), limit: try limitCount(context))
            if context.options.json {
                context.emit(versioned: ["entries": .array(records.map(json))])
            } else {
                context.emit(HistoryText.render(records, style: context.outputStyle))
            }
            return 0
        })

    private static func limitCount(_ context: CommandContext) throws -> Int? {
        guard let text = context.arguments[limit] else { return nil }
        guard let limit = Int(text), limit > 0 else {
            throw Rejection.invalid("invalid limit '\(text)'", hints: ["--limit takes a whole number above 0"])
        }
        return limit
    }

    private static func sinceTime(_ context: CommandContext) throws -> String? {
        guard let text = context.arguments[since] else { return nil }
        guard let time = time(text) else {
            throw Rejection.invalid(
                "invalid time '\(text)'",
                hints: ["--since takes an ISO 8601 date or time, e.g. 2026-11-01 or 2026-11-01T12:00:00Z"])
        }
        return time.rfc3339
    }

    /// An RFC 3339 time, also with fractional seconds (`2026-11-01T12:00:00.250Z`, as JavaScript's `toISOString`
    /// writes). History times are whole seconds, so a fraction rounds up: "at or after" stays exact.
    private static func time(_ text: String) -> Timestamp? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 20, scalars[19] == "." else { return Timestamp(rfc3339: text) }
        let fraction = scalars[20...].prefix { ("0"..."9").contains($0) }
        guard !fraction.isEmpty else { return nil }
        var whole = String.UnicodeScalarView(scalars[..<19])
        whole.append(contentsOf: scalars[(20 + fraction.count)...])
        guard let time = Timestamp(rfc3339: String(whole)) else { return nil }
        return fraction.allSatisfy { $0 == "0" } ? time : Timestamp(secondsSinceEpoch: time.secondsSinceEpoch + 1)
    }

    private static func json(_ record: HistoryRecord) -> JSONValue {
        let entry = record.entry
        func parsed(_ text: String?) -> JSONValue { text.flatMap { try? JSONValue(parsing: $0) } ?? .null }
        return .object([
            "seq": .number(String(record.sequence)), "at": .string(entry.at), "actor": .string(entry.actor),
            "command": .string(entry.command), "account": .string(entry.account), "action": .string(entry.action),
            "kind": .string(entry.kind), "id": .string(entry.objectID), "before": parsed(entry.before),
            "after": parsed(entry.after),
        ])
    }
}
