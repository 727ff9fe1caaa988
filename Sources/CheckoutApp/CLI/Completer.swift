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
        // A key=value word that already has its `=` is being given a value: the key's values, as whole words.
        if let equals = current.firstIndex(of: "="), let completion = positionalSpec(state)?.completion,
            [.settingValue, .profileField].contains(completion)
        {
            let key = String(current[..<equals])
            return filtered(assignedValues(key, completion, state).map { "\(key)=\($0)" }, current)
        }
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
        guard let spec = positionalSpec(state) else { return [] }
        return offered(spec.completion, state)
    }

    private func values(for option: OptionSpec, _ state: State) -> [String] {
        offered(option.completion, state)
    }

    /// The words a completion kind offers at this point of the line.
    private func offered(_ completion: Completion, _ state: State) -> [String] {
        switch completion {
        case .none: return []
        case .file: return [Completer.filesMarker]
        case .account: return accountIDs(state)
        case .profile: return profileIDs(state)
        case .paymentType: return PaymentCatalogue.allowedIdentifiers
        case .enabledPaymentType: return enabledTypes(state) ?? PaymentCatalogue.allowedIdentifiers
        case .currency: return CurrencyCode.payment
        case .settingKey: return SettingKey.allCases.map(\.rawValue)
        case .settingValue: return SettingKey.allCases.map { "\($0.rawValue)=" }
        case .profileField: return ProfileField.allCases.map { "\($0.rawValue)=" }
        case .words(let words): return words
        }
    }

    /// The values after `key=`: a setting's listed values, or a profile field's; none for free text.
    private func assignedValues(_ key: String, _ completion: Completion, _ state: State) -> [String] {
        guard completion == .profileField else { return SettingKey(rawValue: key)?.listedValues ?? [] }
        switch ProfileField(rawValue: key) {
        case .channel: return PaymentProfile.channels
        case .autoCapture, .allActive: return ["true", "false"]
        case .defaultPaymentType: return offered(.enabledPaymentType, state)
        case .description, .merchantTermsURL, nil: return []
        }
    }

    private func accountIDs(_ state: State) -> [String] {
        (try? readStore(state)?.accountIDs()) ?? []
    }

    private func profileIDs(_ state: State) -> [String] {
        namedAccount(state)?.profiles.keys.sorted() ?? []
    }

    /// The types the account named on the line has enabled; nil when the store does not know it.
    private func enabledTypes(_ state: State) -> [String]? {
        namedAccount(state).map { $0.methods.keys.sorted() }
    }

    private func namedAccount(_ state: State) -> MerchantAccount? {
        guard let account = state.positionals.first else { return nil }
        return try? readStore(state)?.loadAccount(account)
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

    /// What the words typed so far say, read by the parser's own walk: the command, its positionals, an option
    /// waiting for its value.
    private struct State {
        var path: [String]
        var command: CommandSpec?
        /// The line is `help <command…>`.
        var isHelp: Bool
        /// A word named no command: nothing that follows can be completed.
        var isLost = false
        var positionals: [String]
        var pendingOption: OptionSpec?
        var storePath: String?
        /// `--` was typed: later words are arguments even if they start with `-`.
        var optionsEnded: Bool
        /// The options the parser accepts at this point of the line.
        var options: [OptionSpec]

        init(words: [String], registry: CommandRegistry) {
            var walk = CommandLineWalk(registry: registry)
            walk.isCompleting = true
            var index = 0
            var isLost = false
            while index < words.count {
                let word = words[index]
                do { try walk.consume(words, at: &index) } catch {
                    // Unknown options are skipped, as the shell would; an unknown command word loses the line.
                    if walk.optionsEnded || !word.hasPrefix("-") { isLost = true }
                }
            }
            let path = walk.helpWords ?? walk.path
            let helpPathIsKnown = path.indices.allSatisfy {
                registry.children(of: Array(path[..<$0])).contains(path[$0])
            }
            self.path = path
            isHelp = walk.helpWords != nil
            self.isLost = isLost || (isHelp && !helpPathIsKnown)
            command = registry.command(at: path)
            positionals = walk.loose
            pendingOption = walk.pendingOption
            storePath = walk.parsed[GlobalOptions.store]
            optionsEnded = walk.optionsEnded
            options = walk.options
        }
    }
}
