import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// What the command line asks for.
enum ParsedCommandLine {
    /// Run a leaf command.
    case run(CommandSpec, ParsedArguments)
    /// Show help for the node at this path (empty: the whole tool).
    case help(path: [String], parsed: ParsedArguments)
    /// Print the version.
    case version(ParsedArguments)

    /// The options and arguments bound on the way, whatever the line asks for.
    var arguments: ParsedArguments {
        switch self {
        case .run(_, let parsed), .help(_, let parsed), .version(let parsed): return parsed
        }
    }
}

/// The hand-written parser: one walk over the words, driven by the command tables.
struct CommandLineParser {
    /// The command tree.
    let registry: CommandRegistry

    /// Parses `words` (argv without the program name).
    func parse(_ words: [String]) throws -> ParsedCommandLine {
        var walk = CommandLineWalk(registry: registry)
        var index = 0
        do {
            while index < words.count {
                try walk.consume(words, at: &index)
            }
        } catch {
            // `--help` anywhere wins over whatever else is wrong on the line, as in git.
            guard asksForHelp(words) else { throw error }
            return .help(path: walk.path, parsed: walk.bound)
        }
        if let topic = walk.helpWords {
            try walk.checkHelpTopic(topic)
            return .help(path: topic, parsed: walk.bound)
        }
        if walk.parsed[GlobalOptions.help] { return .help(path: walk.path, parsed: walk.bound) }
        if walk.parsed[GlobalOptions.version] { return .version(walk.bound) }
        guard let command = walk.command else { throw walk.missingCommandError() }
        try walk.bindPositionals(to: command)
        return .run(command, walk.bound)
    }

    private func asksForHelp(_ words: [String]) -> Bool {
        let options = words.prefix { $0 != "--" }
        return options.contains("--help") || options.contains("-h")
    }
}

/// The state of one walk over the words. The completer walks the same way, tolerating what the parser refuses.
struct CommandLineWalk {
    let registry: CommandRegistry
    var path: [String] = []
    var command: CommandSpec?
    var parsed = ParsedArguments()
    var loose: [String] = []
    var optionsEnded = false
    /// The words after `help`, when the line is `help <topic…>`.
    var helpWords: [String]?
    /// Completing: an option whose value is the word under the cursor is kept here instead of refused.
    var isCompleting = false
    /// The value option that ended the words, waiting for its value (only when completing).
    var pendingOption: OptionSpec?

    init(registry: CommandRegistry) {
        self.registry = registry
    }

    /// The words bound so far, knowing which options the line may carry (`help` reads --man however it was
    /// asked for).
    var bound: ParsedArguments {
        var arguments = parsed
        arguments.declared = Set(options.map(\.name) + [ManPage.option.spec.name])
        return arguments
    }

    var options: [OptionSpec] {
        GlobalOptions.specs + (command?.options ?? []) + (helpWords != nil ? [ManPage.option.spec] : [])
    }

    mutating func consume(_ words: [String], at index: inout Int) throws {
        let word = words[index]
        index += 1
        if optionsEnded || word == "-" || !word.hasPrefix("-") {
            try takeWord(word)
        } else if word == "--" {
            optionsEnded = true
        } else if word.hasPrefix("--") {
            try takeLongOption(word, words, &index)
        } else {
            try takeShortOptions(word)
        }
    }

    mutating func takeWord(_ word: String) throws {
        if helpWords != nil {
            helpWords?.append(word)
            return
        }
        if command != nil {
            loose.append(word)
            return
        }
        if path.isEmpty && word == "help" {
            helpWords = []
            return
        }
        let children = registry.children(of: path)
        guard children.contains(word) else { throw unknownCommand(word, children) }
        path.append(word)
        command = registry.command(at: path)
    }

    mutating func takeLongOption(_ word: String, _ words: [String], _ index: inout Int) throws {
        let body = word.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let inlineValue = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
        if let spec = options.first(where: { $0.name == name }) {
            try take(spec, inlineValue: inlineValue, words, &index)
        } else if name.hasPrefix("no-"),
            let spec = options.first(where: { $0.name == name.dropFirst(3) && $0.kind == .flag })
        {
            guard inlineValue == nil else { throw UsageError(message: "option '--\(name)' takes no value") }
            parsed.flags[spec.name] = false
        } else {
            throw unknownOption("--\(name)")
        }
    }

