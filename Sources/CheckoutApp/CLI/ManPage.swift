import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// `help --man`: a roff man page generated from the same command tables as `--help`.
struct ManPage {
    /// The command tree.
    let registry: CommandRegistry

    /// `help --man`: the one option the `help` command takes.
    static let option = Option.flag("man", "print the manual page (roff) instead of help text")

    /// The page, for `man -l -` or `groff -man`.
    func render() -> String {
        let build = BuildVersion.current
        // No hyphenation and no justification: command lines and variable names must stay copyable.
        var lines = [
            ".TH CHECKOUT-ADMIN 1 \(build.releaseDate) \"checkout-admin \(build.version)\" \"User Commands\"", ".nh",
            ".ad l",
            ".SH NAME", "checkout\\-admin \\- backoffice for Dintero checkout configuration and Click to Pay",
            ".SH SYNOPSIS", ".B checkout\\-admin",
            "[\\fIglobal options\\fR] \\fIcommand\\fR [\\fIarguments\\fR] [\\fIoptions\\fR]",
            ".SH DESCRIPTION",
            escape(
                "Keeps merchant settings, account payment methods and payment profiles in a local SQLite store, "
                    + "offers Click to Pay only through Dintero's own PSP (dintero_psp.clicktopay), audits configuration, "
                    + "exports Dintero's JSON and provisions accounts from a state document."),
            ".SH GLOBAL OPTIONS",
        ]
        lines += GlobalOptions.specs.flatMap(option)
        lines.append(".SH COMMANDS")
        lines += registry.commands.flatMap(command)
        lines += [".SH EXIT STATUS"] + topic(HelpTopic.exitCodes.text)
        lines += [".SH ENVIRONMENT"] + topic(HelpTopic.environment.text)
        lines += [".SH FILES"] + ManPage.files.flatMap(file)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The files the tool reads and writes, each with what it is and how to choose another.
    static let files: [(path: String, meaning: String)] = [
        (
            "$XDG_DATA_HOME/checkout-admin/store.sqlite",
            "The store (SQLite, mode 0600, with its -wal and -shm files), created on the first write; "
                + "~/.local/share/checkout-admin/store.sqlite when XDG_DATA_HOME is unset. "
                + "--store or CHECKOUT_ADMIN_STORE chooses another."
        ),
        (
            "$XDG_CONFIG_HOME/checkout-admin/credentials.json",
            "API client credentials per account for pull, diff and push, "
                + "{\"T12345678\": {\"client_id\": \"…\", \"client_secret\": \"…\"}}; refused when group- or "
                + "world-readable. ~/.config/checkout-admin/credentials.json when XDG_CONFIG_HOME is unset; "
                + "CHECKOUT_ADMIN_CREDENTIALS chooses another."
        ),
        (
            "/usr/lib/checkout-admin/checkout-admin-remote",
            "The helper that runs pull, diff and push, executed with the same arguments and environment: "
                + "looked for beside checkout-admin first, then in ../lib/checkout-admin/ from it "
                + "(this path when checkout-admin is /usr/bin/checkout-admin, as the Debian package installs it)."
        ),
    ]

    private func file(_ file: (path: String, meaning: String)) -> [String] {
        [".TP", "\\fI\(escape(file.path))\\fR", escape(file.meaning)]
    }

    private func command(_ command: CommandSpec) -> [String] {
        var lines = [
            ".SS \(escape(command.name))", ".B \(escape(Synopsis.line(for: command)))", ".PP", escape(command.summary),
        ]
        if let discussion = command.discussion { lines += [".PP", escape(discussion)] }
        lines += command.options.flatMap(option)
        for example in command.examples {
            lines += [
                ".PP", "Example: \(escape(example.explanation))", ".IP",
                ".B \(escape("checkout-admin " + example.command))",
            ]
        }
        return lines
    }

    private func option(_ option: OptionSpec) -> [String] {
        let short = option.short.map { "\\fB\\-\($0)\\fR, " } ?? ""
        return [".TP", short + "\\fB\(escape(option.usageForm))\\fR", escape(option.help)]
    }

    private func topic(_ text: String) -> [String] {
        [".nf"] + text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) } + [".fi"]
    }

    /// Escapes roff: backslashes, leading dots and quotes, hyphens (as `\-`), double quotes (as `\(dq`, which
    /// macro arguments such as `.B` would otherwise take as argument quoting and drop) and non-ASCII characters.
    private func escape(_ text: String) -> String {
        var result = ""
        let escaped = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
            .replacingOccurrences(of: "\"", with: "\\(dq")
        for scalar in escaped.unicodeScalars {
            // Non-ASCII as groff's Unicode escapes (`\[u00E9]`), so `groff -man -ww` renders without warnings; the
            // ellipsis of synopses as roff's own `.\|.\|.`, which ASCII terminals (man in the C locale) can show.
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else if scalar == "\u{2026}" {
                result += ".\\|.\\|."
            } else {
                result += "\\[u\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))]"
            }
        }
        if result.hasPrefix(".") || result.hasPrefix("'") { result = "\\&" + result }
        return result
    }
}

extension String {
    /// The text with leading zeros up to `width` characters.
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
