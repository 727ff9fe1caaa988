import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// One option of a command, declared as data (after git's parse-options).
struct OptionSpec: Sendable {
    /// What the option carries.
    enum Kind: Sendable, Equatable {
        /// A boolean `--flag`, negated by `--no-flag`; the last one wins.
        case flag
        /// `--name VALUE` or `--name=VALUE`; the last one wins.
        case value(placeholder: String)
        /// Like `value`, but every occurrence is kept.
        case repeatedValue(placeholder: String)
    }

    /// The long name without `--`.
    let name: String
    /// The one-letter form without `-`, if any.
    let short: Character?
    /// Flag or value.
    let kind: Kind
    /// One line for `--help`.
    let help: String

    /// A boolean flag.
    static func flag(_ name: String, short: Character? = nil, _ help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, kind: .flag, help: help)
    }

    /// An option with one value.
    static func value(_ name: String, _ placeholder: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, short: nil, kind: .value(placeholder: placeholder), help: help)
    }

    /// An option that may be given several times.
    static func repeated(_ name: String, _ placeholder: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, short: nil, kind: .repeatedValue(placeholder: placeholder), help: help)
    }

    /// Whether the option takes a value.
    var takesValue: Bool { kind != .flag }

    /// The form shown in synopses and help, e.g. `--currency CUR`.
    var usageForm: String {
        switch kind {
        case .flag: return "--\(name)"
        case .value(let placeholder), .repeatedValue(let placeholder): return "--\(name) \(placeholder)"
        }
    }
}

/// One positional argument of a command.
struct ArgumentSpec: Sendable {
    /// How many words it takes.
    enum Arity: Sendable, Equatable {
        case required, optional, oneOrMore, zeroOrMore
    }

    /// The placeholder name, e.g. `account`.
    let name: String
    /// How many words.
    let arity: Arity
    /// One line for `--help`.
    let help: String

    /// The synopsis form: `<account>`, `[<key>]`, `<type>…`, `[<account>…]`.
    var usageForm: String {
        switch arity {
        case .required: return "<\(name)>"
        case .optional: return "[<\(name)>]"
        case .oneOrMore: return "<\(name)>…"
        case .zeroOrMore: return "[<\(name)>…]"
        }
    }
}

/// One example line in help: the command and what it does.
struct Example: Sendable {
    /// The words after `checkout-admin`.
    let command: String
    /// What it does, one line.
    let explanation: String
}

/// A runnable leaf command: its table and the function that runs it.
struct CommandSpec: Sendable {
    /// The words that name it, e.g. ["profile", "add"].
    let path: [String]
    /// One line for listings.
    let summary: String
    /// Positional arguments in order.
    var arguments: [ArgumentSpec] = []
    /// Command options (global options are added by the parser).
    var options: [OptionSpec] = []
    /// At least one.
    var examples: [Example] = []
    /// Longer text for `--help`, optional.
    var discussion: String?
    /// Runs the command; returns the exit status (0, or 1 for audit findings).
    let run: @Sendable (CommandContext) throws -> Int32

    /// The command's name as typed, e.g. `profile add`.
    var name: String { path.joined(separator: " ") }
}

/// A command with subcommands, such as `account`.
struct CommandGroup: Sendable {
    /// Its word.
    let name: String
    /// One line for listings.
    let summary: String
}