    mutating func take(_ spec: OptionSpec, inlineValue: String?, _ words: [String], _ index: inout Int) throws {
        guard spec.takesValue else {
            guard inlineValue == nil else { throw UsageError(message: "option '--\(spec.name)' takes no value") }
            parsed.flags[spec.name] = true
            return
        }
        var value = inlineValue
        if value == nil, index < words.count {
            value = words[index]
            index += 1
        }
        if value == nil, isCompleting {
            pendingOption = spec
            return
        }
        guard let value else {
            throw UsageError(message: "option '--\(spec.name)' needs a value", hints: ["usage: \(spec.usageForm)"])
        }
        parsed.values[spec.name, default: []].append(value)
    }

    mutating func takeShortOptions(_ word: String) throws {
        for letter in word.dropFirst() {
            guard let spec = options.first(where: { $0.short == letter }), !spec.takesValue else {
                throw unknownOption("-\(letter)")
            }
            parsed.flags[spec.name] = true
        }
    }

    mutating func bindPositionals(to command: CommandSpec) throws {
        var remaining = loose[...]
        for argument in command.arguments {
            switch argument.arity {
            case .required, .oneOrMore:
                guard let first = remaining.popFirst() else {
                    throw UsageError(
                        message: "'\(command.name)' needs \(argument.usageForm)",
                        hints: ["usage: \(Synopsis.line(for: command))"])
                }
                parsed.positionals[argument.name] = [first] + (argument.arity == .oneOrMore ? Array(remaining) : [])
            case .optional:
                if let first = remaining.popFirst() { parsed.positionals[argument.name] = [first] }
            case .zeroOrMore:
                parsed.positionals[argument.name] = Array(remaining)
            }
            if argument.arity == .oneOrMore || argument.arity == .zeroOrMore { remaining = [] }
        }
        if let extra = remaining.first {
            throw UsageError(
                message: "unexpected argument '\(extra)' for '\(command.name)'",
                hints: ["usage: \(Synopsis.line(for: command))"])
        }
    }

    func unknownCommand(_ word: String, _ children: [String]) -> UsageError {
        let scope = path.isEmpty ? "" : " " + path.joined(separator: " ")
        let extra = path.isEmpty ? ["help"] : []
        let suggestion = Suggestion.hints(for: word, among: children + extra) { "'checkout-admin\(scope) \($0)'" }
        return UsageError(
            message: "unknown command '\(word)'",
            hints: suggestion + ["see 'checkout-admin\(scope) --help' for the list of commands"])
    }

    /// `help <words…>` must name a command, group or topic; a typo gets a suggestion like any unknown command.
    func checkHelpTopic(_ topic: [String]) throws {
        for (index, word) in topic.enumerated() {
            let prefix = Array(topic.prefix(index))
            let candidates = registry.children(of: prefix) + (prefix.isEmpty ? HelpTopic.allCases.map(\.rawValue) : [])
            guard !candidates.contains(word) else { continue }
            let suggestion = Suggestion.hints(for: word, among: candidates) {
                "'checkout-admin help \((prefix + [$0]).joined(separator: " "))'"
            }
            throw UsageError(
                message: "no help for '\(topic.joined(separator: " "))'",
                hints: suggestion + ["see 'checkout-admin --help'"])
        }
    }

    func unknownOption(_ option: String) -> UsageError {
        let names = options.map { "--\($0.name)" }
        let scope = command.map { " \($0.name)" } ?? ""
        return UsageError(
            message: "unknown option '\(option)'",
            hints: Suggestion.hints(for: option, among: names) + ["see 'checkout-admin\(scope) --help'"])
    }

    func missingCommandError() -> UsageError {
        if path.isEmpty {
            return UsageError(
                message: "no command given", hints: ["see 'checkout-admin --help' for the list of commands"])
        }
        let name = path.joined(separator: " ")
        return UsageError(
            message: "'\(name)' needs a subcommand: \(registry.children(of: path).joined(separator: ", "))",
            hints: ["see 'checkout-admin \(name) --help'"])
    }
}
