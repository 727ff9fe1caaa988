import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `init` and `store …`: the store itself.
enum StoreCommands {
    /// The family's commands.
    static let all: [CommandSpec] = [initialize, info]

    static let initialize = CommandSpec(
        path: ["init"], summary: "Create the store, or upgrade an older one, and print its path and schema version",
        examples: [Example(command: "--store ./ops.sqlite init", explanation: "create a store in the current folder")],
        discussion: "Idempotent. Other commands also create the store on their first write.",
        run: { context in
            let (store, opening) = try context.writeStore()
            let repaired = try store.repairSchema()
            let version = try store.schemaVersion()
            if context.options.json {
                context.emit(versioned: [
                    "path": .string(store.path),
                    "schema_version": ChangeDocument.number(version), "created": .bool(opening == .created),
                    "repaired": .array(repaired.map(JSONValue.string)),
                ])
            } else {
                context.emit(KeyValueText.render([("path", store.path), ("schema_version", String(version))]))
                switch opening {
                case .created: context.inform("created store '\(store.path)'")
                case .upgraded(let previous):
                    context.inform("upgraded store '\(store.path)' from schema version \(previous) to \(version)")
                case .existing where repaired.isEmpty: context.inform("store is up to date")
                case .existing: break
                }
                for repair in repaired { context.inform("repaired store '\(store.path)': \(repair)") }
            }
            return 0
        })

    static let info = CommandSpec(
        path: ["store", "info"], summary: "Show the store's path, schema version, size and counts",
        examples: [Example(command: "store info --json", explanation: "the figures as JSON")],
        run: { context in
            let store = try context.readStore(allowingOlder: true)
            let statistics = try store.statistics()
            let size = store.exists ? fileSize(store.path) ?? 0 : 0
            let fields: [(String, JSONValue)] = [
                ("path", .string(store.path)), ("exists", .bool(store.exists)),
                ("schema_version", ChangeDocument.number(try store.schemaVersion())),
                ("size_bytes", .number(String(size))),
                ("accounts", ChangeDocument.number(statistics.accounts)),
                ("methods", ChangeDocument.number(statistics.methods)),
                ("profiles", ChangeDocument.number(statistics.profiles)),
                ("history_entries", ChangeDocument.number(statistics.historyEntries)),
            ]
            if context.options.json {
                context.emit(
                    json: .object(
                        Dictionary(uniqueKeysWithValues: fields + [("format_version", .string(DocumentFormat.version))])
                    ))
            } else {
                context.emit(KeyValueText.render(fields.map { ($0.0, $0.1.plainText) }))
            }
            return 0
        })
}

extension JSONValue {
    /// A scalar as plain text for `key: value` output.
    var plainText: String {
        switch self {
        case .string(let text): return text
        case .number(let text): return text
        case .bool(let flag): return flag ? "yes" : "no"
        case .null: return "-"
        default: return compactText()
        }
    }
}
