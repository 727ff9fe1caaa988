import CheckoutDomain

extension ChangeDocument {
    /// One side of a stored change read back from the JSON `valueJSON` wrote (a history row's before or after),
    /// for showing what changed field by field. Nil when the text is not what `valueJSON` writes for that kind
    /// (a row written by other means); account states are not read back, their JSON is counted where needed.
    package static func value(kind: Change.Kind, id: String, json text: String) -> Change.Value? {
        guard let json = try? JSONValue(parsing: text) else { return nil }
        switch kind {
        case .account: return nil
        case .settings: return setting(id, json)
        case .method: return method(json)
        case .profile:
            var reader = ProfileImport(path: "$")
            return (try? reader.profile(from: json)).map(Change.Value.profile)
        }
    }

    private static func setting(_ key: String, _ json: JSONValue) -> Change.Value? {
        switch json {
        case .string(let value): return .setting(key: key, value: value)
        case .bool(let flag): return .setting(key: key, value: flag ? "true" : "false")
        default: return nil
        }
    }

    private static func method(_ json: JSONValue) -> Change.Value? {
        guard let type = json["type"]?.stringValue, let list = json["currencies"]?.arrayValue else { return nil }
        let currencies = list.compactMap(\.stringValue)
        guard currencies.count == list.count else { return nil }
        let details = json["details"]?.objectValue
        if json["details"] != nil && details == nil { return nil }
        return .method(type: type, currencies: currencies, details: details)
    }
}
