/// Candidates for shell completion, from the same tables the parser walks and from the store (read-only).
/// The completion scripts call `checkout-admin __complete <words…>` with the words typed so far, the last
/// one being the word under the cursor; it prints one candidate per line, or `:files` for file names.
struct Completer {
    /// The hidden command the completion scripts call; not listed in help.
    static let hiddenCommand = "__complete"

    /// The command tree.
    let registry: CommandRegistry
    /// The environment (for the store path).
    let environment: [String: String]

    /// The candidates for the last of `words`.
    func candidates(for words: [String]) -> [String] {
        let current = words.last ?? ""
        let state = State(words: Array(words.dropLast()), registry: registry)
        if let option = state.pendingOption { return values(for: option, state, current) }
        let all: [String]
        if current.hasPrefix("-") {
            all = (GlobalOptions.specs + (state.command?.options ?? [])).flatMap { option in
                option.kind == .flag && option.name != "help" && option.name != "version" ? ["--\(option.name)", "--no-\(option.name)"] : ["--\(option.name)"]
            }.filter { !$0.hasPrefix("--no-no-") }
        } else if state.command == nil {
            all = registry.children(of: state.path) + (state.path.isEmpty ? ["help"] : [])
        } else {
            all = positional(state)
        }
        if all == [":files"] { return all }
        return all.filter { $0.hasPrefix(current) }
    }

    private func positional(_ state: State) -> [String] {
        guard let command = state.command else { return [] }
        let index = state.positionals.count
        let spec = command.arguments.indices.contains(index) ? command.arguments[index]
            : command.arguments.last.flatMap { [.oneOrMore, .zeroOrMore].contains($0.arity) ? $0 : nil }
        guard let spec else { return [] }
        switch spec.name {
        case "account": return accountIDs(state)
        case "profile": return profileIDs(state)
        case "type": return PaymentCatalogue.allowedIdentifiers
        case "key": return command.path.first == "settings" ? SettingKey.allCases.map(\.rawValue) : []
        case "key=value":
            return command.path.first == "profile" ? ProfileField.allCases.map { "\($0.rawValue)=" } : SettingKey.allCases.map { "\($0.rawValue)=" }
        case "shell": return ["bash", "fish", "zsh"]
        case "file": return [":files"]
        default: return []
        }
    }

    private func values(for option: OptionSpec, _ state: State, _ current: String) -> [String] {
        let all: [String]
        switch option.name {
        case "store", "output": return [":files"]
        case "currency": all = CurrencyCode.current.sorted()
        case "method", "default": all = PaymentCatalogue.allowedIdentifiers
        case "profile", "copy-from": all = profileIDs(state)
        case "channel": all = PaymentProfile.channels
        default: all = []
        }
        return all.filter { $0.hasPrefix(current) }
    }

    private func accountIDs(_ state: State) -> [String] {
        (try? opener(state).openForReading().accountIDs()) ?? []
    }

    private func profileIDs(_ state: State) -> [String] {
        guard let account = state.positionals.first,
              let loaded = try? opener(state).openForReading().loadAccount(account) else { return [] }
        return loaded.profiles.keys.sorted()
    }

    private func opener(_ state: State) -> StoreOpener {
        let path = state.storePath ?? environment.nonEmpty("CHECKOUT_ADMIN_STORE") ?? GlobalOptions.defaultStorePath(environment)
        return StoreOpener(path: path, lockTimeout: 0)
    }

    /// What the words typed so far say: the command, its positionals, an option waiting for its value.
    private struct State {
        var path: [String] = []
        var command: CommandSpec?
        var positionals: [String] = []
        var pendingOption: OptionSpec?
        var storePath: String?

        init(words: [String], registry: CommandRegistry) {
            for word in words {
                if let option = pendingOption {
                    if option.name == "store" { storePath = word }
                    pendingOption = nil
                } else if word.hasPrefix("--") {
                    let name = String(word.dropFirst(2))
                    pendingOption = (GlobalOptions.specs + (command?.options ?? [])).first { $0.name == name && $0.takesValue }
                } else if word.hasPrefix("-") {
                    continue
                } else if command == nil, registry.children(of: path).contains(word) {
                    path.append(word)
                    command = registry.command(at: path)
                } else if command != nil {
                    positionals.append(word)
                }
            }
        }
    }
}
