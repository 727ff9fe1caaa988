import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// What shell completion offers for an option's value or a positional argument.
enum Completion: Sendable, Equatable {
    /// Nothing.
    case none
    /// File names.
    case file
    /// Account ids from the store.
    case account
    /// Profile ids of the account named on the line, from the store.
    case profile
    /// Every payment type of the catalogue.
    case paymentType
    /// The payment types the account named on the line has enabled.
    case enabledPaymentType
    /// ISO 4217 currency codes.
    case currency
    /// Setting keys.
    case settingKey
    /// `key=` for each setting, then the key's values after the `=`.
    case settingValue
    /// `field=` for each profile field, then the field's values after the `=`.
    case profileField
    /// A fixed list of words.
    case words([String])
}

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
    /// What completion offers for the value.
    let completion: Completion

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

/// Anything that declares an option for a command's table.
protocol DeclaredOption: Sendable {
    /// The table entry.
    var spec: OptionSpec { get }
}

/// A declared option that is read back through itself, so a command cannot read a name it did not declare:
/// `context.arguments[Self.force]`. `Value` says what reading it gives: `Bool` for a flag, `Bool?` for a flag
/// whose absence matters, `String?` for a value, `[String]` for a repeatable value.
struct Option<Value>: DeclaredOption {
    /// The table entry the parser and help use.
    let spec: OptionSpec
}

extension Option where Value == Bool {
    /// A boolean `--flag` (with `--no-flag`), false when absent.
    static func flag(_ name: String, short: Character? = nil, _ help: String) -> Option {
        Option(spec: OptionSpec(name: name, short: short, kind: .flag, help: help, completion: .none))
    }
}

extension Option where Value == Bool? {
    /// A boolean flag read as nil when neither `--flag` nor `--no-flag` was given.
    static func optionalFlag(_ name: String, _ help: String) -> Option {
        Option(spec: OptionSpec(name: name, short: nil, kind: .flag, help: help, completion: .none))
    }
}

extension Option where Value == String? {
    /// An option with one value; the last one given wins.
    static func value(_ name: String, _ placeholder: String, _ help: String, completion: Completion = .none) -> Option {
        Option(
            spec: OptionSpec(
                name: name, short: nil, kind: .value(placeholder: placeholder), help: help, completion: completion))
    }
}

extension Option where Value == [String] {
    /// An option that may be given several times; every value is kept, in order.
    static func repeated(_ name: String, _ placeholder: String, _ help: String, completion: Completion = .none)
        -> Option
    {
        Option(
            spec: OptionSpec(
                name: name, short: nil, kind: .repeatedValue(placeholder: placeholder), help: help,
                completion: completion))
    }
}

/// One positional argument of a command; read back through itself like an option.
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
    /// What completion offers for it.
    var completion: Completion = .none

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

    /// A command's table; options are the declared `Option`s the command reads back.
    init(
        path: [String], summary: String, arguments: [ArgumentSpec] = [], options: [any DeclaredOption] = [],
        examples: [Example] = [], discussion: String? = nil, run: @escaping @Sendable (CommandContext) throws -> Int32
    ) {
        self.path = path
        self.summary = summary
        self.arguments = arguments
        self.options = options.map(\.spec)
        self.examples = examples
        self.discussion = discussion
        self.run = run
    }

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
