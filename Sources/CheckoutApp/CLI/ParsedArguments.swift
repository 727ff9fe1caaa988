/// The words of one command line, bound to a command's table. Commands read them back through the declared
/// `Option`s and `ArgumentSpec`s, never by name, so a misspelt name does not compile; reading an option the
/// command did not declare is a programmer error, caught by the first test that runs the command.
struct ParsedArguments: Sendable {
    /// Positional words by argument name.
    var positionals: [String: [String]] = [:]
    /// Value options by name, every occurrence in order.
    var values: [String: [String]] = [:]
    /// Flags by name; the last occurrence won.
    var flags: [String: Bool] = [:]
    /// The names of the options the line may carry (the command's and the global ones); nil before binding.
    var declared: Set<String>?

    /// A flag: false when absent.
    subscript(option: Option<Bool>) -> Bool {
        flags[checked(option.spec)] ?? false
    }

    /// A flag whose absence matters: nil when neither `--flag` nor `--no-flag` was given.
    subscript(option: Option<Bool?>) -> Bool? {
        flags[checked(option.spec)]
    }

    /// The last value given for an option.
    subscript(option: Option<String?>) -> String? {
        values[checked(option.spec)]?.last
    }

    /// Every value given for a repeatable option, in order.
    subscript(option: Option<[String]>) -> [String] {
        values[checked(option.spec)] ?? []
    }

    /// A required argument's word.
    func word(_ argument: ArgumentSpec) -> String {
        positionals[argument.name]?.first ?? ""
    }

    /// An optional argument's word.
    func optionalWord(_ argument: ArgumentSpec) -> String? {
        positionals[argument.name]?.first
    }

    /// A variadic argument's words.
    func words(_ argument: ArgumentSpec) -> [String] {
        positionals[argument.name] ?? []
    }

    private func checked(_ spec: OptionSpec) -> String {
        precondition(declared?.contains(spec.name) ?? true, "option '--\(spec.name)' is read but not declared")
        return spec.name
    }
}
