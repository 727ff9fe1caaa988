import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// Candidates for shell completion, from the same tables the parser walks and from the store (read-only).
/// The completion scripts call `checkout-admin __complete <words…>` with the words typed so far, the last
/// one being the word under the cursor; it prints one candidate per line, or `:files` for file names.
///
/// A candidate is always a whole word: for `--currency=N` it is `--currency=NOK`. `:files` means file
/// names for the word under the cursor, or for its value when the word is `--option=…`.
struct Completer {
    /// The hidden command the completion scripts call; not listed in help.
    static let hiddenCommand = "__complete"

    /// What the scripts print instead of candidates when file names fit.
    static let filesMarker = ":files"

    /// The command tree.
    let registry: CommandRegistry
    /// The environment (for the store path).
    let environment: [String: String]

    /// The candidates for the last of `words`.
    func candidates(for words: [String]) -> [String] {
        let current = words.last ?? ""
        let state = State(words: Array(words.dropLast()), registry: registry)
        if state.isLost { return [] }
        if let option = state.pendingOption { return filtered(values(for: option, state), current) }
        if !state.optionsEnded, current.hasPrefix("--"), let equals = current.firstIndex(of: "=") {
            return inlineValues(current, equals: equals, state)
        }
        if !state.optionsEnded, current.hasPrefix("-") { return filtered(optionNames(state), current) }
        if state.isHelp { return state.command == nil ? filtered(helpWords(state), current) : [] }
        if state.command == nil {
            return filtered(registry.children(of: state.path) + (state.path.isEmpty ? ["help"] : []), current)
        }
        // A key=value word that already has its `=` is being given a value, which has no candidates.
        if current.contains("="), positionalSpec(state)?.name == "key=value" { return [] }
        return filtered(positional(state), current)
    }

    /// The candidates that start with `current`; the files marker stands for every file name.
    private func filtered(_ all: [String], _ current: String) -> [String] {
        all == [Completer.filesMarker] ? all : all.filter { $0.hasPrefix(current) }
    }

    /// `--name=value…` under the cursor: the option's values, each with the `--name=` in front.
    private func inlineValues(_ current: String, equals: String.Index, _ state: State) -> [String] {
        let name = String(current[current.index(current.startIndex, offsetBy: 2)..<equals])
        guard let option = state.options.first(where: { $0.name == name && $0.takesValue }) else { return [] }
        let all = values(for: option, state)
        if all == [Completer.filesMarker] { return all }
        let head = String(current[...equals])
        return filtered(all.map { head + $0 }, current)
    }

    /// `--name` for every option, and `--no-name` for flags (not for --help and --version).
    private func optionNames(_ state: State) -> [String] {
        state.options.flatMap { option in
            option.kind == .flag && option.name != "help" && option.name != "version"
                ? ["--\(option.name)", "--no-\(option.name)"] : ["--\(option.name)"]
        }.filter { !$0.hasPrefix("--no-no-") }
    }

    /// After `help`: the next command word, and at the top the help topics.
    private func helpWords(_ state: State) -> [String] {
        registry.children(of: state.path) + (state.path.isEmpty ? HelpTopic.allCases.map(\.rawValue) : [])
    }

    /// The argument the next positional word fills, if any.
    private func positionalSpec(_ state: State) -> ArgumentSpec? {
        guard let command = state.command else { return nil }
        let index = state.positionals.count
        if command.arguments.indices.contains(index) { return command.arguments[index] }
        return command.arguments.last.flatMap { [.oneOrMore, .zeroOrMore].contains($0.arity) ? $0 : nil }
    }

    private func positional(_ state: State) -> [String] {
        guard let command = state.command, let spec = positionalSpec(state) else { return [] }
        switch spec.name {
        case "account": return accountIDs(state)
        case "profile": return profileIDs(state)
        case "type": return PaymentCatalogue.allowedIdentifiers
        case "key": return command.path.first == "settings" ? SettingKey.allCases.map(\.rawValue) : []
        case "key=value":
            return command.path.first == "profile"
                ? ProfileField.allCases.map { "\($0.rawValue)=" } : SettingKey.allCases.map { "\($0.rawValue)=" }
        case "shell": return ["bash", "fish", "zsh"]
        case "file": return [Completer.filesMarker]
        default: return []
        }
    }

    private func values(for option: OptionSpec, _ state: State) -> [String] {
        switch option.name {
        case "store", "output": return [Completer.filesMarker]
        case "currency": return CurrencyCode.current.sorted()
        case "method", "default": return PaymentCatalogue.allowedIdentifiers
        case "profile", "copy-from": return profileIDs(state)
        case "channel": return PaymentProfile.channels
        default: return []
        }
    }

    private func accountIDs(_ state: State) -> [String] {
        (try? readStore(state)?.accountIDs()) ?? []
    }

    private func profileIDs(_ state: State) -> [String] {
        guard let account = state.positionals.first,
            let loaded = try? readStore(state)?.loadAccount(account)
        else { return [] }
        return loaded.profiles.keys.sorted()
    }

    /// The store, only when it exists and is at this binary's schema version: completion never creates a
    /// store and never upgrades one (opening an older store for reading would migrate it), and it never
    /// waits for a lock.
    private func readStore(_ state: State) throws -> Store? {
        let path =
            state.storePath ?? environment.nonEmpty("CHECKOUT_ADMIN_STORE")
            ?? GlobalOptions.defaultStorePath(environment)
        guard case .ours(Schema.currentVersion) = StoreFile.inspect(path) else { return nil }
        return try StoreOpener(path: path, lockTimeout: 0).openForReading()
    }

    /// What the words typed so far say: the command, its positionals, an option waiting for its value.
    private struct State {
        var path: [String] = []
        var command: CommandSpec?
        /// The line is `help <command…>`.
        var isHelp = false
        /// A word named no command: nothing that follows can be completed.
        var isLost = false
        var positionals: [String] = []
        var pendingOption: OptionSpec?
        var storePath: String?
        /// `--` was typed: later words are arguments even if they start with `-`.
        var optionsEnded = false
        let registry: CommandRegistry

        /// The options the parser accepts at this point of the line.
        var options: [OptionSpec] { GlobalOptions.specs + (command?.options ?? []) + (isHelp ? [ManPage.option] : []) }

        init(words: [String], registry: CommandRegistry) {
            self.registry = registry
            for word in words {
                if let option = pendingOption {
                    if option.name == "store" { storePath = word }
                    pendingOption = nil
                } else if optionsEnded || word == "-" || !word.hasPrefix("-") {
                    take(word)
                } else if word == "--" {
                    optionsEnded = true
                } else if word.hasPrefix("--") {
                    takeLongOption(word.dropFirst(2))
                }
                // Short options (-q, -h) are flags: nothing to record.
            }
        }

        private mutating func takeLongOption(_ body: Substring) {
            let name = String(body.prefix { $0 != "=" })
            guard let equals = body.firstIndex(of: "=") else {
                pendingOption = options.first { $0.name == name && $0.takesValue }
                return
            }
            if name == "store" { storePath = String(body[body.index(after: equals)...]) }
        }

        private mutating func take(_ word: String) {
            if command != nil {
                positionals.append(word)
            } else if path.isEmpty && !isHelp && word == "help" {
                isHelp = true
            } else if registry.children(of: path).contains(word) {
                path.append(word)
                command = registry.command(at: path)
            } else {
                isLost = true
            }
        }
    }
}
