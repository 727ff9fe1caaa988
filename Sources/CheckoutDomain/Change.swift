/// One difference between two states of an account: a line of a plan, a row of the history.
package struct Change: Equatable, Sendable {
    /// What happens to the thing.
    package enum Action: String, Sendable {
        case add, change, remove
    }

    /// What kind of thing changes.
    package enum Kind: String, Sendable {
        case account, settings, method, profile
    }

    /// The state of the thing on one side of the change.
    package enum Value: Equatable, Sendable {
        case account(MerchantAccount)
        case setting(key: String, value: String)
        case method(type: String, currencies: [String], details: [String: JSONValue]?)
        case profile(PaymentProfile)
    }

    /// Add, change or remove.
    package let action: Action
    /// The account concerned.
    package let account: String
    /// Account, setting, method or profile.
    package let kind: Kind
    /// The setting key, payment type or profile id; the account id for account changes.
    package let id: String
    /// The state before (nil when added).
    package let before: Value?
    /// The state after (nil when removed).
    package let after: Value?

    /// A change from its parts.
    package init(action: Action, account: String, kind: Kind, id: String, before: Value?, after: Value?) {
        self.action = action
        self.account = account
        self.kind = kind
        self.id = id
        self.before = before
        self.after = after
    }
}

/// Computes the changes that turn one account state into another.
package enum ChangeSet {
    /// The changes from `before` to `after` (nil: the account does not exist), in a stable order:
    /// account, settings by key, methods by type, profiles by id.
    package static func between(_ before: MerchantAccount?, _ after: MerchantAccount?) -> [Change] {
        guard let id = after?.id ?? before?.id, before != after else { return [] }
        if let before, after == nil {
            return [Change(action: .remove, account: id, kind: .account, id: id, before: .account(before), after: nil)]
        }
        var changes: [Change] = []
        if before == nil, let after {
            changes.append(
                Change(
                    action: .add, account: id, kind: .account, id: id, before: nil,
                    after: .account(MerchantAccount(id: after.id))))
        }
        let old = before ?? MerchantAccount(id: id)
        let new = after ?? MerchantAccount(id: id)
        changes += diff(old.settings, new.settings, account: id, kind: .settings) { .setting(key: $0, value: $1) }
        if old.methods != new.methods || old.methodDetails != new.methodDetails {
            changes += diff(old.methodStates, new.methodStates, account: id, kind: .method) {
                .method(type: $0, currencies: $1.currencies, details: $1.details)
            }
        }
        changes += diff(old.profiles, new.profiles, account: id, kind: .profile) { .profile($1) }
        return changes
    }

    private static func diff<V: Equatable>(
        _ old: [String: V], _ new: [String: V], account: String, kind: Change.Kind,
        value: (String, V) -> Change.Value
    ) -> [Change] {
        guard old != new else { return [] }
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            let before = old[key]
            let after = new[key]
            guard before != after else { return nil }
            let action: Change.Action = before == nil ? .add : after == nil ? .remove : .change
            return Change(
                action: action, account: account, kind: kind, id: key,
                before: before.map { value(key, $0) }, after: after.map { value(key, $0) })
        }
    }
}

/// A method's currencies with its `details`, compared as one value.
private struct MethodState: Equatable {
    let currencies: [String]
    let details: [String: JSONValue]?
}

extension MerchantAccount {
    // Details of a type that is not enabled are ignored: they could not be stored or exported.
    fileprivate var methodStates: [String: MethodState] {
        methods.reduce(into: [:]) { $0[$1.key] = MethodState(currencies: $1.value, details: methodDetails[$1.key]) }
    }
}
