/// A command that fixes a finding or gets past a refusal, as data: which command, which arguments. The app
/// renders it as a command line; the domain never spells the program's name.
package struct Fix: Hashable, Sendable {
    /// One word of the command line.
    package enum Word: Hashable, Sendable {
        /// A value typed as is (quoted for the shell when it needs it).
        case value(String)
        /// A placeholder the user fills in, e.g. `<type>` or `name=…`; never quoted.
        case placeholder(String)
    }

    /// The command's words, e.g. `["method", "enable"]`.
    package let command: [String]
    /// The arguments after the command.
    package let arguments: [Word]
    /// Text said before the command, spacing included, e.g. "enable it first: ".
    package var lead: String?
    /// Text said after the command, e.g. "' for the catalogue".
    package var trail: String?
    /// Other commands that fix the same thing ("… (or …)").
    package var alternatives: [Fix] = []

    /// A fix from its command and argument values.
    package init(
        _ command: [String], _ arguments: [Word], lead: String? = nil, trail: String? = nil, or alternatives: [Fix] = []
    ) {
        self.trail = trail
        self.command = command
        self.arguments = arguments
        self.lead = lead
        self.alternatives = alternatives
    }

    /// `method enable <account> <type> [--currency CUR]`.
    package static func enableMethod(_ account: String, _ type: String, currency: String? = nil) -> Fix {
        Fix(
            ["method", "enable"],
            [.value(account), .value(type)] + (currency.map { [.value("--currency"), .value($0)] } ?? []))
    }

    /// `method enable <account> <type> --currency CUR…`, one `--currency` per currency.
    package static func enableMethod(_ account: String, _ type: String, currencies: [String]) -> Fix {
        Fix(
            ["method", "enable"],
            [.value(account), .value(type)] + currencies.flatMap { [Word.value("--currency"), .value($0)] })
    }

    /// `method disable <account> <type> --force`.
    package static func disableMethod(_ account: String, _ type: String) -> Fix {
        Fix(["method", "disable"], [.value(account), .value(type), .value("--force")])
    }

    /// `settings set <account> key=value…`.
    package static func setSettings(_ account: String, _ assignments: [Word]) -> Fix {
        Fix(["settings", "set"], [.value(account)] + assignments)
    }

    /// `profile add-method <account> <profile> <type>`.
    package static func addProfileMethod(_ account: String, _ profile: String, _ type: Word) -> Fix {
        Fix(["profile", "add-method"], [.value(account), .value(profile), type])
    }

    /// `profile remove-method <account> <profile> <type>`.
    package static func removeProfileMethod(_ account: String, _ profile: String, _ type: String) -> Fix {
        Fix(["profile", "remove-method"], [.value(account), .value(profile), .value(type)])
    }

    /// `profile set <account> <profile> key=value`.
    package static func setProfile(_ account: String, _ profile: String, _ assignment: String) -> Fix {
        Fix(["profile", "set"], [.value(account), .value(profile), .value(assignment)])
    }

    /// `profile set-option <account> <profile> <type> key=json`.
    package static func setProductOption(_ account: String, _ profile: String, _ type: String, _ assignment: String)
        -> Fix
    {
        Fix(["profile", "set-option"], [.value(account), .value(profile), .value(type), .value(assignment)])
    }

    /// `profile unset-option <account> <profile> <type> key`.
    package static func unsetProductOption(_ account: String, _ profile: String, _ type: String, _ key: String) -> Fix {
        Fix(["profile", "unset-option"], [.value(account), .value(profile), .value(type), .value(key)])
    }

    /// `clicktopay enable <account> [--profile PROFILE]`.
    package static func enableClickToPay(_ account: String, profile: String? = nil) -> Fix {
        Fix(["clicktopay", "enable"], [.value(account)] + (profile.map { [.value("--profile"), .value($0)] } ?? []))
    }

    /// This fix with another way to the same end.
    package func or(_ alternative: Fix) -> Fix {
        var fix = self
        fix.alternatives.append(alternative)
        return fix
    }
}
